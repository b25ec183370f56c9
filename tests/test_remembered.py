"""Reopening a pasted file without --published: the library's date is used (export and app)."""

from __future__ import annotations

from reader.cli import main
from reader.load import load_document
from reader.store import Store
from tests.conftest import REFERENCE, REFERENCE_DATE


def test_export_of_a_file_reopened_without_its_date_uses_the_library(tmp_path, capsys):
    with Store.open() as store:  # what the app records when the reader opened it with --published
        store.open_article(load_document(str(REFERENCE), published=REFERENCE_DATE))
    out = tmp_path / "out.md"
    assert main(["export", str(REFERENCE), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert f'published: "{REFERENCE_DATE}"' in text
    assert "(not resolved)" not in text


def test_the_app_gets_the_remembered_date(monkeypatch):
    import reader.ui.app as app_module

    with Store.open() as store:
        store.open_article(load_document(str(REFERENCE), published=REFERENCE_DATE))
    seen = []
    monkeypatch.setattr(app_module, "run_document", lambda document: seen.append(document) or 0)
    assert app_module.run_app(str(REFERENCE)) == 0
    assert seen[0].published == REFERENCE_DATE

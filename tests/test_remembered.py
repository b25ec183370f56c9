"""Reopening a pasted file without --published: the library's date is used (export and app)."""

from __future__ import annotations

import pytest

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


def test_the_command_line_gets_the_remembered_date_from_the_forked_load(monkeypatch):
    """`reader FILE` asks the library in the child that loads the file; the app sees the same date."""
    import reader.ui.app as app_module

    with Store.open() as store:
        store.open_article(load_document(str(REFERENCE), published=REFERENCE_DATE))
    seen = []
    monkeypatch.setattr(app_module, "run_document", lambda document: seen.append(document) or 0)
    monkeypatch.setattr(app_module, "run_app", lambda *a, **k: seen.append(None) or 0)
    assert main([str(REFERENCE)]) == 0
    if seen[0] is None:
        pytest.skip("not forked here (threads running): the in-process path is the test above")
    assert seen[0].published == REFERENCE_DATE


def test_the_forked_load_asks_the_library_only_when_told():
    from reader.early_load import start_loading

    with Store.open() as store:
        store.open_article(load_document(str(REFERENCE), published=REFERENCE_DATE))
    remembered = start_loading(str(REFERENCE), remember=True)
    plain = start_loading(str(REFERENCE))
    if remembered is None or plain is None:
        pytest.skip("not forked here")
    assert remembered.result().published == REFERENCE_DATE
    assert not plain.result().published

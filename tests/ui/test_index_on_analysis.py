"""A finished analysis in the app is kept in the library index, off the UI thread; a failure is said."""

from __future__ import annotations

import pytest

from reader import index
from reader.errors import ReaderError
from reader.model import Document
from reader.store import Store
from reader.ui import index_saver
from reader.ui.app import ReaderApp
from tests.ui.conftest import wait_analysis, wait_workers

TEXT = "The orchard cooperative opened a cider press in the valley, and the first barrels sold out by noon."


@pytest.fixture(autouse=True)
def _no_model(no_model):
    """The analysis runs without spaCy."""


def _document() -> Document:
    return Document.from_blocks([("paragraph", TEXT, 0)], title="Cider press opens")


def _indexed_titles() -> list[str]:
    with Store.open() as store:
        return [hit.title for hit in index.search(store, "cider")]


async def test_finished_analysis_is_saved_to_the_library_index():
    app = ReaderApp(_document())
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_analysis(app, pilot)
        await wait_workers(pilot, index_saver.GROUP)  # started by the complete analysis
        assert _indexed_titles()
    with Store.open() as store:
        [article] = store.articles()
        assert index.is_indexed(store, article.id) and article.title == "Cider press opens"
    assert "Cider press opens" in _indexed_titles()


async def test_an_index_failure_is_shown_in_the_status_line(monkeypatch):
    def broken(store, document, analysis):
        raise ReaderError("the disk is full (test)")

    monkeypatch.setattr(index, "index_document", broken)
    app = ReaderApp(_document())
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_analysis(app, pilot)
        status = app.reading.status
        await wait_workers(pilot, index_saver.GROUP)
        assert "library index" in status.render_state().plain
        assert "Not saved to the library index: the disk is full (test)" in status.render_state().plain

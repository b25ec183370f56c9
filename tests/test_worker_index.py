"""The analysis process writes the finished analysis to the library index itself (the app's UI
process never spends its GIL on it), and says in one line when it cannot."""

from __future__ import annotations

import pytest

from reader.model import Document


def _document() -> Document:
    return Document.from_blocks(
        [("paragraph", "“We will keep the ferry running,” said Ana Ruiz, the harbour master, on Monday.", 0)],
        title="An invented ferry story",
        origin="test",
    )


def _analyse(index_dir: str) -> tuple[list, list[str]]:
    """The snapshots of the analysis process, and what it said of the index."""
    from reader.analysis.worker import AnalysisService

    said: list[str] = []
    service = AnalysisService(helper=False)
    try:
        return list(service.analyse(_document(), index_dir=index_dir, indexed=said.append)), said
    finally:
        service.cancel()


@pytest.mark.timeout(180)
def test_the_process_indexes_the_finished_analysis(tmp_path):
    from reader.index import is_indexed
    from reader.store import Store

    snapshots, said = _analyse(str(tmp_path))
    assert snapshots[-1].complete
    assert said == [""]
    with Store.open(tmp_path) as store:
        article = store.find_article(_document())
        assert article is not None and is_indexed(store, article.id)
        rows = store.query("SELECT text FROM quotes WHERE article_id = ?", (article.id,))
        assert [row[0] for row in rows] == [quote.text for quote in snapshots[-1].quotes] != []


@pytest.mark.timeout(180)
def test_an_index_the_process_cannot_write_is_one_line(tmp_path):
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("x")
    snapshots, said = _analyse(str(not_a_directory))
    assert snapshots[-1].complete and not any("index" in e for e in snapshots[-1].errors)
    assert len(said) == 1 and said[0] and "\n" not in said[0]

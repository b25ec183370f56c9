"""Pictures of the main screen with the analysis done: wide (panes beside the article) and narrow (one pane).

The analysis is the hand-made one of `fixed_article` (posted to the screen as
the analysis worker would, with no model and no worker), so the pictures
change only when the UI does, never when an analysis rule or the model does.
"""

from __future__ import annotations

import pytest

from reader.ui.analysis_feed import AnalysisFeed
from reader.ui.app import ReaderApp
from reader.ui.messages import AnalysisUpdated, ModelLoaded

from tests.ui.conftest import wait_workers
from tests.ui.fixed_article import MODEL, fixed_analysis, fixed_document


@pytest.fixture(autouse=True)
def _fixed_analysis(monkeypatch):
    """The feed posts the fixed analysis at once instead of starting the analysis worker."""

    def start(feed: AnalysisFeed) -> None:
        feed.host.post_message(ModelLoaded(MODEL, ""))
        feed.host.post_message(AnalysisUpdated(fixed_analysis(feed.host.document)))

    monkeypatch.setattr(AnalysisFeed, "start", start)


async def _settled(pilot) -> None:
    """The panes are mounted and filled, the notes session is open, the library index written."""
    await wait_workers(pilot)  # the notes session; the screen shows the analysis, which starts the index
    await wait_workers(pilot)  # the library index
    assert pilot.app.reading.analysis.complete and pilot.app.reading.notes.session is not None


@pytest.mark.parametrize("size", [(160, 50), (80, 24)], ids=["wide-160x50", "narrow-80x24"])
def test_main_screen(snap_compare, size):
    assert snap_compare(ReaderApp(fixed_document()), terminal_size=size, run_before=_settled)


def test_selected_quote_and_speaker(snap_compare):
    async def select(pilot) -> None:
        await _settled(pilot)
        await pilot.press("]", "]", "s")
        await pilot.pause()

    assert snap_compare(ReaderApp(fixed_document()), terminal_size=(160, 50), run_before=select)

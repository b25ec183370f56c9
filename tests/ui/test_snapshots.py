"""Pictures of the main screen with the analysis done: wide (panes beside the article) and narrow (one pane)."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp

from tests.ui.conftest import wait_analysis, wait_notes


async def _settled(pilot) -> None:
    await wait_analysis(pilot.app, pilot)
    await wait_notes(pilot.app, pilot)
    await pilot.pause()


@pytest.mark.parametrize("size", [(160, 50), (80, 24)], ids=["wide-160x50", "narrow-80x24"])
def test_main_screen(snap_compare, reference_document, size):
    assert snap_compare(ReaderApp(reference_document), terminal_size=size, run_before=_settled)


def test_selected_quote_and_speaker(snap_compare, reference_document):
    async def select(pilot) -> None:
        await _settled(pilot)
        await pilot.press("]", "]", "s")
        await pilot.pause()

    assert snap_compare(ReaderApp(reference_document), terminal_size=(160, 50), run_before=select)

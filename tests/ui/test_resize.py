"""Resizing keeps the reader's place: the sentence under the cursor stays under it, both ways, at any width."""

from __future__ import annotations

import pytest

from tests.ui.conftest import cursor_line


def _on_cursor(app, offset: int) -> bool:
    start, end = cursor_line(app)
    return start <= offset <= end


async def test_bottom_then_narrow_and_back_keeps_the_last_sentence(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        offset = cursor_line(reference_app)[0]
        for size in [(80, 24), (160, 50), (80, 24), (120, 30), (60, 20), (200, 60)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert _on_cursor(reference_app, offset), size
            article = reference_app.article
            assert int(article.scroll_y) <= article.cursor < int(article.scroll_y) + article.size.height, size


@pytest.mark.parametrize("lines_down", [12, 30])
async def test_a_sentence_in_the_middle_stays_under_the_cursor(reference_app, lines_down):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press(*["j"] * lines_down)
        start, _ = cursor_line(reference_app)
        for size in [(80, 24), (160, 50), (100, 24), (70, 40), (160, 50)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert _on_cursor(reference_app, start), size
        assert cursor_line(reference_app)[0] == start


async def test_a_change_of_height_alone_tells_the_panes_what_is_in_view(reference_app):
    """Taller or shorter at the same width: no re-layout, but more or fewer lines are in view."""
    async with reference_app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        pane = reference_app.reading.panes[0]
        short = pane._view
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert pane._view == reference_app.article.visible_range()
        assert pane._view[1] > short[1]

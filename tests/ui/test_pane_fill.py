"""A pane of thousands of items fills a chunk per frame, and every key still reaches every item."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from reader.ui.widgets.pane import FILL_CHUNK, ItemPane, PaneItem

COUNT = FILL_CHUNK * 20


def _items(count: int = COUNT) -> list[PaneItem]:
    return [PaneItem(f"k{n}", Text(f"The ferry timetable, change number {n}"), [(n * 10, n * 10 + 5)]) for n in range(count)]


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield ItemPane(id="pane")

    @property
    def pane(self) -> ItemPane:
        return self.query_one(ItemPane)


async def test_a_long_pane_fills_across_frames_and_ends_whole():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.pane.show_items(_items())
        assert app.pane.option_count < COUNT  # only a first chunk before the next frame
        for _ in range(200):
            if app.pane.option_count == COUNT:
                break
            await pilot.pause(0.02)
        assert app.pane.option_count == COUNT
        assert [o.id for o in app.pane.options] == [i.key for i in app.pane.items]


async def test_keys_reach_items_not_added_yet():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.pane
        pane.show_items(_items())
        pane.focus()
        pane.highlight_key(f"k{COUNT - 3}")  # a jump to a late item
        assert pane.highlighted_item.key == f"k{COUNT - 3}"
        pane.show_items(_items(), final=True)  # same items: nothing rebuilt
        pane.show_message("reset")
        pane.show_items(_items())
        pane.highlighted = pane.option_count - 1
        last_added = pane.highlighted
        await pilot.press("j")  # at the last option added so far: the next one, never a wrap to the top
        assert pane.highlighted == last_added + 1
        await pilot.press("G")
        assert pane.highlighted_item.key == f"k{COUNT - 1}"

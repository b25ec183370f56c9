"""A pane of thousands of rows: the first rows and a screenful at once, the rest a slice per frame;
rows a new snapshot repeats keep their option (and its measured height)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from reader.ui.widgets import pane as pane_module
from reader.ui.widgets.pane import ItemPane, PaneItem


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ItemPane(id="pane")


def _items(count: int, word: str = "row") -> list[PaneItem]:
    return [PaneItem(f"k{n}", Text(f"{word} {n}\nsecond line of {n}"), [(n * 10, n * 10 + 5)]) for n in range(count)]


async def test_a_long_pane_fills_in_slices_and_keeps_what_repeats():
    app = PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(ItemPane)
        items = _items(3_000)
        pane.show_items(items)
        assert pane_module.FIRST_ITEMS <= pane.option_count < len(items)  # the rest come a slice per frame
        assert pane.item("k2999") is items[-1]  # every item is known at once
        pane.highlight_key("k1500")  # an item not shown yet is shown first
        assert pane.option_count > 1500 and pane.highlighted_option.id == "k1500"
        while pane.option_count < len(items):
            await pilot.pause(0.05)
        first = pane.get_option("k10")
        again = _items(3_000)
        again[5] = PaneItem("k5", Text("changed"), [(50, 55)])
        pane.show_items(again)
        while pane.option_count < len(again):
            await pilot.pause(0.05)
        assert pane.get_option("k10") is first  # same prompt: the same option, its height known
        assert str(pane.get_option("k5").prompt) == "changed"
        assert pane.highlighted_option.id == "k1500"  # the reader's place is kept


async def test_last_goes_to_the_real_last_item_while_the_pane_fills():
    app = PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(ItemPane)
        pane.show_items(_items(2_000))
        pane.focus()
        await pilot.press("G")
        assert pane.highlighted_option.id == "k1999"


async def test_while_the_analysis_runs_a_long_pane_adds_rows_only_as_they_are_needed():
    app = PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(ItemPane)
        pane.show_items(_items(3_000), final=False)
        await pilot.pause(0.3)
        shown = pane.option_count
        assert shown < 3_000  # no background fill: the next snapshot would rebuild it anyway
        pane.focus()
        pane.highlighted = shown - 1
        await pilot.press("j")
        assert pane.highlighted_option.id == f"k{shown}"  # the next row, not a wrap to the top
        pane.scroll_to(y=pane.max_scroll_y, animate=False, immediate=True)
        assert pane.option_count > shown + 1  # scrolling towards the end adds the rows it shows
        pane.show_items(_items(3_000, "final"), final=True)
        while pane.option_count < 3_000:
            await pilot.pause(0.05)


async def test_up_from_the_first_row_wraps_to_the_real_last_row():
    app = PaneApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(ItemPane)
        pane.show_items(_items(2_000), final=False)
        pane.focus()
        pane.highlighted = 0
        await pilot.press("k")
        assert pane.highlighted_option.id == "k1999"

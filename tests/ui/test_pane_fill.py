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

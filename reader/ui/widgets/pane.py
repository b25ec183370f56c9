"""The base of every side pane: a list of items linked to places in the article.

An `ItemPane` is an OptionList whose options are `PaneItem`s: a prompt
(rich `Text`, never markup) plus the body spans the item stands for. The
screen hands it new items as the analysis grows (`show_items`), tells it
which part of the body is in view (`mark_view`: items in view get a bar in
the margin) and listens to its OptionHighlighted/OptionSelected messages.
Empty and failed states are explicit lines, never a blank pane.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.navigate import Span
from reader.ui.themes import themed

IN_VIEW = "▎"
BUSY_ITEMS = 200
BUSY_REBUILD_SECONDS = 4.0
FIRST_ITEMS = 30
"""A rebuilt pane shows at least this many items (and a screenful) at once; the rest follow."""
FILL_BATCH = 25
FILL_SECONDS = 0.03
FILL_PAUSE = 0.05
"""The rest are added `FILL_BATCH` at a time: at most `FILL_SECONDS` of work, then `FILL_PAUSE`
with no pane filling (the panes share the pause, so keys and frames get most of the time)."""


@dataclass(slots=True)
class PaneItem:
    """One row of a pane: `key` is unique in the pane; `spans` are sorted body spans."""

    key: str
    prompt: Text
    spans: list[Span] = field(default_factory=list)
    header: bool = False
    target: int | None = None
    """Where enter jumps to (defaults to the span nearest the cursor)."""

    def in_view(self, start: int, end: int) -> bool:
        if not self.spans:
            return False
        index = bisect_left(self.spans, (start, -1))
        if index > 0 and self.spans[index - 1][1] > start:
            return True
        return index < len(self.spans) and self.spans[index][0] < end


class ItemPane(OptionList):
    """A side pane of linked items."""

    COMPONENT_CLASSES = {"pane--marker"}

    pane_title: ClassVar[str] = ""
    empty_text: ClassVar[str] = "Nothing here"
    _next_fill: ClassVar[float] = 0.0
    """When (monotonic) the next slice of any pane's fill may start (`_fill_later`)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[PaneItem] = []
        self._by_key: dict[str, PaneItem] = {}
        self._marked: set[str] = set()
        self._view: tuple[int, int] = (0, 0)
        self._signature: tuple[object, ...] | None = None
        self._built_at = 0.0
        self._shown = 0
        """How many of `items` the list holds (the others are added as they are needed, and in the
        background once the analysis is complete or the pane is short)."""
        self._fill_rest = True
        self._fill_timer = None
        self._made: dict[str, tuple[Text, bool, Option]] = {}
        """The option last made for each key: reused while its prompt is unchanged, with its
        measured height (OptionList wraps every option to lay out the list: most of a rebuild)."""
        self.quiet_key: str | None = None
        """A highlight the pane restored itself after a rebuild: not the reader's choice."""
        self.border_title = self.pane_title

    def on_mount(self) -> None:
        self.show_message(Text("Analysing…", style="italic"))

    # -- content -------------------------------------------------------------------------------
    def item(self, key: str | None) -> PaneItem | None:
        return self._by_key.get(key) if key is not None else None

    @property
    def highlighted_item(self) -> PaneItem | None:
        option = self.highlighted_option
        return self.item(option.id) if option is not None else None

    def show_message(self, message: Text | str) -> None:
        """Replace the items with one explicit, unselectable line (empty, pending or failed)."""
        text = message if isinstance(message, Text) else Text(message, style="italic")
        self.items, self._by_key, self._marked, self._signature = [], {}, set(), None
        self._shown = 0
        self.set_options([Option(text, disabled=True)])
        self.border_subtitle = ""

    def resting(self, final: bool) -> bool:
        """True when a snapshot that is not `final` would be ignored: a long pane rebuilt less than
        `BUSY_REBUILD_SECONDS` ago (its caller need not even build the items)."""
        return not final and len(self.items) > BUSY_ITEMS and time.monotonic() - self._built_at < BUSY_REBUILD_SECONDS

    def show_items(
        self, items: list[PaneItem], *, subtitle: str = "", empty: str | None = None, final: bool = True
    ) -> None:
        """Show `items`, keeping the highlighted one; `empty` is said when there are none.

        While the analysis runs (`final` False) a long pane is rebuilt at most every
        `BUSY_REBUILD_SECONDS`, and items only appended at the end are added without a rebuild,
        so the reader's keys stay quick on a long article.
        """
        self.border_subtitle = subtitle
        if self.resting(final):
            return
        signature = tuple((i.key, i.prompt.plain, tuple(i.spans)) for i in items)
        if signature == self._signature:
            return
        if not items:
            self.show_message(empty or self.empty_text)
            self._signature = signature
            return
        old = self._signature or ()
        appended = bool(self.items) and len(signature) > len(old) and signature[: len(old)] == old
        self._signature = signature
        self._built_at = time.monotonic()
        if appended:
            self.items = [*self.items, *items[len(self.items):]]
        else:
            keys = {i.key for i in items}
            self._made = {key: made for key, made in self._made.items() if key in keys}
            self.items = list(items)
        self._by_key = {i.key: i for i in self.items}
        self._marked = {i.key for i in self.items if not i.header and i.in_view(*self._view)}
        self._fill_rest = final or len(self.items) <= BUSY_ITEMS  # else a rebuild would soon redo it
        if appended:
            self._fill_to(FIRST_ITEMS - 1, lines=self._lines_wanted())
            self._fill_soon()
            return
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        top = self.scroll_y
        self._shown = 0
        self.set_options([])
        at = next((n for n, i in enumerate(self.items) if i.key == keep), -1) if keep is not None else -1
        self._fill_to(max(at, FIRST_ITEMS - 1), lines=self._lines_wanted(int(top)))
        if keep is not None:
            self.quiet_key = keep
            self.highlight_key(keep)
        self.scroll_to(y=top, animate=False, immediate=True)
        self._fill_soon()

    def _option(self, item: PaneItem) -> Option:
        """The item's option: the one made before while its prompt is the same (its height is known)."""
        made = self._made.get(item.key)
        if made is None or made[1] != item.header or made[0] != item.prompt:
            made = (item.prompt, item.header, Option(themed(item.prompt), id=item.key, disabled=item.header))
            self._made[item.key] = made
        return made[2]

    def _add_through(self, stop: int) -> None:
        """Add the options of the items before `stop` that the list does not show yet."""
        stop = min(stop, len(self.items))
        if stop > self._shown:
            start, self._shown = self._shown, stop
            self.add_options([self._option(item) for item in self.items[start:stop]])

    def _fill_to(self, index: int, *, lines: int = 0) -> None:
        """Add options now until item `index` is shown and the list has at least `lines` lines."""
        while self._shown < len(self.items) and (self._shown <= index or len(self._lines) < lines):
            self._add_through(self._shown + FILL_BATCH)

    def _lines_wanted(self, top: int | None = None) -> int:
        """Lines the list should hold for a view from line `top` (the scroll position): two screens."""
        return (int(self.scroll_y) if top is None else top) + 2 * self.scrollable_content_region.height + 1

    def _fill_soon(self) -> None:
        if self._fill_timer is None and self._fill_rest and self._shown < len(self.items) and self.is_mounted:
            self._fill_timer = self.set_timer(FILL_PAUSE, self._fill_later)

    def _fill_later(self) -> None:
        """Add the remaining options a slice at a time (at most `FILL_SECONDS` of work each, and no
        pane's slice within `FILL_PAUSE` of another's), so panes of thousands of items never hold the
        reader's keys while they are measured."""
        self._fill_timer = None
        wait = ItemPane._next_fill - time.monotonic()
        if wait > 0:  # another pane filled a moment ago
            if self.is_mounted:
                self._fill_timer = self.set_timer(wait, self._fill_later)
            return
        began = time.perf_counter()
        while self._shown < len(self.items) and time.perf_counter() - began < FILL_SECONDS:
            self._add_through(self._shown + FILL_BATCH)
        ItemPane._next_fill = time.monotonic() + FILL_PAUSE
        self._fill_soon()

    def action_last(self) -> None:
        self._fill_to(len(self.items))
        super().action_last()

    def action_cursor_down(self) -> None:
        self._fill_to((self.highlighted or 0) + 1)  # the next row exists: no wrap to the top
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or all(option.disabled for option in self.options[: self.highlighted]):
            self._fill_to(len(self.items))  # it wraps to the real last row
        super().action_cursor_up()

    def action_page_down(self) -> None:
        line = self._index_to_line.get(self.highlighted or 0, 0)
        self._fill_to(-1, lines=line + 2 * self.scrollable_content_region.height + 1)
        super().action_page_down()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._shown < len(self.items):  # scrolled (wheel, scrollbar) towards rows not added yet
            self._fill_to(-1, lines=self._lines_wanted(int(new_value)))

    def highlight_key(self, key: str) -> None:
        """Move the highlight to the item `key` (no-op when absent)."""
        for index, item in enumerate(self.items):
            if item.key == key:
                self._fill_to(index)
                if self.highlighted != index:
                    self.highlighted = index
                return

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Show the highlighted item whole, and never the tail of an earlier item above it."""
        super().scroll_to_highlight(top)
        index = self.highlighted
        if index is None or not self.is_mounted or index not in self._index_to_line:
            return
        lines, first = self._lines, int(self.scroll_y)
        if first >= len(lines) or lines[first][1] == 0:
            return
        start, height = self._index_to_line[index], self._heights[index]
        boundary = next((y for y in range(first, start) if lines[y][1] == 0), start)
        fits = start + height - boundary <= self.scrollable_content_region.height
        self.scroll_to(y=boundary if fits else start, animate=False, immediate=True)

    # -- linking with the article ------------------------------------------------------------
    def mark_view(self, start: int, end: int) -> None:
        """Mark the items with a span in body `start`-`end` (what the reader sees now)."""
        self._view = (start, end)
        marked = {i.key for i in self.items if not i.header and i.in_view(start, end)}
        if marked == self._marked:
            return
        self._marked = marked
        self.refresh()

    def _get_left_gutter_width(self) -> int:
        return 2

    def render_line(self, y: int) -> Strip:
        """The option's line, after a gutter that marks the items in view (first line only)."""
        strip = super().render_line(y)
        line = int(self.scroll_y) + y
        mark = " "
        if 0 <= line < len(self._lines):
            index, line_no = self._lines[line]
            if line_no == 0 and 0 <= index < len(self.items) and self.items[index].key in self._marked:
                mark = IN_VIEW
        return Strip([Segment(mark + " ", self.get_component_rich_style("pane--marker")), *strip])

    def first_in_view(self) -> int | None:
        for index, item in enumerate(self.items):
            if item.key in self._marked:
                return index
        return None

    def on_focus(self) -> None:
        """Entering a pane puts its highlight on the first item in view (or the first item)."""
        if self.highlighted is None or (self.highlighted_option and self.highlighted_option.disabled):
            index = self.first_in_view()
            if index is None:
                index = next((i for i, item in enumerate(self.items) if not item.header), None)
            if index is not None:
                self._fill_to(index)
                self.highlighted = index

"""The article view: the cleaned body drawn line by line, with a reading cursor and painted spans.

A Line-API widget (`ScrollView.render_line`): only the lines in view are
drawn, so a million-word article opens as fast as a short one. The text is
turned into `Segment`s directly (never parsed as markup; `article_draw`
draws a line, `article_paint` its painted spans) after control and bidi
characters are replaced one for one (`reader.sanitize.screen_safe`), so
offsets stay true and nothing reaches the terminal raw. The screen paints
spans by layer (`paint`); styles come from the `.tcss` component classes,
so themes apply. The view owns the jump list: `jump` remembers where the
cursor was, `back` returns there, and `current` is the span the last jump
marked.
"""

from __future__ import annotations

from functools import partial

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.layout import ArticleLayout, char_at_column
from reader.model import Document
from reader.navigate import JumpList, Span
from reader.ui.widgets.article_draw import LineDrawer
from reader.ui.widgets.article_messages import Clicked, CursorMoved, ViewChanged
from reader.ui.widgets.article_paint import LAYERS, Layers

MEASURE = 88
"""Text columns at most (a readable measure); `w` lifts it."""
GUTTER = 2
LAYOUT_FIRST = 200
"""Blocks laid out before the first paint (past the place to show); the rest follows in steps."""
LAYOUT_STEP = 300
"""Blocks laid out at a time between the reader's keys (some 15,000 words: about 30 ms)."""
SCROLL_OFF = 2
"""Lines kept between the cursor and the top or bottom edge."""


class ArticleView(ScrollView, can_focus=True):
    """The article pane."""

    COMPONENT_CLASSES = {
        "article--title", "article--meta", "article--url", "article--heading", "article--blockquote",
        "article--cursor", "article--gutter", "article--link",
        *(f"article--{name}" for name in LAYERS),
    }

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]

    full_width: reactive[bool] = reactive(False)

    CursorMoved = CursorMoved
    ViewChanged = ViewChanged
    Clicked = Clicked

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.article_layout = ArticleLayout()
        """Laid out at the real width on the first resize (a million words take most of a second)."""
        self.cursor = 0
        self.painted = Layers()
        self.jumps = JumpList()
        """Where the reader jumped from, newest last (backspace walks back)."""
        self.current: Span | None = None
        """The span the last jump marked (painted as "current")."""
        self._anchor: int | None = None
        """The body offset of the reader's line (None: the header): what a re-layout keeps in place."""
        self._relaying = False
        self._drawer = LineDrawer(self)

    # -- jumps --------------------------------------------------------------------------------
    def jump(self, offset: int, span: Span | None = None, *, push: bool = True) -> None:
        """Move the cursor to `offset` (remembering where it was when `push`) and mark `span`."""
        if push:
            self.jumps.push(self.cursor_offset)
        self.jump_to(offset)
        self.mark(span)

    def mark(self, span: Span | None) -> None:
        """Mark `span` as the current one (None: no mark)."""
        self.current = span
        self.paint("current", [span] if span else [])

    def back(self) -> bool:
        """Go back to where the last jump came from; False when there is nowhere to go."""
        offset = self.jumps.pop()
        if offset is None:
            return False
        self.jump(offset, push=False)
        return True

    # -- geometry -----------------------------------------------------------------------------
    @property
    def text_width(self) -> int:
        available = max(10, self.size.width - GUTTER - 1)
        return available if self.full_width else min(MEASURE, available)

    @property
    def left(self) -> int:
        return max(0, (self.size.width - self.text_width - GUTTER) // 2)

    @property
    def cursor_offset(self) -> int:
        return self.article_layout.offset_for_y(self.cursor)

    def cursor_line(self) -> Span:
        """The body span of the cursor's line (one character at the cursor's offset off the body)."""
        line = self.article_layout.lines[self.cursor]
        if line.in_body:
            return (line.start, max(line.end, line.start + 1))
        offset = self.cursor_offset
        return (offset, offset + 1)

    def visible_range(self) -> tuple[int, int]:
        top = int(self.scroll_y)
        return self.article_layout.body_range(top, top + max(1, self.size.height))

    def _relayout(self) -> None:
        width = self.text_width
        if width == self.article_layout.width:
            self._keep_cursor_in_view()
            self._view_changed()  # a change of height alone shows more or fewer lines
            return
        anchor = self._anchor
        top_delta = self.cursor - int(self.scroll_y)
        header_y = min(self.cursor, self.article_layout.first_body_y())
        wanted = self.document.block_index_at(anchor) if anchor is not None and self.document.blocks else 0
        self.article_layout = ArticleLayout.build(self.document, width, blocks=wanted + LAYOUT_FIRST)
        self.virtual_size = Size(self.size.width, len(self.article_layout))
        if not self.article_layout.complete:
            self.set_timer(0.1, partial(self._continue_layout, self.article_layout))
        self.cursor = self.article_layout.y_for_offset(anchor) if anchor is not None else header_y
        height = max(1, self.size.height)
        top = self.cursor - top_delta if 0 <= top_delta < height - SCROLL_OFF else self.cursor - height + SCROLL_OFF + 1
        self._scroll_quietly(max(0, top))
        self.refresh()
        self._view_changed()

    def _scroll_quietly(self, top: int) -> None:
        """Scroll to `top` without the cursor following (a re-layout, not the reader, moved the view)."""
        self._relaying = True
        try:
            self.scroll_to(y=top, animate=False, immediate=True)
        finally:
            self._relaying = False

    def _keep_cursor_in_view(self) -> None:
        """After a change of height: scroll so the reader's line stays visible (the cursor never moves)."""
        if not self.is_mounted:
            return
        top, height = int(self.scroll_y), max(1, self.size.height)
        if top <= self.cursor < top + height:
            return
        self._scroll_quietly(max(0, self.cursor - height + SCROLL_OFF + 1) if self.cursor >= top else self.cursor)

    def _continue_layout(self, layout: ArticleLayout) -> None:
        """Lay out the next blocks of a long article between the reader's keys."""
        if layout is not self.article_layout or layout.complete:
            return
        layout.extend(LAYOUT_STEP)
        self.virtual_size = Size(self.size.width, len(layout))
        if not layout.complete:
            self.set_timer(0.01, partial(self._continue_layout, layout))

    def ensure_laid_out(self, offset: int | None = None) -> None:
        """Lay out at least up to body `offset` (everything when None) right now."""
        layout = self.article_layout
        while not layout.complete and (offset is None or layout.laid_end < offset):
            layout.extend(LAYOUT_STEP)
        self.virtual_size = Size(self.size.width, len(layout))

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def watch_full_width(self) -> None:
        if self.is_mounted:
            self._relayout()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            top, height = int(new_value), max(1, self.size.height)
            if not self._relaying and not top <= self.cursor < top + height:
                self._set_cursor(min(max(self.cursor, top), top + height - 1), scroll=False)
            self._view_changed()

    def _view_changed(self) -> None:
        self.post_message(self.ViewChanged(*self.visible_range()))

    # -- cursor and jumps ---------------------------------------------------------------------
    def _set_cursor(self, y: int, scroll: bool = True, center: bool = False) -> None:
        y = max(0, min(y, len(self.article_layout) - 1))
        old = self.cursor
        self.cursor = y
        self._anchor = self.article_layout.anchor_for_y(y)
        if scroll:
            height = max(1, self.size.height)
            top = int(self.scroll_y)
            if center:
                target = max(0, y - height // 3)
                if not top + SCROLL_OFF <= y < top + height - SCROLL_OFF:
                    self.scroll_to(y=target, animate=False, immediate=True)
            elif y < top + SCROLL_OFF:
                self.scroll_to(y=max(0, y - SCROLL_OFF), animate=False, immediate=True)
            elif y >= top + height - SCROLL_OFF:
                self.scroll_to(y=y - height + SCROLL_OFF + 1, animate=False, immediate=True)
        self.refresh_line(old)
        self.refresh_line(y)
        if old != y:
            self.post_message(self.CursorMoved(self.cursor_offset))

    def refresh_line(self, y: int) -> None:
        self.refresh(self.region.__class__(0, y - int(self.scroll_y), self.size.width, 1))

    def jump_to(self, offset: int) -> None:
        """Put the cursor on the line of body `offset`, scrolling it into view (a third from the top)."""
        self.ensure_laid_out(offset)
        self._set_cursor(self.article_layout.y_for_offset(offset), center=True)

    def _step_y(self, y: int, direction: int) -> int:
        lines = self.article_layout.lines
        y += direction
        while 0 <= y < len(lines) and lines[y].kind == "blank":
            y += direction
        return max(0, min(y, len(lines) - 1))

    def action_cursor(self, direction: int) -> None:
        self._set_cursor(self._step_y(self.cursor, direction))

    def action_page(self, direction: int) -> None:
        page = max(1, self.size.height - 2)
        top = max(0, min(int(self.scroll_y) + direction * page, int(self.max_scroll_y)))
        self.scroll_to(y=top, animate=False, immediate=True)
        self._set_cursor(max(0, min(self.cursor + direction * page, len(self.article_layout) - 1)), scroll=False)
        if not top <= self.cursor < top + self.size.height:
            self._set_cursor(top if direction > 0 else top + self.size.height - 1, scroll=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)
        self._set_cursor(0, scroll=False)

    def action_bottom(self) -> None:
        self.ensure_laid_out()
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self._set_cursor(len(self.article_layout) - 1, scroll=False)

    def on_click(self, event: events.Click) -> None:
        y = int(self.scroll_y) + event.y
        if not 0 <= y < len(self.article_layout):
            return
        self._set_cursor(y, scroll=False)
        line = self.article_layout.lines[y]
        if line.in_body:
            column = event.x - self.left - GUTTER - len(line.prefix)
            offset = line.start + char_at_column(line.text, column)
            self.post_message(self.Clicked(min(offset, line.end)))

    # -- painted spans ------------------------------------------------------------------------
    def paint(self, name: str, spans: list[Span]) -> None:
        """Paint `spans` (body offsets) with the `article--NAME` style; [] clears the layer."""
        if self.painted.paint(name, spans):
            self.refresh()

    def layer_spans(self, name: str) -> list[Span]:
        return self.painted.spans(name)

    def notify_style_update(self) -> None:
        self._drawer.clear()
        super().notify_style_update()

    def render_lines(self, crop):
        if self.article_layout.width != self.text_width:  # the first frame comes before the Resize event
            self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return self._drawer.draw(int(self.scroll_y) + y)

    @property
    def has_focus_within_app(self) -> bool:
        return self.has_focus or self.app.focused is None

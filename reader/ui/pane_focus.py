"""The reading screen's panes: which one is shown and focused, and what their highlighted items select.

`PaneFocus` is a plain object the reading screen owns: tab and shift+tab,
the keys 1-5 and 0, `p` (hide the panes) and a click on a tab come to it;
so do the panes' OptionList events, which it turns into the navigator's
`follow` (a highlight while the pane has the focus previews the item, enter
or a click selects it). A quick series of tabs counts from the last one
asked for, not from the widget that happens to have the focus yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from textual.widget import Widget
    from textual.widgets import OptionList

    from reader.ui.navigator import Navigator
    from reader.ui.notes_controller import NotesController
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.pane import ItemPane
    from reader.ui.widgets.side import SidePanel


class PaneHost(Protocol):
    """What the pane focus needs from the screen that owns it."""

    navigator: "Navigator"
    notes: "NotesController"

    @property
    def article(self) -> "ArticleView": ...
    @property
    def side(self) -> "SidePanel | None": ...
    @property
    def focused(self) -> "Widget | None": ...
    def set_focus(self, widget: "Widget | None") -> Any: ...
    def call_after_refresh(self, callback: Any) -> Any: ...


class PaneFocus:
    """The shown and focused pane of one reading screen."""

    def __init__(self, host: PaneHost) -> None:
        self.host = host
        self._pending: ItemPane | None = None
        """The pane a key asked for, focused once it is laid out."""

    def cycle(self, direction: int) -> None:
        side = self.host.side
        order: list = [self.host.article, *(side.panes if side else [])]
        focused = self._pending or self.host.focused  # a quick second tab counts from the first one
        index = next((i for i, w in enumerate(order) if w is focused), 0)
        target = order[(index + direction) % len(order)]
        if target is self.host.article:
            self._pending = None
            self.host.set_focus(self.host.article)
        else:
            self.show(target.id)

    def show(self, name: str) -> None:
        """Show pane `name` (the only one shown, on a narrow terminal) and focus it once it is laid out."""
        side = self.host.side
        if side is None:
            return
        side.set_current(name)
        side.display = True
        self._pending = side.pane(name)
        self.host.call_after_refresh(side.pane(name).focus)

    def tab_chosen(self, name: str) -> None:
        """A click on a tab (narrow layout) opens that pane."""
        from reader.ui.widgets.side import PANES

        if name in PANES:
            self.show(name)

    def toggle(self) -> None:
        side = self.host.side
        if side is None:
            return
        side.display = not side.display
        if not side.display:
            self.host.set_focus(self.host.article)

    def descendant_focused(self, widget: Widget) -> None:
        """A widget of the screen got the focus."""
        if widget is self._pending:
            self._pending = None
        elif self._pending is not None:
            return  # a stale focus from a quick series of tabs: the last one decides
        side = self.host.side
        if side is not None and side.holds(widget):
            side.set_current(widget.id or "entities")
            if widget.id == "notes":
                self.host.notes.refresh()
        elif widget is self.host.article:
            self.host.navigator.browsing = False

    def _pane_item(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected):
        pane = event.option_list
        side = self.host.side
        if side is None or not side.holds(pane):
            return None, None
        return pane, pane.item(event.option.id)  # type: ignore[attr-defined]

    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        pane, item = self._pane_item(event)
        if pane is None:
            return
        if pane.quiet_key is not None and pane.quiet_key == event.option.id:
            pane.quiet_key = None
            return
        if pane.has_focus and item is not None:
            self.host.navigator.follow(pane.id, item, explicit=False)

    def selected(self, event: OptionList.OptionSelected) -> None:
        pane, item = self._pane_item(event)
        if pane is not None and item is not None:
            self.host.navigator.follow(pane.id, item, explicit=True)

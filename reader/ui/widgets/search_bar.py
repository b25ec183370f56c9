"""The search bar `/` opens: finds as you type; enter keeps the hits for n/N, escape clears them."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input


class SearchBar(Input):
    """A one-line search prompt, hidden until `/`."""

    BINDINGS = [Binding("escape", "cancel", "Clear search")]

    class Cancelled(Message):
        """Escape in the bar: clear the search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search the article (smart case; enter keeps hits for n/N, escape clears)", id=id)
        self.return_focus: Widget | None = None
        """Where the focus goes back when the search is done (set by the screen)."""

    def _give_back_focus(self) -> None:
        """Hand the focus back at once, so keys typed right after enter or escape are commands again."""
        if self.return_focus is not None:
            self.screen.set_focus(self.return_focus)

    async def action_submit(self) -> None:
        self._give_back_focus()
        await super().action_submit()

    def action_cancel(self) -> None:
        self._give_back_focus()
        self.post_message(self.Cancelled())

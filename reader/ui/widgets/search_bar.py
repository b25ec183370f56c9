"""The search bar `/` opens: finds as you type; enter keeps the hits for n/N, escape clears them."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line search prompt, hidden until `/`."""

    BINDINGS = [Binding("escape", "cancel", "Clear search")]

    class Cancelled(Message):
        """Escape in the bar: clear the search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search the article (smart case; enter keeps hits for n/N, escape clears)", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())

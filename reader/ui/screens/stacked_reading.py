"""A reading screen pushed over another screen (the feed queue, or another article), maybe at a place.

`StackedReadingScreen(document, place=(start, end))` opens with the cursor
on body offset `start` and the span marked (not at the remembered reading
position); once its analysis is done, the entity or quote at that place is
selected, so `n` walks that person's mentions here. `escape`, with no search
or selection left to clear, dismisses it: back to the screen underneath.
"""

from __future__ import annotations

from textual.binding import Binding

from reader import navigate as nav
from reader.model import Document
from reader.ui.messages import AnalysisUpdated
from reader.ui.screens.reading import ReadingScreen


class StackedReadingScreen(ReadingScreen):
    """A reading screen over another one: escape, once nothing is left to clear, goes back to it."""

    BINDINGS = [Binding("escape", "clear", "Back", key_display="esc")]

    def __init__(self, document: Document, place: nav.Span | None = None) -> None:
        super().__init__(document)
        self.place = place
        self._place_selected = place is None

    def on_mount(self) -> None:  # Textual calls ReadingScreen.on_mount too (after this one)
        if self.place is not None:
            self._moved = True  # the notes session must not take the cursor back to the remembered position
            self.call_after_refresh(self._go_to_place)

    def _go_to_place(self) -> None:
        if self.place is None:
            return
        if not self.article.article_layout.width:  # not laid out at its real width yet
            self.call_after_refresh(self._go_to_place)
            return
        start, end = self.place
        self.article.jump(start, (start, end), push=False)

    def on_analysis_updated(self, message: AnalysisUpdated) -> None:
        if not self._place_selected and message.analysis.complete:
            self._place_selected = True
            self.call_later(self._select_place)

    def _select_place(self) -> None:
        """Select what is at the place (the entity named there, else the quote), keeping the cursor there."""
        if self.place is not None:
            self.navigator.clicked(self.place[0])

    def action_clear(self) -> None:
        if self.searching or self.navigator.selection != nav.Selection():
            super().action_clear()
        else:
            self.dismiss(None)

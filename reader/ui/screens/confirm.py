"""A yes/no question in a modal dialog: `ConfirmScreen(question) -> bool`.

Usage (from a screen or the app)::

    def done(discard: bool | None) -> None:
        if discard:
            ...

    self.app.push_screen(ConfirmScreen("Delete this note?", yes="Delete"), done)

Keys: `y` answers yes (True); `n` or `escape` answers no (False); `enter`
presses the focused button. The focus starts on the safe "no" button, so an
absent-minded `enter` never confirms anything.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from reader.sanitize import clean_block, clean_line


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True (yes) or False (no / cancelled)."""

    CSS_PATH = "modals.tcss"
    AUTO_FOCUS = "#no"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", key_display="n/esc", id="confirm.no"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "Cancel") -> None:
        """Build the dialog.

        Args:
            question: The question shown (plain text, may quote the article: never parsed as
                markup, terminal escapes and control characters removed, newlines kept).
            yes: Label of the button that answers True.
            no: Label of the button that answers False (focused first).
        """
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean_block(self.question)), id="question")
            with Horizontal(classes="buttons"):
                yield Button(Text(clean_line(self.yes_label)), variant="warning", id="yes")
                yield Button(Text(clean_line(self.no_label)), variant="primary", id="no")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button was clicked or pressed with enter/space."""
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Dismiss with `answer`."""
        self.dismiss(answer)

"""Write or edit the note on a highlight: `NoteEditor(quoted, initial) -> str | None`.

Usage::

    def saved(text: str | None) -> None:
        if text is not None:            # "" is a plain highlight, not a cancel
            session.set_note(note.id, text)

    self.app.push_screen(NoteEditor(note.text, note.note, title="Edit note"), saved)

Shows the highlighted text (dim and italic, cut to a few lines) above a
soft-wrapping TextArea that starts focused with the cursor at the end.

- `ctrl+s` or the Save button: dismiss with the text, trailing white space
  stripped ("" is allowed: a highlight without a note).
- `escape` or the Cancel button: dismiss with None when nothing changed;
  otherwise first ask "Discard your changes to this note?" (ConfirmScreen),
  so the user's words are never lost silently.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static, TextArea

from reader.sanitize import clean_line
from reader.ui.screens.confirm import ConfirmScreen

QUOTE_MAX_CHARS = 240
"""How much of the highlighted text is shown (about three lines of the dialog)."""

DISCARD_QUESTION = "Discard your changes to this note?"


def excerpt(text: str, limit: int = QUOTE_MAX_CHARS) -> str:
    """`text` on one line, control characters removed, cut at a word to `limit` chars with "…"."""
    text = clean_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; dismisses with the note text (saved) or None (cancelled)."""

    CSS_PATH = "modals.tcss"
    AUTO_FOCUS = "#note"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, quoted: str, initial: str = "", title: str = "Note") -> None:
        """Build the editor.

        Args:
            quoted: The highlighted text (untrusted: shown literally, shortened).
            initial: The note's current text ("" for a new note).
            title: The dialog's title, e.g. "Add note" or "Edit note".
        """
        super().__init__()
        self.quoted = quoted
        self.initial = initial
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = Text(clean_line(self.title_text))
            quoted = excerpt(self.quoted)
            yield Static(Text(quoted), id="quoted").set_class(not quoted, "-empty")
            yield TextArea(self.initial, soft_wrap=True, tab_behavior="focus", id="note")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        editor = self.editor
        editor.move_cursor(editor.document.end)
        editor.focus()

    @property
    def editor(self) -> TextArea:
        """The note's TextArea."""
        return self.query_one("#note", TextArea)

    @property
    def text(self) -> str:
        """What the note would be saved as now."""
        return self.editor.text.rstrip()

    @property
    def changed(self) -> bool:
        """Whether saving now would change the note (trailing white space does not count)."""
        return self.text != self.initial.rstrip()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        """Dismiss with the note text."""
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        """Dismiss with None, asking first when there are unsaved changes."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)
            else:
                self.editor.focus()

        self.app.push_screen(ConfirmScreen(DISCARD_QUESTION, yes="Discard", no="Keep editing"), answered)

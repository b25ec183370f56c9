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
  so the user's words are never lost silently. With `keeps_draft=True`
  (the app: what was typed stays a draft) it asks `KEEP_DRAFT_QUESTION`.
- `draft`: an unsaved draft to start from; the editor opens on the saved
  note and puts the draft over it as one edit, so `ctrl+z` (or `ctrl+r`,
  revert) goes back to the saved note.
- `on_change(text)`: called on every edit (the app's `DraftSaver`).
"""

from __future__ import annotations

from typing import Callable

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
KEEP_DRAFT_QUESTION = "Close without saving? What you typed is kept as a draft: press a here to go on."
DRAFT_HINT = "Your unsaved draft is back · ctrl+s saves it · ctrl+z or ctrl+r: the saved note"


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
        Binding("ctrl+r", "revert", "Revert", show=False, id="note.revert"),
    ]

    def __init__(self, quoted: str, initial: str = "", title: str = "Note", *, draft: str | None = None,
                 keeps_draft: bool = False, on_change: Callable[[str], None] | None = None) -> None:
        """Build the editor.

        Args:
            quoted: The highlighted text (untrusted: shown literally, shortened).
            initial: The note's current text ("" for a new note).
            title: The dialog's title, e.g. "Add note" or "Edit note".
            draft: Unsaved text to start from instead (restored from an earlier edit).
            keeps_draft: Closing without saving keeps the text as a draft (the question says so).
            on_change: Called with the text after every edit.
        """
        super().__init__()
        self.quoted = quoted
        self.initial = initial
        self.title_text = title
        self.draft = draft if draft is not None and draft.rstrip() != initial.rstrip() else None
        self.keeps_draft = keeps_draft
        self.on_change = on_change
        self._current = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = Text(clean_line(self.title_text))
            quoted = excerpt(self.quoted)
            yield Static(Text(quoted), id="quoted").set_class(not quoted, "-empty")
            if self.draft is not None:
                yield Static(DRAFT_HINT, id="draft-hint", markup=False)
            yield TextArea(self.initial, soft_wrap=True, tab_behavior="focus", id="note")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        editor = self.editor
        if self.draft is not None:  # one edit over the saved note: ctrl+z takes it back
            editor.replace(self.draft, editor.document.start, editor.document.end)
            self._current = self.draft
        editor.move_cursor(editor.document.end)
        editor.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._current = event.text_area.text
        if self.on_change is not None:
            self.on_change(self.text)

    @property
    def editor(self) -> TextArea:
        """The note's TextArea."""
        return self.query_one("#note", TextArea)

    @property
    def text(self) -> str:
        """What the note would be saved as now (still known once the editor has closed)."""
        return self._current.rstrip()

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

    def action_revert(self) -> None:
        """Back to the saved note (one edit: ctrl+z brings the text back)."""
        editor = self.editor
        editor.replace(self.initial, editor.document.start, editor.document.end)
        editor.move_cursor(editor.document.end)

    def action_cancel(self) -> None:
        """Dismiss with None, asking first when there are unsaved changes."""
        if not self.changed:
            self.dismiss(None)
            return
        if self.keeps_draft:
            question = ConfirmScreen(KEEP_DRAFT_QUESTION, yes="Close", no="Keep editing")
        else:
            question = ConfirmScreen(DISCARD_QUESTION, yes="Discard", no="Keep editing")

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)
            else:
                self.editor.focus()

        self.app.push_screen(question, answered)

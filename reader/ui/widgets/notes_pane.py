"""The Notes pane: the reader's highlights and notes, in reading order."""

from __future__ import annotations

from typing import Collection

from rich.text import Text
from textual.binding import Binding

from reader.notes import Note
from reader.ui.text_fit import clip
from reader.ui.widgets.pane import ItemPane, PaneItem


class NotesPane(ItemPane):
    pane_title = "Notes"
    empty_text = "No notes yet: h highlights the sentence at the cursor, a adds a note"

    BINDINGS = [
        Binding("delete,d", "screen.delete_note", "Delete note"),
        Binding("a", "screen.note", "Edit note"),
    ]

    def on_mount(self) -> None:
        self.show_message("Opening your notes…")

    def update_notes(self, notes: list[Note], drafts: Collection[int] = ()) -> None:
        """Show `notes`; those whose id is in `drafts` have an unsaved draft (`a` brings it back)."""
        items = []
        for note in notes:
            prompt = Text("“" + clip(note.text, 140) + "”", style="italic")
            if not note.anchored:
                prompt.append("  (no longer in the text)", style="dim not italic")
            if note.id in drafts:
                prompt.append("  (unsaved draft: a)", style="bold not italic")
            if note.note.strip():
                prompt.append("\n✎ " + clip(note.note, 200), style="not italic")
            items.append(PaneItem(f"n{note.id}", prompt, [(note.start, note.end)], target=note.start))
        self.show_items(items, subtitle=str(len(items)) if items else "")

    def note_id(self, key: str | None) -> int | None:
        return int(key[1:]) if key and key.startswith("n") and key[1:].isdigit() else None

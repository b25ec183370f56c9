"""One open article's notes and position, kept in sync with the database: what the app holds.

API (for the app; every method that changes something commits at once)
------------------------------------------------------------------------
    session = ArticleSession.open(document)          # after loading; a worker thread is fine
    session.position                                  # restore the scroll (a body offset)
    session.notes                                     # the Notes pane, in reading order
    note = session.highlight_sentence(cursor_offset)  # `h` with no selection
    note = session.highlight(quote.start, quote.end)  # `h` on a selected quote
    note = session.set_note(note.id, text)            # `a` (add or edit the note text)
    session.delete(note.id)                           # after the confirmation dialog
    session.note_at(offset)                           # which highlight the cursor is on
    session.save_position(offset)                     # on scroll (cheap when unchanged) / on quit
    path = session.export(analysis, out_path=None, force=False)   # `e`; ExportExists -> ask, force=True
    session.close()

Highlighting the same span twice returns the existing note (so `h` is
idempotent). On a failed write a `ReaderError` is raised and `notes` is
unchanged: keep the user's input and say so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import Analysis, Document
from reader.notes import Note, anchor_notes, note_at, sentence_span
from reader.store import Article, Store


@dataclass
class ArticleSession:
    store: Store
    document: Document
    article: Article
    notes: list[Note] = field(default_factory=list)
    position: int = 0
    owns_store: bool = False

    @classmethod
    def open(cls, document: Document, store: Store | None = None) -> "ArticleSession":
        owns = store is None
        store = Store.open() if store is None else store
        opened = store.open_article(document)
        return cls(store, document, opened.article, list(opened.notes), opened.article.position, owns)

    @property
    def article_id(self) -> int:
        return self.article.id

    def _sort(self) -> None:
        self.notes.sort(key=lambda n: (not n.anchored, n.start, n.id))

    def highlight(self, start: int, end: int, note: str = "") -> Note:
        """Highlight `body[start:end]` (returns the existing highlight of that exact span)."""
        body = self.document.body
        start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
        start, end = min(start, end), max(start, end)
        for existing in self.notes:
            if existing.anchored and (existing.start, existing.end) == (start, end):
                return existing
        created = self.store.add_note(self.article.id, start, end, body[start:end], note)
        self.notes.append(created)
        self._sort()
        return created

    def highlight_sentence(self, offset: int) -> Note:
        return self.highlight(*sentence_span(self.document, offset))

    def set_note(self, note_id: int, text: str) -> Note | None:
        """Set a highlight's note text; None (and dropped from `notes`) if it was deleted elsewhere."""
        updated = self.store.update_note(note_id, text)
        index = next((i for i, n in enumerate(self.notes) if n.id == note_id), None)
        if updated is None:
            if index is not None:
                del self.notes[index]
            return None
        if index is not None:
            old = self.notes[index]  # keep the re-anchored offsets the app shows
            updated = Note(updated.id, updated.article_id, old.start, old.end, old.text, updated.note,
                           updated.created, updated.updated, old.anchored)
            self.notes[index] = updated
        else:
            self.notes.append(updated)
            self._sort()
        return updated

    def delete(self, note_id: int) -> bool:
        deleted = self.store.delete_note(note_id)
        self.notes = [n for n in self.notes if n.id != note_id]
        return deleted

    def note_at(self, offset: int) -> Note | None:
        return note_at(self.notes, offset)

    def save_position(self, offset: int) -> None:
        offset = max(0, min(int(offset), len(self.document.body)))
        if offset != self.position:
            self.store.set_position(self.article.id, offset)
            self.position = offset

    def reload(self) -> list[Note]:
        """Re-read the notes (another instance may have changed them)."""
        self.notes = anchor_notes(self.document.body, self.store.notes(self.article.id))
        self._sort()
        return self.notes

    def export(
        self, analysis: Analysis | None, out_path: str | os.PathLike[str] | None = None, force: bool = False
    ) -> Path:
        from reader.export.files import export_markdown

        return export_markdown(self.document, analysis, self.notes, out_path, force)

    def close(self) -> None:
        if self.owns_store:
            self.store.close()

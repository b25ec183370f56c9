"""Drafts of notes being written, kept in the notes database so a crash or a kill loses at most a moment.

While the reader types in the note editor, the app writes what is in it
here (debounced, off the UI thread: `reader.ui.draft_saver`). A saved note
clears its draft; an editor closed without saving keeps it, and the next
editor opened on that highlight, in this run or a later one, starts from it.

API
---
    drafts = Drafts(store)
    drafts.save(note, "half a thought")    # insert or replace the draft of `note`
    drafts.get(note.id)                    # Draft | None
    drafts.for_article(article_id)         # every draft of an article, oldest first
    drafts.clear(note.id)                  # the note was saved (or its highlight deleted)

A draft keeps the highlight's offsets and text, so it outlives its
highlight being deleted elsewhere (`restore_orphans` highlights it again);
SQLite may give a later highlight the same id, so a draft belongs to a
note only when their highlighted texts agree (`Draft.fits`).
Errors are `ReaderError` (one line), as the store's are.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError

if TYPE_CHECKING:  # pragma: no cover
    from reader.notes import Note
    from reader.session import ArticleSession
    from reader.store import Store


def draft_tables(conn: sqlite3.Connection) -> None:
    """Schema step: drafts, one per highlight, gone with their article."""
    conn.execute(
        """
        CREATE TABLE IF NOT EXISTS drafts (
            note_id       INTEGER PRIMARY KEY,
            article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start_offset  INTEGER NOT NULL,
            end_offset    INTEGER NOT NULL,
            quoted        TEXT NOT NULL,
            text          TEXT NOT NULL,
            updated       TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX IF NOT EXISTS drafts_article ON drafts (article_id)")


@dataclass(frozen=True, slots=True)
class Draft:
    note_id: int
    article_id: int
    start: int
    end: int
    quoted: str
    """The highlighted text when the draft was written."""
    text: str
    """What was in the editor."""
    updated: str
    """UTC ISO 8601."""

    def fits(self, note: "Note") -> bool:
        """This is the draft of `note` (same id and the same highlighted text)."""
        return self.note_id == note.id and self.quoted == note.text


_COLUMNS = "note_id, article_id, start_offset, end_offset, quoted, text, updated"


class Drafts:
    """The drafts table of one `Store` (thread-safe as the store is)."""

    def __init__(self, store: "Store") -> None:
        self.store = store

    def save(self, note: "Note", text: str) -> None:
        from reader.store_db import utc_now

        with self.store.transaction() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO drafts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (note.id, note.article_id, note.start, note.end, note.text, text, utc_now()),
            )

    def get(self, note_id: int) -> Draft | None:
        rows = self._rows("WHERE note_id = ?", (note_id,))
        return rows[0] if rows else None

    def for_article(self, article_id: int) -> list[Draft]:
        return self._rows("WHERE article_id = ? ORDER BY updated, note_id", (article_id,))

    def clear(self, note_id: int) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE note_id = ?", (note_id,))

    def move(self, note_id: int, to: "Note") -> None:
        """Attach a draft to another highlight (its own was deleted and made again); a draft already
        there is kept, the moved text after it."""
        with self.store.transaction() as conn:
            there = conn.execute("SELECT text FROM drafts WHERE note_id = ?", (to.id,)).fetchone()
            if there is not None and to.id != note_id:
                conn.execute("UPDATE drafts SET text = text || ? || (SELECT text FROM drafts WHERE note_id = ?) "
                             "WHERE note_id = ?", ("\n\n", note_id, to.id))
                conn.execute("DELETE FROM drafts WHERE note_id = ?", (note_id,))
                return
            conn.execute("UPDATE drafts SET note_id = ?, start_offset = ?, end_offset = ?, quoted = ? "
                         "WHERE note_id = ?", (to.id, to.start, to.end, to.text, note_id))

    def _rows(self, where: str, params: tuple[Any, ...]) -> list[Draft]:
        return [Draft(*row) for row in self.store.query(f"SELECT {_COLUMNS} FROM drafts {where}", params)]


def restore_orphans(session: "ArticleSession", drafts: Drafts) -> list[Draft]:
    """The article's drafts, each on a highlight that exists (made again when it was deleted elsewhere)."""
    found = drafts.for_article(session.article_id)
    notes = {n.id: n for n in session.notes}
    restored = []
    for draft in found:
        if draft.note_id not in notes or not draft.fits(notes[draft.note_id]):
            try:
                note = session.highlight(draft.start, draft.end)
                drafts.move(draft.note_id, note)
            except ReaderError:
                restored.append(draft)  # still kept; offered again next time
                continue
            draft = Draft(note.id, draft.article_id, note.start, note.end, note.text, draft.text, draft.updated)
        restored.append(draft)
    return restored

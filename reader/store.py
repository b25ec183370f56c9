"""The library and the notes, in SQLite (stdlib `sqlite3`) in the user data directory.

API (for the app and the CLI)
-----------------------------
    store = Store.open()                      # data dir from --data-dir / READER_DATA_DIR / platformdirs
    opened = store.open_article(document)     # on load: remember it, restore notes and position
    opened.article.id, opened.notes, opened.article.position, opened.is_new
    note = store.add_note(article_id, start, end, document.body[start:end], note="")   # `h`
    note = store.update_note(note.id, "my note")   # `a` / edit; None if deleted elsewhere
    store.delete_note(note.id)                     # delete (after the app's confirmation)
    store.notes(article_id)                        # the Notes pane
    store.set_position(article_id, offset)         # on scroll (debounced) and on quit
    store.articles()                               # the library, newest first, with notes counts
    store.load_document(article_id)                # the saved copy, to reopen offline
    store.find_article(document)                   # read-only lookup (export)
    store.close()

Articles are keyed by canonical URL, else by the body fingerprint
(`reader.identity`); an article first read from a file (no URL) and later
from its URL is matched by fingerprint and takes the URL. When the body
changed since notes were made, `open_article` re-finds each note's text
(`reader.notes.anchor_notes`) and saves the moved offsets.

Safety: WAL journal, `synchronous=FULL`, every change in its own
`BEGIN IMMEDIATE ... COMMIT` (taken up front, so two processes never
deadlock on a lock upgrade), a busy timeout so a second process waits
instead of failing, foreign keys on, parameterised SQL only. A process
killed at any moment leaves the last committed state. Methods are
thread-safe (one lock per Store), so the app may call them from workers.
Errors reach the caller as `ReaderError` (one line) - the app should keep
the user's unsaved input when a write fails.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.errors import ReaderError
from reader.identity import canonical_url, fingerprint
from reader.model import Document
from reader.notes import Note, anchor_notes
from reader.store_db import BUSY_TIMEOUT, Database, plain_error, utc_now
from reader.store_records import Article, OpenedArticle, document_from_json, document_to_json

__all__ = [
    "BUSY_TIMEOUT", "Article", "OpenedArticle", "Store", "document_from_json", "document_to_json", "plain_error",
    "utc_now",
]

_ARTICLE_COLUMNS = (
    "a.id, a.url, a.fingerprint, a.title, a.site, a.published, a.origin, a.first_opened, a.last_opened, "
    "a.position, a.body_length, (SELECT COUNT(*) FROM notes n WHERE n.article_id = a.id)"
)
_NOTE_COLUMNS = "id, article_id, start_offset, end_offset, text, note, created, updated"


def _article(row: tuple[Any, ...]) -> Article:
    return Article(*row)


def _note(row: tuple[Any, ...]) -> Note:
    return Note(*row)


class Store(Database):
    """The notes database's articles, notes and settings (see the module docstring)."""

    # -- articles ---------------------------------------------------------

    def _match(self, conn: sqlite3.Connection, url: str | None, fp: str) -> tuple[Any, ...] | None:
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE "
        if url is not None:
            row = conn.execute(sql + "a.url = ?", (url,)).fetchone()
            if row is not None:
                return row
            return conn.execute(
                sql + "a.fingerprint = ? AND a.url IS NULL ORDER BY a.last_opened DESC LIMIT 1", (fp,)
            ).fetchone()
        return conn.execute(sql + "a.fingerprint = ? ORDER BY a.last_opened DESC LIMIT 1", (fp,)).fetchone()

    def find_article(self, document: Document) -> Article | None:
        """The stored article this document is, without recording anything."""
        with self._lock:
            try:
                row = self._match(self._conn, canonical_url(document.url), fingerprint(document.body))
            except sqlite3.Error as exc:
                raise ReaderError(f"could not read the notes database: {exc}") from None
        return _article(row) if row else None

    def open_article(self, document: Document) -> OpenedArticle:
        """Record that `document` was opened (now); return it with its notes, re-anchored."""
        url = canonical_url(document.url)
        fp = fingerprint(document.body)
        now = self._clock()
        meta = (document.title, document.site_name, document.published, document.origin)
        with self._write() as conn:
            row = self._match(conn, url, fp)
            is_new = row is None
            if row is None:
                cur = conn.execute(
                    "INSERT INTO articles (url, fingerprint, title, site, published, origin, first_opened, "
                    "last_opened, position, body_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    (url, fp, *meta, now, now, len(document.body)),
                )
                article_id = int(cur.lastrowid or 0)
            else:
                article_id = int(row[0])
                position = min(int(row[9]), len(document.body))
                # New metadata wins when it has a value (a paste has no site or date: keep them);
                # standard input ("-") never replaces an origin the library could reopen.
                conn.execute(
                    "UPDATE articles SET url = COALESCE(?, url), fingerprint = ?, "
                    "title = COALESCE(NULLIF(?, ''), title), site = COALESCE(NULLIF(?, ''), site), "
                    "published = COALESCE(NULLIF(?, ''), published), "
                    "origin = CASE WHEN ? IN ('', '-') AND origin NOT IN ('', '-') THEN origin ELSE ? END, "
                    "last_opened = ?, position = ?, body_length = ? WHERE id = ?",
                    (url, fp, *meta, document.origin, now, position, len(document.body), article_id),
                )
            # The saved copy is always the body the notes' offsets now refer to.
            conn.execute(
                "INSERT OR REPLACE INTO documents (article_id, document) VALUES (?, ?)",
                (article_id, document_to_json(document)),
            )
            stored = [_note(r) for r in conn.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE article_id = ?", (article_id,)
            )]
            notes = anchor_notes(document.body, stored)
            before = {n.id: n for n in stored}
            for note in notes:
                old = before[note.id]
                if note.anchored and (note.start, note.end) != (old.start, old.end):
                    conn.execute(
                        "UPDATE notes SET start_offset = ?, end_offset = ? WHERE id = ?",
                        (note.start, note.end, note.id),
                    )
            article_row = conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
            ).fetchone()
        return OpenedArticle(_article(article_row), notes, is_new)

    def article(self, article_id: int) -> Article | None:
        rows = self._read(f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,))
        return _article(rows[0]) if rows else None

    def articles(self) -> list[Article]:
        """Every article, the most recently opened first."""
        rows = self._read(f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY a.last_opened DESC, a.id DESC")
        return [_article(r) for r in rows]

    def load_document(self, article_id: int) -> Document | None:
        """The cleaned Document saved when the article was last opened."""
        rows = self._read("SELECT document FROM documents WHERE article_id = ?", (article_id,))
        if not rows:
            return None
        try:
            return document_from_json(rows[0][0])
        except (ValueError, TypeError) as exc:
            raise ReaderError(f"the saved copy of article {article_id} is unreadable: {exc}") from None

    def set_position(self, article_id: int, offset: int) -> None:
        """Save the reading position (a body offset)."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET position = MAX(0, MIN(?, body_length)) WHERE id = ?",
                (int(offset), article_id),
            )

    def delete_article(self, article_id: int) -> bool:
        """Forget an article, its saved copy and its notes."""
        with self._write() as conn:
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    # -- notes ------------------------------------------------------------

    def add_note(self, article_id: int, start: int, end: int, text: str, note: str = "") -> Note:
        """Save a highlight of `body[start:end]` (its `text`) with an optional note."""
        if not (0 <= start <= end):
            raise ValueError(f"bad note span {start}..{end}")
        now = self._clock()
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO notes (article_id, start_offset, end_offset, text, note, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, start, end, text, note, now, now),
            )
            note_id = int(cur.lastrowid or 0)
        return Note(note_id, article_id, start, end, text, note, now, now)

    def update_note(self, note_id: int, note: str) -> Note | None:
        """Replace a note's text; None when it no longer exists (deleted by another instance)."""
        now = self._clock()
        with self._write() as conn:
            conn.execute("UPDATE notes SET note = ?, updated = ? WHERE id = ?", (note, now, note_id))
            row = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        return _note(row) if row else None

    def delete_note(self, note_id: int) -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount > 0

    def note(self, note_id: int) -> Note | None:
        rows = self._read(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        return _note(rows[0]) if rows else None

    def notes(self, article_id: int) -> list[Note]:
        """An article's notes in reading order (as stored; see `open_article` for re-anchoring)."""
        rows = self._read(
            f"SELECT {_NOTE_COLUMNS} FROM notes WHERE article_id = ? ORDER BY start_offset, id", (article_id,)
        )
        return [_note(r) for r in rows]

    # -- settings --------------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        """A remembered preference (None when never set)."""
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def integrity_ok(self) -> bool:
        """`PRAGMA integrity_check` says ok."""
        rows = self._read("PRAGMA integrity_check")
        return rows == [("ok",)]

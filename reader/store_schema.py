"""The notes database schema, versioned with `PRAGMA user_version`, and its migrations.

`MIGRATIONS[i]` takes a database from version i to version i + 1; the
current version is `len(MIGRATIONS)`. `migrate(conn)` applies the missing
steps inside one `BEGIN IMMEDIATE` transaction, re-reading the version after
taking the write lock, so two processes opening an old database at the same
time migrate it once. Never edit a released step: append a new one.

Tables (version 1)
------------------
articles:  id, url (canonical, unique, NULL when none), fingerprint
           ("sha256:..." of the normalised body), title, site, published,
           origin (path / URL / "-"), first_opened, last_opened (UTC ISO),
           position (a body offset), body_length.
documents: article_id -> the cleaned Document as JSON (so the library can
           reopen an article offline and notes can be re-anchored).
notes:     id, article_id, start_offset, end_offset, text (highlighted),
           note (the user's note, "" for a highlight), created, updated.

Version 2 adds the library index and the feeds (`reader.index.schema`).
Version 3 adds settings: key -> value (e.g. "export_dir", the last one used).
Version 4 adds drafts: the text of notes being written (`reader.drafts`).
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Sequence

from reader.errors import ReaderError

Migration = Callable[[sqlite3.Connection], None]


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            url           TEXT UNIQUE,
            fingerprint   TEXT NOT NULL,
            title         TEXT NOT NULL DEFAULT '',
            site          TEXT NOT NULL DEFAULT '',
            published     TEXT,
            origin        TEXT NOT NULL DEFAULT '',
            first_opened  TEXT NOT NULL,
            last_opened   TEXT NOT NULL,
            position      INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
            body_length   INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    conn.execute("CREATE INDEX articles_fingerprint ON articles (fingerprint)")
    conn.execute("CREATE INDEX articles_last_opened ON articles (last_opened DESC, id DESC)")
    conn.execute(
        """
        CREATE TABLE documents (
            article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            document    TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE notes (
            id            INTEGER PRIMARY KEY,
            article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
            end_offset    INTEGER NOT NULL CHECK (end_offset >= start_offset),
            text          TEXT NOT NULL,
            note          TEXT NOT NULL DEFAULT '',
            created       TEXT NOT NULL,
            updated       TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX notes_article ON notes (article_id, start_offset)")


def _v2(conn: sqlite3.Connection) -> None:
    from reader.index.schema import library_tables

    library_tables(conn)


def _v3(conn: sqlite3.Connection) -> None:
    """settings: small key -> value preferences the app remembers (the last export directory)."""
    conn.execute("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v4(conn: sqlite3.Connection) -> None:
    from reader.drafts import draft_tables

    draft_tables(conn)


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database to `len(migrations)`; returns the version found before.

    `conn` must be in autocommit mode (`isolation_level=None`). Raises
    ReaderError when the database was written by a newer reader.
    """
    target = len(migrations)
    if user_version(conn) == target:
        return target
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(conn)
        if found > target:
            raise ReaderError(
                f"the notes database has schema version {found}, newer than this reader knows ({target}); "
                "update reader"
            )
        for step in migrations[found:]:
            step(conn)
        # PRAGMA takes no parameters; `target` is an int computed here, never input.
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk): keep the first error
            conn.execute("ROLLBACK")
        raise
    return found

"""Schema step for the library index and the feeds (appended to `reader.store_schema.MIGRATIONS`).

An existing library keeps every article and note: the step only adds tables,
and indexes the paragraphs of the saved copies already there, so they are
searchable at once; their people and quotes arrive when each is analysed
again (`reader library add`, or opening it).
"""

from __future__ import annotations

import json
import sqlite3


def library_tables(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE analyses (
            article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            model       TEXT NOT NULL DEFAULT '',
            analysed    TEXT NOT NULL,
            analysis    TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE people (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_id   TEXT NOT NULL,
            name        TEXT NOT NULL,
            kind        TEXT NOT NULL,
            role        TEXT NOT NULL DEFAULT '',
            aliases     TEXT NOT NULL DEFAULT '[]',
            mentions    INTEGER NOT NULL DEFAULT 0,
            first_start INTEGER NOT NULL DEFAULT 0,
            first_end   INTEGER NOT NULL DEFAULT 0,
            name_key    TEXT NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE person_keys (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_id   TEXT NOT NULL,
            key         TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX person_keys_key ON person_keys (key)")
    conn.execute("CREATE INDEX person_keys_article ON person_keys (article_id)")
    conn.execute(
        """
        CREATE TABLE quotes (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            quote_id    TEXT NOT NULL,
            speaker     TEXT NOT NULL DEFAULT '',
            speaker_id  TEXT,
            text        TEXT NOT NULL,
            start       INTEGER NOT NULL,
            "end"       INTEGER NOT NULL,
            paragraph   INTEGER NOT NULL,
            cue         TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, quote_id)
        )
        """
    )
    conn.execute("CREATE INDEX quotes_speaker ON quotes (article_id, speaker_id)")
    conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "text, kind UNINDEXED, article_id UNINDEXED, ref UNINDEXED, start UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute(
        """
        CREATE TABLE feeds (
            id        INTEGER PRIMARY KEY,
            url       TEXT NOT NULL UNIQUE,
            title     TEXT NOT NULL DEFAULT '',
            site      TEXT NOT NULL DEFAULT '',
            added     TEXT NOT NULL,
            fetched   TEXT,
            subscribed INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE feed_items (
            id         INTEGER PRIMARY KEY,
            feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            guid       TEXT NOT NULL,
            link       TEXT NOT NULL DEFAULT '',
            title      TEXT NOT NULL DEFAULT '',
            site       TEXT NOT NULL DEFAULT '',
            published  TEXT,
            summary    TEXT NOT NULL DEFAULT '',
            content    TEXT NOT NULL DEFAULT '',
            seen       TEXT NOT NULL,
            read       INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, guid)
        )
        """
    )
    conn.execute("CREATE INDEX feed_items_published ON feed_items (published DESC, id DESC)")
    for article_id, data in conn.execute("SELECT article_id, document FROM documents").fetchall():
        try:
            document = json.loads(data)
            body, blocks = document.get("body", ""), document.get("blocks", [])
        except (ValueError, AttributeError):
            continue
        for number, block in enumerate(blocks):
            start, end = int(block.get("start", 0)), int(block.get("end", 0))
            conn.execute(
                "INSERT INTO search_index (text, kind, article_id, ref, start) VALUES (?, 'paragraph', ?, ?, ?)",
                (body[start:end], article_id, str(number), start),
            )


def filter_tables(conn: sqlite3.Connection) -> None:
    """The library screen's filters: a `sources` table (the sources each analysis named) and the
    indexes that answer "articles mentioning X", "articles citing Y" and "published between" without a scan.

    Sources of articles analysed before this step are read back from their saved analyses.
    """
    conn.execute(
        """
        CREATE TABLE sources (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            source_id   TEXT NOT NULL,
            name        TEXT NOT NULL,
            kind        TEXT NOT NULL DEFAULT '',
            name_key    TEXT NOT NULL,
            PRIMARY KEY (article_id, source_id)
        )
        """
    )
    conn.execute("CREATE INDEX sources_key ON sources (name_key)")
    conn.execute("CREATE INDEX people_name_key ON people (name_key, kind)")
    conn.execute("CREATE INDEX articles_published ON articles (published)")
    from reader.index.names import name_key

    for article_id, data in conn.execute("SELECT article_id, analysis FROM analyses").fetchall():
        try:
            sources = json.loads(data).get("sources", [])
            rows = [(article_id, str(s["id"]), str(s.get("name") or s.get("url") or ""), str(s.get("kind", "")))
                    for s in sources]
        except (ValueError, AttributeError, KeyError, TypeError):
            continue
        conn.executemany(
            "INSERT OR IGNORE INTO sources (article_id, source_id, name, kind, name_key) VALUES (?, ?, ?, ?, ?)",
            [(*row, name_key(row[2])) for row in rows if row[2]],
        )

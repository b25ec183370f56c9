"""Writing one article's analysis into the library index (one transaction)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from reader.index.names import keys_for, name_key
from reader.model import Analysis, Document

if TYPE_CHECKING:  # pragma: no cover
    from reader.store import Store


def is_indexed(store: "Store", article_id: int) -> bool:
    return bool(store.query("SELECT 1 FROM analyses WHERE article_id = ?", (article_id,)))


def index_document(store: "Store", document: Document, analysis: Analysis) -> int:
    """Index `document`'s analysis under its library row (recording the article when it has none); its id."""
    article = store.find_article(document) or store.open_article(document).article
    index_article(store, article.id, document, analysis)
    return article.id


def index_article(store: "Store", article_id: int, document: Document, analysis: Analysis) -> None:
    """Replace what the index holds for `article_id` with this document's analysis."""
    body = document.body
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as conn:
        for table in ("analyses", "people", "person_keys", "quotes", "sources", "search_index"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # table names are constants
        conn.execute(
            "INSERT INTO analyses (article_id, model, analysed, analysis) VALUES (?, ?, ?, ?)",
            (article_id, analysis.model, now, json.dumps(analysis.to_dict(), ensure_ascii=False)),
        )
        if document.title:
            conn.execute(
                "INSERT INTO search_index (text, kind, article_id, ref, start) VALUES (?, 'title', ?, '', 0)",
                (document.title, article_id),
            )
        for number, block in enumerate(document.blocks):
            conn.execute(
                "INSERT INTO search_index (text, kind, article_id, ref, start) VALUES (?, 'paragraph', ?, ?, ?)",
                (body[block.start : block.end], article_id, str(number), block.start),
            )
        for entity in analysis.entities:
            first = entity.mentions[0] if entity.mentions else None
            conn.execute(
                "INSERT INTO people (article_id, entity_id, name, kind, role, aliases, mentions, first_start, "
                "first_end, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, entity.id, entity.name, entity.kind, entity.role,
                 json.dumps(entity.aliases, ensure_ascii=False), entity.count,
                 first.start if first else 0, first.end if first else 0, name_key(entity.name)),
            )
            conn.executemany(
                "INSERT INTO person_keys (article_id, entity_id, key) VALUES (?, ?, ?)",
                [(article_id, entity.id, key) for key in sorted(keys_for(entity.name, entity.aliases, entity.kind))],
            )
            conn.execute(
                "INSERT INTO search_index (text, kind, article_id, ref, start) VALUES (?, 'name', ?, ?, ?)",
                (" · ".join([entity.name, *entity.aliases]), article_id, entity.id, first.start if first else 0),
            )
        for quote in analysis.quotes:
            paragraph = document.block_index_at(quote.start) if document.blocks else 0
            conn.execute(
                'INSERT INTO quotes (article_id, quote_id, speaker, speaker_id, text, start, "end", paragraph, cue) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, quote.id, quote.speaker, quote.speaker_id, quote.text, quote.start, quote.end,
                 paragraph, quote.cue),
            )
            conn.execute(
                "INSERT INTO search_index (text, kind, article_id, ref, start) VALUES (?, 'quote', ?, ?, ?)",
                (quote.text, article_id, quote.id, quote.start),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO sources (article_id, source_id, name, kind, name_key) VALUES (?, ?, ?, ?, ?)",
            [(article_id, source.id, source.name or source.url, source.kind, name_key(source.name or source.url))
             for source in analysis.sources if source.name or source.url],
        )

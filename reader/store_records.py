"""The records the store hands out (`Article`, `OpenedArticle`) and the saved copy's JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from reader.model import Block, Document, Link
from reader.notes import Note


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    url: str | None
    fingerprint: str
    title: str
    site: str
    published: str | None
    origin: str
    first_opened: str
    last_opened: str
    position: int
    body_length: int = 0
    notes_count: int = 0


@dataclass(frozen=True, slots=True)
class OpenedArticle:
    article: Article
    notes: list[Note]
    is_new: bool



def document_to_json(document: Document) -> str:
    return json.dumps(document.to_dict(), ensure_ascii=False)


def document_from_json(data: str) -> Document:
    """Inverse of `document_to_json`, tolerant of fields added or removed later."""
    raw = json.loads(data)
    known = {f.name for f in fields(Document)}
    values = {k: v for k, v in raw.items() if k in known}
    values["blocks"] = [Block(**b) for b in raw.get("blocks", [])]
    values["links"] = [Link(**link) for link in raw.get("links", [])]
    return Document(**values)

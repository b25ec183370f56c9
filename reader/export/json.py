"""JSON form of a Document and its Analysis (the schema is in the README)."""

from __future__ import annotations

import json
from typing import Any

from reader.model import Analysis, Document
from reader.sanitize import escape_json_text


def document_dict(document: Document) -> dict[str, Any]:
    data = document.to_dict()
    data["word_count"] = document.word_count
    return data


def result_dict(document: Document, analysis: Analysis | None) -> dict[str, Any]:
    """`{"document": ..., "model", "entities_available", "errors", "entities", "quotes", "timeline", "sources"}`."""
    out: dict[str, Any] = {"document": document_dict(document)}
    if analysis is not None:
        data = analysis.to_dict()
        for key in ("blocks_done", "blocks_total"):
            data.pop(key, None)
        out.update(data)
    return out


def dumps(data: Any, *, indent: int | None = None) -> str:
    """UTF-8 JSON in which no character can act on a terminal (control characters escaped)."""
    return escape_json_text(json.dumps(data, ensure_ascii=False, indent=indent))

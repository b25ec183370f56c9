"""The one function at the core of every batch: a record in, its JSON result out.

`process_record({"id", "html" | "text", "url"?, "date"?}, options)` returns the
same object `reader extract --format json` prints, with `"id"` first, or
`{"id", "error"}`; it never raises. `reader extract --jsonl`, `--jobs`,
`reader batch` (local pool or Dask) all run it in their worker processes, so
their outputs are identical line for line. The spaCy model is loaded once per
process, on first use (`reader.analysis.nlp.load_nlp`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError
from reader.model import Block, Document


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """How a record is read: `clean` (False: analyse `text` exactly as given) and `analysis`
    (False: the document alone, spaCy never imported)."""

    clean: bool = True
    analysis: bool = True

    def to_args(self) -> list[str]:
        return [f"--clean={int(self.clean)}", f"--analysis={int(self.analysis)}"]

    @classmethod
    def from_args(cls, args: list[str]) -> RecordOptions:
        values = dict(arg.lstrip("-").split("=", 1) for arg in args if "=" in arg)
        return cls(clean=values.get("clean", "1") == "1", analysis=values.get("analysis", "1") == "1")


_LINE = re.compile(r"[^\n]+")


def document_from_text(text: str, *, published: str | None = None, url: str | None = None) -> Document:
    """A Document whose body is `text` exactly: each non-blank line is a paragraph block."""
    blocks = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            blocks.append(Block("paragraph", start, end))
    return Document(body=text, blocks=blocks, published=published, url=url, content_type="text", origin="jsonl")


def _date(value: Any) -> str | None:
    if not value:
        return None
    value = str(value)
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else value


def error_result(record_id: Any, message: str) -> dict[str, Any]:
    """The output for a record that could not be read or analysed."""
    return {"id": record_id, "error": message}


def _document(record: Mapping[str, Any], options: RecordOptions) -> Document:
    text = record.get("text")
    html = record.get("html")
    published = _date(record.get("date") or record.get("dct"))
    url = record.get("url")
    url = url if isinstance(url, str) else None
    if options.clean:
        from reader.clean import clean_text

        raw = html if isinstance(html, str) else text
        if not isinstance(raw, str):
            raise ReaderError('a line needs "html" or "text"')
        return clean_text(raw, origin="jsonl", url=url, published=published)
    if not isinstance(text, str):
        raise ReaderError('--no-clean needs "text"')
    return document_from_text(text, published=published, url=url)


def process_record(record: Mapping[str, Any], options: RecordOptions = RecordOptions()) -> dict[str, Any]:
    """One record -> `{"id", "document", ...analysis}` or `{"id", "error"}` (never raises)."""
    record_id: Any = None
    try:
        if not isinstance(record, Mapping):
            raise ReaderError("a line must be a JSON object")
        record_id = record.get("id")
        document = _document(record, options)
        from reader.export.json import result_dict

        analysis = None
        if options.analysis:
            from reader.analysis.pipeline import analyse

            analysis = analyse(document)
        return {"id": record_id, **result_dict(document, analysis)}
    except ReaderError as exc:
        return error_result(record_id, str(exc))
    except RecursionError:
        return error_result(record_id, "the input is nested too deeply to read")
    except MemoryError:
        return error_result(record_id, "the record is too large to read in memory")
    except Exception as exc:  # one bad document never stops the batch
        return error_result(record_id, f"{type(exc).__name__}: {exc}")


def process_line(line: str | bytes, options: RecordOptions = RecordOptions()) -> dict[str, Any]:
    """One JSONL line (a JSON object) -> its result, as `process_record` (never raises)."""
    try:
        if isinstance(line, bytes):
            line = line.decode("utf-8", errors="replace")
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return error_result(None, f"not JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return error_result(None, "not JSON: nested too deeply")
    return process_record(record, options)


def result_line(result: Mapping[str, Any]) -> str:
    """The output line for a result (no newline): UTF-8 JSON, terminal-safe."""
    from reader.export.json import dumps

    return dumps(result)

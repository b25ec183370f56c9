"""`reader extract`: one article to text, JSON or Markdown; or a JSONL batch."""

from __future__ import annotations

import json
import re
import sys
from typing import IO, Any, Iterable, Iterator

from reader.errors import ReaderError
from reader.model import Block, Document

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


def run_single(source: str, fmt: str, out: IO[str], *, published: str | None = None) -> int:
    from reader.load import load_document

    from reader.language import english_only_error

    document = load_document(source, published=published)
    not_english = english_only_error(document.language)
    if fmt == "text":
        out.write(document.body + "\n")
        if not_english:
            print(f"reader: warning: {not_english}", file=sys.stderr)
        return 0
    from reader.analysis.pipeline import analyse

    analysis = analyse(document)
    if not_english:
        print(f"reader: warning: {not_english}", file=sys.stderr)
    elif not analysis.entities_available:
        print(f"reader: warning: entities unavailable: {'; '.join(analysis.errors)}", file=sys.stderr)
    if analysis.entities_available and analysis.errors:
        print(f"reader: warning: {'; '.join(analysis.errors)}", file=sys.stderr)
    if fmt == "json":
        from reader.export.json import dumps, result_dict

        out.write(dumps(result_dict(document, analysis), indent=2) + "\n")
    else:
        from reader.export.markdown import to_markdown

        out.write(to_markdown(document, analysis))
    return 0


def _date(value: Any) -> str | None:
    if not value:
        return None
    value = str(value)
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else value


def process_record(line: str, clean: bool) -> dict[str, Any]:
    """One JSONL input line -> one output object (never raises)."""
    record_id: Any = None
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ReaderError("a line must be a JSON object")
        record_id = record.get("id")
        text = record.get("text")
        html = record.get("html")
        published = _date(record.get("date") or record.get("dct"))
        url = record.get("url")
        if clean:
            from reader.clean import clean_text

            raw = html if isinstance(html, str) else text
            if not isinstance(raw, str):
                raise ReaderError('a line needs "html" or "text"')
            document = clean_text(raw, origin="jsonl", url=url, published=published)
        else:
            if not isinstance(text, str):
                raise ReaderError('--no-clean needs "text"')
            document = document_from_text(text, published=published, url=url)
        from reader.analysis.pipeline import analyse
        from reader.export.json import result_dict

        return {"id": record_id, **result_dict(document, analyse(document))}
    except ReaderError as exc:
        return {"id": record_id, "error": str(exc)}
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not JSON: {exc.msg} at column {exc.colno}"}
    except Exception as exc:  # one bad document never stops the batch
        return {"id": record_id, "error": f"{type(exc).__name__}: {exc}"}


def _process_clean(line: str) -> dict[str, Any]:
    return process_record(line, True)


def _process_raw(line: str) -> dict[str, Any]:
    return process_record(line, False)


def _warm() -> None:
    from reader.analysis.nlp import load_nlp

    load_nlp()


def _lines(stream: IO[str]) -> Iterator[str]:
    for line in stream:
        if line.strip():
            yield line


def _results(lines: Iterable[str], clean: bool, jobs: int) -> Iterator[dict[str, Any]]:
    func = _process_clean if clean else _process_raw
    if jobs <= 1:
        yield from map(func, lines)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(jobs, initializer=_warm) as pool:
        yield from pool.imap(func, lines, chunksize=4)


def run_jsonl(inp: IO[str], out: IO[str], *, clean: bool = True, jobs: int = 1) -> int:
    """Read JSON lines, write one JSON line per input, in order."""
    from reader.export.json import dumps

    for result in _results(_lines(inp), clean, jobs):
        out.write(dumps(result) + "\n")
        out.flush()
    return 0

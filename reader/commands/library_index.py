"""`reader library add|search|quotes|person|export`: the library as something to ask."""

from __future__ import annotations

import gzip
import json
import sys
from datetime import datetime, timezone
from typing import IO, Iterator

from reader.errors import ReaderError
from reader.sanitize import clean_line

MAX_RECORD_BYTES = 20 * 1024 * 1024
"""A JSONL record longer than this is skipped with a line on stderr."""


def _records(path: str) -> Iterator[tuple[str, "object"]]:
    """(label, Document or ReaderError) for each line of a JSONL batch (gzip too)."""
    from reader.clean import clean_text

    opener = gzip.open if path.endswith(".gz") else open
    try:
        stream = opener(path, "rt", encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ReaderError(f"cannot read {path}: {exc.strerror or exc}") from None
    with stream:
        for number, line in enumerate(stream, 1):
            label = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > MAX_RECORD_BYTES:
                yield label, ReaderError(f"{label}: record over {MAX_RECORD_BYTES // 2**20} MiB, skipped")
                continue
            try:
                record = json.loads(line)
                raw = record.get("html") or record.get("text")
                if not isinstance(raw, str) or not raw.strip():
                    raise ValueError("no html or text")
            except (ValueError, AttributeError) as exc:
                yield label, ReaderError(f"{label}: not a record ({exc})")
                continue
            label = f"{path}#{clean_line(str(record.get('id', number)))}"
            try:
                document = clean_text(raw, origin=label, url=record.get("url") or None,
                                      published=record.get("date") or None)
                if not document.blocks:
                    raise ReaderError(f"no article text found in {label}")
                yield label, document
            except ReaderError as exc:
                yield label, exc


def _documents(sources: list[str]) -> Iterator[tuple[str, "object"]]:
    from reader.load import load_document

    for source in sources:
        if source.endswith((".jsonl", ".jsonl.gz")):
            yield from _records(source)
            continue
        try:
            yield source, load_document(source)
        except ReaderError as exc:
            yield source, exc


def run_add(sources: list[str], err: IO[str] = sys.stderr) -> int:
    """Analyse each source and keep it, with its analysis, in the library (without opening it)."""
    from reader.analysis.pipeline import analyse
    from reader.index import index_article
    from reader.store import Store

    from reader.commands.progress import progress

    added = failed = 0
    with Store.open() as store, progress(err, "adding") as advance:
        for label, item in _documents(sources):
            if isinstance(item, ReaderError):
                failed += 1
                advance(error=True)
                print(f"reader: error: {clean_line(str(item))}", file=err)
                continue
            analysis = analyse(item)
            opened = store.open_article(item)
            index_article(store, opened.article.id, item, analysis)
            added += 1
            advance()
    print(f"reader: {added} added, {failed} failed", file=err)
    return 0 if failed == 0 else 1


def _snippet(text: str, tty: bool) -> str:
    from reader.index.query import HIT_END, HIT_START

    if tty:
        return text.replace(HIT_START, "\x1b[1m").replace(HIT_END, "\x1b[22m")
    return text.replace(HIT_START, "").replace(HIT_END, "")


def run_search(text: str, *, as_json: bool, limit: int, out: IO[str] = sys.stdout) -> int:
    from reader.index import search
    from reader.index.query import HIT_END, HIT_START
    from reader.store import Store

    with Store.open() as store:
        hits = search(store, text, limit=limit)
    if as_json:
        for hit in hits:
            snippet = clean_line(hit.snippet.replace(HIT_START, "").replace(HIT_END, ""))
            out.write(json.dumps({"kind": hit.kind, "article_id": hit.article_id, "title": hit.title,
                                  "published": hit.published, "ref": hit.ref, "start": hit.start,
                                  "snippet": snippet}, ensure_ascii=False) + "\n")
        return 0
    if not hits:
        out.write(f"nothing in the library matches {clean_line(text)!r}\n")
        return 0
    tty = out.isatty()
    for hit in hits:
        where = f"[{hit.article_id}] {clean_line(hit.title) or '(untitled)'}"
        snippet = _snippet(clean_line(hit.snippet.replace("\n", " ")), tty)
        out.write(f"{hit.kind:9} {where}\n          {snippet}\n")
    return 0


def run_quotes(name: str, *, as_json: bool, out: IO[str] = sys.stdout) -> int:
    from reader.index import quotes_by
    from reader.store import Store

    with Store.open() as store:
        rows = quotes_by(store, name)
    if as_json:
        for row in rows:
            out.write(json.dumps({"article_id": row.article_id, "title": row.title, "published": row.published,
                                  "url": row.url, "quote_id": row.quote_id, "speaker": row.speaker,
                                  "text": row.text, "start": row.start, "end": row.end,
                                  "paragraph": row.paragraph + 1, "cue": row.cue}, ensure_ascii=False) + "\n")
        return 0
    if not rows:
        out.write(f"no quotes by {clean_line(name)!r} in the library\n")
        return 0
    for row in rows:
        date = (row.published or "")[:10]
        out.write(f"“{clean_line(row.text)}”\n    — {clean_line(row.speaker)}, [{row.article_id}] "
                  f"{clean_line(row.title)} {date} ¶{row.paragraph + 1}\n")
    return 0


def run_person(name: str, *, as_json: bool, out: IO[str] = sys.stdout) -> int:
    from reader.index import people
    from reader.store import Store

    with Store.open() as store:
        found = people(store, name)
    if as_json:
        for person in found:
            out.write(json.dumps({"name": person.name, "kind": person.kind, "aliases": person.aliases,
                                  "roles": person.roles, "ambiguous": person.ambiguous,
                                  "articles": [{"article_id": a, "title": t, "published": p, "mentions": m,
                                                "first": f} for a, t, p, m, f in person.articles]},
                                 ensure_ascii=False) + "\n")
        return 0
    if not found:
        out.write(f"no one called {clean_line(name)!r} in the library\n")
        return 0
    for person in found:
        also = f" (also {', '.join(clean_line(a) for a in person.aliases)})" if person.aliases else ""
        flag = " — a bare name several people share" if person.ambiguous else ""
        out.write(f"{clean_line(person.name)}{also}, {person.kind}{flag}\n")
        for article_id, title, published, mentions, _first in person.articles:
            out.write(f"    [{article_id}] {clean_line(title) or '(untitled)'} {(published or '')[:10]}"
                      f" · {mentions} mention{'s' if mentions != 1 else ''}\n")
    return 0


def run_person_export(name: str, output: str | None, *, force: bool) -> int:
    from pathlib import Path

    from reader.export.files import atomic_write_text, safe_filename
    from reader.export.person import person_markdown
    from reader.index import people, quotes_by
    from reader.store import Store

    with Store.open() as store:
        persons, quotes = people(store, name), quotes_by(store, name)
    if not persons:
        raise ReaderError(f"no one called {name!r} in the library")
    text = person_markdown(name, persons, quotes, exported=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    filename = safe_filename(f"{persons[0].name} quotes")
    path = Path(output) if output else Path(filename)
    if output and (path.is_dir() or output.endswith(("/", "\\"))):
        path = path / filename
    written = atomic_write_text(path, text, force=force)
    print(clean_line(str(written)))
    return 0

"""The inputs of `reader batch` as parts: one JSONL file or one directory of pages each.

Each part becomes one output file, `DIR/<name>.jsonl`, written to a temporary
file and renamed only once complete, so a part that exists is finished and a
rerun skips it.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.batch.limits import MAX_RECORD_BYTES
from reader.batch.lines import CHUNK, Oversize, iter_lines
from reader.batch.record import error_result
from reader.errors import ReaderError

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text")
"""Files of a directory input that are read (`.gz` of these too); others are left alone."""

_GLOB = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Part:
    """One input (a JSONL file or a directory of pages) and its output name."""

    source: Path
    name: str
    is_dir: bool

    def output(self, out_dir: Path) -> Path:
        return out_dir / f"{self.name}.jsonl"


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".ndjson", ".json"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return re.sub(r"[^\w.-]", "_", name).lstrip(".") or "part"


def discover(inputs: list[str]) -> list[Part]:
    """The parts named by files, globs and directories, in the order given (globs sorted)."""
    paths: list[Path] = []
    for given in inputs:
        if not os.path.exists(given) and _GLOB.search(given):
            matches = sorted(glob.glob(given))
            if not matches:
                raise ReaderError(f"no file matches {given}")
            paths.extend(Path(m) for m in matches)
        elif os.path.isdir(given) or os.path.isfile(given):
            paths.append(Path(given))
        else:
            raise ReaderError(f"no such file or directory: {given}")
    parts: list[Part] = []
    taken: set[str] = set()
    for path in paths:
        name, n = _stem(path), 1
        while name in taken:
            n += 1
            name = f"{_stem(path)}-{n}"
        taken.add(name)
        parts.append(Part(path, name, path.is_dir()))
    return parts


def _open_jsonl(path: Path):
    stream = open(path, "rb")
    if stream.read(2) == b"\x1f\x8b":
        stream.seek(0)
        return gzip.GzipFile(fileobj=stream, mode="rb")
    stream.seek(0)
    return stream


def page_files(directory: Path) -> list[Path]:
    """The page files under `directory`, sorted, hidden ones left out."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            lower = name.lower().removesuffix(".gz")
            if not name.startswith(".") and lower.endswith(PAGE_SUFFIXES):
                found.append(Path(root) / name)
    return found


def _page_record(path: Path, record_id: str, clean: bool, limit: int) -> bytes | Oversize | dict[str, Any]:
    from reader.decode import decode
    from reader.load import check_text_bytes

    try:
        if path.stat().st_size > limit:
            return Oversize(record_id, path.stat().st_size, limit)
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
        if data[:2] == b"\x1f\x8b":
            with open(path, "rb") as raw, gzip.GzipFile(fileobj=raw) as unzipped:
                data = unzipped.read(limit + 1)
        if len(data) > limit:
            return Oversize(record_id, len(data), limit)
        check_text_bytes(data, record_id)
        text = decode(data)
    except ReaderError as exc:
        return error_result(record_id, str(exc))
    except (OSError, EOFError) as exc:
        return error_result(record_id, f"cannot read the file: {exc}")
    key = "text" if not clean or path.name.lower().removesuffix(".gz").endswith((".txt", ".text")) else "html"
    return json.dumps({"id": record_id, key: text}, ensure_ascii=False).encode("utf-8")


def records(part: Part, *, clean: bool = True, limit: int = MAX_RECORD_BYTES) -> Iterator[bytes | Oversize | dict]:
    """The part's records: JSONL lines (`bytes`), `Oversize` markers, or ready error results."""
    if part.is_dir:
        for path in page_files(part.source):
            yield _page_record(path, path.relative_to(part.source).as_posix(), clean, limit)
        return
    try:
        with _open_jsonl(part.source) as stream:
            yield from iter_lines(stream, limit)
    except (OSError, EOFError) as exc:
        raise ReaderError(f"{part.source}: cannot read: {exc}") from None


def count_records(part: Part) -> int:
    """How many records the part holds (a quick pass, for the progress bar)."""
    if part.is_dir:
        return len(page_files(part.source))
    count, last = 0, b"\n"
    try:
        with _open_jsonl(part.source) as stream:
            while chunk := stream.read(CHUNK):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, EOFError):
        return count
    return count + (last != b"\n")

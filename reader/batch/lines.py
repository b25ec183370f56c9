"""Reading JSONL with bounded memory: a line over the limit is skipped in chunks, never built whole."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from reader.batch.limits import MAX_RECORD_BYTES, megabytes

CHUNK = 1 << 20
HEAD = 4096
"""Bytes kept from the start of an oversize line, to name its id in the error."""

_ID = re.compile(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)|[{,]\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


@dataclass(frozen=True, slots=True)
class Oversize:
    """A record past the size limit: its id when the first bytes name one."""

    record_id: Any
    size: int
    limit: int

    def result(self) -> dict[str, Any]:
        return {"id": self.record_id, "error": f"the record is larger than {megabytes(self.limit)} "
                f"(at least {megabytes(self.size)}); it was skipped"}


def id_from_head(head: bytes) -> Any:
    """The `"id"` a JSON object's first bytes give, or None."""
    match = _ID.search(head)
    if not match:
        return None
    try:
        return json.loads(match.group(1) or match.group(2))
    except ValueError:
        return None


def iter_lines(stream: IO[bytes] | IO[str], limit: int = MAX_RECORD_BYTES) -> Iterator[bytes | Oversize]:
    """Non-blank lines (without their line end) of `stream`; an `Oversize` for a line over `limit` bytes.

    Memory stays within about `limit` plus one chunk, whatever the line lengths.
    """
    buffer = bytearray()
    skipping: Oversize | None = None
    while True:
        chunk = stream.read(CHUNK)
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", errors="replace")
        if not chunk:
            break
        start = 0
        while start < len(chunk):
            newline = chunk.find(b"\n", start)
            end = len(chunk) if newline < 0 else newline
            piece = memoryview(chunk)[start:end]
            if skipping is not None:
                skipping = Oversize(skipping.record_id, skipping.size + len(piece), limit)
            elif len(buffer) + len(piece) > limit:
                head = (bytes(buffer[:HEAD]) + bytes(piece[:HEAD]))[:HEAD]
                skipping = Oversize(id_from_head(head), len(buffer) + len(piece), limit)
                buffer.clear()
            else:
                buffer += piece
            if newline < 0:
                break
            if skipping is not None:
                yield skipping
                skipping = None
            elif buffer.strip():
                yield bytes(buffer).rstrip(b"\r")
            buffer.clear()
            start = newline + 1
    if skipping is not None:
        yield skipping
    elif buffer.strip():
        yield bytes(buffer).rstrip(b"\r")

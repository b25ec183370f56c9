"""Load an article from a file, standard input or a URL, and clean it.

`load_bytes` gets the raw bytes (gunzipping when the bytes say gzip),
`load_document` decodes and cleans them into a `Document`. Every failure is
a `ReaderError` with one clear line.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from reader.decode import utf16_without_bom
from reader.errors import ReaderError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or an office document)",
    b"\x7fELF": "a program",
    b"RIFF": "a media file",
    b"OggS": "an audio file",
    b"\x00\x00\x00": "binary data",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"SQLite format 3": "an SQLite database",
}


@dataclass(slots=True)
class Loaded:
    data: bytes
    origin: str
    url: str | None = None
    http_charset: str | None = None


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
"""A URL scheme (two letters at least, so `C:\\file` stays a path)."""


def is_url(source: str) -> bool:
    head = source[:12].lower()
    return "://" in source[:16] or head.startswith(("www.", "http:", "https:"))


def refuse_other_schemes(source: str) -> None:
    """`file:`, `javascript:`, `data:`, `ftp:` ... are refused with one line (a file of that name is fine)."""
    match = _SCHEME.match(source)
    if match and match.group(1).lower() not in ("http", "https") and not os.path.exists(source):
        raise ReaderError(f"only http and https URLs can be opened, not {match.group(1).lower()}: {source[:200]}")


def _read_file(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ReaderError(f"file too large: {size // 1_000_000} MB (limit {MAX_FILE_BYTES // 1_000_000} MB): {path}")
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ReaderError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ReaderError(f"is a directory, not an article: {path}") from None
    except PermissionError:
        raise ReaderError(f"permission denied: {path}") from None
    except OSError as exc:
        raise ReaderError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_stdin(stream: BinaryIO | None = None) -> bytes:
    stream = stream or sys.stdin.buffer
    if hasattr(stream, "isatty") and stream.isatty():
        raise ReaderError("nothing on standard input: pipe an article in, e.g. `pbpaste | reader -`")
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ReaderError(f"standard input too large (limit {MAX_FILE_BYTES // 1_000_000} MB)")
    return data


def gunzip(data: bytes, origin: str) -> bytes:
    """Decompress gzip bytes with a cap on the output size (no zip bombs)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_UNZIPPED_BYTES + 1)
    except zlib.error:
        raise ReaderError(f"broken gzip data: {origin}") from None
    if len(out) > MAX_UNZIPPED_BYTES or decompressor.unconsumed_tail:
        raise ReaderError(f"too large once decompressed (limit {MAX_UNZIPPED_BYTES // 1_000_000} MB): {origin}")
    return out


def check_text_bytes(data: bytes, origin: str) -> None:
    """Refuse empty input and known binary formats with one clear line."""
    if not data.strip():
        raise ReaderError(f"empty input: {origin}")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ReaderError(f"not an article: {origin} is {what}")
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf16_without_bom(sample):
        nul_share = sample.count(b"\x00") / len(sample)
        if nul_share > 0.1:
            raise ReaderError(f"not an article: {origin} is binary data")


def load_bytes(source: str, *, stdin: BinaryIO | None = None) -> Loaded:
    """The raw bytes of a PATH, URL or "-" (gzip undone)."""
    refuse_other_schemes(source)
    if source == "-":
        loaded = Loaded(_read_stdin(stdin), "-")
    elif is_url(source):
        from reader.fetch import fetch

        url = source if "://" in source[:16] else "https://" + source
        fetched = fetch(url)
        loaded = Loaded(fetched.data, source, fetched.url, fetched.charset)
    else:
        loaded = Loaded(_read_file(source), source)
    if loaded.data[:2] == b"\x1f\x8b":
        loaded.data = gunzip(loaded.data, loaded.origin)
    check_text_bytes(loaded.data, loaded.origin)
    return loaded


def load_document(source: str, *, published: str | None = None, stdin: BinaryIO | None = None):
    """Load and clean an article: the `Document` every later stage reads."""
    from reader.clean import clean_text
    from reader.decode import decode

    loaded = load_bytes(source, stdin=stdin)
    text = decode(loaded.data, loaded.http_charset)
    document = clean_text(text, origin=loaded.origin, url=loaded.url, published=published)
    if not document.blocks:
        raise ReaderError(f"no article text found in {loaded.origin}")
    return document

"""Load an article from a file, standard input or a URL, and clean it.

`load_bytes` gets the raw bytes (gunzipping when the bytes say gzip),
`load_document` decodes and cleans them into a `Document`. Every failure is
a `ReaderError` with one clear line.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from reader.decode import utf16_without_bom
from reader.errors import ReaderError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_GZIP_LAYERS = 2
"""gzip inside gzip is undone once more (a server compressing a .gz file); deeper nesting is refused."""

CONTROL_SHARE = 0.05
"""Text has next to no C0 control bytes besides tab, line breaks and form feed; random binary has about 12%."""

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")

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


def mib(count: int) -> str:
    """A byte count in MiB, as every size limit is printed ("200 MiB")."""
    return f"{count / (1024 * 1024):.0f} MiB" if count >= 1024 * 1024 else f"{count:,} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_file(path: str) -> bytes:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block forever, a device never end
            raise ReaderError(f"not an article: {path} is {_kind(info.st_mode)}; only regular files (and -) are read")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise ReaderError(f"file too large: {mib(size)} (limit {mib(MAX_FILE_BYTES)}): {path}")
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
        raise ReaderError(f"standard input too large (limit {mib(MAX_FILE_BYTES)})")
    return data


def gunzip(data: bytes, origin: str) -> bytes:
    """Decompress gzip bytes, every member of them, with a cap on the output size (no zip bombs)."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest[:2] == b"\x1f\x8b":
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = decompressor.decompress(rest, MAX_UNZIPPED_BYTES + 1 - size)
        except zlib.error:
            raise ReaderError(f"broken gzip data: {origin}") from None
        size += len(part)
        if size > MAX_UNZIPPED_BYTES or decompressor.unconsumed_tail:
            raise ReaderError(f"too large once decompressed (limit {mib(MAX_UNZIPPED_BYTES)}): {origin}")
        if not decompressor.eof:
            raise ReaderError(f"broken gzip data (cut short): {origin}")
        out.append(part)
        rest = decompressor.unused_data.lstrip(b"\x00")  # members may be padded with NULs
    return b"".join(out)


def gunzip_layers(data: bytes, origin: str) -> bytes:
    """Undo gzip up to `MAX_GZIP_LAYERS` deep; deeper is refused."""
    for _ in range(MAX_GZIP_LAYERS):
        if data[:2] != b"\x1f\x8b":
            return data
        data = gunzip(data, origin)
    if data[:2] == b"\x1f\x8b":
        raise ReaderError(f"not an article: {origin} is gzip nested more than {MAX_GZIP_LAYERS} deep")
    return data


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
    if looks_binary(data):
        raise ReaderError(f"not an article: {origin} is binary data (mostly not text)")


def looks_binary(data: bytes) -> bool:
    """Bytes that decode to mostly non-text: many control bytes, and neither UTF-16/32 nor UTF-8."""
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or utf16_without_bom(sample):
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS) + sample.count(0x7F)
    if controls <= CONTROL_SHARE * len(sample):
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(sample) - 4  # not only a character cut at the sample's end
    return False


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
    loaded.data = gunzip_layers(loaded.data, loaded.origin)
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

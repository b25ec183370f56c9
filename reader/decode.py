"""Bytes to text: BOM, HTTP charset, `<meta charset>`, then detection.

Bad bytes never crash: at worst they become U+FFFD replacement characters.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_SIGNS = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|article|div|p|br|script|style|span|a\s|section|main|h[1-6]|table|ul|li)\b",
    re.IGNORECASE,
)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>")

LATIN_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
"""Browsers read these labels as windows-1252 (WHATWG Encoding); so do we."""


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    name = name.strip().strip("\"'").lower()
    name = LATIN_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for BOM-less UTF-16 of mostly Latin text (every other byte NUL), else None."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` tag declares in the first 16 KiB, if any."""
    match = _META_CHARSET.search(data[:16384])
    return _codec(match.group(1)) if match else None


def _detected(data: bytes) -> str | None:
    """The text decoded with the detected charset (charset_normalizer), or None."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        if best is not None and best.encoding:
            return data.decode(_codec(best.encoding) or "cp1252", errors="replace")
    except Exception:  # detection is best effort
        pass
    return None


_DOUBLED = re.compile("[\xc2-\xf4][\x80-\xbf]{1,3}")
_C1 = re.compile("[\x80-\x9f]")


def _undo_doubled(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def undouble_utf8(text: str) -> str:
    """`text` with UTF-8 that was decoded as Latin-1 and encoded again (`â` + two C1 controls for `’`) put right.

    Only a text where such a run holds a C1 control character (U+0080-U+009F,
    never text) is taken for doubled; then every run that is one valid UTF-8
    sequence as bytes is undone ("Ã©" back to "é"). A page that only writes
    "Ã©", to show what mojibake looks like, stays as written.
    """
    if not _C1.search(text) or not any(_C1.search(m.group()) and _undo_doubled(m) != m.group()
                                       for m in _DOUBLED.finditer(text)):
        return text
    return _DOUBLED.sub(_undo_doubled, text)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, http_charset: str | None = None) -> str:
    """Decode bytes by BOM, then the HTTP header, then `<meta>`, then detection.

    A declaration can be wrong: non-ASCII bytes that are valid UTF-8 are read
    as UTF-8 whatever the page declares (no legacy text is valid UTF-8 by
    chance), and bytes the declared charset cannot decode go to detection.
    UTF-8 encoded twice (a page stored as Latin-1 once too often) is undone.
    """
    bom, skip = sniff_bom(data)
    if bom:
        return data[skip:].decode(bom, errors="replace")
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and not utf8.isascii():
        return undouble_utf8(utf8)
    declared = [c for c in (_codec(http_charset), declared_charset(data)) if c]
    for candidate in declared:
        if candidate.startswith(("utf-16", "utf-32")):
            candidate = "utf-8"  # a meta tag read as ASCII cannot be UTF-16 text
        text = _strict(data, candidate)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    return _detected(data) or data.decode(declared[0] if declared else "cp1252", errors="replace")


def looks_like_html(text: str) -> bool:
    """Tell HTML from plain text by the content: markup near the start, and enough of it."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:20000].lower():
        return True
    if not _HTML_SIGNS.search(text[:20000]):
        return False
    sample = text[:50000]
    tags = len(_TAG.findall(sample))
    return tags >= 3 and tags * 40 >= len(sample.split("\n")) // 2

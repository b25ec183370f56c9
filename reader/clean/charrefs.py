"""Character references that would decode to something unsafe are neutralised before parsing.

The raw text is cleaned of controls before it is parsed, but `&#x1b;`,
`&#27;`, `&#x202e;` or `&lrm;` only become characters inside the parser,
in text and attributes alike; lxml then refuses some of them when a tree is
edited ("All strings must be XML compatible") and the others would reach
the body. `neutralise_char_refs` rewrites those references first: controls
and bidirectional marks are dropped (an escaped ESC with the rest of its
escape sequence), references in 0x80-0x9F become the
windows-1252 characters browsers show for them (WHATWG), surrogates and
out-of-range numbers become U+FFFD. Every other reference is left alone.
"""

from __future__ import annotations

import re

from reader.sanitize import strip_escapes

_REF = re.compile(r"&(?:#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?|(lrm|rlm|LRM|RLM);)")
_BIDI = {0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def _replacement(match: re.Match[str]) -> str:
    if match.group(3):
        return ""
    code = int(match.group(1), 16) if match.group(1) is not None else int(match.group(2))
    if code in (0x09, 0x0A, 0x0D, 0x20) or 0x20 < code < 0x7F or 0xA0 <= code < 0xD800 and code not in _BIDI:
        return match.group(0)
    if code == 0x1B:
        return "\x1b"  # removed with the rest of its sequence by `strip_escapes` below
    if code in _BIDI or code < 0x20 or code == 0x7F:
        return ""
    if 0x80 <= code <= 0x9F:
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    if code in (0xFFFE, 0xFFFF):
        return ""
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return match.group(0)


def neutralise_char_refs(html: str) -> str:
    """`html` with unsafe numeric (and bidi-mark) character references rewritten; others kept."""
    if "&" not in html:
        return html
    out = _REF.sub(_replacement, html)
    return strip_escapes(out) if "\x1b" in out else out

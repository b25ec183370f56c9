"""Raw-markup guards applied before parsing: a tag with thousands of attributes is cut to its first ones.

libxml2 checks each new attribute against the element's earlier ones, so one
tag with a million attributes costs minutes to parse (and the extractors
parse the page again). No real element needs more than a few dozen; past
`MAX_ATTRIBUTES` the rest of the tag is dropped. One pass over the page.
"""

from __future__ import annotations

import re

MAX_ATTRIBUTES = 200
LONG_TAG_CHARS = 4_000
"""Only tags longer than this are looked at (a few attributes never are)."""

_LONG_TAG = re.compile(r"<([A-Za-z][^\s<>/]*+)([^<>]{%d,}+)>" % LONG_TAG_CHARS)
"""Possessive, and `[^<>]`: the scan from a `<` stops at the next `<` and never backtracks."""
_ATTRIBUTE = re.compile(r"""\s*+[^\s=<>"'/]++(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s"'<>]*+))?|\s*+/""")
"""Possessive throughout (an unclosed quote takes the rest of the tag): every character is read once."""


def _cut(match: re.Match[str]) -> str:
    rest = match.group(2)
    pos = 0
    for _ in range(MAX_ATTRIBUTES):
        attr = _ATTRIBUTE.match(rest, pos)
        if attr is None or attr.end() == pos:
            break
        pos = attr.end()
    return f"<{match.group(1)}{rest[:pos]}>"


def cap_attributes(html: str) -> str:
    """`html` with every tag cut to its first `MAX_ATTRIBUTES` attributes."""
    return _LONG_TAG.sub(_cut, html)

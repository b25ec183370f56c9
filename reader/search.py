"""The article search: every match of the reader's query, and where the search began.

Plain Python (no Textual): the search bar feeds it the query as it is typed,
the reading screen paints `hits` and jumps to `first`; n/N step through the
hits while `active`; escape goes back to `origin`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

Span = tuple[int, int]


def find_all(body: str, query: str, limit: int = 100_000) -> list[Span]:
    """Every match of `query` in `body`: plain text, smart case (any capital makes it case-sensitive).

    White space in the query matches any run of white space, so a phrase
    found across a line break still matches.
    """
    query = query.strip()
    if not query:
        return []
    pattern = r"\s+".join(re.escape(part) for part in query.split())
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    out: list[Span] = []
    for match in re.finditer(pattern, body, flags):
        out.append(match.span())
        if len(out) >= limit:
            break
    return out


@dataclass(slots=True)
class Search:
    """One search over `body`: its query, its hits (sorted) and the offset it started from."""

    body: str
    query: str = ""
    hits: list[Span] = field(default_factory=list)
    origin: int = 0
    """The cursor offset when `/` was pressed: the first hit is the one after it; escape returns there."""

    @property
    def active(self) -> bool:
        """True while there are hits for n/N to step through."""
        return bool(self.hits)

    def begin(self, origin: int) -> None:
        self.origin = origin

    def update(self, query: str) -> Span | None:
        """Search for `query`; returns the first hit at or after the origin (wrapping), if any."""
        self.query = query
        self.hits = find_all(self.body, query)
        if not self.hits:
            return None
        starts = [s for s, _ in self.hits]
        return self.hits[bisect_right(starts, self.origin - 1) % len(starts)]

    def clear(self) -> None:
        self.query = ""
        self.hits = []

    def status(self, current: Span | None) -> str:
        """The status-line text: "/query: 2/7", "/query: no match", or "" without a query."""
        if not self.query.strip():
            return ""
        if not self.hits:
            return f"/{self.query}: no match"
        index = self.hits.index(current) + 1 if current in self.hits else 0
        return f"/{self.query}: {index}/{len(self.hits)}"

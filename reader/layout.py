"""Lay a Document out as wrapped screen lines that remember their body offsets.

The article view draws only the lines in view (Textual's Line API), so a
million-word article costs one wrap pass, not a widget per paragraph. Every
body line keeps `start`/`end` offsets into `Document.body`, which is how
mentions, quotes, search hits and notes are painted and how a jump to an
offset finds its line. No Textual here: plain data, tested on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len

from reader.model import Document

LineKind = Literal["title", "meta", "url", "heading", "paragraph", "blockquote", "list_item", "blank"]

_TOKEN = re.compile(r"\S+\s*|\s+")

PREFIXES = {"list_item": ("• ", "  "), "blockquote": ("│ ", "│ ")}
"""First-line and continuation prefixes by block kind."""


@dataclass(slots=True)
class Line:
    """One screen line: `text` drawn after `prefix`; body lines have `start`/`end` (else -1)."""

    kind: LineKind
    text: str = ""
    start: int = -1
    end: int = -1
    block: int = -1
    prefix: str = ""
    level: int = 0

    @property
    def in_body(self) -> bool:
        return self.start >= 0


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _split_long(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Hard-split one token wider than the line."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        cells = 0
        stop = pos
        while stop < end and cells + _cells(text[stop]) <= width:
            cells += _cells(text[stop])
            stop += 1
        stop = max(stop, pos + 1)
        out.append((pos, stop))
        pos = stop
    return out


def fit_url(url: str, width: int) -> str:
    """`url` on one line of `width` cells: shortened in the middle with "…" (never wrapped to a lone "/")."""
    if _cells(url) <= width:
        return url
    shown = url.split("://", 1)[-1]
    if _cells(shown) <= width:
        return shown
    tail = min(24, max(1, width // 3))
    head = max(1, width - tail - 1)
    while head > 1 and _cells(shown[:head]) + 1 + _cells(shown[-tail:]) > width:
        head -= 1
    return shown[:head] + "…" + shown[-tail:]


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) pairs into `text`, trailing spaces dropped; `\\n` breaks a line."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for piece in text.split("\n"):
        if _cells(piece) <= width:
            lines.append((offset, offset + len(piece.rstrip())))
            offset += len(piece) + 1
            continue
        line_start = offset
        line_end = offset  # end of the last word on the line (spaces excluded)
        cells = 0
        for match in _TOKEN.finditer(piece):
            token = match.group()
            word = token.rstrip()
            t_start = offset + match.start()
            word_cells = _cells(word)
            if not word:  # white space: dropped at the start of a line
                if line_end == line_start:
                    line_start = line_end = offset + match.end()
                else:
                    cells += _cells(token)
                continue
            if cells + word_cells > width and line_end > line_start:
                lines.append((line_start, line_end))
                line_start, cells = t_start, 0
            if word_cells > width:
                parts = _split_long(text, t_start, t_start + len(word), width)
                lines.extend(parts[:-1])
                line_start, line_end = parts[-1]
                cells = _cells(text[line_start:line_end]) + _cells(token) - word_cells
                continue
            line_end = t_start + len(word)
            cells += _cells(token)
        lines.append((line_start, line_end))
        offset += len(piece) + 1
    return lines


@dataclass(slots=True)
class ArticleLayout:
    """The whole article as lines at one width."""

    lines: list[Line] = field(default_factory=list)
    width: int = 0
    _body_ys: list[int] = field(default_factory=list)
    _body_starts: list[int] = field(default_factory=list)
    block_ys: list[int] = field(default_factory=list)

    next_block: int = 0
    """Blocks laid out so far: a long article is laid out in steps (`extend`)."""

    @property
    def complete(self) -> bool:
        return self._document is None or self.next_block >= len(self._document.blocks)

    _document: Document | None = None

    @classmethod
    def build(cls, document: Document, width: int, blocks: int | None = None) -> "ArticleLayout":
        """The header and the first `blocks` blocks (all when None); `extend` lays out the rest."""
        layout = cls(width=width)
        layout._document = document
        lines = layout.lines
        if document.title:
            for s, e in wrap(document.title, width):
                lines.append(Line("title", document.title[s:e]))
        meta = " · ".join(x for x in (document.byline, document.site_name, _date(document.published)) if x)
        if meta:
            for s, e in wrap(meta, width):
                lines.append(Line("meta", meta[s:e]))
        if document.url:
            lines.append(Line("url", fit_url(document.url, width)))  # one line; the link keeps the whole URL
        if lines:
            lines.append(Line("blank"))
        layout.extend(len(document.blocks) if blocks is None else blocks)
        if not lines:
            lines.append(Line("blank"))
        return layout

    def extend(self, blocks: int) -> None:
        """Lay out up to `blocks` more blocks after those already laid out."""
        document = self._document
        if document is None:
            return
        lines, body, width = self.lines, document.body, self.width
        stop = min(len(document.blocks), self.next_block + max(0, blocks))
        for index in range(self.next_block, stop):
            block = document.blocks[index]
            if index:
                lines.append(Line("blank"))
            self.block_ys.append(len(lines))
            first, rest = PREFIXES.get(block.kind, ("", ""))
            text = body[block.start : block.end]
            for n, (s, e) in enumerate(wrap(text, width - _cells(first))):
                start = block.start + s
                end = block.start + e
                self._body_ys.append(len(lines))
                self._body_starts.append(start)
                lines.append(Line(block.kind, body[start:end], start, end, index, first if n == 0 else rest, block.level))
        self.next_block = stop

    @property
    def laid_end(self) -> int:
        """The body offset up to which lines exist."""
        return self.lines[self._body_ys[-1]].end if self._body_ys else 0

    def __len__(self) -> int:
        return len(self.lines)

    def y_for_offset(self, offset: int) -> int:
        """The line holding body `offset` (the nearest body line before it)."""
        index = bisect_right(self._body_starts, offset) - 1
        if index < 0:
            return self._body_ys[0] if self._body_ys else 0
        return self._body_ys[index]

    def first_body_y(self) -> int:
        """The first line of the body (the header's lines come before it)."""
        return self._body_ys[0] if self._body_ys else 0

    def anchor_for_y(self, y: int) -> int | None:
        """The body offset that stands for line `y` across widths: None for a header line."""
        if not self._body_ys or y < self._body_ys[0]:
            return None
        return self.offset_for_y(y)

    def offset_for_y(self, y: int) -> int:
        """The body offset at the start of line `y`, or of the next body line after it."""
        index = bisect_right(self._body_ys, y) - 1
        if index >= 0 and self._body_ys[index] == y:
            return self._body_starts[index]
        index += 1
        if index < len(self._body_starts):
            return self._body_starts[index]
        return self._body_starts[-1] if self._body_starts else 0

    def body_range(self, top: int, bottom: int) -> tuple[int, int]:
        """Body offsets covered by lines `top` to `bottom` (exclusive)."""
        start = self.offset_for_y(top)
        index = bisect_right(self._body_ys, bottom - 1) - 1
        end = self.lines[self._body_ys[index]].end if index >= 0 else start
        return start, max(start, end)


def _date(published: str | None) -> str:
    """The date (and time) in the page's own time zone: "19 January 2026, 21:30 (UTC−05:00)"."""
    from reader.timefmt import published_label

    return published_label(published)


def char_at_column(text: str, column: int) -> int:
    """Index of the character of `text` drawn at terminal `column` (wide characters take two)."""
    if text.isascii():
        return max(0, min(column, len(text)))
    cells = 0
    for i, char in enumerate(text):
        cells += cell_len(char)
        if cells > column:
            return i
    return len(text)

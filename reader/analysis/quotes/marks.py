"""Find the quoted runs of a body: pair quotation marks into spans.

Double marks: straight ("), curly (“ ”), low (\u201e), guillemets (« ») and the
doubled apostrophes and backticks of some archives ('' and ``). Curly marks
nest; straight ones pair by parity, helped by which side of a word they
touch. A quote running over paragraphs opens each paragraph with a mark and
closes only in the last: it is one span over several blocks. A mark left
open at the end of a block that the next block does not continue ends
there (an unclosed span).

Single marks (‘ ’ and ') are only looked at outside double-quoted runs,
and only where they cannot be apostrophes; such spans are marked `single`
and the caller keeps them only when a speech clause is attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import Block

_DOUBLE = re.compile(r"''|``|[\"“”„‟«»]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = frozenset({"“", "„", "‟", "«", "``"})
_CLOSERS = frozenset({"”", "»"})
_BEFORE_OPEN = frozenset("([{—–-/…:;,")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…/'’")


@dataclass(slots=True)
class QuoteSpan:
    """One quoted run: `body[start:end]` is the text inside the marks."""

    start: int
    end: int
    open_start: int
    """Where the opening mark starts."""
    close_end: int
    """Where the closing mark ends (== end when the run is unclosed)."""
    first_block: int
    last_block: int
    closed: bool = True
    single: bool = False


def _left_flanking(text: str, i: int, j: int) -> bool:
    """The mark text[i:j] opens: nothing (or a space / opening punctuation) before, a word after."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()


def _right_flanking(text: str, i: int, j: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSE or after in "\"”")


def _kind(text: str, i: int, j: int) -> str:
    """'o' opens, 'c' closes, 'a' either (straight marks), by the mark and its neighbours."""
    mark = text[i:j]
    left, right = _left_flanking(text, i, j), _right_flanking(text, i, j)
    if mark in _OPENERS:
        return "c" if right and not left else "o"
    if mark in _CLOSERS:
        return "o" if left and not right else "c"
    if left and not right:
        return "ao"
    if right and not left:
        return "ac"
    return "a"


class _Pairer:
    """The state of double-mark pairing across the blocks of one body."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.spans: list[QuoteSpan] = []
        self.open_at = -1
        self.open_inner = -1
        self.open_block = -1
        self.depth = 0

    def start(self, pos: int, inner: int, block: int) -> None:
        self.open_at, self.open_inner, self.open_block, self.depth = pos, inner, block, 1

    def finish(self, end: int, close_end: int, block: int, closed: bool) -> None:
        start = self.open_inner
        body = self.body
        if not closed:
            while end > start and body[end - 1].isspace():
                end -= 1
            close_end = end
        if end > start:
            self.spans.append(QuoteSpan(start, end, self.open_at, close_end, self.open_block, block, closed))
        self.open_at = -1
        self.depth = 0

    @property
    def is_open(self) -> bool:
        return self.open_at >= 0


def find_double_spans(body: str, blocks: list[Block]) -> list[QuoteSpan]:
    """Pair the double quotation marks of every block (see the module docstring)."""
    pairer = _Pairer(body)
    prev_end = 0
    for index, block in enumerate(blocks):
        text = body[block.start : block.end]
        marks = [(m.start(), m.end()) for m in _DOUBLE.finditer(text)]
        first = 0
        if pairer.is_open:
            lead = len(text) - len(text.lstrip())
            if marks and marks[0][0] == lead and _kind(text, *marks[0]) in ("o", "ao", "a"):
                first = 1  # the paragraph re-opens the running quote
            else:
                pairer.finish(prev_end, prev_end, index - 1, closed=False)
        for i, j in marks[first:]:
            kind = _kind(text, i, j)
            pos, end = block.start + i, block.start + j
            if not pairer.is_open:
                if kind in ("o", "ao", "a"):
                    pairer.start(pos, end, index)
                continue
            if kind == "o" and text[i:j] in _OPENERS and body[pairer.open_at] in "“„‟«`":
                pairer.depth += 1  # a nested curly quote
            elif pairer.depth > 1 and kind != "ao":
                pairer.depth -= 1
            else:
                pairer.finish(pos, end, index, closed=True)
        prev_end = block.end
    if pairer.is_open:
        pairer.finish(prev_end, prev_end, len(blocks) - 1, closed=False)
    return pairer.spans


def find_single_spans(body: str, blocks: list[Block], doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Runs in single marks outside every double-quoted run, where the marks cannot be apostrophes."""
    spans: list[QuoteSpan] = []
    covered = [(s.open_start, s.close_end) for s in doubles]
    ci = 0
    for index, block in enumerate(blocks):
        text = body[block.start : block.end]
        opener = -1
        for match in _SINGLE.finditer(text):
            i, j = match.span()
            pos = block.start + i
            while ci < len(covered) and covered[ci][1] <= pos:
                ci += 1
            if ci < len(covered) and covered[ci][0] <= pos < covered[ci][1]:
                opener = -1
                continue
            mark = text[i]
            after = text[j] if j < len(text) else " "
            before = text[i - 1] if i > 0 else " "
            if opener < 0:
                if mark in "‘'" and _left_flanking(text, i, j) and after.isalpha() and before not in "’'":
                    opener = i
                continue
            if mark in "’'" and _right_flanking(text, i, j) and not after.isalnum():
                if before in "sS" and after == " " and mark == "’" and j < len(text) and text[j + 1 : j + 2].islower():
                    continue  # a plural possessive: "the players’ union"
                if j - opener > 3:
                    spans.append(QuoteSpan(block.start + opener + 1, pos, block.start + opener, block.start + j,
                                           index, index, True, True))
                opener = -1
    return spans


def find_quote_spans(body: str, blocks: list[Block]) -> list[QuoteSpan]:
    """Every double- and single-quoted run of the body, ordered by start."""
    doubles = find_double_spans(body, blocks)
    singles = find_single_spans(body, blocks, doubles)
    return sorted(doubles + singles, key=lambda s: s.start)

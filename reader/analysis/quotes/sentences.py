"""Sentence bounds inside one block, for quote attribution (model-free, cached per text).

A break is a full stop, question or exclamation mark (with any closing
quote or bracket) followed by a capital, or a line break; a full stop after
"Mr" or an initial is none (the one splitter of `reader.analysis.sentences`).
The breaks of a text are found once and then looked up by bisection, so
asking for the sentence around each quote stays linear.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterator

from reader.analysis import sentences as shared


def sentence_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence breaks in text[start:end], as (start, end) pairs (the shared splitter's)."""
    return shared.sentence_breaks(text, start, end)


@lru_cache(maxsize=8)
def _break_index(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of every sentence break of a block text, computed once per text."""
    starts: list[int] = []
    ends: list[int] = []
    for brk_start, brk_end in sentence_breaks(text, 0, len(text)):
        starts.append(brk_start)
        ends.append(brk_end)
    return starts, ends


def has_sentence_break(text: str) -> bool:
    return next(sentence_breaks(text, 0, len(text)), None) is not None


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    """Where the sentence holding text[pos] begins (not before `floor`)."""
    _, ends = _break_index(text)
    i = bisect.bisect_right(ends, pos) - 1
    return max(floor, ends[i]) if i >= 0 else floor


def sentence_end(text: str, pos: int, ceil: int) -> int:
    """Just after the full stop that ends the sentence at `pos` (at most `ceil`)."""
    starts, _ = _break_index(text)
    i = bisect.bisect_left(starts, pos)
    return min(ceil, starts[i] + 1) if i < len(starts) else ceil

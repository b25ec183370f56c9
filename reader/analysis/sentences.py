"""The one rule-based sentence splitter, with the one abbreviation lexicon (`reader/data/abbreviations.json`).

Every layer splits sentences the same way: the analysis uses the model's
parsed sentences when spaCy ran and `split_sentences` otherwise; the quote
rules ask `sentence_breaks`; the app's `h` asks `sentence_around` over the
analysis' sentences (or this splitter before the analysis is done).

A break is a full stop, question or exclamation mark or ellipsis (with any
closing quotes or brackets) followed by white space and a capital, a digit
or an opening quote, or a line break. A full stop after an abbreviation of
the lexicon or after a single capital (an initial) is no break. Linear in
the text: one regular-expression pass, and each abbreviation test looks at
most `MAX_ABBREVIATION` characters back.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterator, Sequence

MAX_ABBREVIATION = 8
"""The longest abbreviation of the lexicon, dots included ("approx", "U.S")."""

_BREAK = re.compile(r"""[.!?…]+["'”’)\]]*\s+(?=(?:''|``|["'“‘(\[])?[A-Z0-9])|[^\S\n]*\n\s*""")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The lexicon: each word as written, without its final full stop ("Mr", "e.g", "U.S")."""
    raw = resources.files("reader").joinpath("data/abbreviations.json").read_text("utf-8")
    return frozenset(json.loads(raw)["words"])


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the "." at text[dot] ends an abbreviation of the lexicon or an initial, not a sentence."""
    if dot >= len(text) or text[dot] != ".":
        return False
    start = dot
    floor = max(0, dot - MAX_ABBREVIATION - 1)
    while start > floor and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    if start == floor and start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        return False  # a word longer than any abbreviation
    word = text[start:dot]
    if len(word) == 1:
        return word.isupper()
    lexicon = abbreviations()
    return word in lexicon or word.capitalize() in lexicon


def sentence_breaks(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every break in text[start:end]: the punctuation and the white space after it."""
    end = len(text) if end is None else end
    for match in _BREAK.finditer(text, start, end):
        first = match.start()
        if text[first] == "." and match.group().count(".") == 1 and is_abbreviation(text, first):
            continue
        yield first, match.end()


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets plus `base`, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for gap_start, gap_end in sentence_breaks(text):
        stop = gap_end
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        begin = pos
        while begin < stop and text[begin].isspace():
            begin += 1
        if stop > begin:
            spans.append((base + begin, base + stop))
        pos = gap_end
    begin = pos
    while begin < len(text) and text[begin].isspace():
        begin += 1
    tail = text[begin:].rstrip()
    if tail:
        spans.append((base + begin, base + begin + len(tail)))
    return spans


def sentence_around(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span of sorted `spans` that holds `offset` (or ends right at it); None when none does."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= offset <= spans[i][1]:
        return spans[i]
    return None

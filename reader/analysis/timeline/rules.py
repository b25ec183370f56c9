"""The rule type shared by the pattern modules, and helpers for looking around a match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from reader.analysis.timeline.meaning import Meaning

Built = "Meaning | tuple[Meaning, int, int] | None"
Builder = Callable[["re.Match[str]", str], Built]
"""Reads a match: a Meaning for the whole match, (Meaning, start, end) for a narrower span, or None."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A precompiled pattern and the function that reads a match (None rejects it)."""

    name: str
    pattern: "re.Pattern[str]"
    build: Builder
    priority: int = 50
    """Between two candidates of the same length, the lower priority wins."""
    trigger: "re.Pattern[str] | None" = None
    """A cheap pattern every match contains; the full pattern then only runs near it."""

    def finditer(self, text: str) -> Iterator["re.Match[str]"]:
        if self.trigger is None:
            yield from self.pattern.finditer(text)
            return
        window_start = window_end = -1
        for hit in self.trigger.finditer(text):
            lo, hi = max(0, hit.start() - TRIGGER_BACK), min(len(text), hit.end() + TRIGGER_AHEAD)
            if lo <= window_end:
                window_end = hi
                continue
            if window_end >= 0:
                yield from self.pattern.finditer(text, window_start, window_end)
            window_start, window_end = lo, hi
        if window_end >= 0:
            yield from self.pattern.finditer(text, window_start, window_end)


TRIGGER_BACK = 90
TRIGGER_AHEAD = 40
"""How far around a trigger word a match may reach (characters)."""


def rule(name: str, pattern: str, build: Builder, priority: int = 50, *, ignore_case: bool = True,
         trigger: str | None = None) -> Rule:
    flags = re.IGNORECASE if ignore_case else 0
    compiled_trigger = re.compile(trigger, flags) if trigger else None
    return Rule(name, re.compile(pattern, flags), build, priority, compiled_trigger)


def words_before(text: str, start: int, count: int = 1, span: int = 60) -> list[str]:
    """The `count` words before `start` (lower-cased, nearest last), within `span` characters."""
    chunk = text[max(0, start - span) : start]
    words = re.findall(r"[\w$€£¥#%.'’,-]+", chunk)
    return [w.lower().strip(".,'’") or w for w in words[-count:]]


def prev_word(text: str, start: int) -> str:
    found = words_before(text, start, 1)
    return found[0] if found else ""


def next_word(text: str, end: int, span: int = 40) -> str:
    match = re.match(r"\s*([\w$€£¥%'’.-]+)", text[end : end + span])
    return match.group(1) if match else ""


def at_sentence_start(text: str, start: int) -> bool:
    """True when only space, an opening mark or a sentence end precedes `start`."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(«[-—–_":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def prev_word_raw(text: str, start: int) -> str:
    """The word before `start` as written (case kept)."""
    match = re.search(r"([\w.'’-]+)\s*$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def shift_word(shift: str) -> str:
    """'this past' -> 'last', 'this coming' -> 'next'; last/next/this unchanged."""
    s = " ".join(shift.lower().split())
    return {"this past": "last", "this coming": "next", "past": "last", "coming": "next"}.get(s, s)


LEFT = r"(?<![\w$€£¥#@&/’'.-])"
"""Left edge of a pattern: not inside a word, a number, an amount or a code."""


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()

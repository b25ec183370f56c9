"""The temporal tagger: find every time expression in a text and give its TimeML value.

`find_timexes(text, dct)` is the pure entry point (the scorer and the tests
use it); `TimexTagger` keeps the last date mentioned across calls, so the
timeline can tag a document block by block and still resolve "two days
later" against the paragraph before.

Steps, each linear in the text:
1. every rule of the `patterns*` modules proposes
   candidates (a precompiled regex each, a builder that rejects look-alikes);
2. overlaps are settled: the longest candidate wins, then the rule's priority;
3. neighbours are joined: a clock time and its day ("7 p.m. Wednesday",
   "Wednesday at 7 p.m."), "the week of May 14", "the day before Tuesday";
4. in text order, each meaning is resolved (`normalise`) against the
   reference date, the tense around it (`tense`) and the anchor.

Spans follow TimeML: no leading preposition ("on Thursday" -> "Thursday"),
determiners and modifiers kept ("the past three years", "nearly three years").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

from reader.analysis.timeline.labels import label_for
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.normalise import Context, resolve
from reader.analysis.timeline.patterns import DATE_RULES
from reader.analysis.timeline.patterns_clock import CLOCK_RULES
from reader.analysis.timeline.patterns_dur import DURATION_RULES
from reader.analysis.timeline.patterns_feasts import FEAST_RULES
from reader.analysis.timeline.patterns_period import PERIOD_REF_RULES
from reader.analysis.timeline.patterns_rel import RELATIVE_RULES
from reader.analysis.timeline.patterns_years import PERIOD_RULES
from reader.analysis.timeline.reference import parse_reference
from reader.analysis.timeline.rules import Rule
from reader.analysis.timeline.tense import tense_at
from reader.analysis.timeline.tense_parse import parse_tense

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

RULES: tuple[Rule, ...] = DATE_RULES + PERIOD_RULES + CLOCK_RULES + RELATIVE_RULES + DURATION_RULES + PERIOD_REF_RULES + FEAST_RULES


@dataclass(slots=True)
class Timex:
    """One time expression: `text[start:end]`, its TimeML value and type."""

    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"
    approximate: bool = False
    resolved: bool = True
    label: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "type": self.type, "approximate": self.approximate, "resolved": self.resolved,
                "label": self.label}


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    meaning: Meaning
    priority: int


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TIME_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?", re.IGNORECASE)
_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at\s+|around\s+|about\s+|from\s+|by\s+)?", re.IGNORECASE)
_WEEK_OF = re.compile(r"(?<![\w-])(?:the\s+)?week\s+of\s+$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"(?<![\w-])(?:the\s+)?day\s+(before|after)\s+$", re.IGNORECASE)


_DEICTIC = frozenset({"this", "last", "next", "past", "coming", "earlier", "later"})
_OPENING_QUOTES = "\"“‘'«"


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A deictic time phrase written in title case right after an opening quote mark
    ('on the "This Week" programme', '"Next Year in Havana"') is the title of a show or a
    work, not a time: in running text, and at the start of a quoted sentence ("This week
    we..."), only the first word of such a phrase takes a capital."""
    if start == 0 or text[start - 1] not in _OPENING_QUOTES:
        return False
    words = text[start:end].split()
    return len(words) >= 2 and words[0].lower() in _DEICTIC and all(w[0].isupper() for w in words if w[0].isalpha())


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for r in RULES:
        for match in r.finditer(text):
            built = r.build(match, text)
            if built is None:
                continue
            if isinstance(built, tuple):
                meaning, start, end = built
            else:
                meaning, (start, end) = built, match.span()
            if start >= end:
                continue
            if "\n" in text[start:end] and _BLANK_LINE.search(text, start, end):
                continue
            if _quoted_title(text, start, end):
                continue
            found.append(_Candidate(start, end, meaning, r.priority))
    return found


def _select(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then priority; no two kept candidates overlap."""
    taken = bytearray(len(text) + 1)
    kept: list[_Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _is_day(meaning: Meaning) -> bool:
    if meaning.kind in ("weekday", "holiday"):
        return True
    if meaning.kind == "date":
        return meaning.day is not None
    return meaning.kind == "relative" and meaning.unit == "D"


def _is_clock(meaning: Meaning) -> bool:
    return meaning.kind == "time"


def _join(text: str, kept: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    i = 0
    while i < len(kept):
        cand = kept[i]
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None:
            gap = text[cand.end : nxt.start]
            if _is_clock(cand.meaning) and _is_day(nxt.meaning) and not nxt.meaning.has_time \
                    and _TIME_THEN_DAY.fullmatch(gap):
                merged = replace(nxt.meaning, hour=cand.meaning.hour, minute=cand.meaning.minute, part=None)
                out.append(_Candidate(cand.start, nxt.end, merged, cand.priority))
                i += 2
                continue
            if _is_day(cand.meaning) and _is_clock(nxt.meaning) and _DAY_THEN_TIME.fullmatch(gap):
                merged = replace(cand.meaning, hour=nxt.meaning.hour, minute=nxt.meaning.minute, part=None)
                out.append(_Candidate(cand.start, nxt.end, merged, cand.priority))
                i += 2
                continue
        if _is_day(cand.meaning):
            floor = out[-1].end if out else 0
            head = text[max(floor, cand.start - 30) : cand.start]
            week = _WEEK_OF.search(head)
            if week:
                start = cand.start - (len(head) - week.start())
                out.append(_Candidate(start, cand.end, replace(cand.meaning, week_of=True), cand.priority))
                i += 1
                continue
            before = _DAY_BEFORE.search(head)
            if before:
                start = cand.start - (len(head) - before.start())
                shift = -1 if before.group(1).lower() == "before" else 1
                out.append(_Candidate(start, cand.end, replace(cand.meaning, day_shift=shift), cand.priority))
                i += 1
                continue
        out.append(cand)
        i += 1
    return out


_COORDINATED = re.compile(r"\s*,?\s*(?:or|and|to|through|until|till|-|–|—)\s*", re.IGNORECASE)


class _Tenses:
    """The tense around each span, computed on demand; a span coordinated with the one
    before it ("late Saturday or early Sunday", "from Monday to Wednesday") shares its tense.
    With the parse of the text, the verb the span attaches to decides first (`tense_parse`)."""

    def __init__(self, text: str, doc: "Doc | None" = None) -> None:
        self.text = text
        self._doc = doc
        self._doc_chars = -1  # unchecked; then the length of the parse's text (0: not this text's parse)
        self.last: tuple[int, str | None] | None = None
        """(end, tense) of the last span whose tense was asked."""

    @property
    def doc(self) -> "Doc | None":
        """The parse when it is of `text` (or of its start). `Doc.text` is rebuilt from every token
        on each call, so it is built once, and only when a tense is first asked (a block without a
        date never pays it, and a block with many dates pays it once, not once per date)."""
        if self._doc_chars < 0:
            doc_text = self._doc.text if self._doc is not None else ""
            self._doc_chars = len(doc_text) if self._doc is not None and self.text.startswith(doc_text) else 0
            if not self._doc_chars:
                self._doc = None
        return self._doc

    def at(self, start: int, end: int) -> Callable[[], "str | None"]:
        def tense() -> str | None:
            last = self.last
            if last is not None and last[0] <= start and _COORDINATED.fullmatch(self.text, last[0], start):
                found = last[1]
            else:
                doc = self.doc
                found = parse_tense(doc, start, end) if doc is not None and end <= self._doc_chars else None
                if found is None:
                    found = tense_at(self.text, start, end)
            self.last = (end, found)
            return found
        return tense


class TimexTagger:
    """Tags texts against one reference date, remembering the last date mentioned."""

    def __init__(self, dct: str | None) -> None:
        parsed = parse_reference(dct)
        self.context = Context(parsed[0] if parsed else None, parsed[1] if parsed else None)

    def tag(self, text: str, offset: int = 0, doc: "Doc | None" = None) -> list[Timex]:
        """Every expression in `text`; offsets are shifted by `offset`. `doc`, the parse of
        `text` (or of its start), lets the verb each expression attaches to give the tense."""
        kept = _join(text, _select(text, _candidates(text)))
        out: list[Timex] = []
        tenses = _Tenses(text, doc)
        for cand in kept:
            start, end = cand.start, cand.end
            res = resolve(cand.meaning, self.context, tenses.at(start, end))
            if not res.value:
                continue  # a phrase that only names a time by reference, with nothing to refer to
            if res.anchor is not None and res.resolved:
                self.context.anchor = res.anchor
                if res.anchor.precision == "Q":
                    self.context.quarter = res.anchor
            surface = text[start:end]
            out.append(Timex(
                start + offset, end + offset, surface, res.value, res.type,
                approximate=cand.meaning.approximate, resolved=res.resolved,
                label=label_for(res.value, res.type, surface),
            ))
        return out


def find_timexes(text: str, dct: str | None = None) -> list[Timex]:
    """Every time expression in `text`, normalised against the reference date `dct` (ISO)."""
    return TimexTagger(dct).tag(text)

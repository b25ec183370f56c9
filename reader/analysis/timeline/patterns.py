"""Patterns for calendar dates: numeric dates, month names with or without a day or
year, and weekdays ("Thursday", "last Friday", "Friday morning", "a Monday").

Each rule is a precompiled regex plus a builder that checks the context
(capitals, what stands before and after) and returns a `Meaning`, or None
to reject a look-alike ("Theresa May", "the Sunday Times", "Black Friday").
Years, decades, seasons, quarters and feasts are in `patterns_years`,
clock times in `patterns_clock`, relative expressions in `patterns_rel`,
durations and sets in `patterns_dur`.
"""

from __future__ import annotations

import re

from reader.analysis.timeline.lexicon import (
    AMBIGUOUS_MONTHS,
    MONTH_NAMES,
    MONTH_RE,
    MONTHS,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    SPELLED_YEAR_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    year_value,
)
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.rules import (
    LEFT as _L,
    Rule,
    is_capitalised,
    next_word,
    prev_word,
    prev_word_raw,
    rule,
    shift_word,
)

_MONTH_TRIGGER = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_WD_PREFIX = r"(?:(?P<wd>" + WEEKDAY_RE + r")\.?,?\s+)?"


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _month_ok(m: "re.Match[str]", text: str) -> bool:
    return is_capitalised(m.group("mon"))


def _day_ok(day: int, month: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


# ---------------------------------------------------------------- numeric dates

def _iso(m: "re.Match[str]", text: str) -> Meaning | None:
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and _day_ok(day, month)):
        return None
    meaning = Meaning("date", year=year, month=month, day=day)
    if m.group(4):
        hour, minute = int(m.group(4)), int(m.group(5))
        if hour > 24 or minute > 59:
            return None
        meaning.hour, meaning.minute = hour, minute
    return meaning


def _slashed(m: "re.Match[str]", text: str) -> Meaning | None:
    a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
    sep = m.group(2)
    if sep == "/" and a <= 12:
        month, day = a, b
    else:
        day, month = a, b
    if not (1 <= month <= 12 and _day_ok(day, month)):
        return None
    year = int(y)
    if len(y) == 2:
        year += 1900 if year >= 30 else 2000
    if not 1800 <= year <= 2199:
        return None
    return Meaning("date", year=year, month=month, day=day)


# ---------------------------------------------------------------- month names

def _month_day(m: "re.Match[str]", text: str) -> Meaning | None:
    if not _month_ok(m, text):
        return None
    month = _month(m.group("mon"))
    day = int(m.group("d"))
    if not _day_ok(day, month):
        return None
    year = int(m.group("y")) if m.group("y") else None
    return Meaning("date", year=year, month=month, day=day)


_YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _month_relative_year(m: "re.Match[str]", text: str) -> Meaning | None:
    """'June last year', 'March 3 this year': the month (and day) in the year the words name."""
    if not _month_ok(m, text):
        return None
    month = _month(m.group("mon"))
    day = int(m.group("d")) if m.group("d") else None
    if day is not None and not _day_ok(day, month):
        return None
    return Meaning("date", month=month, day=day, year_offset=_YEAR_OFFSETS[m.group("ry").lower()])


def _month_year(m: "re.Match[str]", text: str) -> Meaning | None:
    if not _month_ok(m, text):
        return None
    y = m.group("y")
    if y[0].isalpha():
        year = year_value(y)  # "May nineteen ninety-eight"
        if year is None:
            return None
    else:
        year = int(y[-2:]) + (1900 if int(y[-2:]) >= 30 else 2000) if len(y.strip("'’")) == 2 else int(y)
    return Meaning("date", year=year, month=_month(m.group("mon")))


_MONTH_CONTEXT = frozenset({
    "in", "of", "since", "until", "till", "by", "during", "from", "through", "before", "after",
    "last", "next", "this", "early", "late", "mid", "between", "and", "to", "throughout", "or",
    "until", "past", "coming", "end", "beginning", "start", "middle", "for", "on",
})


_FULL_MONTHS = frozenset(n.lower() for n in MONTH_NAMES)


def _bare_month(m: "re.Match[str]", text: str) -> Meaning | None:
    word = m.group("mon")
    if not is_capitalised(word):
        return None
    low = word.lower().rstrip(".")
    if low not in _FULL_MONTHS:
        return None  # a bare abbreviation ("Jan.") is too weak without a day
    shift, edge = m.group("shift"), m.group("edge")
    following = next_word(text, m.end())
    if following and is_capitalised(following) and following.lower().rstrip(".,") not in MONTHS \
            and following.lower().rstrip(".,") not in WEEKDAYS and not following[0].isdigit():
        if not shift and not edge:
            return None  # "April Ryan", "June Carter"
    if low in AMBIGUOUS_MONTHS and not shift and not edge and not m.group("noun"):
        before = prev_word(text, m.start())
        if before not in _MONTH_CONTEXT or is_capitalised(prev_word_raw(text, m.start())):
            return None
    meaning = Meaning("date", month=_month(word))
    if shift:
        meaning.shift = shift_word(shift)
    noun = m.group("noun")
    if noun:
        if low == "may" and noun.lower() == "day":
            return None  # "May Day" is the feast of May 1 (`patterns_feasts`), lower case or not
        if _COMPOUND_AFTER.match(text, m.end()):
            return None  # "day care", "night shift": the noun heads another noun
        if low in AMBIGUOUS_MONTHS and prev_word(text, m.start()) not in _DAY_DETERMINERS:
            return None  # "June" the name, "March" the verb: only "a/that/one June day" is a day
        meaning.unknown_day = True  # "that January day", "a March morning": one day of the month
        if noun.lower() != "day":
            meaning.part = PARTS_OF_DAY[noun.lower()]
    if not shift and not edge:
        year = _YEAR_AFTER.match(text, m.end())
        if year:
            meaning.year = int(year.group(1))  # "that January day in 2011": the year named right after
    return meaning


_COMPOUND_AFTER = re.compile(r"[\s-]+(?:care|trip|job|shift|club|life|school|time|watch|light|lights|owl|"
                             r"nurse|staff|rate|pass|ticket|return)s?(?![\w'’-])", re.IGNORECASE)
_DAY_DETERMINERS = frozenset({"a", "an", "the", "that", "this", "one", "each", "every", "some", "on", "of"})

_YEAR_AFTER = re.compile(r"\s+(?:in|of)\s+(\d{4})(?![\w,.]\d|\d)")
"""A year right after the month ("in 2011"), which stays a time expression of its own."""


# ---------------------------------------------------------------- weekdays

_NAMED_DAY_BEFORE = frozenset({"black", "cyber", "super", "bloody", "ash", "palm", "holy", "maundy",
                               "shrove", "fat", "giving", "manic", "blue"})
_NAMED_DAY_AFTER = re.compile(r"\s+(?:Times|Telegraph|Mail|Express|Herald|Post|Mirror|Tribune|Star|Independent|"
                              r"People|Sport|Night\s+Lights|Service|School|Club)\b")


def _weekday(m: "re.Match[str]", text: str) -> Meaning | None:
    word = m.group("wd")
    if not is_capitalised(word):
        return None
    shift = " ".join((m.group("shift") or "").lower().split())
    if shift in ("", "a", "an", "the previous", "the following") and (
            prev_word(text, m.start()) in _NAMED_DAY_BEFORE and is_capitalised(prev_word_raw(text, m.start()))
            or _NAMED_DAY_AFTER.match(text, m.end())):
        return None  # "Black Friday", "Super Tuesday", "the Sunday Times", "a Sunday Times poll"
    meaning = Meaning("weekday", weekday=WEEKDAYS[word.lower()])
    if shift in ("a", "an"):
        meaning.shift = "any"  # "on a Monday": some Monday, never a particular date
    elif shift in ("the previous", "the following"):
        meaning.shift = shift.split()[1]  # counted from the last day mentioned
        meaning.anchored = True
    elif shift and shift not in ("early", "late", "mid"):
        meaning.shift = shift_word(shift)
    part = m.group("part")
    if part:
        meaning.part = PARTS_OF_DAY[part.lower()]
    return meaning


def _iso_parts(year: int, month: int, day: int) -> Meaning | None:
    if not (1 <= month <= 12 and _day_ok(day, month)):
        return None
    return Meaning("date", year=year, month=month, day=day)


DATE_RULES: tuple[Rule, ...] = (
    rule("iso", _L + r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?"
         r"(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])", _iso, 10),
    rule("ymd-slash", _L + r"(\d{4})/(\d{1,2})/(\d{1,2})(?![\w/])",
         lambda m, t: _iso_parts(int(m.group(1)), int(m.group(2)), int(m.group(3))), 10),
    rule("numeric", r"(?<![\w/.,:-])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d)", _slashed, 12),
    rule("month-day", _L + _WD_PREFIX + r"(?P<mon>" + MONTH_RE + r")\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?"
         r"(?!\d|:\d|\s*(?:%|percent|-\d|/\d))(?:,?\s*(?P<y>\d{4})(?!\d|,\d))?", _month_day, 20,
         trigger=_MONTH_TRIGGER),
    rule("day-month", _L + _WD_PREFIX + r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
         r"(?P<mon>" + MONTH_RE + r")(?![\w])(?:,?\s*(?P<y>\d{4})(?!\d|,\d))?", _month_day, 20,
         trigger=_MONTH_TRIGGER),
    rule("month-year", _L + r"(?:(?P<edge>early|mid|late)[\s-]+)?(?P<mon>" + MONTH_RE
         + r"),?\s+(?:of\s+)?(?P<y>\d{4}(?!\d|,\d)|['’]\d{2}(?!\d|,\d)|" + SPELLED_YEAR_RE + r"(?![\w-]))", _month_year, 22, trigger=_MONTH_TRIGGER),
    rule("month-relative-year", _L + r"(?P<mon>" + MONTH_RE + r")(?:\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?)?,?\s+"
         r"(?P<ry>last|this|next)\s+year(?![\w'’-])", _month_relative_year, 21, trigger=_MONTH_TRIGGER),
    rule("month", _L + r"(?:(?P<shift>last|next|this|this\s+past|this\s+coming)\s+|"
         r"(?P<edge>early|mid|late)[\s-]+)?(?P<mon>" + MONTH_RE + r")"
         r"(?:\s+(?P<noun>day|morning|afternoon|evening|night)(?![\w'’-]))?(?![\w])", _bare_month, 40,
         trigger=_MONTH_TRIGGER),
    rule("weekday", _L + r"(?:(?P<shift>last|next|this|this\s+past|this\s+coming|early|late|an?|"
         r"the\s+previous|the\s+following)\s+)?"
         r"(?P<wd>" + WEEKDAY_RE + r")(?:['’]s)?(?:\s+(?P<part>" + PART_OF_DAY_RE + r"))?(?![\w])",
         _weekday, 30),
)

"""Patterns for relative expressions and open references.

"yesterday", "last week", "this month", "two days earlier", "a year ago",
"earlier this month", "the end of the year", "now", "recently".
Durations and sets ("the past three years", "every week") are in
`patterns_dur`. Builders return a `Meaning` (see `meaning`) or None to reject.
"""

from __future__ import annotations

import re

from reader.analysis.timeline.lexicon import (
    AMOUNT_RE,
    APPROX_RE,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    UNIT_RE,
    number_value,
    unit_code,
)
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.patterns_dur import (
    UNIT_TRIGGER,
    approximate,
    duration_value,
)
from reader.analysis.timeline.rules import (
    Rule,
    at_sentence_start,
    is_capitalised,
    prev_word,
    prev_word_raw,
    rule,
)

_L = r"(?<![\w$€£¥#@&/’'.,-])"


# ---------------------------------------------------------------- today, yesterday, now

def _dayword(m: "re.Match[str]", text: str) -> Meaning | None:
    if m.group("w")[0].isupper() and not m.group("lead") and not at_sentence_start(text, m.start()) \
            and is_capitalised(prev_word_raw(text, m.start())) and text[m.start() - 1] == " ":
        return None  # "USA Today", "Radio Tomorrow": a capitalised word after a name is part of it
    word = " ".join(m.group("w").lower().split())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    meaning = Meaning("relative", unit="D", offset=offsets[word])
    if word == "tonight":
        meaning.part = "NI"
    part = m.group("part") or m.group("lead")  # "yesterday afternoon", "mid-afternoon yesterday"
    if part:
        meaning.part = PARTS_OF_DAY[part.lower()]
    return meaning


def _this_part(m: "re.Match[str]", text: str) -> Meaning | None:
    ref = m.group("ref").lower()
    part = PARTS_OF_DAY[m.group("part").lower()]
    if ref == "last" and part != "NI":
        return None  # "last morning" is not said; "last evening" is rare
    return Meaning("relative", unit="D", offset=-1 if ref == "last" else 0, part=part, type="TIME")


def _part_alone(m: "re.Match[str]", text: str) -> tuple[Meaning, int, int] | None:
    """'by mid-afternoon', 'in the morning': that part of the day under discussion (the last
    day named, else the reference day); the preposition stays out of the span."""
    meaning = Meaning("relative", unit="D", offset=0, part=PARTS_OF_DAY[m.group("part").lower()],
                      type="TIME", anchored=True)
    return meaning, m.start("span"), m.end("span")


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "presently": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF",
         "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
         "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
         "the distant future": "FUTURE_REF", "the recent past": "PAST_REF", "the distant past": "PAST_REF",
         "the present": "PRESENT_REF", "the present day": "PRESENT_REF"}


def _ref(m: "re.Match[str]", text: str) -> Meaning | None:
    word = " ".join(m.group("w").lower().split())
    if word.startswith("the "):
        before = prev_word(text, m.start())
        if before not in ("in", "to", "until", "till", "into", "from", "than", "for", "of", "with"):
            return None
    return Meaning("fixed", value=_REFS[word])


# ---------------------------------------------------------------- last week, this month, next year

_SHIFT_OFFSET = {"last": -1, "this past": -1, "past": -1, "previous": -1, "the previous": -1,
                 "the last": -1, "next": 1, "this coming": 1, "coming": 1, "the next": 1,
                 "the coming": 1, "the following": 1, "following": 1, "this": 0, "the current": 0,
                 "current": 0, "that": 0, "the same": 0, "the past": -1}
_ANCHORED_SHIFTS = frozenset({"the following", "following", "the previous", "previous", "that", "the same"})


def _shift_unit(m: "re.Match[str]", text: str) -> Meaning | None:
    shift = " ".join(m.group("shift").lower().split())
    unit_word = m.group("u").lower()
    if unit_word in PARTS_OF_DAY:
        offsets = {"the next": 1, "the following": 1, "following": 1, "next": 1, "the previous": -1,
                   "previous": -1, "that": 0, "the same": 0}
        if shift not in offsets:
            return None  # "this morning", "last night": the this-part rule
        return Meaning("relative", unit="D", offset=offsets[shift], anchored=True,
                       part=PARTS_OF_DAY[unit_word], type="TIME")
    unit = "WE" if unit_word == "weekend" else unit_code(unit_word)
    if unit == "2W":
        return Meaning("fixed", value="P2W", type="DURATION")
    offset = _SHIFT_OFFSET[shift]
    anchored = shift in _ANCHORED_SHIFTS
    if unit == "D":
        if shift in ("the next", "the following", "the previous", "that", "the same", "following"):
            return Meaning("relative", unit="D", offset=offset, anchored=True)
        return None  # "last day", "this day": not a date
    if shift == "the past" and unit == "WE":
        return Meaning("relative", unit="WE", offset=-1)
    if shift == "the past" or (shift in ("the next", "the coming") and unit != "WE"):
        return Meaning("fixed", value=duration_value(1, unit), type="DURATION")  # "the past year": P1Y
    if shift in ("the last", "past") and unit in ("DE", "CE"):
        return Meaning("fixed", value=duration_value(1, unit), type="DURATION")
    if unit == "Y" and shift in ("last", "this past"):
        # "last year" names the calendar year, even after a quarter ("up from $3 million last year"),
        # unlike "a year earlier", which counts back from the quarter just named
        return Meaning("relative", unit=unit, offset=offset, shift="calendar")
    return Meaning("relative", unit=unit, offset=offset, anchored=anchored)


def _edge_of(m: "re.Match[str]", text: str) -> Meaning | None:
    """'the end of the year', 'the beginning of next month', 'the end of year'."""
    edge = m.group("edge").lower()
    which = " ".join((m.group("w") or "").lower().split())
    unit = unit_code(m.group("u"))
    offset = {"last": -1, "next": 1}.get(which, 0)
    shift = None
    if which in ("", "the", "this"):
        shift = "end" if edge in ("end", "close") else "start" if edge in ("beginning", "start") else None
    return Meaning("relative", unit=unit, offset=offset, shift=shift)


def _unit_long(m: "re.Match[str]", text: str) -> Meaning | None:
    return Meaning("fixed", value=duration_value(1, unit_code(m.group("u"))), type="DURATION")


def _earlier_later(m: "re.Match[str]", text: str) -> Meaning | None:
    """'earlier this month', 'later this year' (the reference date's); 'later that year' (the anchor's)."""
    which = " ".join(m.group("w").lower().split())
    return Meaning("relative", unit=unit_code(m.group("u")), offset=0, anchored=which in ("that", "in the"))


def _ago(m: "re.Match[str]", text: str) -> Meaning | None:
    direction = " ".join(m.group("dir").lower().split())
    amount_word = m.group("amt")
    amount = number_value(amount_word) if amount_word else None
    unit = unit_code(m.group("u"))
    if direction in ("before", "after", "prior", "on", "back", "since"):
        follows = text[m.end() : m.end() + 12]
        if direction == "back" and not re.match(r"\s*(?:$|[,.;:)!?]|in\b|when\b|and\b)", follows):
            return None
        if direction in ("before", "after", "prior", "on", "since") and not re.match(
            r"\s*(?:$|[,.;:)!?\"”]|that\b|when\b|and\b|but\b)", follows
        ):
            return None  # "three days after the attack": a duration, found by the duration rule
    if direction in ("later", "earlier") and re.match(r"\s+than\b", text[m.end() : m.end() + 8]):
        return None  # "a week later than planned": a duration
    sign = 1 if direction in ("from now", "hence", "later", "after", "on", "since") else -1
    anchored = direction in ("later", "earlier", "before", "after", "prior", "on", "since", "previously")
    if amount is None:
        if direction == "ago" or direction == "back":
            return Meaning("fixed", value="PAST_REF", approximate=True)
        if direction in ("from now", "hence"):
            return Meaning("fixed", value="FUTURE_REF", approximate=True)
        return None
    scale, precision = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "Q": (3, "M"),
                        "2W": (2, "W")}.get(unit, (1, unit))
    amount *= scale
    if amount != int(amount):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}.get(precision)
        if smaller is None:
            return None
        precision, amount = smaller[0], amount * smaller[1]
    meaning = Meaning("relative", unit=precision, offset=sign * int(round(amount)), anchored=anchored)
    meaning.approximate = approximate(m)
    return meaning


_SHIFTS = r"(?P<shift>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+last|" \
          r"the\s+next|the\s+coming|the\s+current|the\s+following|the\s+same|that|previous|following)"
_UNIT_SINGLE = r"(?:day|week|weekend|fortnight|month|year|decade|century|quarter|morning|afternoon|evening|night)"
_DIR = r"(?P<dir>ago|from\s+now|hence|later|earlier|before|after|back|prior|previously|on)"

RELATIVE_RULES: tuple[Rule, ...] = (
    rule("dayword", r"(?<![\w-])(?:(?:(?:early|late|mid)[\s-]?)?(?P<lead>morning|afternoon|evening)\s+(?=yesterday|today|tomorrow))?"
         r"(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
         r"the\s+day\s+after\s+tomorrow)(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night))?(?![\w-])",
         _dayword, 20),
    rule("weekend", r"(?<![\w-])the\s+weekend(?![\w-])",
         lambda m, t: Meaning("relative", unit="WE", offset=0, shift="the"), 30),
    rule("this-part", r"(?<![\w-])(?P<ref>this|last)\s+(?P<part>" + PART_OF_DAY_RE + r")(?![\w-])",
         _this_part, 20),
    rule("part-alone", r"(?<![\w-])(?:by|in|during|until|till|through|throughout)\s+(?P<span>(?:the\s+)?"
         r"(?:(?:early|late|mid)[\s-]?)?(?P<part>morning|afternoon|evening))(?![\w-])"
         r"(?!\s+(?:of|yesterday|today|tomorrow|hours?|rush|news|paper|edition|session|shift|prayers?|service)\b)"
         r"(?!['’]s)", _part_alone, 30, trigger=r"morning|afternoon|evening"),
    rule("ref", r"(?<![\w-])(?P<w>now|currently|nowadays|presently|these\s+days|recently|lately|"
         r"the\s+(?:near\s+|foreseeable\s+|distant\s+)?future|the\s+(?:recent\s+|distant\s+)?past|"
         r"the\s+present(?:\s+day)?)(?![\w-])", _ref, 40),
    rule("shift-unit", r"(?<![\w-])" + _SHIFTS + r"\s+(?P<u>" + _UNIT_SINGLE + r")(?![\w-])", _shift_unit, 25,
         trigger=r"\b" + _UNIT_SINGLE),
    rule("earlier-later", r"(?<![\w-])(?P<el>earlier|later)\s+(?P<w>this|that|in\s+the|this\s+past)\s+"
         r"(?P<u>day|week|month|year|decade|century)(?![\w-])", _earlier_later, 20),
    rule("edge-of", r"(?<![\w-])(?:the\s+)?(?P<edge>end|beginning|start|middle|close)\s+of\s+"
         r"(?P<w>the\s+|this\s+|last\s+|next\s+)?(?P<u>year|month|week|decade|century)(?![\w-])", _edge_of, 22,
         trigger=r"\bof\s+(?:\w+\s+)?(?:year|month|week|decade|century)"),
    rule("unit-long", _L + r"(?P<u>hour|day|week|month|year|decade|century)-long(?![\w-])", _unit_long, 30, trigger="-long"),
    rule("ago", _L + r"(?:(?P<approx>" + APPROX_RE + r")\s+)?(?:(?:just|only|a\s+mere)\s+)?"
         r"(?:(?P<amt>" + AMOUNT_RE + r")[\s-]+)?(?P<u>" + UNIT_RE + r")\s+" + _DIR + r"(?![\w-])", _ago, 15,
         trigger=UNIT_TRIGGER),
)

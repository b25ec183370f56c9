"""Patterns for durations and sets.

Durations: "three years", "a 12-hour shift", "the past three years",
"nearly three years" (approximate), "for years", "weeks-long"; ages ("a
six-year-old") are not durations. Sets: "every week", "twice a month",
"daily", "on Sundays". A duration is decided by the phrase: an amount and a
unit ("two weeks") is a duration unless the phrase points it at a date
("two weeks ago", "two weeks later": `patterns_rel`).
"""

from __future__ import annotations

import re

from reader.analysis.timeline.lexicon import (
    AMOUNT_RE,
    APPROX_RE,
    APPROX_WORDS,
    MONTH_FULL_RE,
    MONTHS,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    VAGUE_AMOUNTS,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
    unit_code,
)
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.rules import Rule, is_capitalised, prev_word, rule

_L = r"(?<![\w$€£¥#@&/’'.,-])"
UNIT_TRIGGER = r"\b(?:sec|min|h(?:ou)?r|day|week|fortnight|month|quarters|y(?:ea)?r|decade|centur|millenni)"
"""A cheap pattern every amount-and-unit phrase contains."""

_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "Q": ("M", 3), "2W": ("W", 2), "WE": ("D", 2)}
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def duration_value(amount: float | None, unit: str) -> str:
    """P3Y, PT2H, P10Y (a decade), P2Y6M (two and a half years), PT1M30S, PXM (some months)."""
    code, scale = _SCALE.get(unit, (unit, 1))
    if amount is None:
        return _spell([(None, code)])
    amount *= scale
    if amount != int(amount) and code in _SMALLER:
        smaller, factor = _SMALLER[code]
        rest = (amount - int(amount)) * factor
        if rest == int(rest):
            # the unit the writer used first, the fraction in the next one: 2 1/2 years -> P2Y6M
            return _spell(([(int(amount), code)] if int(amount) else []) + [(int(rest), smaller)])
    return _spell([(amount, code)])


def _spell(parts: list[tuple[float | None, str]]) -> str:
    """ISO 8601 duration of (amount, unit code) parts, larger units first; None amount is X."""
    out = "P"
    for amount, code in parts:
        if code in ("H", "MIN", "S") and "T" not in out:
            out += "T"
        letter = "M" if code == "MIN" else code
        number = "X" if amount is None else f"{amount:g}" if amount != int(amount) else str(int(amount))
        out += number + letter
    return out


def approximate(m: "re.Match[str]") -> bool:
    """True when the match's `approx` group is a word of approximation ("nearly", "about")."""
    approx = m.groupdict().get("approx")
    return bool(approx and " ".join(approx.lower().split()) in APPROX_WORDS)


# ---------------------------------------------------------------- durations

_NOT_A_DURATION_AFTER = re.compile(r"(?:[\s-]+old\b|[\s-]*olds?\b|\s+(?:and|or)\s+(?:older|younger|over|under|up)\b|"
                                   r"\s+of\s+age\b)", re.IGNORECASE)
_PLURAL_CONTEXT = frozenset({"for", "over", "in", "within", "after", "than", "take", "takes", "took",
                             "taken", "taking", "last", "lasted", "lasts", "spent", "spend", "spends",
                             "wait", "waited", "waiting", "ago"})


_MODALS = frozenset({"will", "would", "could", "might", "may", "can", "should", "must", "shall"})


def _duration(m: "re.Match[str]", text: str) -> "Meaning | tuple[Meaning, int, int] | None":
    if _NOT_A_DURATION_AFTER.match(text, m.end()):
        return None  # ages: "a 25-year-old", "six years old"
    amount_word = " ".join(m.group("amt").lower().split())
    unit_word = m.group("u").lower()
    unit = unit_code(unit_word)
    plural = unit_word.endswith("s") and unit_word not in ("secs",) or unit_word in ("centuries", "millennia")
    if unit == "Q" and (not plural or amount_word in ("a", "an") or re.match(r"\s+of\b", text[m.end() : m.end() + 4])):
        return None  # "the past two quarters" is a duration; "three quarters of voters" is not
    if amount_word in ("a", "an"):
        if unit == "S" or plural or m.group().endswith("-long"):
            return None  # "a second term"
        if unit in ("MIN",) and unit_word == "min":
            return None
    if amount_word == "some" and not plural:
        return None  # "some day"
    amount = number_value(amount_word)
    if amount is None and amount_word not in VAGUE_AMOUNTS:
        return None
    if amount_word == "one" and unit_word == "day" and prev_word(text, m.start()) in _MODALS:
        return Meaning("fixed", value="FUTURE_REF")  # "it could one day be": some day, not 24 hours
    if unit == "S" and not plural and amount_word.isdigit() and len(amount_word) == 4:
        return None  # "the 2011 second half": a year and an ordinal, not 2011 seconds
    if amount is not None and amount > 1 and not plural and text[m.start("u") - 1] != "-":
        # "six year" without a hyphen is only said as a modifier ("a six year term")
        if not re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]):
            return None
    if m.group("more") and (amount_word in ("a", "an") or text[m.start("u") - 1] == "-"):
        return None  # "two more years" is a duration; "a more day-to-day" is not
    if m.group("half"):
        if amount is None or amount != int(amount) or plural != (amount > 1):
            return None  # "a minute and a half", "two hours and a half"
        amount += 0.5
    meaning = Meaning("fixed", value=duration_value(amount, unit), type="DURATION",
                      approximate=approximate(m) or amount is None)
    the = re.match(r"the\s+", m.group(), re.IGNORECASE)
    if the and text[m.start("u") - 1] == "-":
        return meaning, m.start() + the.end(), m.end()  # "the 90-day moratorium": the article is the noun's
    return meaning


_AROUND_AN_EVENT = re.compile(r"\s+(?:before|after|since|following|preceding|leading\s+up\s+to|ahead\s+of)\b",
                              re.IGNORECASE)


_AHEAD = re.compile(r"\s+(?:ahead(?!\s+of\b)|to\s+come)\b", re.IGNORECASE)
"""'the weeks ahead', 'the years to come': a stretch of the future."""
_THE_BEFORE = re.compile(r"(?<![\w-])the\s+$", re.IGNORECASE)


def _bare_units(m: "re.Match[str]", text: str) -> "Meaning | tuple[Meaning, int, int] | None":
    unit = unit_code(m.group("u"))
    shift = m.group("shift")
    if not shift and not m.group("long"):
        before = prev_word(text, m.start())
        ahead = _AHEAD.match(text, m.end()) if before == "the" else None
        if ahead:
            the = _THE_BEFORE.search(text, max(0, m.start() - 12), m.start())
            start = the.start() if the else m.start()
            return Meaning("fixed", value=duration_value(None, unit), type="DURATION", approximate=True), start, ahead.end()
        around = before == "the" and _AROUND_AN_EVENT.match(text, m.end())
        if before not in _PLURAL_CONTEXT and not around:
            return None  # "years of war" alone is not a time; "for years", "the weeks before the vote" are
        if re.match(r"\s+(?:of\s+(?:the|his|her|its|their)|ago|later|earlier|old)\b", text[m.end() : m.end() + 16]):
            return None
    if re.match(r"[\s-]+old\b", text[m.end() : m.end() + 6]):
        return None
    return Meaning("fixed", value=duration_value(None, unit), type="DURATION", approximate=True)


# ---------------------------------------------------------------- sets

_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M", "biweekly": "P2W",
                "fortnightly": "P2W", "semiannually": "P6M", "semi-annually": "P6M", "biannually": "P6M",
                "bimonthly": "P2M", "annual": "P1Y"}


def _adverb_set(m: "re.Match[str]", text: str) -> Meaning | None:
    word = m.group("w")
    low = word.lower()
    if low == "annual":
        return None
    if is_capitalised(word) and not re.search(r"(?:^|[.!?:]\s+|\n)[\"'“]?$", text[max(0, m.start() - 4) : m.start()]):
        return None  # "the Daily Telegraph"
    if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]):
        return None  # "the city daily Gazette": a newspaper
    return Meaning("fixed", value=_ADVERB_SETS[low], type="SET")


def _every(m: "re.Match[str]", text: str) -> Meaning | None:
    target = m.group("t")
    low = " ".join(target.lower().split())
    other = bool(m.group("other"))
    amount_word = m.group("amt")
    if low.rstrip("s") in WEEKDAYS or low in WEEKDAYS:
        day = WEEKDAYS[low[:-1] if low.endswith("s") and low[:-1] in WEEKDAYS else low]
        return Meaning("fixed", value=f"XXXX-WXX-{day}", type="SET")
    if low in PARTS_OF_DAY:
        return Meaning("fixed", value=f"XXXX-XX-XXT{PARTS_OF_DAY[low]}", type="SET")
    if low in SEASONS:
        return Meaning("fixed", value=f"XXXX-{SEASONS[low]}", type="SET")
    if low in MONTHS:
        return Meaning("fixed", value=f"XXXX-{MONTHS[low]:02d}", type="SET")
    if low == "weekend":
        return Meaning("fixed", value="XXXX-WXX-WE", type="SET")
    unit = unit_code(low)
    amount = number_value(amount_word) if amount_word else 1.0
    if amount is None:
        return None
    if other:
        amount *= 2
    return Meaning("fixed", value=duration_value(amount, unit), type="SET")


def _per(m: "re.Match[str]", text: str) -> Meaning | None:
    """'twice a week', '$5 a year', '3% a month', 'per day'."""
    unit = unit_code(m.group("u"))
    freq = m.group("freq")
    if not freq:
        before = text[max(0, m.start() - 24) : m.start()]
        if m.group("per").lower() in ("a", "an") and not re.search(
            r"(?:\d|%|percent|million|billion|trillion|thousand|dollars|euros|pounds|cents|times|once|twice)"
            r"[\s.,]*$", before, re.IGNORECASE
        ):
            return None
    return Meaning("fixed", value=duration_value(1, unit), type="SET")


def _plural_weekday(m: "re.Match[str]", text: str) -> Meaning | None:
    word = m.group("wd")
    if not is_capitalised(word):
        return None
    if prev_word(text, m.start()) not in ("on", "most", "some", "all", "many", "and", "or", "every", "on"):
        return None
    return Meaning("fixed", value=f"XXXX-WXX-{WEEKDAYS[word.lower()]}", type="SET")


_PLURAL_PARTS = r"(?P<part>mornings|afternoons|evenings|nights)"


def _weekday_parts(m: "re.Match[str]", text: str) -> Meaning | None:
    """'Friday nights', and 'Monday' in 'Monday and Friday nights': every such part of that day."""
    word = m.group("wd")
    if not is_capitalised(word):
        return None
    part = PARTS_OF_DAY[m.group("part").lower()[:-1]]
    return Meaning("fixed", value=f"XXXX-WXX-{WEEKDAYS[word.lower()]}T{part}", type="SET")


DURATION_RULES: tuple[Rule, ...] = (
    rule("weekday-parts", r"(?<![\w-])(?P<wd>" + WEEKDAY_RE + r")\s+" + _PLURAL_PARTS + r"(?![\w-])",
         _weekday_parts, 20),
    rule("weekday-and-parts", r"(?<![\w-])(?P<wd>" + WEEKDAY_RE + r")(?=\s*,?\s+(?:and|or)\s+(?:"
         + WEEKDAY_RE + r")\s+" + _PLURAL_PARTS + r"(?![\w-]))", _weekday_parts, 20),
    rule("duration", _L + r"(?:(?P<approx>" + APPROX_RE + r")\s+(?!the\b))?(?:the\s+)?(?:(?:past|last|next|first|"
         r"final|coming|previous|following|initial|remaining|additional|latest|same|other)\s+)?"
         r"(?:(?:a\s+mere|just|only|nearly|almost|about|some|over|more\s+than|less\s+than)\s+)?"
         r"(?P<amt>" + AMOUNT_RE + r")[\s-]+(?:(?P<more>more|additional|further|extra)\s+)?(?P<u>" + UNIT_RE + r"|quarters)(?:-long|(?P<half>\s+and\s+a\s+half))?(?![\w])",
         _duration, 30,
         trigger=UNIT_TRIGGER),
    rule("bare-units", _L + r"(?:(?:the\s+)?(?P<shift>past|last|next|coming|following|previous)\s+)?"
         r"(?P<u>years|months|weeks|days|decades|centuries|hours|minutes)(?P<long>-long)?(?![\w])",
         _bare_units, 35, trigger=r"(?:year|month|week|day|decade|centurie|hour|minute)s"),
    rule("adverb-set", r"(?<![\w-])(?P<w>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|"
         r"biweekly|fortnightly|semi-?annually|biannually|bimonthly)(?![\w-])", _adverb_set, 30),
    rule("every", r"(?<![\w-])(?:every|each)\s+(?:(?P<other>other|second)\s+)?(?:(?P<amt>" + AMOUNT_RE
         + r")\s+)?(?P<t>seconds?|minutes?|hours?|days?|nights?|weeks?|weekend|months?|years?|decades?|"
         + WEEKDAY_RE + r"|" + PART_OF_DAY_RE + r"|" + SEASON_RE + r"|" + MONTH_FULL_RE + r")(?![\w-])",
         _every, 10),
    rule("per", r"(?<![\w-])(?:(?P<freq>once|twice|thrice|(?:\d+|" + AMOUNT_RE + r")\s+times)\s+)?"
         r"(?P<per>a|an|per|each)\s+(?P<u>second|minute|hour|day|week|month|year|decade)(?![\w-])", _per, 10,
         trigger=r"\b(?:a|an|per|each)\s+" + UNIT_TRIGGER),
    rule("plural-weekday", r"(?<![\w-])(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s(?![\w-])",
         _plural_weekday, 20),
)

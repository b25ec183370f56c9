"""Patterns for years and longer periods: years ("in 2014", "fiscal 2013", "2009-10"),
decades ("the 1990s"), centuries, seasons, quarters and halves; years said in
words ("nineteen ninety-six"). Feasts are in `patterns_feasts`.

A bare four-digit number is a year only in a year-like context: never after
a currency sign, inside "2,014", before "people", "percent" or a street name.
"""

from __future__ import annotations

import re

from reader.analysis.timeline.lexicon import (
    ORDINALS,
    SEASON_RE,
    SEASONS,
    SPELLED_YEAR_RE,
    year_value,
)
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.rules import (
    LEFT as _L,
)
from reader.analysis.timeline.rules import (
    Rule,
    at_sentence_start,
    is_capitalised,
    prev_word,
    prev_word_raw,
    rule,
    shift_word,
)

_YEAR_CONTEXT = frozenset({
    "in", "since", "of", "from", "until", "till", "by", "before", "after", "during", "circa", "c",
    "around", "through", "throughout", "between", "and", "to", "year", "early", "late", "mid",
    "summer", "spring", "autumn", "fall", "winter", "fiscal", "the", "for", "than", "as", "against",
    "ca", "about", "under", "into", "on", "at", "over", "post", "pre", "last",
})
_NOT_YEAR_BEFORE = frozenset({
    "no", "nos", "number", "flight", "room", "route", "highway", "page", "pages", "model", "rule",
    "article", "section", "resolution", "item", "code", "version", "box", "suite", "apt", "unit",
    "channel", "channels", "rooms", "interstate", "platform", "gate", "bus", "line", "level", "row",
    "seat", "exit", "chapter", "paragraph", "clause", "bill", "hr", "s", "h.r", "tel", "fax",
})
_COUNTED = re.compile(
    r"\s*(?:%|percent|per\s*cent|people|persons|troops|soldiers|votes|voters|tons|tonnes|miles|km|"
    r"kilometers|kilometres|feet|foot|meters|metres|yards|points|dollars|euros|pounds|yuan|rubles|"
    r"roubles|yen|rupees|barrels|acres|hectares|seats|members|residents|workers|deaths|cases|children|"
    r"students|men|women|households|units|cars|vehicles|homes|houses|jobs|flights|passengers|employees|"
    r"copies|calories|words|pages|rounds|hours|minutes|seconds|days|weeks|months|years|times|pieces|"
    r"shares|tickets|beds|doctors|nurses|prisoners|refugees|migrants|civilians|officers|police|"
    r"protesters|delegates|bottles|cows|sheep|animals|birds|fish|trees|islands|villages|towns|cities|"
    r"companies|firms|stores|shops|schools|hospitals|patients|victims|fans|users|customers|visitors|"
    r"runs|goals|kg|lb|lbs|mph|mw|gw|mg|ml|cc|mm|cm|ft)(?!\w)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"\s+[A-Z][a-z]+\s+(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Boulevard|Blvd|Lane|Drive|Way|Place)")



# ---------------------------------------------------------------- years, decades, centuries

def _year(m: "re.Match[str]", text: str) -> Meaning | None:
    year = int(m.group("y"))
    start = m.start("y")
    before = prev_word(text, m.start())
    fiscal = bool(m.group("fy"))
    prefixed = bool(m.group("edge") or m.group("of") or fiscal or m.group("theyear"))
    left = text[max(0, start - 6) : start]
    after = text[m.end() : m.end() + 40]
    if re.search(r"\d[-–/]$", left) and not re.search(r"(?<!\d)\d{4}[-–]$", left):
        return None  # "10-2014" is a code or a score, "2009-2014" a range of years
    if re.match(r"[,.]\d|[-–]\d{3}(?!\d)|[-–]\d{5}|\s*[x×*]\s*\d|:\d", after):
        return None
    if not prefixed:
        if before in _NOT_YEAR_BEFORE or _COUNTED.match(after) or _ADDRESS.match(after):
            return None
        if _MILITARY_TIME.match(after):
            return None
        plural = re.match(r"\s+([a-z]+)\b", after)
        if plural and before not in _YEAR_CONTEXT and _is_plural(plural.group(1)):
            return None  # "2000 protesters" (but "a 2011 survey")
    if not 1900 <= year <= 2099:
        if not (1000 <= year < 1900 and (prefixed or before in _YEAR_CONTEXT)):
            return None
    return Meaning("date", year=year, fiscal=fiscal)


def _spelled_year(m: "re.Match[str]", text: str) -> Meaning | None:
    """'in nineteen ninety-six', 'the year two thousand': a year in words needs a year's context
    ("two thousand troops" is a number)."""
    year = year_value(m.group("y"))
    if year is None:
        return None
    if m.group("theyear"):
        return Meaning("date", year=year)
    before = prev_word(text, m.start())
    after = re.match(r"[\s-]+([a-z]+)\b", text[m.end() : m.end() + 30])
    if after and (_is_plural(after.group(1)) or after.group(1) in ("and", "or", "of", "to", "percent")):
        return None  # "nineteen ninety-six dollars", "two thousand and more"
    if m.group("y").lower().startswith("two thousand") and before not in _YEAR_CONTEXT:
        return None
    if m.group("y").lower().startswith(("nineteen", "eighteen")):
        return Meaning("date", year=year)  # "a nineteen ninety-seven attack": no quantity is said so
    if before in _YEAR_CONTEXT or is_capitalised(prev_word_raw(text, m.start())) or at_sentence_start(text, m.start()):
        return Meaning("date", year=year)
    return None


def _is_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "is", "us", "ics", "ous", "ws"))


_MILITARY_TIME = re.compile(r"\s*(?:GMT|UTC|EST|EDT|BST|CET|hrs|hours|local\s+time|h)\b")


def _range_end(m: "re.Match[str]", text: str) -> Meaning | None:
    """The second year of "2009-2012" or "2009-10" (the first is the year rule's)."""
    first = int(text[m.start() - 5 : m.start() - 1])
    y = m.group("y")
    year = int(y) if len(y) == 4 else first // 100 * 100 + int(y)
    if not first < year <= first + 20 or not 1000 <= first <= 2099:
        return None
    return Meaning("date", year=year)


def _short_year(m: "re.Match[str]", text: str) -> Meaning | None:
    before = prev_word(text, m.start())
    if before not in _YEAR_CONTEXT and not m.group("fy"):
        return None
    yy = int(m.group("yy"))
    return Meaning("date", year=yy + (1900 if yy >= 30 else 2000), fiscal=bool(m.group("fy")))


def _decade(m: "re.Match[str]", text: str) -> Meaning | None:
    if m.group("c"):
        value = m.group("c") + m.group("d")
        if m.group("d") == "0" and int(m.group("c")) < 20:
            return Meaning("fixed", value=m.group("c"))  # "the 1800s", "the early 1900s": a century
    else:
        d = int(m.group("d2"))
        value = ("19" if d >= 3 else "20") + str(d)
    return Meaning("fixed", value=value)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _decade_word(m: "re.Match[str]", text: str) -> Meaning | None:
    return Meaning("fixed", value="19" + str(_DECADE_WORDS[m.group("w").lower()]))


def _century(m: "re.Match[str]", text: str) -> Meaning | None:
    n = m.group("n")
    number = int(n) if n else ORDINALS.get(" ".join(m.group("w").lower().replace("-", " ").split()))
    if not number or number > 30:
        return None
    return Meaning("fixed", value=f"{number - 1:02d}")


# ---------------------------------------------------------------- seasons, quarters

_SEASON_CONTEXT = frozenset({"in", "during", "since", "until", "by", "through", "over", "throughout",
                             "this", "that", "each", "every", "last", "next", "early", "late", "of",
                             "before", "after", "till", "from", "for", "mid"})


_SEASON_THE_CONTEXT = frozenset({"in", "during", "by", "until", "since", "through", "over", "throughout",
                                 "before", "after", "till", "this"})


def _season(m: "re.Match[str]", text: str) -> Meaning | None:
    word = m.group("s")
    low = word.lower()
    shift, edge, y, the = m.group("shift"), m.group("edge"), m.group("y"), m.group("the")
    if is_capitalised(word) and not word.isupper() and not at_sentence_start(text, m.start("s")) \
            and not (shift or y):
        return None  # "the Arab Spring", "Winter Olympics"
    meaning = Meaning("date", season=SEASONS[low])
    if y:
        meaning.year = year_value(y)
        return meaning
    if shift:
        meaning.shift = shift_word(shift)
        return meaning
    if re.match(r"\s+of\b", text[m.end() : m.end() + 10]):
        return None  # "the fall of Rome"
    before = prev_word(text, m.start())
    if low in ("fall", "spring"):
        if not (edge or (the and before in _SEASON_THE_CONTEXT) or before in ("this", "each", "every")):
            return None
    elif not (edge or before in _SEASON_CONTEXT):
        return None
    return meaning


def _ordinal(word: str) -> int | None:
    w = word.lower()
    if w[0].isdigit():
        return int(w[0])
    return ORDINALS.get(w)


def _quarter(m: "re.Match[str]", text: str) -> Meaning | None:
    word = m.group("q").lower()
    unit = m.group("u").lower()
    y = m.group("y")
    if word in ("last", "final"):
        if not y and not m.group("the"):
            return None  # "last quarter" is relative (the rule in patterns_rel)
        n = 4 if unit == "quarter" else 2
    else:
        n = _ordinal(word) or 0
    if not 1 <= n <= (4 if unit == "quarter" else 2):
        return None
    meaning = Meaning("date", fiscal=bool(m.group("fy") or m.group("fy2")))
    if unit == "quarter":
        meaning.quarter = n
    else:
        meaning.half = n
        if not y and re.match(r"\s+of\s+(?:the\s+|a\s+|his\s+|her\s+|its\s+|their\s+)?(?!year|fiscal|\d)",
                              text[m.end() : m.end() + 30]):
            return None  # "the first half of the match"
    if y:
        y = y.strip("'’")
        meaning.year = int(y) if len(y) == 4 else int(y) + (1900 if int(y) >= 30 else 2000)
    return meaning


def _q_code(m: "re.Match[str]", text: str) -> Meaning | None:
    meaning = Meaning("date", quarter=int(m.group("q")))
    y = m.group("y")
    if y:
        y = y.strip("'’")
        meaning.year = int(y) if len(y) == 4 else int(y) + (1900 if int(y) >= 30 else 2000)
    return meaning


PERIOD_RULES: tuple[Rule, ...] = (
    rule("year", r"(?<![\w$€£¥#@&/.,’'-])(?:(?P<edge>early|mid|late|pre|post)[\s-]+|"
         r"(?P<of>(?:the\s+)?(?:end|beginning|start|middle|spring|summer|autumn|fall|winter)\s+of)\s+)?"
         r"(?P<fy>fiscal(?:\s+year)?\s+|FY\s*)?(?P<theyear>the\s+year\s+)?(?P<y>\d{4})(?![\w%])",
         _year, 45, trigger=r"\d{4}"),
    rule("spelled-year", _L + r"(?P<theyear>the\s+year\s+)?(?P<y>" + SPELLED_YEAR_RE + r")(?![\w-])", _spelled_year,
         44, trigger=r"\b(?:nineteen|eighteen|twenty|thousand)\b"),
    rule("year-range-end", r"(?<=\d{4}[-–])(?P<y>\d{4}|\d{2})(?![\w%])", _range_end, 45),
    rule("short-year", r"(?<![\w'’])(?P<fy>FY\s*|fiscal\s+)?['’](?P<yy>\d{2})(?![\w'’])", _short_year, 46),
    rule("decade", r"(?<![\w$€£-])(?:(?P<edge>early|mid|late)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0['’]?s|"
         r"['’](?P<d2>\d)0s)(?![\w])", _decade, 20, trigger=r"0['’]?s\b"),
    rule("decade-word", r"(?<=the\s)(?:(?P<edge>early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|"
         r"fifties|sixties|seventies|eighties|nineties)(?![\w])", _decade_word, 25),
    rule("century", _L + r"(?:(?P<edge>early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|"
         r"(?P<w>(?:twenty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
         r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
         r"nineteenth|twentieth)))[\s-]+century(?![\w])", _century, 20, trigger="century"),
    rule("season", _L + r"(?:(?P<shift>last|next|this|this\s+past|this\s+coming)\s+|"
         r"(?P<edge>early|mid|late)[\s-]+|(?P<the>the\s+))?(?P<s>" + SEASON_RE + r")"
         r"(?:\s+(?:of\s+)?(?P<y>\d{4}(?!\d|,\d)|" + SPELLED_YEAR_RE + r"))?(?![\w-])", _season, 35, trigger=SEASON_RE),
    rule("quarter", _L + r"(?P<the>the\s+)?(?P<fy>fiscal\s+)?(?P<q>first|second|third|fourth|final|last|"
         r"1st|2nd|3rd|4th)[\s-]+(?P<fy2>fiscal[\s-]+)?(?P<u>quarter|half)(?![\w-])(?:\s+(?:of\s+)?"
         r"(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?)?(?P<y>\d{4}|['’]\d{2})(?!\d|,\d))?", _quarter, 20,
         trigger=r"quarter|half"),
    rule("q-code", r"(?<![\w-])Q(?P<q>[1-4])(?:(?:\s+|-|/)(?P<y>\d{4}|['’]?\d{2})(?!\d|,\d))?(?![\w])",
         _q_code, 20, ignore_case=False),
)

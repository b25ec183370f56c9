"""Patterns for reporting periods: "the quarter", "the latest quarter", "the
year-ago period", "the 2011 second quarter", and the
adjectives "year-ago" / "year-earlier" ("a year-earlier loss").

Results are reported for a period, and the text then refers back to it:
"the quarter" is the quarter last named, "the year-ago quarter" the same
quarter a year before. These phrases carry no quarter of their own, so they
resolve against the last quarter mentioned (`normalise_period`), and are
dropped when no quarter was mentioned ("the period" alone says nothing).

"The year" works the same way for a year: "for the year ended June 30" is
a twelve-month reporting period (P1Y, as TimeML writes it: its end is the
date that follows), and "sales for the full year", "the fiscal year" the
year being reported on, the article's own.
"""

from __future__ import annotations

import re

from reader.analysis.timeline.lexicon import MONTH_RE, MONTHS
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.rules import LEFT, Rule, prev_word, rule

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_BACK_A_YEAR = re.compile(r"year-(?:ago|earlier)|comparable|corresponding|prior-year|last\s+year['’]s|"
                          r"previous\s+year['’]s", re.IGNORECASE)
_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+(?P<mon>" + MONTH_RE + r")(?![\w])", re.IGNORECASE)
_LATEST = re.compile(r"latest|most\s+recent|just-ended|recent", re.IGNORECASE)


def _period(m: "re.Match[str]", text: str) -> Meaning | None:
    if m.group("u")[0].isupper() or re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
        return None  # "a quarter of the city", "the period of reconstruction"
    mods = m.group("mods") or ""
    det = " ".join((m.group("det") or "").lower().split())
    back = bool(_BACK_A_YEAR.search(mods) or _BACK_A_YEAR.search(det))
    latest = bool(_LATEST.search(mods))
    year = m.group("y")
    ordinal = m.group("ord")
    if ordinal and not (back or year):
        return None  # "the third quarter" alone: the quarter rule
    if m.group("u").lower() == "period" and not (back or year or latest):
        return None  # "the period": too vague without a modifier
    meaning = Meaning("period", offset=-4 if back else 0, shift="latest" if latest else None)
    if year:
        meaning.year = int(year)
    if ordinal:
        meaning.quarter = _ORDINALS[ordinal.lower()]
    ended = _ENDED.match(text, m.end())
    if ended and not ordinal and m.group("u").lower() == "quarter":
        meaning.month = MONTHS[ended.group("mon").lower().rstrip(".")]  # "the quarter ended December 31"
    return meaning


def _year_ago_adjective(m: "re.Match[str]", text: str) -> Meaning | None:
    """'a year-earlier loss', 'year-ago results': the period compared, a year back."""
    return Meaning("period", offset=-4, shift="adjective")


_YEAR_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+(?:" + MONTH_RE + r"|tomorrow|today)(?![\w])",
                         re.IGNORECASE)
_NOT_THE_YEAR = re.compile(r"\s+(?:ahead|since|before|after|earlier|later|ago|to\s+come|two|one|nineteen)\b", re.IGNORECASE)
""""the year ahead", "in the year since the vote", "the year before": a year counted from another time."""
_NOT_THE_YEAR_BARE = re.compile(r"\s+(?:of|that|when|in\s+which|we|i|you|he|she|they)\b", re.IGNORECASE)
"""A bare "the year" with a clause of its own ("the year of the flood", "the year they met") is another year."""
_YEAR_BEFORE = frozenset({"for", "in", "during", "throughout", "over", "through"})


def _the_year(m: "re.Match[str]", text: str) -> Meaning | None:
    """'the year ended March 31' (P1Y); 'for the full year', 'in the fiscal year' (the reported year)."""
    if _YEAR_ENDED.match(text, m.end()):
        return Meaning("fixed", value="P1Y", type="DURATION")
    if _NOT_THE_YEAR.match(text, m.end()):
        return None
    if not m.group("q") and (prev_word(text, m.start()) not in _YEAR_BEFORE or _NOT_THE_YEAR_BARE.match(text, m.end())):
        return None  # "the year" in passing: no period of its own
    return Meaning("relative", unit="Y", offset=0)


PERIOD_REF_RULES: tuple[Rule, ...] = (
    rule("the-year", LEFT + r"the\s+(?P<q>(?:full|fiscal|full\s+fiscal|current\s+fiscal|entire)\s+)?year(?![\w-])(?!['’])",
         _the_year, 26, trigger=r"\byear\b"),
    rule("period", LEFT + r"(?P<det>the|its|last\s+year['’]s|previous\s+year['’]s)\s+"
         r"(?P<mods>(?:(?:comparable|corresponding|same|latest|most\s+recent|just-ended|year-ago|year-earlier|"
         r"prior-year|fiscal)\s+)*)(?:(?P<y>(?:19|20)\d\d)\s+)?(?:(?P<ord>first|second|third|fourth)[\s-]+)?"
         r"(?P<u>quarter|period)(?![\w-])", _period, 18, ignore_case=True, trigger=r"quarter|period"),
    rule("year-ago-adjective", LEFT + r"(?:an?\s+)?(?P<w>year-(?:ago|earlier))(?![\w-])(?!\s+(?:quarter|period))",
         lambda m, t: (_year_ago_adjective(m, t), m.start("w"), m.end("w")), 18, trigger=r"year-"),
)

"""Patterns for clock times: "9 a.m.", "3:30 p.m. EST", "17:45 GMT", "0900 GMT",
"8 o'clock", "at noon". A time alone is on the reference day; the tagger
joins it to a neighbouring day ("7 p.m. Wednesday", "Friday at noon").
"""

from __future__ import annotations

import re

from reader.analysis.timeline.lexicon import NUMBER_WORD_RE, ZONE_RE, number_value
from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.rules import LEFT as _L, Rule, prev_word, rule

_AMPM = r"(?P<ap>a\.\s?m\.|p\.\s?m\.|a\.m\b|p\.m\b|am\b|pm\b)"


# ---------------------------------------------------------------- clock times

_TIME_CONTEXT = frozenset({"at", "from", "until", "till", "by", "before", "after", "around", "about",
                           "to", "since", "between", "and", "approximately", "past", "circa", "noon", "till"})


def _ampm(m: "re.Match[str]", text: str) -> Meaning | None:
    hour = int(m.group("h"))
    minute = int(m.group("m") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    pm = m.group("ap").lower().startswith("p")
    if pm and hour != 12:
        hour += 12
    if not pm and hour == 12:
        hour = 0
    return Meaning("time", type="TIME", hour=hour, minute=minute)


def _clock24(m: "re.Match[str]", text: str) -> Meaning | None:
    hour, minute = int(m.group("h")), int(m.group("m"))
    if hour > 24 or minute > 59:
        return None
    if not m.group("z") and prev_word(text, m.start()) not in _TIME_CONTEXT:
        return None
    return Meaning("time", type="TIME", hour=hour, minute=minute)


def _military(m: "re.Match[str]", text: str) -> Meaning | None:
    hour, minute = int(m.group("h")), int(m.group("m"))
    if hour > 24 or minute > 59:
        return None
    return Meaning("time", type="TIME", hour=hour, minute=minute)


def _oclock(m: "re.Match[str]", text: str) -> Meaning | None:
    value = number_value(m.group("h"))
    if value is None or not 1 <= value <= 12:
        return None
    hour = int(value)
    return Meaning("time", type="TIME", hour=hour, minute=0)


def _noon(m: "re.Match[str]", text: str) -> Meaning | None:
    if prev_word(text, m.start()) not in _TIME_CONTEXT:
        return None
    word = m.group("w").lower()
    return Meaning("time", type="TIME", hour=24 if word == "midnight" else 12, minute=0)



CLOCK_RULES: tuple[Rule, ...] = (
    rule("ampm", r"(?<![\w:.$€£])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*" + _AMPM
         + r"(?:\s+(?P<z>" + ZONE_RE + r"|local\s+time)(?![\w]))?", _ampm, 15),
    rule("clock24", r"(?<![\w:.$€£,])(?P<h>[01]?\d|2[0-4])[:h](?P<m>[0-5]\d)(?![\d:])(?:\s*(?:hrs|hours|h)\b)?"
         r"(?:\s+(?P<z>" + ZONE_RE + r"|local\s+time)(?![\w]))?", _clock24, 16),
    rule("military", r"(?<![\w:.$€£,])(?P<h>[01]\d|2[0-4])(?P<m>[0-5]\d)\s*(?:hrs\s+|hours\s+|h\s+)?"
         r"(?P<z>GMT|UTC|Zulu|local\s+time)(?![\w])", _military, 16),
    rule("oclock", _L + r"(?P<h>\d{1,2}|" + NUMBER_WORD_RE + r")\s+o['’]clock(?![\w])", _oclock, 15,
         trigger=r"o['’]clock"),
    rule("noon", r"(?<![\w])(?P<w>noon|midnight|midday)(?![\w])", _noon, 30),
)

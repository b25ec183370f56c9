"""Patterns for feasts whose date depends on the year: "Christmas", "Thanksgiving",
"Easter", "Election Day 2008" (the date itself is computed in `reference`)."""

from __future__ import annotations

import re

from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.rules import Rule, prev_word, rule, shift_word

_HOLIDAY_NAMES = {
    "christmas day": "christmas", "christmas": "christmas", "christmas eve": "christmas eve",
    "new year's day": "new year's day", "new year's eve": "new year's eve", "new year's": "new year's day",
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving", "election day": "election day",
    "easter": "easter", "easter sunday": "easter", "easter monday": "easter monday",
    "good friday": "good friday", "halloween": "halloween", "valentine's day": "valentine's day",
    "independence day": "independence day", "july fourth": "july fourth", "fourth of july": "july fourth",
    "memorial day": "memorial day", "labor day": "labor day", "labour day": "labor day",
    "veterans day": "veterans day", "veterans' day": "veterans day", "armistice day": "armistice day",
    "remembrance day": "remembrance day", "boxing day": "boxing day", "st. patrick's day": "st. patrick's day",
    "st patrick's day": "st. patrick's day", "bastille day": "bastille day", "presidents day": "presidents day",
    "presidents' day": "presidents day", "mother's day": "mother's day", "father's day": "father's day",
    "d-day": "d-day", "martin luther king day": "martin luther king day",
    "martin luther king jr. day": "martin luther king day",
}
_HOLIDAY_CONTEXT = frozenset({"at", "on", "for", "before", "after", "since", "until", "by", "over",
                              "during", "this", "last", "next", "of", "till", "around", "from", "and"})


def _holiday(m: "re.Match[str]", text: str) -> Meaning | None:
    raw = " ".join(m.group("h").replace("’", "'").split())
    key = raw.lower()
    name = _HOLIDAY_NAMES.get(key)
    if name is None:
        return None
    y = m.group("y")
    shift = m.group("shift")
    if " " not in key and not y and not shift:
        before = prev_word(text, m.start())
        if before not in _HOLIDAY_CONTEXT:
            return None
        if re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]) and before not in ("on", "at", "since", "until", "before", "after", "over", "by"):
            return None
    meaning = Meaning("holiday", holiday=name, year=int(y) if y else None)
    if shift:
        meaning.shift = shift_word(shift)
    return meaning





FEAST_RULES: tuple[Rule, ...] = (
    rule("holiday", r"(?<![\w])(?:(?P<shift>last|next|this)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|"
         r"New\s+Year['’]?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Election\s+Day|"
         r"Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Halloween|Valentine['’]?s\s+Day|"
         r"Independence\s+Day|July\s+Fourth|Fourth\s+of\s+July|Memorial\s+Day|Labou?r\s+Day|"
         r"Veterans['’]?\s+Day|Armistice\s+Day|Remembrance\s+Day|Boxing\s+Day|St\.?\s+Patrick['’]?s\s+Day|"
         r"Bastille\s+Day|Presidents['’]?\s+Day|Mother['’]?s\s+Day|Father['’]?s\s+Day|D-Day|"
         r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day)(?:,?\s+(?P<y>\d{4})(?!\d|,\d))?(?![\w])",
         _holiday, 20, ignore_case=False),
)

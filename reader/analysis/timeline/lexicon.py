"""Words of time for the temporal tagger: months, weekdays, numbers, units, seasons.

Each table maps the lower-cased word to its meaning; the `*_RE` strings are
regex fragments (no capturing groups) built from the same tables, so the
patterns in `patterns` and the readers in `normalise` agree.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
MONTH_ABBREVS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "august", "jan", "mar", "jun", "sep", "dec"})
"""Month words that are also ordinary words or names: they need date context."""

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "daytime": "DT",
}
PART_NAMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday",
              "DT": "daytime"}

UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "MIN", "min": "MIN", "hour": "H", "hr": "H",
    "day": "D", "week": "W", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "yr": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML",
}
"""Unit words (singular stem) -> unit code; `timex_normalise.duration_value` spells them."""

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
    "final": 4, "last": 4,
}
VAGUE_AMOUNTS = frozenset({
    "a few", "few", "several", "many", "some", "a number of",
    "dozens of", "hundreds of", "thousands of", "numerous", "countless",
})
"""Amounts that give no number: the duration becomes PXY, PXM, ..."""
COUNTED_AMOUNTS: dict[str, int] = {"a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12}
"""Words that name a number: "a couple of years" is two years (P2Y), "a dozen years" twelve."""

APPROX_WORDS = frozenset({
    "nearly", "almost", "about", "around", "roughly", "some", "approximately", "close to",
    "more than", "less than", "over", "under", "at least", "at most", "up to", "just over",
    "just under", "well over", "fewer than", "barely", "little more than", "no more than",
    "upwards of", "as many as", "as much as", "an estimated", "just about",
})
"""Modifiers that make a duration approximate ("nearly three years" is P3Y, approximate)."""

TIME_ZONES = ("GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET",
              "CEST", "EET", "EEST", "MSK", "IST", "JST", "AEST", "AEDT", "ET", "PT", "CT", "MT")


def _alt(words: object) -> str:
    """A regex alternation of the words, longest first (so 'Sept' wins over 'Sep')."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(w.replace(" ", r"\s+").replace("-", r"[- ]?") for w in items) + ")"


MONTH_FULL_RE = _alt(n.lower() for n in MONTH_NAMES)
MONTH_ABBR_RE = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
MONTH_RE = r"(?:" + MONTH_FULL_RE + "|" + MONTH_ABBR_RE + ")"
WEEKDAY_RE = _alt(n.lower() for n in WEEKDAY_NAMES)
SEASON_RE = _alt(SEASONS)
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night|overnight)"

NUMBER_WORD_RE = (
    "(?:" + _alt(TENS) + r"(?:[- ]" + _alt(k for k in ONES if 0 < ONES[k] < 10) + ")?|" + _alt(ONES) + ")"
)
AMOUNT_RE = (
    r"(?:\d+(?:\.\d+)?(?:\s+1/2)?|" + NUMBER_WORD_RE + r"(?:\s+and\s+a\s+half)?|a|an|"
    + _alt(VAGUE_AMOUNTS | COUNTED_AMOUNTS.keys()) + ")"
)
UNIT_RE = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|"
    r"years?|yrs?|decades?|century|centuries|millennium|millennia)"
)
APPROX_RE = _alt(APPROX_WORDS)

_TEEN_OR_TENS = (_alt(TENS) + r"(?:[- ]" + _alt(k for k in ONES if 0 < ONES[k] < 10) + ")?|"
                 + _alt(k for k in ONES if 10 <= ONES[k] <= 19))
SPELLED_YEAR_RE = (r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:hundred(?:[\s-]+and)?[\s-]+)?(?:" + _TEEN_OR_TENS
                   + r"|oh[\s-]+" + _alt(k for k in ONES if 0 < ONES[k] < 10) + r")|two\s+thousand(?:[\s-]+(?:and[\s-]+)?"
                   + r"(?:" + _TEEN_OR_TENS + "|" + _alt(k for k in ONES if 0 < ONES[k] < 10) + r"))?)")
"""A year said in words, as in speech and transcripts: "nineteen ninety-six", "two thousand and two"."""


def year_value(text: str) -> int | None:
    """'1996' -> 1996, "'96" -> 1996, 'nineteen ninety-six' -> 1996, 'two thousand' -> 2000."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words.isdigit():
        return int(words)
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].strip().removeprefix("and ").strip()
        value = number_value(rest) if rest else 0.0
        return 2000 + int(value) if value is not None else None
    head, _, rest = words.partition(" ")
    rest = rest.removeprefix("hundred").strip().removeprefix("and ").strip().removeprefix("oh ").strip()
    century = ONES.get(head) or TENS.get(head)
    value = number_value(rest)
    if century is None or value is None or not 0 < value < 100:
        return None
    return century * 100 + int(value)
ZONE_RE = "(?:" + "|".join(TIME_ZONES) + ")"


def number_value(text: str) -> float | None:
    """'three' -> 3, 'twenty-five' -> 25, '2.5' -> 2.5, 'a' -> 1, 'a couple of' -> 2, vague amounts -> None."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words in ("a", "an", "one"):
        return 1.0
    if words in COUNTED_AMOUNTS:
        return float(COUNTED_AMOUNTS[words])
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words.endswith(" 1/2"):
        words, half = words[: -len(" 1/2")], 0.5
    try:
        return float(words.replace(",", "")) + half
    except ValueError:
        pass
    total = 0
    for word in words.split():
        if word in ONES:
            total += ONES[word]
        elif word in TENS:
            total += TENS[word]
        else:
            return None
    return float(total) + half


def unit_code(word: str) -> str:
    """'years' -> 'Y', 'hrs' -> 'H', 'centuries' -> 'CE'."""
    w = word.lower()
    if w in ("centuries",):
        return "CE"
    if w in ("millennia",):
        return "ML"
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS[w]

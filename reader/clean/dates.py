"""Publication dates from metadata and bylines, normalised to ISO 8601."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = r"(?:[, ]+(?:at\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"
TEXT_DATES = [
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.I),
    re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TIME, re.I),
]
_ISO = re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?")
_SLASHED = re.compile(r"\b(?P<year>(?:19|20)\d{2})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b")
_DAY_FIRST_OR_US = re.compile(r"\b(?P<first>[0-3]?\d)[/.-](?P<second>[0-3]?\d)[/.-](?P<year>(?:19|20)\d{2})\b")
"""`09/25/2025`: month first as in the US unless the first number cannot be a month (`25/09/2025`)."""


def _build(year: int, month: int, day: int, hour: int | None = None, minute: int | None = None) -> str | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if hour is None:
        return date.isoformat()
    try:
        return dt.datetime(year, month, day, hour, minute or 0).isoformat(timespec="minutes")
    except ValueError:
        return date.isoformat()


def to_iso(value: str) -> str | None:
    """`2026-01-09T10:00:00+02:00` stays (seconds dropped), "Jan. 9, 2026" -> `2026-01-09`; None if no date."""
    value = value.strip()
    match = _ISO.search(value)
    if match:
        date = _build(int(match["year"]), int(match["month"]), int(match["day"]))
        if date is None:
            return None
        if match["time"]:
            out = f"{date}T{match['time'][:5]}"
            tz = match["tz"]
            if tz:
                out += "Z" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:])
            return out
        return date
    for pattern in TEXT_DATES:
        match = pattern.search(value)
        if match:
            hour = int(match["hour"]) if match["hour"] else None
            if hour is not None and match["ampm"]:
                hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
            minute = int(match["minute"]) if match["minute"] else None
            return _build(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]), hour, minute)
    match = _SLASHED.search(value)
    if match:
        return _build(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _DAY_FIRST_OR_US.search(value)
    if match:
        first, second = int(match["first"]), int(match["second"])
        month, day = (first, second) if first <= 12 else (second, first)
        return _build(int(match["year"]), month, day)
    return None


def find_date(line: str) -> str | None:
    """A date written in a short line of text (a dateline or byline), or None."""
    if len(line) > 160 or ("19" not in line and "20" not in line):
        return None  # every date pattern has a four-digit year of 19xx or 20xx: most lines are skipped unread
    return to_iso(line)

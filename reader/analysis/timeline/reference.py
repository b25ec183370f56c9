"""Calendar arithmetic for the normaliser: reference dates, weeks, seasons, feasts."""

from __future__ import annotations

import datetime as dt
import re

_DCT = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def parse_reference(value: str | None) -> tuple[dt.date, tuple[int, int] | None] | None:
    """'2013-03-22' or '1998-12-05T09:42[:00+00:00]' -> (date, (hour, minute) or None)."""
    if not value:
        return None
    match = _DCT.match(str(value))
    if not match:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    clock = (int(match.group(4)), int(match.group(5))) if match.group(4) else None
    return day, clock


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        found = safe_date(year, month, d)
        if found:
            return found
    return dt.date(year, month, 1)


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def season_start(year: int, code: str) -> dt.date:
    return {"WI": dt.date(year - 1, 12, 1), "SP": dt.date(year, 3, 1), "SU": dt.date(year, 6, 1),
            "FA": dt.date(year, 9, 1)}[code]


def season_end(year: int, code: str) -> dt.date:
    return {"WI": dt.date(year, 2, 28), "SP": dt.date(year, 5, 31), "SU": dt.date(year, 8, 31),
            "FA": dt.date(year, 11, 30)}[code]


def month_end(year: int, month: int) -> dt.date:
    return add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) ISO weekday (1 = Monday) of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=delta + 7 * (n - 1))
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a named day in a year (US/UK news usage)."""
    fixed = {
        "christmas": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
        "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
        "valentine's day": (2, 14), "independence day": (7, 4), "july fourth": (7, 4),
        "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
        "st. patrick's day": (3, 17), "bastille day": (7, 14), "may day": (5, 1),
        "d-day": (6, 6),
    }
    if name in fixed:
        return safe_date(year, *fixed[name])
    if name == "easter":
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "easter monday":
        return easter(year) + dt.timedelta(days=1)
    if name == "thanksgiving":
        return nth_weekday(year, 11, 4, 4)
    if name == "election day":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    if name == "martin luther king day":
        return nth_weekday(year, 1, 1, 3)
    if name == "presidents day":
        return nth_weekday(year, 2, 1, 3)
    if name == "mother's day":
        return nth_weekday(year, 5, 7, 2)
    if name == "father's day":
        return nth_weekday(year, 6, 7, 3)
    return None

"""Chronological order of TimeML values, and where the article's own day falls among them.

Plain Python on the model (no tagger, no spaCy): the timeline sorts with
`sort_key`, and the panes and the Markdown export place the article's date
with `rows_in_order`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from reader.model import ArticleDate, TimeItem

_DATED = re.compile(r"(?:FY)?(\d{2,4})(?:-(?:(\d{2})(?:-(\d{2}|XX))?|W(\d{2})|Q(\d)|H(\d)|(SP|SU|FA|WI)))?"
                    r"(?:-WE)?(?:T(\d{2}):(\d{2})|T([A-Z]{2}))?$")
_SEASON_MONTH = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}
_PART_MINUTES = {"MO": 8 * 60, "MI": 12 * 60, "AF": 14 * 60, "EV": 19 * 60, "NI": 22 * 60, "DT": 12 * 60}


def period_start(value: str) -> tuple[dt.date, int] | None:
    """When the period named by a dated TimeML value begins: (day, minutes into it), else None."""
    match = _DATED.match(value)
    if not match:
        return None
    digits, month, day, week, quarter, half, season, hour, minute, part = match.groups()
    year = int(digits) * (10 ** (4 - len(digits)))
    if not 1 <= year <= 9999:
        return None
    try:
        if week:
            start = dt.date.fromisocalendar(year, int(week), 1)
        elif month:
            start = dt.date(year, int(month), int(day) if day and day != "XX" else 1)  # -XX: some day of it
        elif quarter:
            start = dt.date(year, 3 * int(quarter) - 2, 1)
        elif half:
            start = dt.date(year, 6 * int(half) - 5, 1)
        elif season:
            start = dt.date(year, _SEASON_MONTH[season], 1)
        else:
            start = dt.date(year, 1, 1)
    except ValueError:
        return None
    minutes = int(hour) * 60 + int(minute) if hour else _PART_MINUTES.get(part or "", 0)
    return start, minutes


def _key(value: str, dated: bool, start: int) -> tuple[int, int, int, int, int]:
    begins = period_start(value) if dated else None
    if begins is None:
        return (1, 0, 0, 0, start)
    width = -len(value)  # "2014" before "2014-03" before "2014-03-05" when they begin together
    return (0, begins[0].toordinal(), begins[1], width, start)


def sort_key(item: TimeItem) -> tuple[int, int, int, int, int]:
    """Dated items first, by when they begin (the wider period first); then the rest in text order."""
    return _key(item.value, item.resolved and item.type in ("DATE", "TIME"), item.start)


def rows_in_order(timeline: list[TimeItem], published: ArticleDate | None) -> list[TimeItem | ArticleDate]:
    """The (sorted) timeline with the article's date in its place, when no item of the body gives that day."""
    if published is None or any(item.is_published for item in timeline):
        return list(timeline)
    at = bisect.bisect_left([sort_key(item) for item in timeline], _key(published.value, True, -1))
    return [*timeline[:at], published, *timeline[at:]]

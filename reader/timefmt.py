"""Dates and times as the page gives them: shown in the page's own time zone, never converted.

An article stamped `2026-01-19T21:30-05:00` was published on the evening of
the 19th where it was written; converting it to UTC would make it the 20th.
`published_label` keeps the local date and clock time and names the offset.
"""

from __future__ import annotations

import datetime as dt


def parse_local(value: str | None) -> dt.datetime | dt.date | None:
    """An ISO date or date-time as written (its offset kept, nothing converted); None if it is not one."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def offset_label(moment: dt.datetime) -> str:
    """ "UTC", "UTC+02:00", "UTC−05:00" (a true minus sign), or "" when the time has no zone."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def published_label(value: str | None) -> str:
    """ "2026-01-19" -> "19 January 2026"; "2026-01-19T21:30-05:00" -> "19 January 2026, 21:30 (UTC−05:00)".

    The day and the clock are the page's own; anything that is not ISO is returned as given.
    """
    parsed = parse_local(value)
    if parsed is None:
        return (value or "").strip()
    day = f"{parsed.day} {parsed:%B %Y}"
    if not isinstance(parsed, dt.datetime):
        return day
    zone = offset_label(parsed)
    return f"{day}, {parsed:%H:%M}" + (f" ({zone})" if zone else "")

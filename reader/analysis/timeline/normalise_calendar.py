"""Calendar dates without a year, and feasts: which year they fall in.

"January 6", "November", "the fourth quarter", "Christmas" take the year
that puts them nearest the reference date; the tense breaks near-ties
(`pick_year`). With a year they resolve directly.

Fiscal periods ("fiscal 2012", "the fiscal first quarter") take the plain
TIMEX3 value of the year or quarter as numbered (2012, 2012-Q1): where a
company's fiscal year starts is not in the text, and TimeML writes no FY
prefix. The label still says "fiscal" (from the words).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.reference import (
    holiday_date,
    month_end,
    safe_date,
    season_end,
    season_start,
)
from reader.analysis.timeline.resolved import Anchor, Context, Resolved, TenseFn
from reader.analysis.timeline.resolved import day_result, type_of, with_time

TENSE_PENALTY_DAYS = 180.0
"""How far (in days) a reading against the tense is pushed back when choosing a year."""


def pick_year(dct: dt.date, intervals: list[tuple[int, dt.date, dt.date]], tense: str | None,
          direction: str | None = None) -> int:
    """The year whose interval suits the reference date best."""
    for year, start, end in intervals:
        if start <= dct <= end and direction not in ("last", "next"):
            return year
    if direction == "last":
        before = [y for y, s, e in intervals if e < dct]
        return max(before) if before else intervals[0][0]
    if direction == "next":
        after = [y for y, s, e in intervals if s > dct]
        return min(after) if after else intervals[-1][0]
    best, best_score = intervals[0][0], None
    for year, start, end in intervals:
        past = end < dct
        distance = float((dct - end).days if past else (start - dct).days)
        if tense == "past" and not past or tense == "future" and past:
            distance += TENSE_PENALTY_DAYS
        score = (distance, 0 if past else 1)
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


def _years_around(dct: dt.date, interval: Callable[[int], tuple[dt.date, dt.date] | None]) -> list[tuple[int, dt.date, dt.date]]:
    """The years around the reference date in which the partial date exists (February 29: up to 4 away)."""
    for reach in (1, 4):
        out = []
        for year in range(dct.year - reach, dct.year + reach + 1):
            if not 1 <= year <= 9999:
                continue
            try:
                span = interval(year)
            except ValueError:
                continue
            if span:
                out.append((year, span[0], span[1]))
        if out:
            return out
    raise ValueError("no year holds this date")


def resolve_date(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    year = meaning.year
    fy = ""  # a fiscal period keeps the number the company gives it ("fiscal 2012" -> 2012): see the module doc
    if year is None and meaning.year_offset is not None and ctx.dct is not None:
        year = ctx.dct.year + meaning.year_offset  # "June last year", "March 3 this year"
    if year is None and meaning.shift == "this" and ctx.dct is not None and (
            meaning.month and not meaning.day or meaning.season in ("SP", "SU", "FA")):
        year = ctx.dct.year  # "this September", "this summer": the one of the current year
    if year is None:
        if ctx.dct is None:
            return Resolved(_partial_value("XXXX", meaning, fy), type_of(meaning), False)
        interval = _interval_fn(meaning)
        if interval is None:
            return Resolved(_partial_value("XXXX", meaning, fy), type_of(meaning), False)
        needs_tense = meaning.shift is None
        year = pick_year(ctx.dct, _years_around(ctx.dct, interval), tense() if needs_tense else None,
                     meaning.shift if meaning.shift in ("last", "next") else None)
    if meaning.month and meaning.day:
        day = safe_date(year, meaning.month, meaning.day)
        if day is None:
            return Resolved(_partial_value(f"{year:04d}", meaning, fy), "DATE", False)
        return day_result(day, meaning)
    value = _partial_value(f"{year:04d}", meaning, fy)
    if meaning.month and meaning.unknown_day:
        return Resolved(value, type_of(meaning), True, Anchor(dt.date(year, meaning.month, 1), "M"))
    precision = "M" if meaning.month else "Q" if meaning.quarter else "Y"
    first_month = meaning.month or (3 * meaning.quarter - 2 if meaning.quarter
                                    else 6 * meaning.half - 5 if meaning.half else 1)
    start = dt.date(year, first_month, 1)
    return Resolved(value, "DATE", True, Anchor(start, precision, meaning.fiscal))


def _partial_value(year: str, meaning: Meaning, fy: str = "") -> str:
    if meaning.month and meaning.day:
        return with_time(f"{year}-{meaning.month:02d}-{meaning.day:02d}", meaning)
    if meaning.month and meaning.unknown_day:
        return with_time(f"{year}-{meaning.month:02d}-XX", meaning)
    if meaning.month:
        return f"{year}-{meaning.month:02d}"
    if meaning.season:
        return f"{year}-{meaning.season}"
    if meaning.quarter:
        return f"{fy}{year}-Q{meaning.quarter}"
    if meaning.half:
        return f"{fy}{year}-H{meaning.half}"
    return f"{fy}{year}"


def _interval_fn(meaning: Meaning) -> Callable[[int], tuple[dt.date, dt.date] | None] | None:
    if meaning.month and meaning.day:
        month, day = meaning.month, meaning.day

        def one_day(year: int) -> tuple[dt.date, dt.date] | None:
            d = safe_date(year, month, day)
            return (d, d) if d else None
        return one_day
    if meaning.month:
        month = meaning.month
        return lambda year: (dt.date(year, month, 1), month_end(year, month))
    if meaning.season:
        code = meaning.season
        return lambda year: (season_start(year, code), season_end(year, code))
    if meaning.quarter:
        q = meaning.quarter
        return lambda year: (dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q))
    if meaning.half:
        h = meaning.half
        return lambda year: (dt.date(year, 6 * h - 5, 1), month_end(year, 6 * h))
    return None


def resolve_holiday(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    name = meaning.holiday or ""
    year = meaning.year
    if year is None:
        if ctx.dct is None:
            return Resolved("XXXX-XX-XX", "DATE", False)

        def span(y: int) -> tuple[dt.date, dt.date] | None:
            d = holiday_date(name, y)
            return (d, d) if d else None
        year = pick_year(ctx.dct, _years_around(ctx.dct, span), tense() if meaning.shift is None else None,
                     meaning.shift if meaning.shift in ("last", "next") else None)
    day = holiday_date(name, year)
    if day is None:
        return Resolved(f"{year:04d}", "DATE", True)
    return day_result(day, meaning)



"""Turn a `Meaning` into a TimeML value at its own precision.

Relative expressions are resolved against the reference date (the
document's date); "later"/"earlier"/"the next day" against the last date
the text mentioned (the anchor), falling back to the reference date.
Partial dates ("January 6", "November", "the fourth quarter") take the year
that puts them nearest the reference date, the tense breaking near-ties;
bare weekdays are the last such day on or before the reference date unless
the sentence speaks of the future. Without a reference date the value keeps
X placeholders (XXXX-WXX-4, XXXX-01-06) and `resolved` is False.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from reader.analysis.timeline.reference import (
    add_months,
    add_years,
    holiday_date,
    month_end,
    month_value,
    quarter_of,
    safe_date,
    season_end,
    season_start,
    week_value,
)
from reader.analysis.timeline.meaning import Meaning

TenseFn = Callable[[], "str | None"]

_FINENESS = {"Y": 0, "H1": 1, "Q": 2, "M": 3, "W": 4, "D": 5, "T": 6}
TENSE_PENALTY_DAYS = 180.0
"""How far (in days) a reading against the tense is pushed back when choosing a year."""


@dataclass(slots=True)
class Anchor:
    """The last date the text mentioned, with its precision (Y, Q, M, W, D)."""

    day: dt.date
    precision: str


@dataclass(slots=True)
class Context:
    dct: dt.date | None
    clock: tuple[int, int] | None = None
    anchor: Anchor | None = None


@dataclass(slots=True)
class Resolved:
    value: str
    type: str
    resolved: bool = True
    anchor: Anchor | None = None


# ---------------------------------------------------------------- helpers

def _with_time(value: str, meaning: Meaning) -> str:
    if meaning.hour is not None:
        return f"{value}T{meaning.hour:02d}:{(meaning.minute or 0):02d}"
    if meaning.part:
        return f"{value}T{meaning.part}"
    return value


def _type_of(meaning: Meaning) -> str:
    return "TIME" if meaning.has_time else "DATE"


def _day_result(day: dt.date, meaning: Meaning) -> Resolved:
    day = day + dt.timedelta(days=meaning.day_shift)
    if meaning.week_of:
        return Resolved(week_value(day), "DATE", True, Anchor(day, "W"))
    return Resolved(_with_time(day.isoformat(), meaning), _type_of(meaning), True, Anchor(day, "D"))


def _pick(dct: dt.date, intervals: list[tuple[int, dt.date, dt.date]], tense: str | None,
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


# ---------------------------------------------------------------- kinds

def _date(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    year = meaning.year
    fy = "FY" if meaning.fiscal else ""
    if year is None:
        if ctx.dct is None:
            return Resolved(_partial_value("XXXX", meaning, fy), _type_of(meaning), False)
        interval = _interval_fn(meaning)
        if interval is None:
            return Resolved(_partial_value("XXXX", meaning, fy), _type_of(meaning), False)
        needs_tense = meaning.shift is None
        year = _pick(ctx.dct, _years_around(ctx.dct, interval), tense() if needs_tense else None,
                     meaning.shift if meaning.shift in ("last", "next") else None)
    if meaning.month and meaning.day:
        day = safe_date(year, meaning.month, meaning.day)
        if day is None:
            return Resolved(_partial_value(f"{year:04d}", meaning, fy), "DATE", False)
        return _day_result(day, meaning)
    value = _partial_value(f"{year:04d}", meaning, fy)
    precision = "M" if meaning.month else "Q" if meaning.quarter else "Y"
    start = dt.date(year, meaning.month or 1, 1)
    return Resolved(value, "DATE", True, Anchor(start, precision))


def _partial_value(year: str, meaning: Meaning, fy: str = "") -> str:
    if meaning.month and meaning.day:
        return _with_time(f"{year}-{meaning.month:02d}-{meaning.day:02d}", meaning)
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


def _weekday(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    target = meaning.weekday or 1
    if ctx.dct is None:
        return Resolved(_with_time(f"XXXX-WXX-{target}", meaning), _type_of(meaning), False)
    dct = ctx.dct
    back = (dct.isoweekday() - target) % 7
    ahead = (target - dct.isoweekday()) % 7
    shift = meaning.shift
    if shift == "last":
        day = dct - dt.timedelta(days=back or 7)
    elif shift == "next":
        day = dct + dt.timedelta(days=ahead or 7)
    elif shift == "this":
        day = dct - dt.timedelta(days=back) if tense() == "past" else dct + dt.timedelta(days=ahead)
    elif tense() == "future":
        day = dct + dt.timedelta(days=ahead)
    else:
        day = dct - dt.timedelta(days=back)
    return _day_result(day, meaning)


def _holiday(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    name = meaning.holiday or ""
    year = meaning.year
    if year is None:
        if ctx.dct is None:
            return Resolved("XXXX-XX-XX", "DATE", False)

        def span(y: int) -> tuple[dt.date, dt.date] | None:
            d = holiday_date(name, y)
            return (d, d) if d else None
        year = _pick(ctx.dct, _years_around(ctx.dct, span), tense() if meaning.shift is None else None,
                     meaning.shift if meaning.shift in ("last", "next") else None)
    day = holiday_date(name, year)
    if day is None:
        return Resolved(f"{year:04d}", "DATE", True)
    return _day_result(day, meaning)


def _unresolved_relative(unit: str, meaning: Meaning) -> str:
    return {"D": _with_time("XXXX-XX-XX", meaning), "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
            "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX", "H": "XXXX-XX-XXTXX:XX",
            "MIN": "XXXX-XX-XXTXX:XX", "S": "XXXX-XX-XXTXX:XX"}.get(unit, "XXXX")


def _relative(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    unit = meaning.unit or "D"
    offset = meaning.offset or 0
    base = ctx.dct
    fine = _FINENESS.get("D" if unit in ("H", "MIN", "S", "WE") else unit, 5)
    if meaning.anchored and ctx.anchor and _FINENESS.get(ctx.anchor.precision, 0) >= min(fine, 5):
        base = ctx.anchor.day
    if base is None:
        return Resolved(_unresolved_relative(unit, meaning), _type_of(meaning) if unit == "D" else "DATE", False)
    if meaning.shift in ("end", "start") and not meaning.anchored:
        offset += _edge_shift(unit, meaning.shift, base, tense)
    if unit == "D":
        return _day_result(base + dt.timedelta(days=offset), meaning)
    if unit == "W":
        day = base + dt.timedelta(weeks=offset)
        return Resolved(week_value(day), "DATE", True, Anchor(day, "W"))
    if unit == "WE":
        week = offset
        if meaning.shift == "the":
            sense = tense()
            if sense != "future" and base.isoweekday() < 5:
                week = -1
        day = base + dt.timedelta(weeks=week)
        return Resolved(week_value(day) + "-WE", "DATE", True, Anchor(day, "W"))
    if unit == "M":
        day = add_months(base, offset)
        return Resolved(month_value(day.year, day.month), "DATE", True, Anchor(day.replace(day=1), "M"))
    if unit == "Q":
        index = base.year * 4 + quarter_of(base.month) - 1 + offset
        year, q = divmod(index, 4)
        return Resolved(f"{year:04d}-Q{q + 1}", "DATE", True, Anchor(dt.date(year, 3 * q + 1, 1), "Q"))
    if unit == "Y":
        day = add_years(base, offset)
        return Resolved(f"{day.year:04d}", "DATE", True, Anchor(day, "Y"))
    if unit == "DE":
        return Resolved(f"{base.year // 10 + offset:03d}", "DATE", True)
    if unit == "CE":
        return Resolved(f"{base.year // 100 + offset:02d}", "DATE", True)
    if unit in ("H", "MIN", "S"):
        if ctx.clock is None or meaning.anchored:
            return Resolved(base.isoformat(), "DATE", True, Anchor(base, "D"))
        moment = dt.datetime.combine(base, dt.time(*ctx.clock))
        delta = {"H": dt.timedelta(hours=offset), "MIN": dt.timedelta(minutes=offset),
                 "S": dt.timedelta(seconds=offset)}[unit]
        moment += delta
        return Resolved(moment.strftime("%Y-%m-%dT%H:%M"), "TIME", True, Anchor(moment.date(), "D"))
    return Resolved(_unresolved_relative(unit, meaning), "DATE", False)


def _edge_shift(unit: str, edge: str, base: dt.date, tense: TenseFn) -> int:
    """'the end of the year' told in the past early in a year is last year's end; the
    'beginning of the year' told in the future late in a year is next year's."""
    position = {"Y": (base.month - 1) / 11, "M": (base.day - 1) / 30, "W": (base.isoweekday() - 1) / 6}.get(unit)
    if position is None:
        return 0
    sense = tense()
    if edge == "end" and sense == "past" and position < 0.75:
        return -1
    if edge == "start" and sense == "future" and position > 0.25:
        return 1
    return 0


def _time(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    if ctx.dct is None:
        return Resolved(_with_time("XXXX-XX-XX", meaning), "TIME", False)
    return _day_result(ctx.dct, meaning)


def resolve(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    """The TimeML value, type and resolution of one meaning."""
    try:
        return _resolve(meaning, ctx, tense)
    except (ValueError, OverflowError):  # a reference date at the edge of the calendar
        return _resolve(meaning, Context(None), tense)


def _resolve(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    if meaning.kind == "fixed":
        return Resolved(meaning.value, meaning.type, True)
    if meaning.kind == "date":
        return _date(meaning, ctx, tense)
    if meaning.kind == "weekday":
        return _weekday(meaning, ctx, tense)
    if meaning.kind == "relative":
        return _relative(meaning, ctx, tense)
    if meaning.kind == "holiday":
        return _holiday(meaning, ctx, tense)
    return _time(meaning, ctx, tense)

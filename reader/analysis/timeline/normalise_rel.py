"""Relative expressions: "last week", "two days later", "the end of the year".

Counted from the reference date, or from the last date the text mentioned
(the anchor) when the phrase is anchored ("later", "the next day").
"""

from __future__ import annotations

import datetime as dt

from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.normalise_period import last_quarter, quarter_value
from reader.analysis.timeline.reference import (
    add_months,
    add_years,
    month_value,
    quarter_of,
    week_value,
)
from reader.analysis.timeline.resolved import FINENESS, Anchor, Context, Resolved
from reader.analysis.timeline.resolved import TenseFn, day_result, type_of, with_time


def _unresolved_relative(unit: str, meaning: Meaning) -> str:
    return {"D": with_time("XXXX-XX-XX", meaning), "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
            "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX", "H": "XXXX-XX-XXTXX:XX",
            "MIN": "XXXX-XX-XXTXX:XX", "S": "XXXX-XX-XXTXX:XX"}.get(unit, "XXXX")


def _compared_quarter(meaning: Meaning, ctx: Context) -> Resolved | None:
    """'profit rose in the third quarter from $2 million a year earlier': a year before the
    quarter just named is that quarter of the year before (the text stays on the named one)."""
    if meaning.unit != "Y" or meaning.offset not in (-1, 1) or meaning.shift:
        return None
    if meaning.offset > 0 and not meaning.anchored:
        return None  # "next year" counted from today names the coming year: no results to compare yet
    named = last_quarter(ctx)
    if named is None:
        return None
    if not meaning.anchored and (ctx.dct is None or abs(ctx.dct.year - named[0]) > 1):
        return None  # "a year ago" counts from today: only about a quarter of about now
    return Resolved(quarter_value(named[0], named[1], 4 * meaning.offset), "DATE", True)


def resolve_relative(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    compared = _compared_quarter(meaning, ctx)
    if compared is not None:
        return compared
    found = _relative(meaning, ctx, tense)
    if meaning.shift == "calendar" and last_quarter(ctx) is not None:
        found.anchor = None  # "up from $3 million last year": the text stays on the quarter named
    return found


def _relative(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    unit = meaning.unit or "D"
    offset = meaning.offset or 0
    base = ctx.dct
    fine = FINENESS.get("D" if unit in ("H", "MIN", "S", "WE") else unit, 5)
    if meaning.anchored and ctx.anchor and FINENESS.get(ctx.anchor.precision, 0) >= min(fine, 5):
        base = ctx.anchor.day
    if base is None:
        return Resolved(_unresolved_relative(unit, meaning), type_of(meaning) if unit == "D" else "DATE", False)
    if meaning.shift in ("end", "start") and not meaning.anchored:
        offset += _edge_shift(unit, meaning.shift, base, tense)
    if unit == "D":
        return day_result(base + dt.timedelta(days=offset), meaning)
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



"""Reporting periods ("the quarter", "the year-ago quarter", "a year earlier"
after a quarter): resolved against the last quarter the text mentioned.
"the quarter" keeps referring to that quarter after other dates ("next
year"); "a year earlier" only right after it. "The quarter ended Sept. 30"
just after a fiscal quarter is that fiscal quarter, its months given.

Without such a quarter, "the latest quarter" is the last quarter ended before
the reference date and "year-earlier" is the year before it; the other
phrases give no value (the tagger drops them).
"""

from __future__ import annotations

import datetime as dt

from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.reference import quarter_of
from reader.analysis.timeline.resolved import Anchor, Context, Resolved


def last_quarter(ctx: Context, earlier: bool = False) -> tuple[int, int] | None:
    """(year, quarter) of the last quarter the text mentioned, if the last date mentioned is one
    (with `earlier`, also when other dates came after it)."""
    named = _named(ctx, earlier)
    if named is None:
        return None
    return named.day.year, quarter_of(named.day.month)


def quarter_value(year: int, quarter: int, shift: int = 0) -> str:
    index = year * 4 + quarter - 1 + shift
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _named(ctx: Context, earlier: bool) -> Anchor | None:
    if ctx.anchor is not None and ctx.anchor.precision == "Q":
        return ctx.anchor
    return ctx.quarter if earlier else None


def resolve_period(meaning: Meaning, ctx: Context) -> Resolved:
    fiscal = _named(ctx, True)
    if meaning.month and fiscal is not None and fiscal.fiscal and not meaning.offset:
        # "in the fiscal first quarter ... for the quarter ended Sept. 30": the months of the fiscal quarter
        return _quarter(fiscal.day.year, quarter_of(fiscal.day.month), 0)
    if meaning.month and ctx.dct is not None:  # "the quarter ended December 31": the last one ending so
        quarter = quarter_of(meaning.month)
        year = ctx.dct.year if dt.date(ctx.dct.year, meaning.month, 1) <= ctx.dct else ctx.dct.year - 1
        return _quarter(year, quarter, meaning.offset or 0, bool(meaning.offset))
    named = last_quarter(ctx, earlier=meaning.shift != "latest")  # "the latest quarter" is not the one forecast
    if meaning.quarter and meaning.year:  # "the 2011 second quarter"
        return Resolved(quarter_value(meaning.year, meaning.quarter), "DATE", True)
    if named is not None:
        year, quarter = named
        if meaning.quarter:  # "the year-ago third quarter"
            quarter = meaning.quarter
        if meaning.year:  # "the 2011 quarter": that year's quarter of the same rank
            return Resolved(quarter_value(meaning.year, quarter), "DATE", True)
        return _quarter(year, quarter, meaning.offset or 0, bool(meaning.offset))
    if ctx.dct is None:
        return Resolved("", "DATE", False)
    if meaning.quarter:  # "the year-ago third quarter" before any quarter is named
        return Resolved(quarter_value(ctx.dct.year - 1, meaning.quarter), "DATE", True)
    if meaning.shift == "latest" or meaning.offset:  # the last quarter ended (a year back for "year-ago")
        year, quarter = ctx.dct.year, quarter_of(ctx.dct.month)
        return _quarter(year, quarter, -1 + (meaning.offset or 0), bool(meaning.offset))
    if meaning.shift == "adjective":
        return Resolved(f"{ctx.dct.year - 1:04d}", "DATE", True)
    return Resolved("", "DATE", False)


def _quarter(year: int, quarter: int, shift: int, back: bool = False) -> Resolved:
    """The quarter `shift` quarters from (year, quarter); it becomes the quarter under
    discussion unless it is the one compared with (`back`)."""
    value = quarter_value(year, quarter, shift)
    y, q = int(value[:4]), int(value[-1])
    return Resolved(value, "DATE", True, None if back else Anchor(dt.date(y, 3 * q - 2, 1), "Q"))

"""Turn a `Meaning` into a TimeML value at its own precision.

Dates without a year are in `normalise_calendar`, relative expressions in
`normalise_rel`, the shared context and result in `resolved`.

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

from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.normalise_calendar import resolve_date, resolve_holiday
from reader.analysis.timeline.normalise_period import resolve_period
from reader.analysis.timeline.normalise_rel import resolve_relative
from reader.analysis.timeline.resolved import Anchor, Context, Resolved, TenseFn
from reader.analysis.timeline.resolved import day_result, type_of, with_time

__all__ = ["Anchor", "Context", "Resolved", "resolve"]


def _weekday(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    target = meaning.weekday or 1
    if ctx.dct is None:
        return Resolved(with_time(f"XXXX-WXX-{target}", meaning), type_of(meaning), False)
    shift = meaning.shift
    if shift == "any":  # "a Monday": a Monday, but no particular one
        return Resolved(with_time(f"XXXX-WXX-{target}", meaning), type_of(meaning), False)
    if shift in ("previous", "following"):  # "the previous Friday": counted from the last day mentioned
        base = ctx.anchor.day if ctx.anchor and ctx.anchor.precision == "D" else ctx.dct
        back = (base.isoweekday() - target) % 7 or 7
        ahead = (target - base.isoweekday()) % 7 or 7
        day = base - dt.timedelta(days=back) if shift == "previous" else base + dt.timedelta(days=ahead)
        return day_result(day, meaning)
    dct = ctx.dct
    back = (dct.isoweekday() - target) % 7
    ahead = (target - dct.isoweekday()) % 7
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
    return day_result(day, meaning)


def _time(meaning: Meaning, ctx: Context, tense: TenseFn) -> Resolved:
    if ctx.dct is None:
        return Resolved(with_time("XXXX-XX-XX", meaning), "TIME", False)
    return day_result(ctx.dct, meaning)


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
        return resolve_date(meaning, ctx, tense)
    if meaning.kind == "weekday":
        return _weekday(meaning, ctx, tense)
    if meaning.kind == "relative":
        return resolve_relative(meaning, ctx, tense)
    if meaning.kind == "period":
        return resolve_period(meaning, ctx)
    if meaning.kind == "holiday":
        return resolve_holiday(meaning, ctx, tense)
    return _time(meaning, ctx, tense)

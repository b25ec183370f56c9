"""What resolving a `Meaning` works with and gives back: the context (reference
date, last date mentioned), the result, and the helpers every kind shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from reader.analysis.timeline.meaning import Meaning
from reader.analysis.timeline.reference import week_value

TenseFn = Callable[[], "str | None"]

FINENESS = {"Y": 0, "H1": 1, "Q": 2, "M": 3, "W": 4, "D": 5, "T": 6}


@dataclass(slots=True)
class Anchor:
    """The last date the text mentioned, with its precision (Y, Q, M, W, D)."""

    day: dt.date
    precision: str
    fiscal: bool = False
    """A fiscal period ("the fiscal first quarter"): its months are the company's, not the calendar's."""


@dataclass(slots=True)
class Context:
    dct: dt.date | None
    clock: tuple[int, int] | None = None
    anchor: Anchor | None = None
    quarter: Anchor | None = None
    """The last quarter the text named, which "the quarter" refers back to even after other dates."""


@dataclass(slots=True)
class Resolved:
    value: str
    type: str
    resolved: bool = True
    anchor: Anchor | None = None


# ---------------------------------------------------------------- helpers

def with_time(value: str, meaning: Meaning) -> str:
    if meaning.hour is not None:
        return f"{value}T{meaning.hour:02d}:{(meaning.minute or 0):02d}"
    if meaning.part:
        return f"{value}T{meaning.part}"
    return value


def type_of(meaning: Meaning) -> str:
    return "TIME" if meaning.has_time else "DATE"


def day_result(day: dt.date, meaning: Meaning) -> Resolved:
    day = day + dt.timedelta(days=meaning.day_shift)
    if meaning.week_of:
        return Resolved(week_value(day), "DATE", True, Anchor(day, "W"))
    return Resolved(with_time(day.isoformat(), meaning), type_of(meaning), True, Anchor(day, "D"))



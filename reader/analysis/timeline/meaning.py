"""What a found time expression means, before it is resolved to a TimeML value.

The patterns (`patterns`) build a `Meaning` from the words; the
normaliser (`normalise`) turns it into a value using the reference
date, the tense around it and the last date the text mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MeaningKind = Literal["fixed", "date", "weekday", "relative", "holiday", "time", "period"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(slots=True)
class Meaning:
    """One expression's meaning.

    kinds:
    - fixed: `value` and `type` are final (durations, sets, decades, PRESENT_REF...);
    - date: calendar fields, the year possibly missing (then inferred);
    - weekday: `weekday` (1 = Monday) with an optional `shift` (last/next/this);
    - relative: `offset` units (`unit`: D, W, M, Q, Y, DE, CE, WE) from the
      reference date, or from the last date mentioned when `anchored`;
      `offset=None` means an unknown amount (PAST_REF/FUTURE_REF by `sign`);
    - holiday: `holiday` names a feast whose date depends on the year;
    - time: a clock time on the reference day;
    - period: a reporting period named by reference ("the quarter", "the
      year-ago quarter"): `offset` quarters from the last quarter mentioned.
    Any date-like kind may also carry a time of day (`hour`/`minute` or `part`).
    """

    kind: MeaningKind
    value: str = ""
    type: TimexType = "DATE"
    year: int | None = None
    year_offset: int | None = None
    """Years from the reference date's year, when the text names the year that way ("June last year")."""
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    fiscal: bool = False
    weekday: int | None = None
    shift: str | None = None
    """last / next / this / past / coming, for weekdays, months and seasons."""
    unit: str | None = None
    offset: int | None = 0
    sign: int = -1
    anchored: bool = False
    holiday: str | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None
    """Part of day: MO, AF, EV, NI."""
    unknown_day: bool = False
    """One day of the month, which the text does not say ("that January day"): value YYYY-MM-XX."""
    day_shift: int = 0
    """Days added after resolving ("the day before Tuesday")."""
    week_of: bool = False
    """"the week of May 14": the ISO week holding the day."""
    approximate: bool = False

    @property
    def has_time(self) -> bool:
        return self.hour is not None or self.part is not None

"""Runs of prose in a paste: the article is the long run of prose lines, with headings and captions between.

A run is a sequence of prose units with at most `gap` other units between
two of them. `main_run` is the run with the most words (the article's body,
as the cleaner takes it); `run_shares` tells, for every unit, what share of
the page's prose words the run it stands in holds (a comment thread or a
list of teasers is a run too, but seldom the page's biggest). One pass each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

RUN_GAP = 6
"""Units of other kinds that may stand between two prose units of one run (headings, captions, a widget)."""
WIDE_GAP = 20
"""A looser run: an article broken up by tables, boxes or galleries is still one."""


class ProseUnit(Protocol):
    """What the runs read of a unit (both cleaners' units have it)."""

    @property
    def words(self) -> int: ...

    @property
    def prose(self) -> bool: ...


def prose_runs(units: Sequence[ProseUnit], gap: int = RUN_GAP) -> list[tuple[int, int, int]]:
    """Every run of prose units (gaps of at most `gap` other units) as (first, last, words)."""
    runs: list[tuple[int, int, int]] = []
    start = last = -1
    words = 0
    for i, u in enumerate(units):
        if not u.prose:
            continue
        if start >= 0 and i - last > gap:
            runs.append((start, last, words))
            start = -1
        if start < 0:
            start, words = i, 0
        words += u.words
        last = i
    if start >= 0:
        runs.append((start, last, words))
    return runs


def main_run(units: Sequence[ProseUnit], gap: int = RUN_GAP) -> tuple[int, int]:
    """The run with the most words (the first of equals): the article's body; the whole paste when no prose."""
    runs = prose_runs(units, gap)
    if not runs:
        return 0, len(units) - 1
    start, end, _ = max(runs, key=lambda r: r[2])  # max keeps the first of equals
    return start, end


def run_shares(units: Sequence[ProseUnit], gap: int) -> list[float]:
    """For each unit, the share of all prose words held by the run it stands in (0 outside every run)."""
    runs = prose_runs(units, gap)
    total = sum(r[2] for r in runs) or 1
    shares = [0.0] * len(units)
    for start, end, words in runs:
        for i in range(start, end + 1):
            shares[i] = words / total
    return shares

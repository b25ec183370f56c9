"""Where a pattern can match in each block, found once: per-quote searches skip the windows it cannot match in.

The channel of a quote ("according to AP", "told Reuters") is searched in a
window of a few hundred characters around every quote; in a paragraph of
thousands of short quotes those windows overlap, so each character would be
scanned by the full search many times. `BlockHits` runs a pattern once over
each block's text and answers "does a match start in text[start:end]?" by
bisection; the full search then runs only where the answer is yes, so its
results are exactly those of searching every window.

That holds for patterns whose matches cannot overlap (a match never starts
inside another one), as `ACCORDING_ANY` and the lead words of "told X":
every match a window search finds starts where the one pass found one.
"""

from __future__ import annotations

import bisect
import re


class BlockHits:
    """The match starts of one pattern in each block's text (computed on first use)."""

    def __init__(self, pattern: re.Pattern[str], texts: list[str]) -> None:
        self.pattern = pattern
        self.texts = texts
        self._starts: dict[int, list[int]] = {}

    def starts_in(self, index: int, start: int, end: int) -> bool:
        """A match of the pattern starts in texts[index][start:end] (the one pass's matches)."""
        starts = self._starts.get(index)
        if starts is None:
            starts = self._starts[index] = [m.start() for m in self.pattern.finditer(self.texts[index])]
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

"""Keeping the garbage collector's pauses out of the reader's keys.

A long article's document, analysis and pane rows are hundreds of thousands
of long-lived objects; each full collection walks them all (about 0.1-0.2 s
on a busy machine, enough to hold a key press). `settle()` moves what exists
now out of the collector's sight (`gc.freeze`), so the next collections walk
only what was made since; it is called once the screen has taken in a
snapshot. Objects are still freed by reference counting when they are
dropped; `release()` (the reading screen closing) hands them back to the
collector, so a frozen cycle is freed with the screen.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Exclude every object alive now from later collections (until `release`)."""
    gc.freeze()


def release() -> None:
    """Give the frozen objects back to the collector."""
    gc.unfreeze()

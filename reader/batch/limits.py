"""The limits every batch path applies: record size, time budget, number of worker processes."""

from __future__ import annotations

import os

MAX_RECORD_BYTES = 20_000_000
"""A JSONL line (or a file of a directory input) larger than this (20 MB) is not read: it yields
`{"id", "error"}` and the batch goes on. The line is skipped in chunks, never built whole."""

DEFAULT_TIME_BUDGET = 60.0
"""Seconds one record may take (cleaning and analysis) before its worker process is killed and
replaced; the record yields `{"id", "error"}`. `--time-budget SECONDS` changes it."""

STARTUP_BUDGET = 300.0
"""Seconds a worker process may take to start and load the model."""


def cores() -> int:
    """The cores this process may run on (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def cap_jobs(requested: int | None, records: int | None = None) -> int:
    """`--jobs N` capped at the cores and at the number of records (None: not known yet)."""
    jobs = cores() if requested is None else max(1, requested)
    jobs = min(jobs, cores())
    if records is not None:
        jobs = min(jobs, max(1, records))
    return jobs


def megabytes(count: int) -> str:
    """20_000_000 -> "20 MB" (decimal, as the limit is written)."""
    return f"{count / 1_000_000:g} MB"

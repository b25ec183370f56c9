"""Progress on stderr while a batch runs, only when stderr is a terminal (rich's progress bar)."""

from __future__ import annotations

import sys
import time
from typing import IO, Any


class NoProgress:
    """Silent: stderr is a file or a pipe."""

    def advance(self, records: int = 1, errors: int = 0) -> None:
        pass

    def close(self) -> None:
        pass


class TerminalProgress(NoProgress):
    """Records done of the total, records per second, errors and the time left."""

    def __init__(self, total: int | None, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.errors = 0
        self.done = 0
        self.began = time.monotonic()
        self.progress = Progress(
            TextColumn("batch"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} records/s"), TextColumn("{task.fields[errors]} errors"),
            TimeRemainingColumn(), console=Console(file=stream), transient=False,
        )
        self.task = self.progress.add_task("batch", total=total, rate="0.0", errors=0)
        self.progress.start()

    def advance(self, records: int = 1, errors: int = 0) -> None:
        self.done += records
        self.errors += errors
        rate = self.done / max(time.monotonic() - self.began, 1e-9)
        self.progress.update(self.task, advance=records, rate=f"{rate:.1f}", errors=self.errors)

    def close(self) -> None:
        self.progress.stop()


def make_progress(total: Any, stream: IO[str] | None = None) -> NoProgress:
    """A progress bar on `stream` (stderr) when it is a terminal, else nothing.

    `total` is an int, None (unknown) or a callable counting the records (called
    only when a bar is shown)."""
    stream = sys.stderr if stream is None else stream
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:
        return NoProgress()
    return TerminalProgress(total() if callable(total) else total, stream)

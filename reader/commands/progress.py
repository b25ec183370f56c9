"""Progress on stderr for long commands: a rich bar on a terminal, nothing otherwise."""

from __future__ import annotations

from contextlib import contextmanager
from typing import IO, Callable, Iterator


@contextmanager
def progress(err: IO[str], label: str, total: int | None = None) -> Iterator[Callable[..., None]]:
    """Yields `advance(error=False)`; shows done, errors, rate and ETA when `err` is a terminal."""
    if not err.isatty():
        yield lambda error=False: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    errors = 0
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]:.1f}/s · {task.fields[errors]} errors"), TimeRemainingColumn(),
                   console=Console(file=err), transient=True)
    with bar:
        task = bar.add_task(label, total=total, rate=0.0, errors=0)

        def advance(error: bool = False) -> None:
            nonlocal errors
            errors += int(error)
            bar.advance(task)
            speed = bar.tasks[0].speed or 0.0
            bar.update(task, rate=speed, errors=errors)

        yield advance

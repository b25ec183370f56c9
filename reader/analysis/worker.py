"""The analysis in its own process, for the app: the model never shares the UI's GIL.

    service = AnalysisService(budget=120.0)     # nothing starts yet
    for snapshot in service.analyse(document):  # blocking: run it in a thread
        ...                                     # growing `Analysis` values, the last complete
    service.analyse(document, index_dir=DIR, indexed=callback)   # then kept in the library index
    service.cancel()                            # at once, whatever the process is doing

`analyse` spawns (multiprocessing "spawn") the analysis process on first
use; it loads the spaCy model once and answers each job with snapshots
(picklable `Analysis` dataclasses over a Pipe), exactly what
`pipeline.iter_analysis` yields in-process. With two cores a second,
parsing process is spawned beside it (`reader.analysis.parallel`): a long
article's blocks are parsed by both. `cancel` kills both processes
(SIGKILL) and `analyse` stops; the next `analyse` starts fresh ones. The
time budget holds twice: the process stops parsing past it (its last
snapshot says so in `errors`), and should it not answer within
`GRACE_SECONDS` more, it is killed and the last snapshot gets that line.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Callable, Iterator

from reader.model import Analysis, Document

DEFAULT_BUDGET = 120.0
"""Seconds one article's analysis may take (a 100,000-word article needs about a fifth of it)."""

GRACE_SECONDS = 10.0
INDEX_SECONDS = 60.0
"""Seconds the process may take to write the finished analysis to the library index."""


class _HelperEnds:
    """What the analysis process holds of its parsing helper: the pipe and the shared claims."""

    def __init__(self, conn: Any, claims: Any) -> None:
        self.conn = conn
        self.claims = claims
        self.job = 0


def _serve(conn: Any, helper_conn: Any, claims: Any) -> None:  # pragma: no cover - runs in the child
    from reader.analysis.nlp import load_nlp
    from reader.analysis.pipeline import iter_analysis

    nlp = load_nlp()
    helper = _HelperEnds(helper_conn, claims) if helper_conn is not None else None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        job, document, budget, index_dir = message
        try:
            final = None
            for final in iter_analysis(document, nlp, budget=budget, helper=helper):
                conn.send(("snapshot", job, final))
            if index_dir is not None and final is not None:
                conn.send(("indexed", job, _index(index_dir, document, final)))
            conn.send(("done", job, None))
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # one line for the panes, never a traceback
            conn.send(("failed", job, f"the analysis failed: {type(exc).__name__}: {exc}"))


def _index(directory: str, document: Document, analysis: Analysis) -> str:  # pragma: no cover - in the child
    """Keep the finished analysis in the library index at `directory` (as `reader library add` does);
    "" when saved, else the error line."""
    from reader.errors import ReaderError
    from reader.index import index_document
    from reader.store import Store

    try:
        with Store.open(directory) as store:
            index_document(store, document, analysis)
    except ReaderError as exc:
        return str(exc)
    return ""


@contextmanager
def _spawnable_stderr() -> Iterator[None]:
    """A real file as `sys.stderr` while processes spawn.

    multiprocessing hands `sys.stderr.fileno()` to its resource tracker; a
    running Textual app captures stderr with an object whose `fileno()` is -1,
    and the spawn then fails with "bad value(s) in fds_to_keep". The tracker
    gets /dev/null instead (the terminal belongs to the app).
    """
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        yield
        return
    saved = sys.stderr
    with open(os.devnull, "w") as sink:
        sys.stderr = sink
        try:
            yield
        finally:
            sys.stderr = saved


class AnalysisService:
    """One analysis process (plus a parsing helper on two cores), started on first use."""

    def __init__(self, *, budget: float = DEFAULT_BUDGET, helper: bool | None = None) -> None:
        self.budget = budget
        self.use_helper = (os.cpu_count() or 1) >= 2 if helper is None else helper
        self._lock = threading.Lock()
        self._processes: list[Any] = []
        self._conn: Any = None
        self._job = 0
        self._cancelled = False
        self._claims: Any = None

    def start(self) -> None:
        """Spawn the processes now (they load the model while the caller does other things)."""
        with self._lock:
            if self._conn is not None:
                return
            with _spawnable_stderr():
                self._spawn()

    def _spawn(self) -> None:
        """The processes and their pipes (the caller holds the lock)."""
        from reader.analysis.parallel import _helper_main

        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        helper_ends: tuple[Any, Any] = (None, None)
        if self.use_helper:
            claims = ctx.Array("i", [-1, 0, 0])
            to_helper, helper_side = ctx.Pipe()
            helper = ctx.Process(target=_helper_main, args=(helper_side, claims), name="reader-parse", daemon=True)
            helper.start()
            helper_side.close()
            helper_ends = (to_helper, claims)
            self._claims = claims  # its semaphore must outlive the children's start
            self._processes.append(helper)
        worker = ctx.Process(target=_serve, args=(theirs, *helper_ends), name="reader-analysis", daemon=True)
        worker.start()
        theirs.close()
        if helper_ends[0] is not None:
            helper_ends[0].close()
        self._processes.append(worker)
        self._conn = ours
        self._cancelled = False

    def analyse(self, document: Document, *, index_dir: str | None = None,
                indexed: Callable[[str], None] | None = None) -> Iterator[Analysis]:
        """Snapshots of `document`'s analysis from the process; ends early when cancelled.

        With `index_dir`, the process then keeps the finished analysis in the library index there
        (its own work, not the caller's GIL) and `indexed` is called with "" or the error line."""
        self.start()
        with self._lock:
            self._job += 1
            job, conn = self._job, self._conn
        conn.send((job, document, self.budget, index_dir))
        deadline = time.monotonic() + self.budget + GRACE_SECONDS
        last: Analysis | None = None
        while not self._cancelled:
            try:
                ready = conn.poll(0.1)
                if not ready:
                    if time.monotonic() > deadline:
                        break
                    continue
                kind, got, payload = conn.recv()
            except (EOFError, OSError):
                if self._cancelled:
                    return
                yield _failed(last, document, "the analysis process ended unexpectedly")
                self.cancel()
                return
            if got != job:
                continue
            if kind == "snapshot":
                last = payload
                if payload.complete:  # only the index is left to write
                    deadline = time.monotonic() + INDEX_SECONDS
                yield payload
            elif kind == "indexed":
                if indexed is not None:
                    indexed(payload)
            elif kind == "failed":
                yield _failed(last, document, payload)
                return
            else:
                return
        if not self._cancelled and last is not None and last.complete:  # the index write hangs
            self.cancel()
            if indexed is not None:
                indexed(f"the library index did not answer within {INDEX_SECONDS:g} s")
            return
        if not self._cancelled:  # past the budget and the grace: the process does not answer
            self.cancel()
            from reader.analysis.pipeline import budget_error

            done = last.blocks_done if last is not None else 0
            yield _failed(last, document, budget_error(self.budget, done, len(document.blocks)))

    def cancel(self) -> None:
        """Kill the processes at once (SIGKILL); a running `analyse` returns."""
        with self._lock:
            self._cancelled = True
            processes, self._processes = self._processes, []
            conn, self._conn = self._conn, None
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join(1.0)
        if conn is not None:
            conn.close()

    close = cancel

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self._processes if p.pid is not None]


def _failed(last: Analysis | None, document: Document, line: str) -> Analysis:
    """The last snapshot (or an empty one) marked complete with one more line in `errors`."""
    total = len(document.blocks)
    base = last if last is not None else Analysis(blocks_total=total)
    return replace(base, errors=[*base.errors, line], blocks_done=total, blocks_total=total)

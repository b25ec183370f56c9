"""The local scheduler: records over up to N supervised worker processes, results in input order.

Worker processes start only when a record waits and every started one is
busy, so N is never more than the records (nor the cores: `cap_jobs`). At most
`WINDOW_PER_JOB * N` records are in flight, so memory stays bounded however
long the input is and however slow one record is.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from reader.batch.limits import DEFAULT_TIME_BUDGET, cap_jobs
from reader.batch.record import RecordOptions
from reader.batch.runner import Runner

WINDOW_PER_JOB = 4

_STOP = object()


class LocalPool:
    """`map(items)`: each `bytes` item (a JSONL line) becomes its result line; other items pass through."""

    def __init__(self, options: RecordOptions = RecordOptions(), jobs: int | None = None,
                 budget: float = DEFAULT_TIME_BUDGET) -> None:
        self.options = options
        self.jobs = cap_jobs(jobs)
        self.budget = budget
        self.runners: list[Runner] = []
        self._threads: list[threading.Thread] = []
        self._tasks: queue.Queue[Any] = queue.Queue()
        self._lock = threading.Lock()
        self._ready = threading.Condition(self._lock)
        self._results: dict[int, Any] = {}
        self._idle = 0
        self._failure: BaseException | None = None
        self._closed = False
        self._window = threading.Semaphore(0)

    @property
    def started(self) -> int:
        """How many worker processes were started (restarts after a timeout included)."""
        return sum(runner.starts for runner in self.runners)

    def peak_memory(self) -> list[int]:
        """Peak resident bytes of each worker process."""
        return [runner.peak_memory() for runner in self.runners]

    def _put(self, seq: int, value: Any) -> None:
        with self._ready:
            self._results[seq] = value
            self._ready.notify_all()

    def warm(self) -> None:
        """Start all `jobs` worker processes now (and wait until their models are loaded)."""
        while len(self._threads) < self.jobs:
            self._grow()
        for runner in self.runners:
            while runner.loaded == 0 and self._failure is None:
                threading.Event().wait(0.05)

    def _grow(self) -> None:
        runner = Runner(self.options, self.budget)
        thread = threading.Thread(target=self._work, args=(runner,), daemon=True)
        self.runners.append(runner)
        self._threads.append(thread)
        thread.start()

    def _work(self, runner: Runner) -> None:
        try:
            runner.start()
            while True:
                with self._lock:
                    self._idle += 1
                task = self._tasks.get()
                with self._lock:
                    self._idle -= 1
                if task is _STOP:
                    return
                seq, line = task
                self._put(seq, runner.run(line))
        except BaseException as exc:  # a worker that cannot start ends the batch with its message
            with self._ready:
                self._failure = exc
                self._ready.notify_all()
        finally:
            runner.close()

    def _submit(self, seq: int, line: bytes) -> None:
        with self._lock:
            grow = self._idle <= self._tasks.qsize() and len(self._threads) < self.jobs
        if grow:
            self._grow()
        self._tasks.put((seq, line))

    def _feed(self, items: Iterable[Any], window: threading.Semaphore, total: list[int]) -> None:
        seq = 0
        try:
            for item in items:
                window.acquire()
                if self._closed:
                    return
                if isinstance(item, bytes):
                    self._submit(seq, item)
                else:
                    self._put(seq, item)
                seq += 1
        except BaseException as exc:
            with self._ready:
                self._failure = exc
        finally:
            with self._ready:
                total.append(seq)
                self._ready.notify_all()

    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        """Results in input order."""
        window = self._window = threading.Semaphore(WINDOW_PER_JOB * self.jobs)
        total: list[int] = []
        feeder = threading.Thread(target=self._feed, args=(items, window, total), daemon=True)
        feeder.start()
        seq = 0
        try:
            while True:
                with self._ready:
                    while seq not in self._results and self._failure is None and not (total and seq >= total[0]):
                        self._ready.wait()
                    if self._failure is not None:
                        raise self._failure
                    if seq not in self._results:
                        return
                    value = self._results.pop(seq)
                window.release()
                yield value
                seq += 1
        finally:
            self.close()

    def close(self) -> None:
        """Stop every worker process (at once when the batch was interrupted)."""
        self._closed = True
        self._window.release()
        for _ in self._threads:
            self._tasks.put(_STOP)
        for thread, runner in zip(self._threads, self.runners):
            thread.join(timeout=0.5)
            if thread.is_alive():
                runner.peak_memory()
                runner.kill()
                thread.join(timeout=5)
        self._threads.clear()

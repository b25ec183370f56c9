"""One supervised worker process: a record goes in, its result line comes out within the time budget.

Past the budget the process is killed and the record yields `{"id", "error"}`; the
next record starts a fresh process (the model loads again). The local pool runs
several of these; on a Dask cluster each worker thread owns one.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

import reader
from reader.batch.limits import DEFAULT_TIME_BUDGET, STARTUP_BUDGET
from reader.batch.lines import id_from_head
from reader.batch.record import RecordOptions, error_result, result_line
from reader.errors import ReaderError

_SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(reader.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(_SINGLE_THREAD)
    return env


def _record_id(line: bytes) -> object:
    import json

    try:
        record = json.loads(line)
        return record.get("id") if isinstance(record, dict) else None
    except (ValueError, RecursionError):
        return id_from_head(line[:4096])


def _peak_rss(pid: int) -> int:
    """The process's peak resident memory in bytes (0 where /proc has no answer)."""
    try:
        for row in Path(f"/proc/{pid}/status").read_text().splitlines():
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class Runner:
    """A worker process that runs `process_line` on one record at a time."""

    def __init__(self, options: RecordOptions = RecordOptions(), budget: float = DEFAULT_TIME_BUDGET) -> None:
        self.options = options
        self.budget = budget
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.loaded = 0
        self.peak = 0

    def start(self) -> None:
        """Start the process and wait until its model is loaded."""
        if self.proc is not None and self.proc.poll() is None:
            return
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "reader.batch.child", *self.options.to_args()],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_child_env(),
        )
        self.starts += 1
        if self._read_line(STARTUP_BUDGET) != b"ready\n":
            self._stop()
            raise ReaderError("a worker process could not start (is reader installed where it runs?)")
        self.loaded += 1

    def _read_line(self, timeout: float) -> bytes | None:
        """The next line from the process; None past `timeout`, b"" when it died."""
        assert self.proc is not None and self.proc.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.proc.stdout, selectors.EVENT_READ)
            if not selector.select(timeout if timeout > 0 else None):
                return None
        return self.proc.stdout.readline()

    def run(self, line: bytes) -> str:
        """The result line (no newline) for one JSONL line."""
        self.start()
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(line + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):  # it died while idle: once more with a fresh one
            self._stop()
            self.start()
            self.proc.stdin.write(line + b"\n")
            self.proc.stdin.flush()
        began = time.monotonic()
        answer = self._read_line(self.budget)
        if answer:
            return answer.rstrip(b"\n").decode("utf-8", errors="replace")
        self._stop()
        if answer is None:
            message = (f"the record took longer than the time budget of {self.budget:g} s "
                       f"(stopped after {time.monotonic() - began:.1f} s)")
        else:
            message = "the worker process died while reading this record (out of memory?)"
        return result_line(error_result(_record_id(line), message))

    def _stop(self) -> None:
        if self.proc is None:
            return
        self.peak = max(self.peak, _peak_rss(self.proc.pid))
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close() if stream else None
            except OSError:
                pass
        self.proc = None

    def kill(self) -> None:
        """Stop the process now, whatever it is doing (its record yields an error)."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            proc.kill()

    def peak_memory(self) -> int:
        """Peak resident bytes of this runner's processes so far."""
        if self.proc is not None:
            self.peak = max(self.peak, _peak_rss(self.proc.pid))
        return self.peak

    def close(self) -> None:
        """End the process (it exits when its input closes; killed if it does not within 5 s)."""
        if self.proc is None:
            return
        self.peak_memory()
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self._stop()

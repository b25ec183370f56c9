"""A child process in a pseudo-terminal, its output rendered by the `pyte` terminal emulator.

Used by bench_app.py to time what a user would see: `PtyApp` starts a
command in a pty of a given size, reads its output with select() and feeds
it to a pyte screen, and reports which screen rows changed and when the
bytes that changed them arrived (pyte's own parsing time is not counted).
Needs `pyte` (the `bench` extra: `pip install -e ".[bench]"`).
"""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import pyte

Row = tuple[object, ...]  # one screen row: pyte Chars (text and style), column by column


@dataclass(frozen=True, slots=True)
class Change:
    """A screen row that changed (text or style), and when the bytes that changed it were read."""

    stamp: float  # time.perf_counter() at the read
    row: int
    old: str
    new: str


class ScreenTimeout(Exception):
    """What we waited for never showed on the emulated screen."""

    def __init__(self, what: str, screen: str) -> None:
        super().__init__(f"{what}\n--- last screen ---\n{screen}\n--- end of screen ---")
        self.screen = screen


class PtyApp:
    """One command running in a pty of `cols` x `rows`; always `close()` it (or use `with`)."""

    def __init__(self, argv: Sequence[str], *, cols: int = 160, rows: int = 50,
                 env: dict[str, str] | None = None, cwd: str | None = None) -> None:
        self.argv = list(argv)
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.snapshot: list[Row] = [self._row(y) for y in range(rows)]
        self.eof = False
        self.exit_status: int | None = None
        full_env = dict(os.environ if env is None else env)
        full_env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(cols), LINES=str(rows))
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child: a new session with the pty as controlling terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(self.argv[0], self.argv, full_env)
            except BaseException as exc:  # noqa: BLE001 - report and leave, never return into the parent's code
                os.write(2, f"cannot start {self.argv[0]}: {exc}\r\n".encode())
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # Answer the queries pyte knows (cursor position, device attributes) like a real terminal.
        self.screen.write_process_input = lambda data: self._write(data.encode())  # type: ignore[method-assign]

    def __enter__(self) -> "PtyApp":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- output ------------------------------------------------------------
    def _row(self, y: int) -> Row:
        line = self.screen.buffer[y]
        return tuple(line[x] for x in range(self.cols))

    def _read_chunks(self, timeout: float) -> list[tuple[float, bytes]]:
        """Wait up to `timeout` for output, then take all that is already there, stamping each read."""
        chunks: list[tuple[float, bytes]] = []
        wait = timeout
        while not self.eof:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, wait))
            if not ready:
                break
            try:
                data = os.read(self.fd, 65536)
            except OSError as exc:  # EIO: the child closed the terminal
                if exc.errno not in (errno.EIO, errno.EBADF):
                    raise
                data = b""
            if not data:
                self.eof = True
                break
            chunks.append((time.perf_counter(), data))
            wait = 0.0
        return chunks

    def pump(self, timeout: float) -> list[Change]:
        """Read what arrives within `timeout` (then drain), feed pyte, return the rows that changed."""
        changes: list[Change] = []
        for stamp, data in self._read_chunks(timeout):
            self.stream.feed(data)
            for y in sorted(self.screen.dirty):
                if y >= self.rows:
                    continue
                row = self._row(y)
                if row != self.snapshot[y]:
                    old = "".join(ch.data for ch in self.snapshot[y])  # type: ignore[attr-defined]
                    self.snapshot[y] = row
                    changes.append(Change(stamp, y, old, "".join(ch.data for ch in row)))  # type: ignore[attr-defined]
            self.screen.dirty.clear()
        return changes

    def lines(self) -> list[str]:
        """The emulated screen, one string per row."""
        return ["".join(ch.data for ch in row) for row in self.snapshot]  # type: ignore[attr-defined]

    def text(self) -> str:
        """The emulated screen as text, trailing blanks and blank bottom rows dropped."""
        return "\n".join(line.rstrip() for line in self.lines()).rstrip("\n")

    def wait_for(self, found: Callable[[str], bool], timeout: float, what: str) -> float:
        """Pump until some screen row satisfies `found`; return when the bytes that showed it arrived.

        Raises ScreenTimeout (with the last screen) after `timeout` seconds or if the child exits first.
        """
        if any(found(line) for line in self.lines()):
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while (left := deadline - time.perf_counter()) > 0 and not self.eof:
            for change in self.pump(min(left, 0.05)):
                if found(change.new):
                    return change.stamp
        why = "the program exited" if self.eof else f"not seen after {timeout:.0f} s"
        raise ScreenTimeout(f"{what}: {why} ({' '.join(self.argv)})", self.text())

    def settle(self, quiet: float, limit: float, ignore: Callable[[Change], bool] | None = None) -> bool:
        """Pump until no row has changed for `quiet` seconds, at most `limit` seconds; True if it got quiet.

        Changes for which `ignore(change)` is true do not count.
        """
        deadline = time.perf_counter() + limit
        last = time.perf_counter()
        while (now := time.perf_counter()) - last < quiet:
            if now >= deadline or self.eof:
                return self.eof
            changes = self.pump(min(quiet - (now - last), deadline - now))
            if any(ignore is None or not ignore(change) for change in changes):
                last = time.perf_counter()
        return True

    # -- input and shutdown --------------------------------------------------
    def _write(self, data: bytes) -> None:
        try:
            os.write(self.fd, data)
        except OSError:
            pass

    def send(self, data: bytes) -> float:
        """Write keys to the terminal; return the time of the write."""
        stamp = time.perf_counter()
        self._write(data)
        return stamp

    def _reap(self, block: bool) -> bool:
        if self.exit_status is not None:
            return True
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.exit_status = -1
            return True
        if pid == 0:
            return False
        self.exit_status = os.waitstatus_to_exitcode(status)
        return True

    def close(self, quit_keys: bytes = b"q", timeout: float = 5.0) -> bool:
        """Send `quit_keys` and wait for a clean exit; else SIGTERM, then SIGKILL. True if it quit by itself."""
        if self.exit_status is None and quit_keys:
            self.send(quit_keys)
        clean = self._wait(timeout)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if clean or self._reap(False):
                break
            try:
                os.killpg(self.pid, sig)  # the child leads its own session (pty.fork)
            except ProcessLookupError:
                pass
            self._wait(2.0)
        self._reap(True)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return clean

    def _wait(self, timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._reap(False):
                return True
            self.pump(0.05)  # keep reading, so the child never blocks on a full terminal
        return self._reap(False)

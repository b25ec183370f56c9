"""The notes database's connection: opening, pragmas, migrations and transactions (stdlib `sqlite3`).

`Database` is what `reader.store.Store` is built on: one connection, one
lock (its methods are thread-safe), WAL journal, `synchronous=FULL`, the
schema brought up to date (`reader.store_schema.migrate`), every change in
its own `BEGIN IMMEDIATE ... COMMIT` taken up front (two processes never
deadlock on a lock upgrade) and a busy timeout so a second process waits
instead of failing. SQLite errors reach the caller as one-line
`ReaderError`s in plain words (`plain_error`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Self

from reader.errors import ReaderError
from reader.store_schema import migrate

BUSY_TIMEOUT = 30.0
"""Seconds a write waits for another process's transaction before giving up."""


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


_PLAIN = (
    ("disk is full", "the disk is full"),
    ("not a database", "the file is damaged (it is not a notes database); move it away to start afresh"),
    ("malformed", "the file is damaged; move it away to start afresh"),
    ("readonly", "the file is read-only"),
    ("unable to open", "the file cannot be opened"),
)


def plain_error(exc: BaseException) -> str:
    """An SQLite error in plain words ("the disk is full"), else its own message."""
    text = str(exc)
    for needle, words in _PLAIN:
        if needle in text.lower():
            return words
    return text


class Database:
    """One connection to the notes database, with its lock and its write transactions."""

    def __init__(
        self, path: str | os.PathLike[str], *, timeout: float = BUSY_TIMEOUT, clock: Callable[[], str] = utc_now
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._timeout = timeout
        self._lock = threading.RLock()
        is_new = not self.path.exists()
        try:
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        except sqlite3.Error as exc:
            raise ReaderError(f"cannot open the notes database {self.path}: {plain_error(exc)}") from None
        try:
            if is_new:
                try:
                    os.chmod(self.path, 0o600)
                except OSError:
                    pass
            self._retry_while_locked(self._setup, timeout)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise ReaderError(f"cannot use the notes database {self.path}: {plain_error(exc)}") from None
        except BaseException:
            self._conn.close()
            raise

    def _setup(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA foreign_keys = ON")
        # The journal mode is stored in the file: switch only once. SQLite does not wait on
        # the busy handler for the switch, hence `_retry_while_locked`.
        if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn)

    @staticmethod
    def _retry_while_locked(step: Callable[[], object], timeout: float) -> None:
        """Run `step`, retrying with back-off while another process holds a lock it cannot wait on."""
        deadline = time.monotonic() + timeout
        delay = 0.01
        while True:
            try:
                step()
                return
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if ("locked" not in message and "busy" not in message) or time.monotonic() + delay > deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, **kwargs: Any) -> Self:
        """The store in the data directory (`reader.paths.data_dir`)."""
        from reader.paths import database_path

        return cls(database_path(data_dir), **kwargs)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding the write lock from its start; committed on exit."""
        with self._lock:
            try:
                self._retry_while_locked(lambda: self._conn.execute("BEGIN IMMEDIATE"), self._timeout)
            except sqlite3.OperationalError as exc:
                raise ReaderError(f"the notes database is busy or unwritable: {plain_error(exc)}") from None
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                try:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error):
                    raise ReaderError(f"could not save to the notes database: {plain_error(exc)}") from None
                raise

    def transaction(self) -> Any:
        """A write transaction for modules that keep their own tables (`reader.index`, `reader.feeds`)."""
        return self._write()

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (parameterised)."""
        return self._read(sql, params)

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise ReaderError(f"could not read the notes database: {exc}") from None

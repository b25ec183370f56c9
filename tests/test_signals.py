"""SIGTERM and SIGHUP with the note editor open: the typed note is saved and the terminal restored.

The real app runs in a pseudo-terminal (its analysis in its own process, as
a user runs it); the test types a note, sends the signal, and reads the
notes database and the bytes the app wrote last.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "sample_articles" / "harbour-council-ferry-vote.html"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")


def _read(fd: int, out: bytearray, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            out.extend(chunk)


def _wait_for(fd: int, out: bytearray, needle: bytes, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    start = len(out)
    while needle not in out[start:] and time.monotonic() < deadline:
        _read(fd, out, 0.1)
    assert needle in out[start:], f"never saw {needle!r}"


def start_app(data_dir: Path) -> tuple[subprocess.Popen, int]:
    """The real app on ARTICLE in a pseudo-terminal (its own session): the process and the master fd."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READER_DATA_DIR": str(data_dir), "TERM": "xterm-256color",
           "COLUMNS": "120", "LINES": "40"}
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "reader", "open", str(ARTICLE)], stdin=slave, stdout=slave,
                               stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    return process, master


def type_a_note(master: int, out: bytearray, text: bytes) -> None:
    """Once the app is up: `a` on the first sentence, then `text` typed into the note editor."""
    _wait_for(master, out, b"\x1b[?1049h", 60)  # the alternate screen: the app is up
    _read(master, out, 4.0)  # the notes session opens just after the first paint
    os.write(master, b"a")
    _read(master, out, 2.0)
    os.write(master, text)


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
@pytest.mark.timeout(120)
def test_a_signal_saves_the_open_note_and_restores_the_terminal(tmp_path, signame):
    from reader.store import Store

    process, master = start_app(tmp_path)
    out = bytearray()
    try:
        type_a_note(master, out, b"typed before the signal")
        _read(master, out, 1.5)
        process.send_signal(getattr(signal, signame))
        deadline = time.monotonic() + 20
        while process.poll() is None and time.monotonic() < deadline:
            _read(master, out, 0.2)
        _read(master, out, 0.5)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        os.close(master)
    assert b"\x1b[?1049l" in out  # out of the alternate screen
    assert b"\x1b[?1000l" in out  # mouse reporting off
    with Store.open(tmp_path) as store:
        notes = [n for article in store.articles() for n in store.notes(article.id)]
    assert any(n.note == "typed before the signal" for n in notes)

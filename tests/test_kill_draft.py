"""SIGKILL with the note editor open: the draft written while typing is in the database for the next run.

The real app in a pseudo-terminal (as `test_signals.py` runs it); nothing
can run on SIGKILL, so what survives is what was written while typing.
"""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys

import pytest

from tests.test_signals import ARTICLE, ROOT, _read, _wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")


@pytest.mark.timeout(120)
def test_sigkill_while_typing_leaves_the_draft(tmp_path):
    from reader.drafts import Drafts
    from reader.store import Store

    env = {**os.environ, "PYTHONPATH": str(ROOT), "READER_DATA_DIR": str(tmp_path), "TERM": "xterm-256color",
           "COLUMNS": "120", "LINES": "40"}
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "reader", "open", str(ARTICLE)], stdin=slave, stdout=slave,
                               stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    out = bytearray()
    try:
        _wait_for(master, out, b"\x1b[?1049h", 60)
        _read(master, out, 4.0)  # the notes session opens just after the first paint
        os.write(master, b"a")
        _read(master, out, 2.0)
        os.write(master, b"typed before the kill")
        _read(master, out, 2.5)  # a pause: the draft is written DRAFT_DELAY after the last key
        os.killpg(process.pid, signal.SIGKILL)  # the app and its analysis process, with no chance to save
        process.wait(10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
        os.close(master)
    with Store.open(tmp_path) as store:
        articles = store.articles()
        notes = [n for article in articles for n in store.notes(article.id)]
        drafts = [d for article in articles for d in Drafts(store).for_article(article.id)]
    assert [n.note for n in notes] == [""]  # the note was never saved...
    assert [d.text for d in drafts] == ["typed before the kill"]  # ...but its draft was

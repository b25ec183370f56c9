"""SIGKILL with the note editor open: the draft written while typing is in the database for the next run.

The real app in a pseudo-terminal (as `test_signals.py` runs it); nothing
can run on SIGKILL, so what survives is what was written while typing.
"""

from __future__ import annotations

import os
import signal
import sys

import pytest

from tests.test_signals import _read, start_app, type_a_note

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")


@pytest.mark.timeout(120)
def test_sigkill_while_typing_leaves_the_draft(tmp_path):
    from reader.drafts import Drafts
    from reader.store import Store

    process, master = start_app(tmp_path)
    out = bytearray()
    try:
        type_a_note(master, out, b"typed before the kill")
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

"""The drafts table and the DraftSaver's debounce and ordering, without an app (a fake host, fake timers)."""

from __future__ import annotations

import pytest

from reader.drafts import Drafts, restore_orphans
from reader.session import ArticleSession
from reader.store import Store
from reader.ui.draft_saver import DRAFT_DELAY, DraftSaver


class Timer:
    def __init__(self, delay, callback):
        self.delay, self.callback, self.stopped = delay, callback, False

    def stop(self):
        self.stopped = True


class Host:
    """Timers fire only when the test says; workers run when the test says (as threads would, later)."""

    def __init__(self):
        self.timers: list[Timer] = []
        self.workers: list = []
        self.notes: list[str] = []
        self.app = self

    def set_timer(self, delay, callback):
        self.timers.append(Timer(delay, callback))
        return self.timers[-1]

    def run_worker(self, work, **kwargs):
        assert kwargs["thread"] is True  # never on the UI thread
        self.workers.append(work)

    def call_from_thread(self, callback, *args):
        callback(*args)

    def notify(self, message, **kwargs):
        self.notes.append(message)

    def fire(self):
        for timer in [t for t in self.timers if not t.stopped]:
            timer.stopped = True
            timer.callback()

    def run_workers(self):
        work, self.workers = self.workers, []
        for job in work:
            job()


@pytest.fixture
def opened(reference_document, tmp_path):
    """(store, session, a highlight of the first 20 characters, the drafts), the store closed after."""
    store = Store.open(tmp_path)
    session = ArticleSession.open(reference_document, store)
    yield store, session, session.highlight(0, 20), Drafts(store)
    store.close()


def test_typing_writes_one_draft_after_the_pause(opened):
    store, session, note, drafts = opened
    host = Host()
    saver = DraftSaver(host, drafts, note, "")
    for text in ("h", "he", "hel", "hell", "hello"):
        saver.changed(text)
    assert [t.delay for t in host.timers] == [DRAFT_DELAY] * 5
    assert sum(not t.stopped for t in host.timers) == 1  # each key restarts the one timer
    assert drafts.get(note.id) is None
    host.fire()
    host.run_workers()
    assert drafts.get(note.id).text == "hello"


def test_a_late_worker_never_brings_back_a_cleared_draft(opened):
    store, session, note, drafts = opened
    host = Host()
    saver = DraftSaver(host, drafts, note, "")
    saver.changed("typed")
    host.fire()  # the worker is started but has not run yet
    assert saver.note_saved("typed")
    host.run_workers()
    assert drafts.get(note.id) is None


def test_closing_keeps_the_draft_and_the_saved_text_is_no_draft(opened):
    store, session, note, drafts = opened
    saver = DraftSaver(Host(), drafts, note, "")
    assert saver.finish("kept for later  ")
    assert drafts.get(note.id).text == "kept for later"
    assert saver.finish(None)
    assert drafts.get(note.id) is None


def test_drafts_survive_their_highlight_being_deleted_elsewhere(opened):
    store, session, note, drafts = opened
    drafts.save(note, "still mine")
    store.delete_note(note.id)  # another window deleted the highlight
    session.reload()
    restored = restore_orphans(session, drafts)
    assert [d.text for d in restored] == ["still mine"]
    assert [(n.start, n.end) for n in session.notes] == [(0, 20)]
    assert drafts.get(session.notes[0].id).text == "still mine"


def test_drafts_go_with_their_article(opened):
    store, session, note, drafts = opened
    drafts.save(note, "x")
    store.delete_article(session.article_id)
    assert drafts.for_article(session.article_id) == []


def test_a_reused_note_id_does_not_inherit_an_old_draft(opened):
    store, session, note, drafts = opened
    drafts.save(note, "about the first passage")
    store.delete_note(note.id)
    session.reload()
    other = session.highlight(40, 60)  # SQLite may hand out the same id again
    restored = restore_orphans(session, drafts)
    assert [d.text for d in restored] == ["about the first passage"]
    (draft,) = restored
    assert (draft.start, draft.end) == (0, 20) and draft.note_id != other.id
    assert drafts.get(draft.note_id).fits(next(n for n in session.notes if n.id == draft.note_id))


def test_the_recovery_file_falls_back_and_never_follows_a_link(reference_document, tmp_path, monkeypatch):
    import os

    import platformdirs

    from reader import recovery

    full = tmp_path / "data"
    full.mkdir()
    (full / recovery.FILE_NAME).symlink_to(tmp_path / "elsewhere.txt")  # e.g. planted by someone else
    monkeypatch.setenv("READER_DATA_DIR", str(full))
    monkeypatch.setattr(platformdirs, "user_state_dir", lambda *a, **k: str(tmp_path / "state"))
    path = recovery.keep_draft(reference_document, "the passage", "my words", "the disk is full")
    assert path == tmp_path / "state" / recovery.FILE_NAME
    assert "my words" in path.read_text(encoding="utf-8") and not (tmp_path / "elsewhere.txt").exists()
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"

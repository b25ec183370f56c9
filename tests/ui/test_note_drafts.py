"""Never lose a note: drafts written while typing and restored, refused notes in the recovery file, q asks.

A "kill" here is an app whose pilot ends without quitting: nothing is saved
on the way out, so what the next app finds is what was written while typing.
"""

from __future__ import annotations

import sqlite3

import pytest

from textual.widgets import TextArea

from reader.drafts import Drafts
from reader.recovery import FILE_NAME
from reader.store import Store
from reader.ui import draft_saver
from reader.ui.app import ReaderApp
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.note_editor import DRAFT_HINT, KEEP_DRAFT_QUESTION, NoteEditor

from tests.ui.conftest import wait_notes


async def wait_until(pilot, condition, limit: float = 20.0) -> None:
    """Pause until `condition()` holds: the draft is written after a debounce timer, not by a worker one waits for."""
    waited = 0.0
    while not condition():
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < limit, "timed out"


def _stored(document):
    """(notes, drafts) of the article in the database, as another process would read them."""
    with Store.open() as store:
        article = store.find_article(document)
        if article is None:
            return [], []
        return store.notes(article.id), Drafts(store).for_article(article.id)


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def _editor_text(app) -> str:
    return app.screen.query_one("#note", TextArea).text


async def _type_a_note(app, pilot, words: str) -> None:
    await wait_notes(app, pilot)
    for _ in range(6):
        await pilot.press("j")
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, NoteEditor)
    await pilot.press(*words)


async def test_the_draft_is_written_while_typing_and_offered_to_the_next_app(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await _type_a_note(app, pilot, "half a thought")
        await wait_until(pilot, lambda: [d.text for d in _stored(reference_document)[1]] == ["half a thought"])
        await app.workers.wait_for_complete()
        notes, _ = _stored(reference_document)
        assert [n.note for n in notes] == [""]  # the note itself is not saved: only its draft
        # the pilot ends here without quitting, as a killed app would
    again = ReaderApp(reference_document)
    async with again.run_test(size=(160, 50)) as pilot:
        await wait_notes(again, pilot)
        await pilot.pause()
        assert any("Unsaved note draft" in m for m in _messages(again))
        assert "(unsaved draft: a)" in again.reading.notes_pane.items[0].prompt.plain
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(again.screen, NoteEditor)
        assert _editor_text(again) == "half a thought"
        assert DRAFT_HINT in str(again.screen.query_one("#draft-hint").render())
        await pilot.press(*" and the rest", "ctrl+s")
        await pilot.pause()
        await again.workers.wait_for_complete()
        notes, drafts = _stored(reference_document)
        assert [n.note for n in notes] == ["half a thought and the rest"]
        assert drafts == []  # a saved note clears its draft
        assert "(unsaved draft" not in again.reading.notes_pane.items[0].prompt.plain


async def test_escape_keeps_the_draft_and_reverting_then_closing_drops_it(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await _type_a_note(app, pilot, "not sure yet")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert KEEP_DRAFT_QUESTION.split(":")[0] in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await pilot.pause()
        notes, drafts = _stored(reference_document)
        assert [n.note for n in notes] == [""] and [d.text for d in drafts] == ["not sure yet"]
        await pilot.press("a")  # the same highlight: the draft is back
        await pilot.pause()
        assert _editor_text(app) == "not sure yet"
        await pilot.press("ctrl+r")  # back to the saved (empty) note
        await pilot.pause()
        assert _editor_text(app) == ""
        await pilot.press("escape")  # nothing unsaved now: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))
        assert _stored(reference_document)[1] == []


async def test_the_editor_writes_one_draft_per_pause_not_per_key(reference_document, monkeypatch):
    writes: list[str] = []
    real = Drafts.save
    monkeypatch.setattr(Drafts, "save", lambda self, note, text: (writes.append(text), real(self, note, text)))
    monkeypatch.setattr(draft_saver, "DRAFT_DELAY", 0.3)
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await _type_a_note(app, pilot, "quick")
        # a loaded machine may pause mid-word (a "quic" draft): wait for the whole word's draft
        await wait_until(pilot, lambda: bool(writes) and writes[-1] == "quick")
        await app.workers.wait_for_complete()
        assert writes[-1] == "quick" and len(writes) < len("quick")


class FullDisk:
    """The store's connection on a full disk: reads work, every write is refused as SQLite refuses it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args):
        if sql.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}:
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """The data directory, where the recovery file goes too (the disk is full only for the database)."""
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    return tmp_path


async def _editing_on_a_full_disk(app, pilot, monkeypatch, words: str):
    """A highlight saved while the disk has room, then the disk full, the editor open on it, `words` typed."""
    await wait_notes(app, pilot)
    await pilot.press("h")
    store = app.reading.notes.session.store
    real = store._conn
    monkeypatch.setattr(store, "_conn", FullDisk(real))
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*words)
    return store, real


async def test_a_refused_note_goes_to_the_recovery_file_and_q_asks_first(reference_document, data_dir, monkeypatch):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await _editing_on_a_full_disk(app, pilot, monkeypatch, "words the disk refused")
        await pilot.press("ctrl+s")
        await pilot.pause()
        recovery = data_dir / FILE_NAME
        assert "words the disk refused" in recovery.read_text(encoding="utf-8")
        refused = [m for m in _messages(app) if "NOT saved" in m]
        assert refused and "the disk is full" in refused[-1] and str(recovery) in refused[-1]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        question = str(app.screen.query_one("#question").render())
        assert "NOT saved" in question and str(recovery) in question.replace("\n", "")
        await pilot.press("q")  # a second q is not a yes
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("a")  # the text is offered again
        await pilot.pause()
        assert _editor_text(app) == "words the disk refused"
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert not app.is_running
    assert app.unsaved.paths() == [str(recovery)]  # printed on exit (run_app), exit status 1


async def test_a_retry_that_succeeds_lets_q_quit_at_once(reference_document, data_dir, monkeypatch):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        store, real = await _editing_on_a_full_disk(app, pilot, monkeypatch, "second try")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.unsaved) == 1
        monkeypatch.setattr(store, "_conn", real)  # room again
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(app.unsaved) == 0
        assert [n.note for n in _stored(reference_document)[0]] == ["second try"]
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


def test_the_help_explains_drafts_and_the_recovery_file():
    from reader.ui.keys import help_sections

    rows = dict(help_sections())["In the note editor"]
    keys = [key for key, _ in rows]
    assert keys[:3] == ["ctrl+s", "esc", "ctrl+r"]  # from the editor's own bindings
    text = " ".join(description for _, description in rows)
    assert "draft" in text and "recovered-notes.txt" in text and "q asks" in text


async def test_ctrl_q_in_the_editor_on_a_full_disk_asks_and_a_signal_never_does(reference_document, data_dir,
                                                                               monkeypatch):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await _editing_on_a_full_disk(app, pilot, monkeypatch, "typed, then ctrl+q")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        assert "typed, then ctrl+q" in (data_dir / FILE_NAME).read_text(encoding="utf-8")
        await pilot.press("n")  # stay: back in the editor, the words still there
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and _editor_text(app) == "typed, then ctrl+q"
        app.quit_now()  # what SIGTERM / SIGHUP / SIGINT call: no question, the terminal may be gone
        await pilot.pause()
    assert not app.is_running
    assert app.unsaved.paths() == [str(data_dir / FILE_NAME)]

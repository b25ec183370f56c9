"""Notes in the app: h, a, delete, the Notes pane, persistence across runs, export (e) and the library (L)."""

from __future__ import annotations

import os

from reader.notes import sentence_span
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.note_editor import NoteEditor

from tests.ui.conftest import on_cursor_line, wait_analysis, wait_notes


def _stored_notes(document):
    with Store.open() as store:
        article = store.find_article(document)
        return store.notes(article.id) if article else []


async def test_h_highlights_the_sentence_and_a_adds_a_note(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_notes(app, pilot)
        screen = app.reading
        for _ in range(8):
            await pilot.press("j")
        offset = screen.article.cursor_offset
        await pilot.press("h")
        await pilot.pause()
        span = sentence_span(reference_document, offset)
        assert [(n.start, n.end) for n in screen.notes.session.notes] == [span]
        assert screen.article.layer_spans("note") == [span]
        await pilot.press("h")  # idempotent
        assert len(screen.notes.session.notes) == 1
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"my [bold]note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert screen.notes.session.notes[0].note == "my [bold]note"
        stored = _stored_notes(reference_document)
        assert [n.note for n in stored] == ["my [bold]note"]
        pane = screen.pane("notes")
        assert "my [bold]note" in pane.items[0].prompt.plain


async def test_h_on_the_selected_quote_highlights_the_quote(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        await wait_notes(app, pilot)
        screen = app.reading
        await pilot.press("]")
        quote = screen.selected_quote()
        await pilot.press("h")
        assert [(n.start, n.end) for n in screen.notes.session.notes] == [(quote.start, quote.end)]


async def test_notes_and_position_survive_a_restart(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_notes(app, pilot)
        for _ in range(20):
            await pilot.press("j")
        await pilot.press("h")
        position = app.reading.article.cursor_offset
    again = ReaderApp(reference_document)
    async with again.run_test(size=(160, 50)) as pilot:
        await wait_notes(again, pilot)
        screen = again.reading
        assert len(screen.notes.session.notes) == 1
        assert screen.article.layer_spans("note") == [(screen.notes.session.notes[0].start, screen.notes.session.notes[0].end)]
        assert on_cursor_line(again, position)


async def test_notes_pane_enter_jumps_and_delete_asks_first(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_notes(app, pilot)
        screen = app.reading
        for _ in range(12):
            await pilot.press("j")
        await pilot.press("h")
        note = screen.notes.session.notes[0]
        await pilot.press("g", "5")
        await pilot.pause()
        assert screen.focused.id == "notes"
        await pilot.press("enter")
        assert on_cursor_line(app, note.start)
        await pilot.press("5", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(screen.notes.session.notes) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.notes.session.notes == [] and _stored_notes(reference_document) == []
        assert "No notes yet" in str(screen.pane("notes").get_option_at_index(0).prompt)


def _documents(monkeypatch, tmp_path):
    """No --export-dir: the app proposes the documents folder (here a temporary one)."""
    import platformdirs

    monkeypatch.delenv("READER_EXPORT_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return tmp_path / "Documents" / "reader", cwd


async def test_e_asks_where_and_offers_overwrite_keep_both_or_cancel(reference_document, tmp_path, monkeypatch):
    from textual.widgets import Input

    from reader.ui.screens.export_prompt import ExportExistsScreen, ExportPrompt

    folder, cwd = _documents(monkeypatch, tmp_path)
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        await wait_notes(app, pilot)
        await pilot.press("h", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportPrompt)
        proposed = app.screen.query_one(Input).value
        assert proposed.startswith(str(folder) + "/") and proposed.endswith(".md")
        await pilot.press("enter")
        await pilot.pause()
        files = list(folder.glob("*.md"))
        assert [f.name for f in files] == [proposed.rsplit("/", 1)[1]]
        assert list(cwd.iterdir()) == []  # never the current directory
        text = files[0].read_text()
        assert text.startswith("---\ntitle:") and "## Quotes" in text
        files[0].write_text("old")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportExistsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert files[0].read_text() == "old"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("k")  # keep both: a new name
        await pilot.pause()
        second = files[0].with_name(files[0].stem + "-2.md")
        assert files[0].read_text() == "old" and second.read_text().startswith("---")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert files[0].read_text().startswith("---")


async def test_e_remembers_the_last_export_directory(reference_document, tmp_path, monkeypatch):
    from textual.widgets import Input

    _documents(monkeypatch, tmp_path)
    elsewhere = tmp_path / "notes" / "mine.md"
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        await wait_notes(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert elsewhere.read_text().startswith("---")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(Input).value.startswith(str(elsewhere.parent) + "/")
        await pilot.press("escape")


async def test_export_dir_option_wins(reference_document, tmp_path, monkeypatch):
    from textual.widgets import Input

    _documents(monkeypatch, tmp_path)
    monkeypatch.setenv("READER_EXPORT_DIR", str(tmp_path / "chosen"))
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        await wait_notes(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(Input).value.startswith(str(tmp_path / "chosen") + "/")


async def test_library_lists_and_reopens_articles(reference_document, tmp_path):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_notes(app, pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await pilot.pause()
        await wait_notes(app, pilot)
        assert app.reading.document.body == reference_document.body
        assert os.environ["READER_DATA_DIR"]


async def test_quitting_inside_the_note_editor_keeps_the_note(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_notes(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"half-written thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert [n.note for n in _stored_notes(reference_document)] == ["half-written thought"]


async def test_notes_from_another_instance_show_up_and_are_exported(reference_document, tmp_path, monkeypatch):
    folder, _cwd = _documents(monkeypatch, tmp_path)
    app = ReaderApp(reference_document)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        await wait_notes(app, pilot)
        screen = app.reading
        with Store.open() as other:  # a second reader on the same data directory
            article = other.find_article(reference_document)
            body = reference_document.body
            other.add_note(article.id, 0, 20, body[0:20], "from the other window")
        await pilot.press("5")
        await pilot.pause()
        assert [n.note for n in screen.notes.session.notes] == ["from the other window"]
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "from the other window" in next(folder.glob("*.md")).read_text()

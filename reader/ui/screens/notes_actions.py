"""The reading screen's notes side: highlights, notes, reading position and export.

A mixin for `ReadingScreen`. The `ArticleSession` (SQLite, committed at once)
is opened in a thread worker so the first paint never waits for it. A note
the database refused is kept as a draft and offered again: the reader's
words are never dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from reader.errors import ReaderError
from reader.notes import Note, sentence_span
from reader.ui.messages import SessionFailed, SessionOpened

if TYPE_CHECKING:  # pragma: no cover
    from reader.session import ArticleSession
    from reader.ui.screens.note_editor import NoteEditor
    from reader.ui.screens.reading import ReadingScreen

SAVE_POSITION_AFTER = 1.0
"""Seconds of stillness before the reading position is written."""


class NotesActions:
    """h, a, delete and e; the session's life cycle."""

    session: "ArticleSession | None"

    def init_notes(self: "ReadingScreen") -> None:
        self.session = None
        self._drafts: dict[int, str] = {}
        self._position_timer = None
        self._export_pending = False
        self._open_editor: tuple[Note, "NoteEditor"] | None = None

    @work(thread=True, exclusive=True, group="session", exit_on_error=False, description="notes")
    def open_session(self: "ReadingScreen") -> None:
        from reader.session import ArticleSession

        try:
            session = ArticleSession.open(self.document)
        except ReaderError as exc:
            self.post_message(SessionFailed(str(exc)))
            return
        except Exception as exc:  # a broken database must not take the article down
            self.post_message(SessionFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(SessionOpened(session))

    def on_session_opened(self: "ReadingScreen", message: SessionOpened) -> None:
        if not self.is_mounted:
            message.session.close()
            return
        self.session = message.session
        self._show_notes()
        if self.session.position > 0 and not self._moved:
            self.article.jump_to(self.session.position)
        self.refresh_bindings()

    def on_session_failed(self: "ReadingScreen", message: SessionFailed) -> None:
        self.pane("notes").show_message(f"Notes unavailable: {message.error}")
        self.notify(f"Notes are off for this article: {message.error}", severity="error", markup=False)

    def refresh_notes(self: "ReadingScreen") -> None:
        """Re-read the notes (another reader instance may have changed them) and show them."""
        if self.session is None:
            return
        try:
            self.session.reload()
        except ReaderError:
            return
        self._show_notes()

    def _show_notes(self: "ReadingScreen") -> None:
        notes = self.session.notes if self.session else []
        self.article.paint("note", [(n.start, n.end) for n in notes])
        self.pane("notes").update_notes(notes)  # type: ignore[attr-defined]
        self._mark_view()

    # -- reading position ---------------------------------------------------------------------
    def position_changed(self: "ReadingScreen", offset: int) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(SAVE_POSITION_AFTER, self.save_position)

    def save_position(self: "ReadingScreen") -> None:
        if self.session is None:
            return
        try:
            self.session.save_position(self.article.cursor_offset)
        except ReaderError:
            pass  # a lost reading position is not worth interrupting the reader for

    def on_unmount(self: "ReadingScreen") -> None:
        self.retire()

    def retire(self: "ReadingScreen") -> None:
        """Stop the analysis, save the reading position and close the notes."""
        self.workers.cancel_group(self, "analysis")
        if self.session is not None:
            self.save_position()
            self.session.close()
            self.session = None

    # -- highlights and notes -----------------------------------------------------------------
    def _need_session(self: "ReadingScreen") -> "ArticleSession | None":
        if self.session is None:
            self.notify("Your notes are still opening; try again in a moment", timeout=2)
        return self.session

    def _target_span(self: "ReadingScreen") -> tuple[int, int]:
        """The selected quote when the cursor is on it, else the sentence at the cursor."""
        quote = self._quote(self.selected_quote)
        line = self.cursor_line()
        if quote is not None and quote.start < line[1] and quote.end > line[0]:
            return (quote.start, quote.end)
        return sentence_span(self.document, self.article.cursor_offset)

    def action_highlight(self: "ReadingScreen") -> None:
        session = self._need_session()
        if session is None:
            return
        start, end = self._target_span()
        before = len(session.notes)
        try:
            session.highlight(start, end)
        except ReaderError as exc:
            self.notify(f"Could not save the highlight: {exc}", severity="error", markup=False)
            return
        self._show_notes()
        self.notify("Highlighted" if len(session.notes) > before else "Already highlighted", timeout=1.5)

    def _note_for_cursor(self: "ReadingScreen") -> Note | None:
        session = self.session
        if session is None:
            return None
        notes_pane = self.pane("notes")
        if notes_pane.has_focus:
            note_id = notes_pane.note_id(notes_pane.highlighted_option.id if notes_pane.highlighted_option else None)  # type: ignore[attr-defined]
            return next((n for n in session.notes if n.id == note_id), None)
        line_start, line_end = self.cursor_line()
        on_line = [n for n in session.notes if n.start < line_end and n.end > line_start]
        return session.note_at(self.article.cursor_offset) or (on_line[0] if on_line else None)

    def action_note(self: "ReadingScreen") -> None:
        session = self._need_session()
        if session is None:
            return
        note = self._note_for_cursor()
        if note is None:
            try:
                note = session.highlight(*self._target_span())
            except ReaderError as exc:
                self.notify(f"Could not save the highlight: {exc}", severity="error", markup=False)
                return
            self._show_notes()
        self._edit(note)

    def _edit(self: "ReadingScreen", note: Note) -> None:
        from reader.ui.screens.note_editor import NoteEditor

        initial = self._drafts.get(note.id, note.note)
        editor = NoteEditor(note.text, initial, title="Edit note" if note.note else "Add a note")
        self._open_editor = (note, editor)

        def saved(text: str | None) -> None:
            self._open_editor = None
            if text is None or self.session is None:
                return
            try:
                result = self.session.set_note(note.id, text)
            except ReaderError as exc:
                self._drafts[note.id] = text
                self.notify(f"Your note was NOT saved ({exc}); press a on it to try again: the text is kept",
                            severity="error", timeout=8, markup=False)
                return
            self._drafts.pop(note.id, None)
            if result is None:
                self.notify("That highlight was deleted elsewhere; your note is kept as a new one", timeout=4)
                try:
                    self.session.highlight(note.start, note.end, text)
                except ReaderError as exc:
                    self._drafts[note.id] = text
                    self.notify(f"Could not save the note: {exc}", severity="error", markup=False)
            self._show_notes()
            self.notify("Note saved", timeout=1.5)

        self.app.push_screen(editor, saved)

    def save_open_draft(self: "ReadingScreen") -> None:
        """Quitting with the note editor open: keep what the reader typed (it is saved, not dropped)."""
        if self._open_editor is None or self.session is None:
            return
        note, editor = self._open_editor
        self._open_editor = None
        if editor.is_mounted and editor.changed:
            try:
                self.session.set_note(note.id, editor.text)
            except ReaderError:
                pass  # the database refused it: nothing more can be done while quitting

    def action_delete_note(self: "ReadingScreen") -> None:
        from reader.ui.screens.confirm import ConfirmScreen

        session = self._need_session()
        if session is None:
            return
        note = self._note_for_cursor()
        if note is None:
            self.notify("No highlight or note here", timeout=2)
            return

        def confirmed(yes: bool | None) -> None:
            if not yes or self.session is None:
                return
            try:
                self.session.delete(note.id)
            except ReaderError as exc:
                self.notify(f"Could not delete: {exc}", severity="error", markup=False)
                return
            self._show_notes()
            self.notify("Deleted", timeout=1.5)

        kind = "note" if note.note.strip() else "highlight"
        self.app.push_screen(ConfirmScreen(f"Delete this {kind}?\n“{note.text[:160]}”", yes="Delete"), confirmed)

    # -- export -------------------------------------------------------------------------------
    def action_export(self: "ReadingScreen") -> None:
        if self._need_session() is None:
            return
        if not self.analysis.complete:
            self._export_pending = True
            self.notify("The export will be asked for when the analysis finishes", timeout=3)
            return
        self._ask_export()

    def analysis_finished(self: "ReadingScreen") -> None:
        if self._export_pending:
            self._export_pending = False
            self._ask_export()

    def _ask_export(self: "ReadingScreen") -> None:
        """Propose a path in the export directory (never the current one); the reader may edit it."""
        from reader.export.files import export_path
        from reader.paths import default_export_dir
        from reader.ui.screens.export_prompt import ExportPrompt

        if self.session is None:
            return
        try:
            last = self.session.store.setting("export_dir")
        except ReaderError:
            last = None
        proposed = export_path(self.document, f"{default_export_dir(last)}/")

        def chosen(path: str | None) -> None:
            if path:
                self._export(path, force=False)

        self.app.push_screen(ExportPrompt(str(proposed)), chosen)

    def _export(self: "ReadingScreen", path: str, force: bool) -> None:
        from pathlib import Path

        from reader.export.files import ExportExists, export_path, free_name
        from reader.ui.screens.export_prompt import ExportExistsScreen

        if self.session is None:
            return
        target = export_path(self.document, path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.session.reload()  # notes another instance added meanwhile belong in the export too
            self._show_notes()
            written = self.session.export(self.analysis, target, force=force)
        except ExportExists as exc:
            existing, other = exc.path, free_name(exc.path)

            def answered(choice: str | None) -> None:
                if choice == "overwrite":
                    self._export(str(existing), force=True)
                elif choice == "rename":
                    self._export(str(other), force=False)

            self.app.push_screen(ExportExistsScreen(str(existing), other.name), answered)
            return
        except (ReaderError, OSError) as exc:
            self.notify(f"Export failed: {exc}", severity="error", markup=False)
            return
        try:
            self.session.store.set_setting("export_dir", str(Path(written).parent))
        except ReaderError:
            pass  # not remembered; the export itself worked
        self.notify(f"Exported to {written}", timeout=5, markup=False)

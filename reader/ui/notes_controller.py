"""The reading screen's notes: highlights, notes and the reading position.

`NotesController` is a plain object the reading screen owns and calls (h, a,
delete, the session's arrival and the screen's end); it holds the
`ArticleSession` (SQLite, committed at once), the `NoteDrafting` (drafts
while typing, notes the database refused: the reader's words are never
dropped, `reader.ui.note_drafts`) and the reading-position timer. `open`
starts the thread worker that opens the session; the screen routes its
message back to `opened`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from reader.errors import ReaderError
from reader.navigate import Span
from reader.ui.messages import SessionFailed, SessionOpened
from reader.ui.note_drafts import NoteDrafting

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App

    from reader.model import Analysis, Document, Quote
    from reader.notes import Note
    from reader.session import ArticleSession
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.notes_pane import NotesPane

SAVE_POSITION_AFTER = 1.0
"""Seconds of stillness before the reading position is written."""


class NotesHost(Protocol):
    """What the controller needs from the screen that owns it."""

    document: "Document"
    analysis: "Analysis"

    @property
    def app(self) -> "App[Any]": ...
    @property
    def article(self) -> "ArticleView": ...
    @property
    def notes_pane(self) -> "NotesPane": ...
    def selected_quote(self) -> "Quote | None": ...
    def cursor_line(self) -> Span: ...
    def mark_view(self) -> None: ...
    def notify(self, message: str, **kwargs: Any) -> None: ...
    def set_timer(self, delay: float, callback: Any) -> Any: ...
    def run_worker(self, work: Any, **kwargs: Any) -> Any: ...
    def post_message(self, message: Any) -> bool: ...


class NotesController:
    """h, a and delete; the session from its arrival to the screen's end."""

    def __init__(self, host: NotesHost) -> None:
        self.host = host
        self.session: "ArticleSession | None" = None
        self._position_timer: Any = None
        self.drafting = NoteDrafting(self)

    # -- the session --------------------------------------------------------------------------
    def open(self) -> None:
        """Open the session in a thread worker (the first paint never waits for SQLite)."""
        self.host.run_worker(self._open_session, thread=True, exclusive=True, group="session",
                             exit_on_error=False, description="notes")

    def _open_session(self) -> None:
        from reader.session import ArticleSession

        try:
            session = ArticleSession.open(self.host.document)
        except ReaderError as exc:
            self.host.post_message(SessionFailed(str(exc)))
            return
        except Exception as exc:  # a broken database must not take the article down
            self.host.post_message(SessionFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.host.post_message(SessionOpened(session))

    def opened(self, session: "ArticleSession", *, restore_position: bool) -> None:
        """The session arrived: show the notes and go back to where the reader was (unless they moved)."""
        self.session = session
        self.show()
        if session.position > 0 and restore_position:
            self.host.article.jump_to(session.position)
        self.drafting.offer(session)

    def failed(self, error: str) -> None:
        self.error = error
        self.host.notes_pane.show_message(f"Notes unavailable: {error}")
        self.host.notify(f"Notes are off for this article: {error}", severity="error", markup=False)

    def refresh(self) -> None:
        """Re-read the notes (another reader instance may have changed them) and show them."""
        if self.session is None:
            return
        try:
            self.session.reload()
        except ReaderError:
            return
        self.show()

    def show(self) -> None:
        notes = self.session.notes if self.session else []
        self.host.article.paint("note", [(n.start, n.end) for n in notes])
        self.host.notes_pane.update_notes(notes, drafts=self.drafting.draft_ids)
        self.host.mark_view()

    def position_changed(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.host.set_timer(SAVE_POSITION_AFTER, self.save_position)

    def save_position(self) -> None:
        if self.session is None:
            return
        try:
            self.session.save_position(self.host.article.cursor_offset)
        except ReaderError:
            pass  # a lost reading position is not worth interrupting the reader for

    def close(self) -> None:
        """Save the reading position and close the session."""
        if self.session is not None:
            self.save_position()
            self.session.close()
            self.session = None

    # -- highlights and notes -----------------------------------------------------------------
    def _need_session(self) -> "ArticleSession | None":
        if self.session is None:
            if getattr(self, "error", ""):
                self.host.notify(f"Notes are off for this article: {self.error}", severity="error", timeout=4,
                                 markup=False)
            else:
                self.host.notify("Your notes are still opening; try again in a moment", timeout=2)
        return self.session

    def _target_span(self) -> Span:
        """The selected quote when the cursor is on it, else the sentence at the cursor."""
        quote = self.host.selected_quote()
        line = self.host.cursor_line()
        if quote is not None and quote.start < line[1] and quote.end > line[0]:
            return (quote.start, quote.end)
        from reader.notes import sentence_span  # not needed before the first paint

        return sentence_span(self.host.document, self.host.article.cursor_offset, self.host.analysis.sentences)

    def highlight(self) -> None:
        session = self._need_session()
        if session is None:
            return
        start, end = self._target_span()
        before = len(session.notes)
        try:
            session.highlight(start, end)
        except ReaderError as exc:
            self.host.notify(f"Could not save the highlight: {exc}", severity="error", markup=False)
            return
        self.show()
        self.host.notify("Highlighted" if len(session.notes) > before else "Already highlighted", timeout=1.5)

    def _note_for_cursor(self) -> Note | None:
        session = self.session
        if session is None:
            return None
        pane = self.host.notes_pane
        if pane.has_focus:
            note_id = pane.note_id(pane.highlighted_option.id if pane.highlighted_option else None)
            return next((n for n in session.notes if n.id == note_id), None)
        line_start, line_end = self.host.cursor_line()
        on_line = [n for n in session.notes if n.start < line_end and n.end > line_start]
        return session.note_at(self.host.article.cursor_offset) or (on_line[0] if on_line else None)

    def note(self) -> None:
        session = self._need_session()
        if session is None:
            return
        note = self._note_for_cursor()
        if note is None:
            try:
                note = session.highlight(*self._target_span())
            except ReaderError as exc:
                self.host.notify(f"Could not save the highlight: {exc}", severity="error", markup=False)
                return
            self.show()
        self._edit(note)

    def _edit(self, note: Note) -> None:
        self.drafting.edit(note)

    def save_open_draft(self) -> None:
        """Quitting with the note editor open: keep what the reader typed (saved, or a recovery file)."""
        self.drafting.save_open()

    def delete(self) -> None:
        from reader.ui.screens.confirm import ConfirmScreen

        if self._need_session() is None:
            return
        note = self._note_for_cursor()
        if note is None:
            self.host.notify("No highlight or note here", timeout=2)
            return

        def confirmed(yes: bool | None) -> None:
            if not yes or self.session is None:
                return
            try:
                self.session.delete(note.id)
            except ReaderError as exc:
                self.host.notify(f"Could not delete: {exc}", severity="error", markup=False)
                return
            self.drafting.deleted(note.id)
            self.show()
            self.host.notify("Deleted", timeout=1.5)

        kind = "note" if note.note.strip() else "highlight"
        self.host.app.push_screen(ConfirmScreen(f"Delete this {kind}?\n“{note.text[:160]}”", yes="Delete"), confirmed)

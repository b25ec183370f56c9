"""The note editor's side of "never lose a note": drafts while typing, recovery when the database refuses.

`NoteDrafting` belongs to a `NotesController` (one reading screen):

- `edit(note)` opens the `NoteEditor` on the highlight, starting from its
  draft when there is one (this run's, or one a crashed or killed run left
  in the database); while the reader types a `DraftSaver` writes the draft.
- Saved: the note is written and its draft cleared. Closed without saving
  (escape, after "Close without saving?"): what was typed stays the draft,
  and `a` on the highlight brings it back. Going back to the saved text
  (ctrl+z / ctrl+r) and closing leaves no draft.
- Refused (a full disk, a read-only or locked database): the text goes to
  the recovery file (`reader.recovery.keep_draft`), the reader is told
  where, the app's `unsaved` registry makes `q` ask before quitting, and
  the text is kept in memory so `a` offers it again.
- `offer(session)`: when the notes open, drafts left by an earlier run are
  announced (and shown in the Notes pane).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.recovery import Unsaved, keep_draft
from reader.ui.draft_saver import DraftSaver

if TYPE_CHECKING:  # pragma: no cover
    from reader.drafts import Drafts
    from reader.notes import Note
    from reader.session import ArticleSession
    from reader.ui.notes_controller import NotesController
    from reader.ui.screens.note_editor import NoteEditor


class NoteDrafting:
    """Drafts, refused notes and the open editor of one reading screen."""

    def __init__(self, controller: "NotesController") -> None:
        self.controller = controller
        self.host = controller.host
        self.memory: dict[int, str] = {}
        """Texts the database refused, by note id (offered again by `a`)."""
        self.draft_ids: set[int] = set()
        """Highlights with a draft in the database (the Notes pane marks them)."""
        self.open_editor: "tuple[Note, NoteEditor, DraftSaver] | None" = None

    @property
    def unsaved(self) -> Unsaved:
        registry = getattr(self.host.app, "unsaved", None)
        if not isinstance(registry, Unsaved):  # a host app without one (tests): keep a private one
            registry = self.__dict__.setdefault("_own_unsaved", Unsaved())
        return registry

    def _drafts(self) -> "Drafts | None":
        from reader.drafts import Drafts  # sqlite3: not needed before the first paint

        session = self.controller.session
        return Drafts(session.store) if session is not None else None

    # -- the session opened ---------------------------------------------------------------------
    def offer(self, session: "ArticleSession") -> None:
        """Announce the drafts an earlier run left on this article (re-highlighting deleted ones)."""
        from reader.drafts import Drafts, restore_orphans
        from reader.ui.screens.note_editor import excerpt

        try:
            found = restore_orphans(session, Drafts(session.store))
        except ReaderError:
            return
        self.draft_ids = {d.note_id for d in found if self._differs(session, d.note_id, d.text)}
        if not self.draft_ids:
            return
        self.controller.show()
        first = next(d for d in found if d.note_id in self.draft_ids)
        more = len(self.draft_ids) - 1
        also = f" (and {more} more, marked in the Notes pane)" if more else ""
        self.host.notify(f"Unsaved note draft kept from before on “{excerpt(first.quoted, 60)}”{also}: "
                         "press a on that highlight to go on with it", timeout=8, markup=False)

    @staticmethod
    def _differs(session: "ArticleSession", note_id: int, text: str) -> bool:
        note = next((n for n in session.notes if n.id == note_id), None)
        return note is None or note.note.rstrip() != text.rstrip()

    # -- the editor -----------------------------------------------------------------------------
    def _start_text(self, note: "Note") -> str | None:
        if note.id in self.memory:
            return self.memory[note.id]
        drafts = self._drafts()
        try:
            draft = drafts.get(note.id) if drafts is not None else None
        except ReaderError:
            return None
        if draft is None or not draft.fits(note) or draft.text.rstrip() == note.note.rstrip():
            return None
        return draft.text

    def edit(self, note: "Note") -> None:
        from reader.ui.screens.note_editor import NoteEditor

        drafts = self._drafts()
        if drafts is None:
            return
        draft = self._start_text(note)
        saver = DraftSaver(self.host, drafts, note, note.note if note.id in self.memory or draft is None else draft)
        editor = NoteEditor(note.text, note.note, title="Edit note" if note.note else "Add a note", draft=draft,
                            keeps_draft=True, on_change=saver.changed)
        self.open_editor = (note, editor, saver)

        def closed(text: str | None) -> None:
            self.open_editor = None
            if text is None:
                self._closed_unsaved(note, editor.text, saver)
            else:
                self._save(note, text, saver)

        self.host.app.push_screen(editor, closed)

    def _closed_unsaved(self, note: "Note", typed: str, saver: DraftSaver) -> None:
        """Escape: the typed text stays the draft (none when it is the saved note again)."""
        keep = None if typed.rstrip() == note.note.rstrip() else typed
        if keep is None:
            self.memory.pop(note.id, None)
        if saver.finish(keep):
            self._mark(note.id, keep is not None)
            if keep is not None:
                self.host.notify("Not saved; kept as a draft: press a on this highlight to go on", timeout=3)
        elif keep is not None:
            self.memory[note.id] = keep  # the database refused even the draft: this run keeps it

    def _save(self, note: "Note", text: str, saver: DraftSaver) -> None:
        session = self.controller.session
        notify = self.host.notify
        if session is None:
            self._refused(note, text, "the notes are closed")
            return
        try:
            result = session.set_note(note.id, text)
            if result is None:
                notify("That highlight was deleted elsewhere; your note is kept as a new one", timeout=4)
                session.highlight(note.start, note.end, text)
        except ReaderError as exc:
            saver.finish(text)  # the draft, when the database takes that at least
            self._refused(note, text, str(exc))
            self.controller.show()
            return
        saver.note_saved(text)
        self._saved(note)
        self.controller.show()
        notify("Note saved", timeout=1.5)

    def _saved(self, note: "Note") -> None:
        self.memory.pop(note.id, None)
        self._mark(note.id, False)
        self.unsaved.saved((note.article_id, note.id))

    def _refused(self, note: "Note", text: str, why: str) -> None:
        """The database refused the note: the recovery file, the reader told where, `q` warned."""
        self.memory[note.id] = text
        path = keep_draft(self.host.document, note.text, text, why)
        self.unsaved.add((note.article_id, note.id), path)
        where = f"it is kept in {path}" if path is not None else "no file could hold it either: do not quit"
        self.host.notify(f"Your note was NOT saved ({why}); {where}. Press a on it to try again.",
                         severity="error", timeout=12, markup=False)

    def _mark(self, note_id: int, has_draft: bool) -> None:
        changed = (note_id in self.draft_ids) != has_draft
        (self.draft_ids.add if has_draft else self.draft_ids.discard)(note_id)
        if changed:
            self.controller.show()

    def deleted(self, note_id: int) -> None:
        """The reader deleted the highlight: its draft goes with it."""
        drafts = self._drafts()
        self.memory.pop(note_id, None)
        self.draft_ids.discard(note_id)
        try:
            if drafts is not None:
                drafts.clear(note_id)
        except ReaderError:
            pass

    # -- quitting -------------------------------------------------------------------------------
    def save_open(self) -> None:
        """Quitting (q, ctrl+q, a signal) with the editor open: what was typed is saved as the note."""
        if self.open_editor is None:
            return
        note, editor, saver = self.open_editor
        if not (editor.is_mounted and editor.changed):
            return
        session = self.controller.session
        text = editor.text
        if session is None:
            self._refused(note, text, "the notes are closed")
            return
        try:
            session.set_note(note.id, text)
        except ReaderError as exc:
            saver.finish(text)
            self._refused(note, text, str(exc))
            return
        saver.note_saved(text)
        self._saved(note)
        editor.initial = text  # saved: staying on (the quit question answered "no") asks nothing more

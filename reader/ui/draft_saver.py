"""Writes the open note editor's text to the notes database as a draft, debounced, off the UI thread.

    saver = DraftSaver(host, Drafts(session.store), note, start_text)
    NoteEditor(..., on_change=saver.changed)    # every edit restarts a DRAFT_DELAY timer
    saver.finish(text_or_None)                  # the editor closed: keep `text` as the draft, or clear it

`DRAFT_DELAY` seconds after the last keystroke a thread worker (group
"drafts" on the host screen) writes the text, so a crash or a SIGKILL loses
at most that moment. One lock orders the writes: a late worker never
brings back a draft that `finish` has already cleared. When the database
refuses a draft the reader is told once; the text is still in the editor.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError

if TYPE_CHECKING:  # pragma: no cover
    from reader.drafts import Drafts
    from reader.notes import Note

DRAFT_DELAY = 0.5
"""Seconds of stillness in the editor before its text is written as the draft."""

GROUP = "drafts"


class DraftSaver:
    """The draft of one open editor (see the module docstring)."""

    def __init__(self, host: Any, drafts: "Drafts", note: "Note", start_text: str) -> None:
        self.host = host
        self.drafts = drafts
        self.note = note
        self.saved_text = note.note.rstrip()
        self.written = start_text.rstrip()
        """What the database holds now: the draft, or the saved note when there is none."""
        self._lock = threading.Lock()
        self._pending: str | None = None
        self._timer: Any = None
        self._warned = False

    def changed(self, text: str) -> None:
        """The editor's text changed (on the UI thread): write it once the reader pauses."""
        with self._lock:
            self._pending = text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.host.set_timer(DRAFT_DELAY, self._write_soon)

    def _write_soon(self) -> None:
        self._timer = None
        self.host.run_worker(self._write_pending, thread=True, group=GROUP, exit_on_error=False,
                             description="note draft")

    def _write_pending(self) -> None:
        """In a thread worker: write the newest text, if `finish` has not settled it already."""
        with self._lock:
            text, self._pending = self._pending, None
            if text is None or text == self.written:
                return
            error = self._put(text)
        if error and not self._warned:
            self._warned = True
            self.host.app.call_from_thread(self._warn, error)

    def _put(self, text: str | None) -> str:
        """Write `text` as the draft (None or the saved note: no draft); "" or the error. Lock held."""
        try:
            if text is None or text == self.saved_text:
                self.drafts.clear(self.note.id)
                self.written = self.saved_text
            else:
                self.drafts.save(self.note, text)
                self.written = text
        except ReaderError as exc:
            return str(exc)
        return ""

    def _warn(self, error: str) -> None:
        self.host.notify(f"Your draft could not be saved ({error}); it is still in the editor",
                         severity="warning", timeout=6, markup=False)

    def finish(self, keep: str | None) -> bool:
        """The editor closed (UI thread): `keep` is the draft from now on (None: none). False when refused."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        with self._lock:
            self._pending = None
            target = self.saved_text if keep is None else keep.rstrip()
            if target == self.written:
                return True  # the database holds it already
            return not self._put(target)

    def note_saved(self, text: str) -> bool:
        """The note itself was saved as `text`: its draft goes (UI thread). False when the database refused."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        with self._lock:
            self._pending = None
            error = "" if self.written == self.saved_text else self._put(None)  # else no draft was written
            self.saved_text = self.written = text.rstrip()
            return not error

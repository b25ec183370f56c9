"""Notes the notes database refused (a full disk, a read-only or locked file) go to a plain-text recovery file.

`keep_draft` appends the note to `recovered-notes.txt` in the data directory
(or, when that cannot be written either - the same full disk - in the state
directory, then the temporary directory; never through a symbolic link) and
returns the file's path, or None when nothing could be written at all.
`Unsaved` is the app's list of such notes: `q` asks before quitting while
one is left, and the exit names the files.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from reader.model import Document

FILE_NAME = "recovered-notes.txt"


def keep_draft(document: Document, highlighted: str, note: str, why: str) -> Path | None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry = (f"--- {stamp} · {document.title or document.origin} · {document.url or ''}\n"
             f"not saved: {why}\n> {highlighted}\n\n{note}\n\n")
    for directory in _places():
        path = directory / FILE_NAME
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(entry)
                handle.flush()
                os.fsync(handle.fileno())
            return path
        except OSError:
            continue
    return None


def _places() -> Iterator[Path]:
    """Where to try, in order (each made only when the one before failed)."""
    try:
        from reader.paths import data_dir

        yield data_dir()
    except Exception:  # no data directory at all
        pass
    try:
        import platformdirs

        state = Path(platformdirs.user_state_dir("reader", appauthor=False))
        state.mkdir(mode=0o700, parents=True, exist_ok=True)
        yield state
    except Exception:  # no state directory either
        pass
    yield Path(tempfile.gettempdir())


class Unsaved:
    """Notes the database refused, each with the recovery file that holds it (None: nowhere).

    The app asks before quitting while any is left; a later successful save
    takes the note off (`saved`). Keys are (article id, note id).
    """

    def __init__(self) -> None:
        self._where: dict[tuple[int, int], str | None] = {}

    def add(self, key: tuple[int, int], path: Path | None) -> None:
        self._where[key] = None if path is None else str(path)

    def saved(self, key: tuple[int, int]) -> None:
        self._where.pop(key, None)

    def __len__(self) -> int:
        return len(self._where)

    def paths(self) -> list[str]:
        """The recovery files holding unsaved notes, each once."""
        return sorted({p for p in self._where.values() if p is not None})

    @property
    def lost(self) -> int:
        """How many unsaved notes no file could hold (only the running app has them)."""
        return sum(1 for p in self._where.values() if p is None)

    def question(self) -> str:
        """What `q` asks while notes are unsaved."""
        count = len(self._where)
        what = "A note was" if count == 1 else f"{count} notes were"
        lines = [f"{what} NOT saved to the notes database."]
        lines += [f"The text is kept in {p}" for p in self.paths()]
        if self.lost:
            lines.append("Some could not be written anywhere: quitting loses them.")
        return "\n".join([*lines, "Quit anyway?"])

"""Notes the notes database refused (a full disk) are kept in a plain-text recovery file.

`keep_draft` appends the note to `recovered-notes.txt` in the data directory
(or, when that cannot be written either, in the temporary directory) and
returns the file's path, or None when nothing could be written at all.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from reader.model import Document

FILE_NAME = "recovered-notes.txt"


def keep_draft(document: Document, highlighted: str, note: str, why: str) -> Path | None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry = (f"--- {stamp} · {document.title or document.origin} · {document.url or ''}\n"
             f"not saved: {why}\n> {highlighted}\n\n{note}\n\n")
    for directory in _places():
        path = directory / FILE_NAME
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(entry)
                handle.flush()
                os.fsync(handle.fileno())
            return path
        except OSError:
            continue
    return None


def _places() -> list[Path]:
    places = []
    try:
        from reader.paths import data_dir

        places.append(data_dir())
    except Exception:  # no data directory at all
        pass
    places.append(Path(tempfile.gettempdir()))
    return places

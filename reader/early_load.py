"""Loading the article in a forked child while the app's modules import, so the first paint waits
for the longer of the two, not their sum.

    pending = start_loading(source, published)   # None: load it in this process as before
    ...                                           # import Textual and the UI meanwhile (other core)
    document = pending.result()                   # the child's Document; ReaderError as it raised it

With `remember=True` the child also fills in what the library remembers of
the article (`reader.library.remembered`: its date and URL where the source
gives none), so opening the notes database, and creating it on a first run,
happens on the other core too instead of between the imports and the first
paint.

Only a local file is loaded this way (standard input can be read once, and a
URL's fetch is the network's time), only where `os.fork` exists and while
this process has a single thread (forking beside other threads can deadlock
the child). Whatever else goes wrong in the child (an unexpected exception,
a Document that cannot be pickled, a crash) makes `result()` load the file
again in this process, so its errors and exit status are exactly the usual
ones. The child leaves with `os._exit`: no atexit handler, no stdio flush.
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:  # pragma: no cover
    from reader.model import Document


class PendingDocument:
    """The child that loads one file, and its answer."""

    def __init__(self, source: str, published: str | None, pid: int, fd: int, remember: bool = False) -> None:
        self.source, self.published = source, published
        self.pid, self.fd = pid, fd
        self.remember = remember

    def result(self) -> Document:
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:  # pragma: no cover - reaped elsewhere
            pass
        try:
            kind, payload = pickle.loads(data) if data else ("again", None)
        except Exception:  # noqa: BLE001 - a truncated answer (the child died): load it here
            kind, payload = "again", None
        if kind == "document":
            return payload
        if kind == "error":
            raise ReaderError(payload)
        return _load(self.source, self.published, self.remember)


def _load(source: str, published: str | None, remember: bool) -> Document:
    from reader.load import load_document

    document = load_document(source, published=published)
    if remember:
        from reader.library import remembered

        document = remembered(document)
    return document


def start_loading(source: str, published: str | None = None, *, remember: bool = False) -> PendingDocument | None:
    """Fork a child that loads the local file `source` (and, with `remember`, fills in what the
    library remembers of it); None when it is not done that way."""
    from reader.load import is_url

    if source == "-" or is_url(source) or not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # pragma: no cover - the child (its answer is checked through the parent)
        try:
            os.close(read_end)
            _answer(source, published, write_end, remember)
        finally:
            os._exit(0)
    os.close(write_end)
    return PendingDocument(source, published, pid, read_end, remember)


def _answer(source: str, published: str | None, fd: int, remember: bool) -> None:  # pragma: no cover - child
    """Load the file and write ("document", it), ("error", the line) or ("again", None) to `fd`."""
    try:
        answer: tuple[str, object] = ("document", _load(source, published, remember))
    except ReaderError as exc:
        answer = ("error", str(exc))
    except BaseException:  # noqa: BLE001 - the parent loads it again and reports it the usual way
        answer = ("again", None)
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - not picklable (too deep, say): the parent loads it
        data = pickle.dumps(("again", None))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)

"""Keeping a finished analysis in the library index from the app (as `reader library add` does).

`save_to_index(screen, analysis)` writes it in a thread worker (group "index");
a failure is added to the screen's status line (`index_failed`). The data
directory is chosen on the UI thread, when the analysis finishes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.model import Analysis, Document

if TYPE_CHECKING:  # pragma: no cover
    from reader.ui.screens.reading import ReadingScreen

GROUP = "index"


def save_to_index(screen: ReadingScreen, analysis: Analysis) -> None:
    from functools import partial

    from reader.paths import data_dir

    job = partial(_save, screen, screen.document, analysis, data_dir(create=False))
    screen.run_worker(job, thread=True, exclusive=True, group=GROUP, exit_on_error=False, description="library index")


def _save(screen: ReadingScreen, document: Document, analysis: Analysis, directory: Path) -> None:
    from reader.index import index_document
    from reader.store import Store

    try:
        with Store.open(directory) as store:
            index_document(store, document, analysis)
    except ReaderError as exc:
        screen.app.call_from_thread(index_failed, screen, str(exc))


def index_failed(screen: ReadingScreen, error: str) -> None:
    problem = f"Not saved to the library index: {error}"
    screen.status.set(problem="; ".join(p for p in (screen.status.state.problem, problem) if p))

"""Pilot helpers for the reading screen: an app on the reference article with its analysis done."""

from __future__ import annotations

import contextlib

import pytest
from textual.worker import WorkerCancelled, WorkerFailed

from reader.ui.app import ReaderApp


async def wait_workers(pilot, *groups: str) -> None:
    """Wait for the app's workers of `groups` (every worker when none) to end, then for their messages.

    Textual's own waiting, no polling: a pause first (the first paint's
    callback mounts the panes and starts the workers), `Worker.wait` on each
    (what `app.workers.wait_for_complete` does, but a cancelled or failed worker
    does not stop the wait for the others), then a pause, in which the screen
    handles what they posted (posted before they ended, so already queued).
    """
    app = pilot.app
    await pilot.pause()
    for worker in [w for w in app.workers if not groups or w.group in groups]:
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()
    await pilot.pause()


async def wait_analysis(app: ReaderApp, pilot) -> None:
    """The analysis worker has delivered its final snapshot and the screen has shown it."""
    await wait_workers(pilot, "analysis")
    assert app.reading.analysis.complete, "the analysis never finished"


async def wait_notes(app: ReaderApp, pilot) -> None:
    """The notes session has opened and the screen has shown the notes."""
    await wait_workers(pilot, "session")
    assert app.reading.notes.session is not None, "the notes session never opened"


def cursor_line(app: ReaderApp) -> tuple[int, int]:
    return app.reading.cursor_line()


def on_cursor_line(app: ReaderApp, offset: int) -> bool:
    start, end = cursor_line(app)
    return start <= offset <= end


@pytest.fixture
def reference_app(reference_document):
    return ReaderApp(reference_document)


@pytest.fixture(autouse=True)
def _analysis_in_this_process(monkeypatch):
    """UI tests run the analysis in-process (no model process per test); test_signals.py runs the real app."""
    from reader.ui.screens.reading import ReadingScreen

    monkeypatch.setattr(ReadingScreen, "analysis_process", False)


@pytest.fixture
def no_model(monkeypatch):
    """The analysis runs without spaCy (fast). The pipeline is imported first: it binds
    `load_nlp` by name, and a first import while patched would keep the stub for later tests."""
    import reader.analysis.nlp as nlp
    import reader.analysis.pipeline  # noqa: F401

    monkeypatch.setattr(nlp, "load_nlp", lambda: None)

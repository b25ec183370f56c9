"""Pilot helpers for the reading screen: an app on the reference article with its analysis done."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp


async def wait_analysis(app: ReaderApp, pilot, limit: float = 60.0) -> None:
    """Pause until the analysis worker has delivered its final snapshot."""
    waited = 0.0
    while not app.reading.analysis.complete:
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < limit, "the analysis never finished"
    await pilot.pause()


async def wait_until(pilot, condition, limit: float = 20.0) -> None:
    """Pause until `condition()` holds (a worker's result has arrived)."""
    waited = 0.0
    while not condition():
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < limit, "timed out"


async def wait_notes(app: ReaderApp, pilot, limit: float = 20.0) -> None:
    waited = 0.0
    while app.reading.notes.session is None:
        await pilot.pause(0.02)
        waited += 0.02
        assert waited < limit, "the notes session never opened"
    await pilot.pause()


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

"""Shared fixtures: paths, the reference article, an isolated data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
REFERENCE = SAMPLES / "russia-rejects-peace-plan.txt"
REFERENCE_DATE = "2026-01-09"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test ever writes to the user's real data or documents directory."""
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("READER_EXPORT_DIR", str(tmp_path_factory.mktemp("exports")))


@pytest.fixture(scope="session")
def reference_document():
    from reader.load import load_document

    return load_document(str(REFERENCE), published=REFERENCE_DATE)


@pytest.fixture(scope="session")
def reference_analysis(reference_document):
    from reader.analysis.pipeline import analyse

    return analyse(reference_document)


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline, loaded once (the tests that need it skip without one)."""
    from reader.analysis.nlp import load_nlp

    model = load_nlp()
    if model is None:
        pytest.skip("no spaCy model installed")
    return model

"""`reader FILE` loads the file in a forked child while the UI imports: the same Document, the same
error lines, and the usual in-process load wherever forking is not done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.early_load import start_loading
from tests.conftest import REFERENCE

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys
from reader.early_load import start_loading
from reader.errors import ReaderError
from reader.load import load_document
pending = start_loading(sys.argv[1], "2026-01-09")
out = {"forked": pending is not None}
try:
    out["document"] = pending.result().to_dict() if pending else None
except ReaderError as exc:
    out["error"] = str(exc)
try:
    out["direct"] = load_document(sys.argv[1], published="2026-01-09").to_dict()
except ReaderError as exc:
    out["direct_error"] = str(exc)
print(json.dumps(out))
"""


def _run(source: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", CHILD, source], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_the_forked_load_gives_the_same_document():
    out = _run(str(REFERENCE))
    assert out["forked"] and out["document"] == out["direct"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_the_forked_load_gives_the_same_error_line(tmp_path):
    out = _run(str(tmp_path / "missing.txt"))
    assert out["forked"] and out["error"] == out["direct_error"] != ""


def test_standard_input_and_urls_are_loaded_as_before():
    assert start_loading("-") is None
    assert start_loading("https://example.org/story.html") is None

"""The core never imports Textual; text extraction and the app's start never import spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.import_graph import (
    all_imports,
    find_cycle,
    module_level_graph,
    package_modules,
)

MODULES = package_modules()

CORE = [
    "reader.model",
    "reader.load",
    "reader.clean",
    "reader.analysis.pipeline",
    "reader.analysis.sources",
    "reader.commands.extract",
    "reader.export.json",
    "reader.cli",
    "reader.sanitize",
    "reader.paths",
    "reader.identity",
    "reader.notes",
    "reader.store",
    "reader.session",
    "reader.library",
    "reader.export.markdown",
    "reader.export.files",
    "reader.commands.export",
    "reader.commands.library",
    "reader.batch",
    "reader.batch.pool",
    "reader.batch.dask_run",
    "reader.commands.batch",
]


def _modules_after_import(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", CORE)
def test_core_does_not_import_textual_or_spacy(module):
    loaded = _modules_after_import(f"import {module}")
    assert "textual" not in loaded
    assert "spacy" not in loaded


def test_text_extraction_does_not_load_spacy(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("A title\n\nA paragraph that is long enough to be a paragraph of an article.\n")
    code = (
        "import sys, io; from reader.commands.extract import run_single; "
        f"run_single({str(page)!r}, 'text', io.StringIO()); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"


def test_the_walk_finds_the_whole_package():
    assert {"reader.cli", "reader.ui.app", "reader.analysis.pipeline", "reader.export.json"} <= MODULES.keys()
    assert set(CORE) <= MODULES.keys()


@pytest.mark.parametrize("module", sorted(name for name in MODULES if not name.startswith("reader.ui")))
def test_nothing_outside_ui_imports_textual(module):
    named = all_imports(MODULES[module][0])
    assert not {name for name in named if name == "textual" or name.startswith("textual.")}


def test_starting_the_app_does_not_load_spacy():
    loaded = _modules_after_import("import reader.ui.app")
    assert "reader.ui.app" in loaded
    assert "spacy" not in loaded


def test_module_level_imports_have_no_cycle():
    graph = module_level_graph(MODULES)
    assert graph["reader.cli"], "the scan sees reader.cli's imports"
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None

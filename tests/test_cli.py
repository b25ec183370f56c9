"""The command line: exit codes, one-line errors, formats and the JSONL batch."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from reader.cli import main
from tests.conftest import REFERENCE


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_missing_file_is_one_line_exit_1(tmp_path):
    result = run_cli("extract", str(tmp_path / "nope.html"), "--format", "text")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: error:")
    assert "Traceback" not in result.stderr


def test_open_missing_file_exits_1(tmp_path):
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2():
    assert run_cli("extract", "--format", "pdf", "x").returncode == 2
    assert run_cli("extract", "x", "--published", "yesterday").returncode == 2
    assert run_cli("extract", "x", "--jobs", "2").returncode == 2
    assert run_cli().returncode == 2


def test_extract_text_is_the_body(capsys):
    assert main(["extract", str(REFERENCE), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Efforts to outline a post-war security framework")
    assert "Also read" not in out


def test_extract_json_has_document_and_analysis(capsys):
    assert main(["extract", str(REFERENCE), "--format", "json", "--published", "2026-01-09"]) == 0
    data = json.loads(capsys.readouterr().out)
    doc = data["document"]
    assert doc["title"].startswith("Russia rejects peace plan")
    assert doc["published"].startswith("2026-01-09")
    for block in doc["blocks"]:
        assert doc["body"][block["start"] : block["end"]].strip()
    for key in ("entities", "quotes", "timeline", "sources", "model", "entities_available"):
        assert key in data
    assert data["published"] == {"value": "2026-01-09", "label": "Fri 9 Jan 2026"}
    for item in data["timeline"]:  # every item is a place in the body; the article's date is "published"
        assert doc["body"][item["start"] : item["end"]] == item["text"] and item["text"]


def test_extract_markdown(capsys):
    assert main(["extract", str(REFERENCE), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---") or out.startswith("# ")
    assert "Moscow’s warning" in out


def test_jsonl_keeps_order_and_survives_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": "Maria Lopez said on Monday: “We will rebuild the bridge.”"}),
        "this is not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "Nothing happened here at all.", "date": "2025-03-04"}),
    ]
    out = io.StringIO()
    from reader.commands.extract import run_jsonl

    assert run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, clean=False) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r.get("id") for r in results] == ["a", None, "b", "c"]
    assert "error" in results[1] and "error" in results[2]
    assert results[0]["document"]["body"] == json.loads(lines[0])["text"]
    assert results[0]["quotes"], "the colon quote is found"
    quote = results[0]["quotes"][0]
    assert results[0]["document"]["body"][quote["start"] : quote["end"]] == "We will rebuild the bridge."


def test_jsonl_jobs_match_serial():
    lines = "".join(
        json.dumps({"id": i, "text": f"Item {i}. Anna Berg said on Friday that the plan {i} was “far from finished.”"}) + "\n"
        for i in range(6)
    )
    serial = run_cli("extract", "--jsonl", "--no-clean", stdin=lines)
    parallel = run_cli("extract", "--jsonl", "--no-clean", "--jobs", "2", stdin=lines)
    assert serial.returncode == parallel.returncode == 0
    assert serial.stdout == parallel.stdout
    assert [json.loads(l)["id"] for l in parallel.stdout.splitlines()] == list(range(6))


@pytest.mark.parametrize("payload", [b"", b"   \n\t \n"])
def test_empty_input_from_stdin_is_an_error(payload):
    result = subprocess.run(
        [sys.executable, "-m", "reader", "extract", "-", "--format", "text"], input=payload, capture_output=True
    )
    assert result.returncode == 1
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_the_quick_parser_of_reader_file_gives_the_full_parsers_namespace():
    from reader.cli import _normalise_argv, build_parser, quick_open_args

    for argv in (["story.txt"], ["open", "story.txt", "--published", "2026-01-09"],
                 ["--data-dir", "/tmp/d", "story.txt", "--pub", "2026-01-09T10:00:00+01:00"],
                 ["--export-dir=/tmp/e", "open", "--", "-dash.txt"]):
        normal = _normalise_argv(argv)
        assert quick_open_args(normal) == build_parser().parse_args(normal), argv


def test_the_quick_parser_leaves_errors_help_and_other_commands_to_the_full_one(capsys):
    from reader.cli import _normalise_argv, quick_open_args

    for argv in (["story.txt", "--published", "soon"], ["open"], ["story.txt", "--bogus"], ["open", "-h"],
                 ["--version"], ["extract", "open"], ["library", "open", "3"], ["a.txt", "b.txt"]):
        assert quick_open_args(_normalise_argv(argv)) is None, argv
    assert capsys.readouterr() == ("", "")  # it printed nothing: the full parser speaks

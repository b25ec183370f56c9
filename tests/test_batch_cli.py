"""`reader batch` on the local pool and `reader extract --no-analysis`: parts, resume, limits, progress."""

from __future__ import annotations

import gzip
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.batch_corpus import article, jsonl
from tests.conftest import REFERENCE

ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def reader(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=ENV)


def corpus(tmp_path: Path) -> tuple[list[str], str]:
    """Two JSONL parts (one gzipped, with a bad line) and a directory of pages; the same as one JSONL stream."""
    first = jsonl(range(4), 2)
    second = jsonl(range(4, 7), 2) + "this is not json\n"
    (tmp_path / "first.jsonl").write_text(first, encoding="utf-8")
    with gzip.open(tmp_path / "second.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(second)
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    html = "<html><head><title>Port Vellin</title></head><body><article><p>{}</p></article></body></html>"
    (pages / "a.html").write_text(html.format(article(20, 2).replace("\n\n", "</p><p>")), encoding="utf-8")
    (pages / "sub" / "b.txt").write_text(article(21, 2), encoding="utf-8")
    (pages / "notes.pdf").write_bytes(b"%PDF-1.7 not a page")  # not a page suffix: left alone
    records = [json.dumps({"id": "a.html", "html": (pages / "a.html").read_text()}, ensure_ascii=False),
               json.dumps({"id": "sub/b.txt", "text": article(21, 2)}, ensure_ascii=False)]
    inputs = [str(tmp_path / "first.jsonl"), str(tmp_path / "*.gz"), str(pages)]
    return inputs, first + second + "\n".join(records) + "\n"


def parts(out: Path) -> list[str]:
    return [(out / f"{name}.jsonl").read_text(encoding="utf-8") for name in ("first", "second", "pages")]


def test_batch_parts_equal_the_serial_cli_line_for_line(tmp_path):
    inputs, stream = corpus(tmp_path)
    serial = reader("extract", "--jsonl", "--no-analysis", stdin=stream)
    out = tmp_path / "out"
    result = reader("batch", *inputs, "--out", str(out), "--no-analysis", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "".join(parts(out)) == serial.stdout
    assert [line.count("\n") for line in parts(out)] == [4, 4, 2]
    summary = json.loads((out / "_summary.json").read_text())
    assert (summary["records"], summary["errors"]) == (10, 1)
    assert [p["output"] for p in summary["parts"]] == ["first.jsonl", "second.jsonl", "pages.jsonl"]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: batch: 10 records, 1 errors")
    assert not list(out.glob(".*.tmp")), "no temporary file is left"


def test_resume_after_a_killed_batch(tmp_path):
    inputs = []
    for n in range(4):
        (tmp_path / f"p{n}.jsonl").write_text(jsonl(range(n * 5, n * 5 + 5), 3), encoding="utf-8")
        inputs.append(str(tmp_path / f"p{n}.jsonl"))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "reader", "batch", *inputs, "--out", str(out), "--jobs", "1"],
                            env=ENV, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while not (out / "p0.jsonl").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(p.name for p in out.glob("p*.jsonl"))
    assert "p0.jsonl" in done and len(done) < 4, done
    first_part = (out / "p0.jsonl").stat().st_mtime_ns
    rerun = reader("batch", *inputs, "--out", str(out), "--jobs", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert "already complete" in rerun.stderr
    assert (out / "p0.jsonl").stat().st_mtime_ns == first_part, "a finished part is not redone"
    fresh = tmp_path / "fresh"
    assert reader("batch", *inputs, "--out", str(fresh), "--jobs", "2").returncode == 0
    for n in range(4):
        assert (out / f"p{n}.jsonl").read_text() == (fresh / f"p{n}.jsonl").read_text()
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["records"] == 20 and summary["errors"] == 0
    assert not list(out.glob(".*.tmp"))


def test_limits_per_record_in_a_batch(tmp_path):
    big = json.dumps({"id": "big", "text": "a" * 20_000_001})
    lines = [jsonl(range(1), 1).strip(), big, '{"id": 5, "text": ', jsonl(range(2, 3), 1).strip()]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = reader("batch", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out"), "--no-analysis")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in (tmp_path / "out" / "in.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == ["r0", "big", None, "r2"]
    assert "larger than 20 MB" in out[1]["error"] and out[2]["error"].startswith("not JSON")
    assert json.loads((tmp_path / "out" / "_summary.json").read_text())["errors"] == 2


def test_bad_inputs_are_one_line_exit_1(tmp_path):
    for args in (["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")],
                 ["batch", str(tmp_path / "*.none"), "--out", str(tmp_path / "o")],
                 ["batch", str(REFERENCE), "--out", str(REFERENCE)]):
        result = reader(*args)
        assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("reader: error:")
    (tmp_path / "x.jsonl").write_text(jsonl(range(1), 1))
    result = reader("batch", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "o"), "--scheduler", "yarn")
    assert result.returncode == 1 and "unknown scheduler" in result.stderr


def test_without_dask_the_error_says_how_to_get_it(tmp_path):
    (tmp_path / "x.jsonl").write_text(jsonl(range(1), 1))
    code = ("import sys; sys.modules['distributed'] = None; from reader.cli import main; "
            f"sys.exit(main(['batch', {str(tmp_path / 'x.jsonl')!r}, '--out', {str(tmp_path / 'o')!r}, "
            "'--scheduler', 'dask-local']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=60)
    assert result.returncode == 1
    assert result.stderr == 'reader: error: the Dask scheduler needs the dask extra: pip install "reader[dask]"\n'


def _run_in_pty(args: list[str]) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal (stdout a pipe); what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], env={**ENV, "TERM": "xterm-256color"},
                            stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            shown += data
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=60), shown.decode("utf-8", errors="replace")


def test_progress_only_on_a_terminal(tmp_path):
    (tmp_path / "x.jsonl").write_text(jsonl(range(6), 1))
    code, shown = _run_in_pty(["batch", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "tty"), "--no-analysis"])
    assert code == 0
    assert "6/6" in shown and "records/s" in shown and "errors" in shown
    piped = reader("batch", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "pipe"), "--no-analysis")
    assert piped.returncode == 0
    assert piped.stderr.count("\n") == 1 and "6/6" not in piped.stderr and "\x1b" not in piped.stderr


@pytest.mark.parametrize("fmt", ["json"])
def test_extract_no_analysis_prints_the_document_alone_without_spacy(fmt):
    code = ("import sys, io, json; from reader.commands.extract import run_single; out = io.StringIO(); "
            f"run_single({str(REFERENCE)!r}, {fmt!r}, out, analysis=False); "
            "print(sorted(json.loads(out.getvalue())), 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, check=True)
    assert result.stdout.strip() == "['document'] False"
    cli = reader("extract", str(REFERENCE), "--format", fmt, "--no-analysis")
    assert cli.returncode == 0 and list(json.loads(cli.stdout)) == ["document"]
    lines = reader("extract", "--jsonl", "--no-analysis", stdin=jsonl(range(2), 1))
    assert [list(json.loads(line)) for line in lines.stdout.splitlines()] == [["id", "document"]] * 2


def test_extract_no_analysis_never_imports_spacy_in_any_process(tmp_path):
    """A stand-in `spacy` that leaves a mark when imported: `--no-analysis` (single and JSONL) never touches it."""
    fake = tmp_path / "fake" / "spacy"
    fake.mkdir(parents=True)
    marker = tmp_path / "imported"
    (fake / "__init__.py").write_text(
        f"open({str(marker)!r}, 'a').write('x')\nraise ImportError('stand-in spacy')\n", encoding="utf-8")
    env = {**ENV, "PYTHONPATH": os.pathsep.join([str(fake.parent), ENV["PYTHONPATH"]])}

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, text=True,
                              timeout=300, env=env)

    single = run("extract", str(REFERENCE), "--format", "json", "--no-analysis")
    batch = run("extract", "--jsonl", "--no-analysis", stdin=jsonl(range(2), 1))
    assert single.returncode == 0 and list(json.loads(single.stdout)) == ["document"]
    assert batch.returncode == 0 and len(batch.stdout.splitlines()) == 2
    assert not marker.exists()
    subprocess.run([sys.executable, "-c", "import spacy"], env=env, capture_output=True)
    assert marker.exists()  # the stand-in is the one a process would import

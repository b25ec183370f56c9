"""The distributed path on a `distributed.LocalCluster` (2 worker processes, loopback only)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.batch_corpus import jsonl

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def cluster():
    """One cluster for the module: its workers start the model processes once per batch."""
    import logging

    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(ROOT)  # the worker processes import reader
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as local:
            yield local.scheduler_address
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


def reader(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, text=True,
                          timeout=300, env=ENV)


def test_full_analysis_on_the_cluster_equals_the_serial_cli(cluster, tmp_path):
    assert cluster.startswith("tcp://127.0.0.1:")
    stream = jsonl(range(6), 2)
    (tmp_path / "in.jsonl").write_text(stream, encoding="utf-8")
    serial = reader("extract", "--jsonl", stdin=stream)
    result = reader("batch", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out"), "--scheduler", cluster)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "in.jsonl").read_text(encoding="utf-8") == serial.stdout
    first = json.loads(serial.stdout.splitlines()[0])
    assert first["entities"] and first["model"], "the workers ran the model"
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert summary["scheduler"] == cluster and summary["records"] == 6


def test_parts_and_limits_on_the_cluster_equal_the_local_pool(cluster, tmp_path):
    lines = jsonl(range(10), 1) + '{"id": "half", "text": \n' + json.dumps({"id": "big", "text": "b" * 20_000_001}) + "\n"
    (tmp_path / "a.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl(range(10, 13), 1), encoding="utf-8")
    inputs = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    local = reader("batch", *inputs, "--out", str(tmp_path / "local"), "--no-analysis")
    dask = reader("batch", *inputs, "--out", str(tmp_path / "dask"), "--no-analysis", "--scheduler", cluster)
    assert local.returncode == dask.returncode == 0, dask.stderr
    for name in ("a.jsonl", "b.jsonl"):
        assert (tmp_path / "dask" / name).read_text() == (tmp_path / "local" / name).read_text()
    out = [json.loads(line) for line in (tmp_path / "dask" / "a.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out[-2:]] == [None, "big"] and all("error" in r for r in out[-2:])
    assert json.loads((tmp_path / "dask" / "_summary.json").read_text())["errors"] == 2


def test_a_long_part_with_errors_in_the_middle_on_the_cluster_equals_the_local_pool(cluster, tmp_path):
    """Long enough for full chunks and the shrinking tail; the passed-through errors keep their places."""
    big = json.dumps({"id": "big", "text": "b" * 20_000_001}) + "\n"
    lines = jsonl(range(40), 1) + "not json\n" + big + jsonl(range(40, 75), 1) + '{"id": "half", "text": \n'
    (tmp_path / "long.jsonl").write_text(lines, encoding="utf-8")
    local = reader("batch", str(tmp_path / "long.jsonl"), "--out", str(tmp_path / "local"), "--no-analysis")
    dask = reader("batch", str(tmp_path / "long.jsonl"), "--out", str(tmp_path / "dask"), "--no-analysis",
                  "--scheduler", cluster)
    assert local.returncode == dask.returncode == 0, dask.stderr
    assert (tmp_path / "dask" / "long.jsonl").read_text() == (tmp_path / "local" / "long.jsonl").read_text()
    out = [json.loads(line) for line in (tmp_path / "dask" / "long.jsonl").read_text().splitlines()]
    assert len(out) == 78 and [r["id"] for r in out[39:43]] == ["r39", None, "big", "r40"]
    assert [r["id"] for r in out[-2:]] == ["r74", None] and sum("error" in r for r in out) == 3


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    (tmp_path / "x.jsonl").write_text(jsonl(range(1), 1))
    result = subprocess.run([sys.executable, "-m", "reader", "batch", str(tmp_path / "x.jsonl"), "--out",
                             str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"],
                            capture_output=True, text=True, timeout=120,
                            env={**ENV, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert result.returncode == 1
    assert result.stderr.startswith("reader: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.splitlines()) == 1

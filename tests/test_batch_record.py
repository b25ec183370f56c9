"""The batch core: the record function, bounded line reading, --jobs capping, the time budget."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tracemalloc

from benchmarks.batch_corpus import article, record
from reader.batch import RecordOptions, process_line, process_record
from reader.batch.limits import MAX_RECORD_BYTES, cap_jobs, cores
from reader.batch.lines import Oversize, iter_lines
from reader.batch.pool import LocalPool

NO_ANALYSIS = RecordOptions(analysis=False)


def test_record_function_gives_the_extract_json_with_id_first():
    result = process_record(record(1, 2), NO_ANALYSIS)
    assert list(result) == ["id", "document"]
    assert result["id"] == "r1"
    assert result["document"]["published"].startswith("2026-03-02")
    text = ("Ferry news\n\nIrene Sato said on Monday that the ferry would run again. "
            "“We have waited long enough for it,” she told reporters in Ulvik.")
    full = process_record({"id": 7, "text": text})
    assert full["id"] == 7 and full["quotes"] and "entities" in full and "sources" in full


def test_bad_records_are_one_error_each():
    assert process_line("not json", NO_ANALYSIS) == {"id": None, "error": "not JSON: Expecting value at column 1"}
    assert process_line("[1, 2]", NO_ANALYSIS)["error"] == "a line must be a JSON object"
    assert process_line('{"id": "x", "html": 5}', NO_ANALYSIS) == {"id": "x", "error": 'a line needs "html" or "text"'}
    assert process_line(b'{"id": "t", "text": 3}', RecordOptions(clean=False))["error"] == '--no-clean needs "text"'


def test_the_record_function_without_analysis_never_imports_spacy():
    code = ("import sys; from reader.batch import RecordOptions, process_line; "
            "r = process_line('{\"id\": 1, \"text\": \"Anna Berg opened the new bridge in Ulvik on Monday.\"}', "
            "RecordOptions(analysis=False)); assert 'document' in r, r; print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"


class _Endless(io.RawIOBase):
    """A stream of one `size`-byte line then a normal line, made chunk by chunk (never held whole)."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.tail = b'\n{"id": "after", "text": "x"}\n'
        self.head = b'{"id": "huge", "text": "'

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            self.left -= len(out)
            return out
        if self.left > 0:
            count = min(n, self.left)
            self.left -= count
            return b"a" * count
        out, self.tail = self.tail, b""
        return out


def test_a_100_mb_line_is_rejected_without_building_it():
    tracemalloc.start()
    items = list(iter_lines(_Endless(100_000_000), limit=MAX_RECORD_BYTES))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(items[0], Oversize) and items[0].record_id == "huge"
    assert "larger than 20 MB" in items[0].result()["error"]
    assert items[1:] == [b'{"id": "after", "text": "x"}']
    assert peak < MAX_RECORD_BYTES + 8_000_000, peak  # one record's worth, never the 100 MB line


def test_lines_keep_their_bytes_and_skip_blank_ones():
    data = b'{"id": 1}\r\n\n  \n{"id": 2}'
    assert list(iter_lines(io.BytesIO(data), limit=100)) == [b'{"id": 1}', b'{"id": 2}']
    assert list(iter_lines(io.StringIO('{"id": "é"}\n'), limit=100)) == ['{"id": "é"}'.encode()]
    over = list(iter_lines(io.BytesIO(b'{"id": 9, "text": "' + b"x" * 200 + b'"}\n{"id": 3}\n'), limit=50))
    assert isinstance(over[0], Oversize) and over[0].record_id == 9 and over[1] == b'{"id": 3}'


def test_jobs_are_capped_at_the_cores_and_the_records():
    assert cap_jobs(1000) == cores()
    assert cap_jobs(24, records=2) == min(2, cores())
    assert cap_jobs(None) == cores() and cap_jobs(3, records=0) == 1
    pool = LocalPool(NO_ANALYSIS, jobs=24)
    lines = [json.dumps(record(i, 1)).encode() for i in range(2)]
    out = list(pool.map(iter(lines)))
    assert [json.loads(line)["id"] for line in out] == ["r0", "r1"]
    assert pool.jobs == min(24, cores()) and 1 <= pool.started <= 2


def test_a_record_past_its_time_budget_is_an_error_and_the_batch_goes_on():
    slow = {"id": "slow", "text": "\n\n".join(article(seed, 40) for seed in range(25))}  # tens of seconds to analyse
    lines = [json.dumps(record(1, 2)), json.dumps(slow), "not json", json.dumps(record(2, 2))]
    result = subprocess.run(
        [sys.executable, "-m", "reader", "extract", "--jsonl", "--time-budget", "2"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=240,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["r1", "slow", None, "r2"]
    assert "time budget of 2 s" in out[1]["error"]
    assert "document" in out[0] and "document" in out[3] and "quotes" in out[3]

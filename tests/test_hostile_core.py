"""Hostile input at the core: over-long tokens, long blocks, binary, gzip (each at two sizes), one sentence model.

Growth is judged by counting (tokens, windows, members) or by comparing two
runs with a generous factor; pytest-timeout is the hang guard, never a benchmark.
"""

from __future__ import annotations

import gzip
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.analysis.bounded import MAX_TOKEN_CHARS, WINDOW_CHARS, pipe_windows, split_windows
from reader.analysis.sentences import sentence_breaks, split_sentences
from reader.errors import ReaderError
from reader.load import MAX_FILE_BYTES, gunzip_layers, load_bytes, looks_binary, mib


def _timed(func) -> float:
    began = time.perf_counter()
    func()
    return time.perf_counter() - began


def _linear(small: float, large: float) -> bool:
    """Twice the input may cost at most about twice the time (factor 3, plus slack for a busy machine)."""
    return large <= 3 * small + 0.5



@pytest.mark.parametrize("mark", ["[", '"', "a"], ids=["brackets", "quote-marks", "letters"])
@pytest.mark.timeout(120)
def test_an_over_long_token_is_cut_and_costs_linear_time(nlp, mark):
    sizes = (15_000, 30_000)
    docs = []
    times = []
    for size in sizes:
        text = f"Before {mark * size} after."
        began = time.perf_counter()
        doc = nlp(text)
        times.append(time.perf_counter() - began)
        assert doc.text == text  # offsets stay exact
        assert max(len(token.text) for token in doc) <= MAX_TOKEN_CHARS
        docs.append(doc)
    assert len(docs[1]) <= 2 * len(docs[0]) + 2
    assert _linear(*times)


def test_ordinary_text_is_tokenized_as_before(nlp):
    text = "The mayor said on Thursday that the bridge would open. https://example.com/a/b"
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.tokenizer.inner(text)]


def test_long_blocks_are_parsed_in_windows_cut_at_sentence_breaks():
    text = "The council met in the town hall on a Monday. " * 2_000  # 92,000 characters
    for big in (text, text * 2):
        pieces = split_windows(big)
        assert "".join(pieces) == big
        assert all(len(p) <= WINDOW_CHARS for p in pieces)
        assert all(p.endswith(". ") for p in pieces[:-1])  # at sentence breaks
    assert len(split_windows(text * 2)) <= 2 * len(split_windows(text)) + 1
    assert "".join(split_windows("x" * 50_000)) == "x" * 50_000  # no break, no space: cut anyway


def test_a_long_block_is_analysed_whole_with_its_offsets():
    import spacy

    blank = spacy.blank("en")
    text = "A short sentence here. " * 10_000  # 230,000 characters: more than the old 100,000 cut
    (doc,) = pipe_windows(blank, [text])
    assert doc.text == text


def test_the_time_budget_stops_the_analysis_with_a_line_in_errors():
    from benchmarks.corpus import long_article
    from reader.analysis.pipeline import iter_analysis

    document = long_article(2_000)
    *_, last = iter_analysis(document, None, budget=0.0)
    assert last.blocks_done < len(document.blocks)
    assert any("time budget" in line for line in last.errors)


# -- binary and gzip ---------------------------------------------------------------------------


def test_random_bytes_are_refused_and_text_is_not(tmp_path):
    noise = random.Random(1).randbytes(200_000)
    path = tmp_path / "noise.bin"
    path.write_bytes(noise)
    with pytest.raises(ReaderError, match="binary"):
        load_bytes(str(path))
    for text in ("Plain words, \u00e9t\u00e9 caf\u00e9.\n" * 500,):
        for encoding in ("utf-8", "cp1252", "utf-16"):
            assert not looks_binary(text.encode(encoding))
    small, large = noise[:100_000], noise * 10
    assert _linear(_timed(lambda: looks_binary(small)), _timed(lambda: looks_binary(large)))  # a bounded sample


def test_every_gzip_member_is_read_and_nested_gzip_is_unwrapped_once_more():
    members = b"".join(gzip.compress(f"Member {i}.\n".encode()) for i in range(3))
    assert gunzip_layers(members, "x") == b"Member 0.\nMember 1.\nMember 2.\n"
    assert gunzip_layers(gzip.compress(gzip.compress(b"Inner text.")), "x") == b"Inner text."
    with pytest.raises(ReaderError, match="nested"):
        gunzip_layers(gzip.compress(gzip.compress(gzip.compress(b"deep"))), "x")
    with pytest.raises(ReaderError, match="broken gzip"):
        gunzip_layers(gzip.compress(b"cut short " * 100)[:-12], "x")


def test_many_gzip_members_cost_linear_time():
    one = gzip.compress(b"A line of text.\n")
    small, large = one * 5_000, one * 10_000
    assert gunzip_layers(large, "x").count(b"\n") == 10_000
    assert _linear(_timed(lambda: gunzip_layers(small, "x")), _timed(lambda: gunzip_layers(large, "x")))


# -- files, URLs, limits ---------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(20)
def test_a_fifo_or_a_device_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReaderError, match="FIFO"):
        load_bytes(str(fifo))
    if os.path.exists("/dev/zero"):
        with pytest.raises(ReaderError, match="device"):
            load_bytes("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_export_writes_only_regular_files(tmp_path):
    from reader.export.files import atomic_write_text

    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    with pytest.raises(ReaderError, match="not a regular file"):
        atomic_write_text(fifo, "text", force=True)
    assert not fifo.is_file()  # still the FIFO, not replaced


def test_bad_urls_and_limits_are_plain_lines():
    from reader.fetch import check_url

    with pytest.raises(ReaderError, match="not a valid URL"):
        check_url("http://[::1")
    with pytest.raises(ReaderError, match="redirect refused"):
        check_url("data:text/html,hi", redirect=True)
    with pytest.raises(ReaderError, match="redirect refused"):
        check_url("javascript:alert(1)", redirect=True)
    assert mib(MAX_FILE_BYTES) == "200 MiB"


# -- the notes database ------------------------------------------------------------------------


def test_a_damaged_notes_database_is_one_plain_line(tmp_path):
    from reader.store import Store

    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database at all " * 200)
    with pytest.raises(ReaderError, match="damaged"):
        Store(path)


def test_a_full_disk_during_the_schema_set_up_keeps_the_real_error():
    from reader.store import plain_error
    from reader.store_schema import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)

    def full(conn):
        conn.execute("ROLLBACK")  # what SQLite does itself when the disk is full
        raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(sqlite3.OperationalError, match="disk is full") as caught:
        migrate(conn, [full])
    assert plain_error(caught.value) == "the disk is full"


# -- one sentence model ------------------------------------------------------------------------


def test_abbreviations_and_initials_are_no_sentence_breaks():
    text = "Mr. J. Smith met Dr. Jones at 5 p.m. on Jan. 3 in the U.S. Capitol. Then they left. Next"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. J. Smith met Dr. Jones at 5 p.m. on Jan. 3 in the U.S. Capitol.", "Then they left.", "Next"
    ]
    assert len(list(sentence_breaks(text))) == 2


def test_h_marks_the_sentence_the_timeline_shows(reference_document, reference_analysis):
    from reader.notes import sentence_span

    items = [i for i in reference_analysis.timeline if i.sentence_end > i.sentence_start]
    assert items
    for item in items:
        span = sentence_span(reference_document, item.start, reference_analysis.sentences)
        assert span == (item.sentence_start, item.sentence_end)


def test_the_quote_splitter_is_the_shared_one():
    from reader.analysis.quotes import sentences as quote_sentences

    text = "He said it. Mr. Lee agreed. \u201cYes,\u201d she said."
    assert list(quote_sentences.sentence_breaks(text, 0, len(text))) == list(sentence_breaks(text))


# -- the analysis process ------------------------------------------------------------------------


@pytest.mark.timeout(240)
def test_the_analysis_process_streams_what_the_pipeline_computes_and_dies_on_cancel(nlp):
    from benchmarks.corpus import long_article
    from reader.analysis.pipeline import analyse
    from reader.analysis.worker import AnalysisService

    document = long_article(8_000)  # long enough (over 40,000 characters) for the parsing helper
    service = AnalysisService(helper=True)
    try:
        snapshots = list(service.analyse(document))
        pids = service.pids
    finally:
        service.cancel()
    assert snapshots[-1].to_dict() == analyse(document, nlp, parallel=False).to_dict()
    assert len(pids) == 2
    again = AnalysisService(helper=False)
    stream = again.analyse(document)
    next(stream)
    pids += again.pids
    began = time.monotonic()
    again.cancel()
    assert time.monotonic() - began < 1.0
    assert list(stream) == []
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


@pytest.mark.timeout(120)
def test_the_analysis_process_starts_while_an_app_captures_stderr():
    """A running Textual app replaces sys.stderr with an object whose fileno() is -1."""
    script = (
        "import sys\n"
        "class Capture:\n"
        "    def write(self, text): return len(text)\n"
        "    def flush(self): pass\n"
        "    def fileno(self): return -1\n"
        "sys.stderr = Capture()\n"
        "from reader.analysis.worker import AnalysisService\n"
        "service = AnalysisService(helper=True)\n"
        "service.start()\n"
        "print(len(service.pids))\n"
        "service.cancel()\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=100)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "2"

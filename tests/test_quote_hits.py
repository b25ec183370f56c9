"""The one-pass match index of the channel search (`quotes.hits`): it never hides a match a window search finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.nlp import parse_blocks
from reader.analysis.quotes import extract as quote_extract
from reader.analysis.quotes.clauses import ACCORDING_ANY
from reader.analysis.quotes.extract import extract_quotes
from reader.analysis.quotes.hits import BlockHits
from reader.model import Document

_PIECES = ["according", "According", "ACCORDING", "to", "told", "telling", "in", "an", "interview", "with",
           "speaking", "said", "Reuters", "AP", "the", "Daily", "x", " ", "  ", "\n", ",", ".", '"', "-"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.integers(0, 200), st.integers(0, 200))
def test_a_window_search_never_finds_a_match_the_index_misses(pieces, a, b):
    text = "".join(p if p.strip() == "" or p in ",." else p + " " for p in pieces)
    start, end = min(a, b), max(a, b)
    for pattern in (ACCORDING_ANY, quote_extract._TOLD_LEADS):
        hits = BlockHits(pattern, [text])
        if pattern.search(text, start, end) is not None:
            assert hits.starts_in(0, start, end)
    if quote_extract._TOLD.search(text, start, end) is not None:
        assert BlockHits(quote_extract._TOLD_LEADS, [text]).starts_in(0, start, end)


def test_the_index_answers_by_match_starts():
    text = "a told b, then according to AP and according to Reuters"
    hits = BlockHits(ACCORDING_ANY, [text])
    first = text.index("according")
    assert hits.starts_in(0, first, first + 1)
    assert not hits.starts_in(0, 0, first)
    assert not hits.starts_in(0, first + 1, text.rindex("according"))


def test_channels_in_a_long_paragraph_are_those_of_searching_every_window(monkeypatch):
    unit = '"a," she said. "b," he said, according to AP. "c." Tom Hale told Reuters that. "d," she said. '
    document = Document.from_blocks([("paragraph", "x " * 400 + unit * 40 + '"e," she said. ' * 100, 0)])
    quotes = extract_quotes(document, list(parse_blocks(document, None)), [])
    with monkeypatch.context() as patch:
        patch.setattr(BlockHits, "starts_in", lambda self, index, start, end: True)
        every_window = extract_quotes(document, list(parse_blocks(document, None)), [])
    assert quotes == every_window
    assert {q.channel for q in quotes} == {"", "AP", "Reuters"}

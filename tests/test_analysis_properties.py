"""Property tests: every offset the analysis gives slices the body to the text it claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.nlp import load_nlp
from reader.analysis.pipeline import analyse, iter_analysis
from reader.commands.extract import document_from_text
from reader.model import Analysis, Document

FRAGMENTS = [
    "Maria Lopez", "the mayor", "she said", "he added", "according to Reuters", "AP",
    "“We will not move,”", "“The bridge", "is closed.”", '"Enough," said Tom Hale.', "on Thursday",
    "last week", "in March 2024", "two days earlier", "nearly three years", "the Harbour Council",
    "Oslo", "Norwegian", ":", ",", ".", "\n", "\n\n", "“", "”", '"', "'", "2014", "$2,014",
    "[bold red]", "Sources: AP, Daily Lantern.", "Also read", "   ", "é", "中文", "🙂",
]

text_strategy = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40).map(" ".join)


def check_offsets(document: Document, analysis: Analysis) -> None:
    body = document.body
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= len(body)
    for entity in analysis.entities:
        assert entity.mentions
        for m in entity.mentions:
            assert body[m.start : m.end] == m.text
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(body)
        if quote.speaker_id is not None:
            assert analysis.entity(quote.speaker_id) is not None
    for item in analysis.timeline:
        if item.start >= 0 and item.end > item.start:
            assert body[item.start : item.end] == item.text
    for source in analysis.sources:
        for m in source.mentions:
            assert body[m.start : m.end] == m.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy, dated=st.booleans())
def test_offsets_slice_the_body(text, dated):
    document = document_from_text(text, published="2026-01-09" if dated else None)
    check_offsets(document, analyse(document, load_nlp()))


@settings(max_examples=60, deadline=None)
@given(text=text_strategy)
def test_offsets_hold_without_a_model(text):
    document = document_from_text(text, published="2026-01-09")
    analysis = analyse(document, None)
    assert not analysis.entities_available and analysis.entities == []
    check_offsets(document, analysis)


def test_streaming_ends_with_the_complete_analysis(reference_document):
    snapshots = list(iter_analysis(reference_document, load_nlp()))
    assert snapshots[-1].complete
    final = analyse(reference_document, load_nlp())
    assert [q.text for q in snapshots[-1].quotes] == [q.text for q in final.quotes]
    assert [e.name for e in snapshots[-1].entities] == [e.name for e in final.entities]


def test_reference_offsets(reference_document, reference_analysis):
    check_offsets(reference_document, reference_analysis)
    assert reference_analysis.model.startswith("en_core_web_sm")

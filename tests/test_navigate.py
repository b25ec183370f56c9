"""Plain-Python navigation (reader.navigate), the article layout and the cancellable analysis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader import navigate as nav
from reader.search import find_all
from reader.analysis.pipeline import iter_analysis
from reader.model import Document, Entity, Mention, Quote
from reader.layout import ArticleLayout, wrap


def test_next_span_wraps_both_ways():
    spans = [(0, 3), (10, 13), (20, 23)]
    assert nav.next_span(spans, 0) == 1
    assert nav.next_span(spans, 20) == 0
    assert nav.next_span(spans, 10, -1) == 0
    assert nav.next_span(spans, 0, -1) == 2
    assert nav.next_span(spans, 20, wrap=False) is None
    assert nav.next_span([], 5) is None


def test_nearest_and_containing_span():
    spans = [(0, 3), (10, 13), (20, 23)]
    assert nav.nearest_span(spans, 11) == 1
    assert nav.nearest_span(spans, 17) == 2
    assert nav.span_at(spans, 13) == 1 and nav.span_at(spans, 15) is None


def test_mention_index_prefers_the_innermost_mention():
    outer = Entity("e1", "Foreign Ministry", "organisation", mentions=[Mention(0, 16, "Foreign Ministry")])
    person = Entity("e2", "Maria Zakharova", "person",
                    mentions=[Mention(0, 28, "Foreign Ministry spokeswoman", "description"), Mention(29, 44, "Maria Zakharova")])
    index = nav.MentionIndex.build([outer, person])
    assert index.entity_at(3) == "e1"
    assert index.entity_at(20) == "e2"
    assert index.entity_at(30) == "e2"
    assert index.entity_at(50) is None
    assert [t[2] for t in index.in_range(25, 40)] == ["e2", "e2"]


def test_quotes_navigation_and_the_way_back_from_a_speaker():
    quotes = [Quote("q1", 10, 40, "a", speaker_start=45, speaker_end=48), Quote("q2", 60, 90, "b")]
    assert nav.quote_at(quotes, 20).id == "q1"
    assert nav.quote_at(quotes, 50) is None
    assert nav.next_quote(quotes, 10).id == "q2"
    assert nav.next_quote(quotes, 60).id == "q1"
    assert nav.next_quote(quotes, 60, -1).id == "q1"
    assert [q.id for q in nav.quotes_by_speaker_mention(quotes, 46)] == ["q1"]


def test_find_all_is_smart_case_and_spans_white_space():
    body = "Peace talks. peace\ntalks and PEACE"
    assert find_all(body, "peace") == [(0, 5), (13, 18), (29, 34)]
    assert find_all(body, "Peace") == [(0, 5)]
    assert find_all(body, "peace talks") == [(0, 11), (13, 24)]
    assert find_all(body, "[bold]") == [] and find_all(body, "  ") == []


def test_jump_list_is_bounded_and_skips_repeats():
    jumps = nav.JumpList(limit=3)
    for offset in (1, 1, 2, 3, 4):
        jumps.push(offset)
    assert jumps.back == [2, 3, 4]
    assert jumps.pop() == 4 and len(jumps) == 2


def test_reading_minutes():
    assert nav.reading_minutes(0) == 0
    assert nav.reading_minutes(10) == 1
    assert nav.reading_minutes(2300) == 10


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd\n世界é"), max_size=200), st.integers(min_value=1, max_value=30))
def test_wrap_keeps_every_character_and_fits_the_width(text, width):
    lines = wrap(text, width)
    for start, end in lines:
        piece = text[start:end]
        assert cell_len(piece) <= width or len(piece) == 1
        assert "\n" not in piece
    covered = "".join(text[s:e] for s, e in lines)
    assert "".join(covered.split()) == "".join(text.split())  # only white space is dropped


def test_layout_maps_offsets_to_lines_and_back():
    doc = Document.from_blocks(
        [("heading", "A heading", 2), ("paragraph", "word " * 60, 0), ("list_item", "an item " * 20, 0)],
        title="Title", byline="By Someone", published="2026-01-09", url="https://example.org/a",
    )
    layout = ArticleLayout.build(doc, 40)
    kinds = [line.kind for line in layout.lines[:4]]
    assert kinds == ["title", "meta", "url", "blank"]
    assert layout.lines[1].text == "By Someone · 9 January 2026"
    for block in doc.blocks:
        y = layout.y_for_offset(block.start)
        assert layout.lines[y].start == block.start
        assert layout.offset_for_y(y) == block.start
    items = [line for line in layout.lines if line.kind == "list_item"]
    assert items[0].prefix == "• " and all(line.prefix == "  " for line in items[1:])
    start, end = layout.body_range(0, len(layout))
    assert (start, end) == (0, len(doc.body))


def test_the_analysis_stops_when_cancelled():
    doc = Document.from_blocks([("paragraph", f"Paragraph {i} said the minister on Monday.", 0) for i in range(50)])
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    assert list(iter_analysis(doc, None, cancelled=cancelled)) == []
    assert len(asked) == 4


def test_a_layout_built_in_steps_equals_one_built_at_once():
    doc = Document.from_blocks([("paragraph", f"Paragraph {i} " + "word " * (i % 40), 0) for i in range(120)], title="T")
    whole = ArticleLayout.build(doc, 30)
    steps = ArticleLayout.build(doc, 30, blocks=7)
    assert not steps.complete and steps.laid_end < len(doc.body)
    while not steps.complete:
        steps.extend(11)
    assert steps.lines == whole.lines and steps.block_ys == whole.block_ys
    assert steps.y_for_offset(doc.blocks[90].start) == whole.y_for_offset(doc.blocks[90].start)

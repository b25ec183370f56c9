"""The timeline pane's data: `extract_timeline` on the reference article and on our own
documents (sentences, entities, the article's own date, order, offsets)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.nlp import parse_blocks
from reader.analysis.timeline import article_date, extract_timeline, find_timexes, period_start
from reader.model import ArticleDate, Document, Entity, Mention
from reader.time_order import rows_in_order

from tests.conftest import REFERENCE_DATE


def _timeline(document: Document, entities: list[Entity] | None = None):
    return extract_timeline(document, list(parse_blocks(document, None)), entities or [])


def test_reference_article_items(reference_analysis, reference_document) -> None:
    by_text = {item.text: item for item in reference_analysis.timeline}
    assert by_text["January 6"].value == "2026-01-06"
    assert by_text["Thursday"].value == "2026-01-08"
    assert by_text["Thursday"].label == "Thu 8 Jan 2026"
    assert by_text["February 2022"].value == "2022-02"
    assert by_text["February 2022"].label == "Feb 2022"
    assert by_text["2014"].value == "2014"
    years = by_text["nearly three years"]
    assert (years.value, years.type, years.approximate, years.label) == ("P3Y", "DURATION", True, "3 years")
    body = reference_document.body
    for item in reference_analysis.timeline:
        assert 0 <= item.start
        assert body[item.start : item.end] == item.text
        assert item.sentence_start <= item.start < item.end <= item.sentence_end


def test_reference_article_without_a_model(reference_document) -> None:
    items = _timeline(reference_document)
    assert all(item.start >= 0 for item in items)
    values = [(item.text, item.value) for item in items]
    assert ("January 6", "2026-01-06") in values
    assert ("Thursday", "2026-01-08") in values
    assert ("February 2022", "2022-02") in values
    assert ("2014", "2014") in values
    assert ("nearly three years", "P3Y") in values
    assert not any(item.is_published for item in items)  # the body never gives the article's own day
    assert article_date(reference_document) == ArticleDate(REFERENCE_DATE, "Fri 9 Jan 2026")


def test_reference_article_is_in_date_order(reference_document) -> None:
    rows = rows_in_order(_timeline(reference_document), article_date(reference_document))
    dated = [row.value for row in rows if isinstance(row, ArticleDate) or row.type in ("DATE", "TIME")]
    assert dated[:5] == ["2014", "2022-02", "2026-01-06", "2026-01-08", REFERENCE_DATE]


def _document(paragraphs: list[str], published: str | None) -> Document:
    return Document.from_blocks([("paragraph", p, 0) for p in paragraphs], published=published)


def test_items_link_their_sentence_and_its_entities() -> None:
    doc = _document(["Ann Lee arrived in Oslo on Monday. Bob Ray left last week."], "2013-03-21")
    ann = Entity("e1", "Ann Lee", "person", mentions=[Mention(0, 7, "Ann Lee")])
    oslo = Entity("e2", "Oslo", "place", mentions=[Mention(19, 23, "Oslo")])
    bob = Entity("e3", "Bob Ray", "person", mentions=[Mention(35, 42, "Bob Ray")])
    items = {item.text: item for item in _timeline(doc, [ann, oslo, bob])}
    monday = items["Monday"]
    assert doc.body[monday.sentence_start : monday.sentence_end] == "Ann Lee arrived in Oslo on Monday."
    assert monday.entity_ids == ["e1", "e2"]
    assert items["last week"].entity_ids == ["e3"]


def test_the_article_date_in_the_text_is_marked() -> None:
    doc = _document(["The council voted today.", "It met on March 3, 2010 and again on Friday."], "2013-03-22")
    items = _timeline(doc)
    assert [(i.text, i.is_published) for i in items] == [
        ("March 3, 2010", False), ("today", True), ("Friday", True)]
    assert all(i.start >= 0 for i in items)


def test_durations_sets_and_unresolved_come_after_dates_in_text_order() -> None:
    doc = _document(["For three years the board met every week.", "Now it meets in June 2014."], "2013-03-21")
    items = _timeline(doc)
    assert [i.text for i in items] == ["June 2014", "three years", "every week", "Now"]
    rows = rows_in_order(items, article_date(doc))
    assert rows[0] == ArticleDate("2013-03-21", "Thu 21 Mar 2013")
    assert [i.label for i in rows] == ["Thu 21 Mar 2013", "Jun 2014", "3 years", "every week", "now"]


def test_without_a_published_date() -> None:
    doc = _document(["The minister spoke on Thursday about the crisis of 2008."], None)
    items = _timeline(doc)
    assert [(i.text, i.value, i.resolved) for i in items] == [
        ("2008", "2008", True), ("Thursday", "XXXX-WXX-4", False)]
    assert not any(i.is_published for i in items)
    assert article_date(doc) is None and rows_in_order(items, None) == items


def test_later_resolves_across_blocks() -> None:
    doc = _document(["The fire broke out on March 3, 2010.", "Two days later, the mayor resigned."], "2013-03-21")
    assert [(i.text, i.value) for i in _timeline(doc)] == [
        ("March 3, 2010", "2010-03-03"), ("Two days later", "2010-03-05")]


def test_period_start() -> None:
    assert period_start("2014") == (dt.date(2014, 1, 1), 0)
    assert period_start("2013-W11") == (dt.date(2013, 3, 11), 0)
    assert period_start("2012-SU") == (dt.date(2012, 6, 1), 0)
    assert period_start("199") == (dt.date(1990, 1, 1), 0)
    assert period_start("2013-03-21T14:30") == (dt.date(2013, 3, 21), 14 * 60 + 30)
    assert period_start("2011-01-XX") == (dt.date(2011, 1, 1), 0)  # some day of January 2011
    assert period_start("2011-06-XXTEV") == (dt.date(2011, 6, 1), 19 * 60)
    assert period_start("P3Y") is None
    assert period_start("PRESENT_REF") is None


_WORDS = ["on", "Thursday", "January", "6", ",", "2014", "the", "1990s", "last", "week", "nearly", "three",
          "years", "ago", "every", "day", "at", "9", "a.m.", "15:00", "GMT", "Q3", "fiscal", "spring", "of",
          "now", "2009-10", "Feb.", "30", "31", "99:99", "$", "2,014", "-", "'", "May", "Christmas",
          "later", "earlier", "this", "next", "month", "the", "day", "before", "yesterday", "\n\n", "12/31/1999",
          "13/13/2013", "2013-02-30", "week", "of", "March", "1st", "half", "decade", "centuries", "FY",
          "a", "Monday", "quarter", "year-ago", "year-earlier", "period", "ended", "nineteen", "ninety-six",
          "two thousand", "\"", "``", "''", "“", "”", "previous", "latest", "last year", ":"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([None, "2013-03-21", "2000-02-29"]))
def test_offsets_slice_the_text_and_nothing_crashes(words: list[str], dct: str | None) -> None:
    text = " ".join(words)
    spans = []
    for timex in find_timexes(text, dct):
        assert text[timex.start : timex.end] == timex.text
        assert timex.text.strip() == timex.text and timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value
        spans.append((timex.start, timex.end))
    for (a_start, a_end), (b_start, _) in zip(spans, spans[1:]):
        assert a_end <= b_start

"""The reference article's whole analysis: entities, quotes with speakers, timeline and sources."""

from __future__ import annotations

import pytest

from reader.model import ArticleDate
from reader.time_order import rows_in_order


def by_name(analysis, name):
    return next(e for e in analysis.entities if e.name == name)


def test_model_is_reported(reference_analysis):
    assert reference_analysis.entities_available
    assert reference_analysis.model.startswith("en_core_web_sm")


@pytest.mark.parametrize(
    "name, kind, alias",
    [("Maria Zakharova", "person", "Zakharova"), ("Volodymyr Zelensky", "person", "Zelensky"),
     ("Associated Press", "organisation", "AP"), ("Kyiv", "place", None), ("Russia", "place", None),
     ("Russian", "group", None), ("Steve Witkoff", "person", None), ("Emmanuel Macron", "person", None)],
)
def test_entities(reference_analysis, name, kind, alias):
    entity = by_name(reference_analysis, name)
    assert entity.kind == kind
    if alias:
        assert alias in entity.aliases


def test_one_entity_per_person_and_no_boilerplate(reference_analysis):
    names = [e.name for e in reference_analysis.entities]
    assert len(names) == len(set(names))
    assert not any("Zakharova" in n for n in names if n != "Maria Zakharova")
    for junk in ("Homepage", "Golden Brown", "Shutterstock", "MGDK"):
        assert not any(junk in n for n in names)


def test_quotes_and_speakers(reference_analysis):
    quotes = {q.text.rstrip(",. ")[:30]: q for q in reference_analysis.quotes}
    expect = {
        "The deployment on Ukrainian te": "Maria Zakharova",
        "All these units and facilities": "Maria Zakharova",
        "a veritable axis of war": "Maria Zakharova",
        "90% done": "Volodymyr Zelensky",
        "We have determined which count": "Volodymyr Zelensky",
        "firmly supports": "Steve Witkoff",
        "an extremely important moment": "Jared Kushner",
        "a significant step": "Emmanuel Macron",
    }
    for start, speaker in expect.items():
        assert quotes[start].speaker == speaker, start
    assert len(reference_analysis.quotes) == len(expect)
    added = quotes["All these units and facilities"]
    assert added.cue == "added"
    body = added.text  # the quoted words are an exact slice of the body
    assert body.startswith("All these units")
    assert quotes["a veritable axis of war"].channel == "AP"
    assert quotes["firmly supports"].partial


def test_names_in_scare_quotes_are_not_quotes(reference_analysis):
    texts = [q.text.lower() for q in reference_analysis.quotes]
    assert not any("coalition of the willing" in t for t in texts)


def test_timeline(reference_analysis):
    values = {item.text: item.value for item in reference_analysis.timeline if item.text}
    assert values["January 6"] == "2026-01-06"
    assert values["Thursday"] == "2026-01-08"
    assert values["February 2022"] == "2022-02"
    assert values["2014"] == "2014"
    duration = next(i for i in reference_analysis.timeline if i.text == "nearly three years")
    assert duration.type == "DURATION" and duration.approximate
    assert reference_analysis.published == ArticleDate("2026-01-09", "Fri 9 Jan 2026")
    rows = rows_in_order(reference_analysis.timeline, reference_analysis.published)
    assert reference_analysis.published in rows and all(i.start >= 0 for i in reference_analysis.timeline)
    dated = [i.value for i in reference_analysis.timeline if i.type == "DATE" and i.value[:1].isdigit()]
    assert dated == sorted(dated)


def test_sources(reference_analysis):
    sources = {s.name: s for s in reference_analysis.sources}
    ap = sources["Associated Press"]
    assert ap.kind == "agency" and len(ap.mentions) == 2
    assert sources["Ziare"].kind == "outlet"
    assert sources["Maria Zakharova"].kind == "person" and len(sources["Maria Zakharova"].quote_ids) == 3
    assert sources["Golden Brown / Shutterstock.com"].kind == "image_credit"
    assert not any(s.kind == "agency" and s.name != "Associated Press" for s in reference_analysis.sources)

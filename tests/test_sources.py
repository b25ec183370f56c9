"""Sources: agencies, outlets, quoted people, documents, links and credits."""

from __future__ import annotations

from reader.analysis.sources import find_sources
from reader.model import Document, Entity, Link, Mention, Quote


def _doc(*paragraphs: str, **meta) -> Document:
    return Document.from_blocks([("paragraph", p, 0) for p in paragraphs], **meta)


def _mention(doc: Document, text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.body.index(text, start + 1)
    return Mention(start, start + len(text), text)


def test_agency_full_name_and_acronym_are_one_source():
    doc = _doc(
        "According to the Associated Press, the talks stalled.",
        "The minister called it “a dead end,” according to AP.",
    )
    sources = find_sources(doc, [], [])
    agencies = [s for s in sources if s.kind == "agency"]
    assert [s.name for s in agencies] == ["Associated Press"]
    assert [doc.body[m.start : m.end] for m in agencies[0].mentions] == ["Associated Press", "AP"]


def test_listed_sources_merge_with_mentioned_ones():
    doc = _doc("Reuters reported the strike late on Monday.", listed_sources=["Reuters", "Daily Lantern"])
    sources = find_sources(doc, [], [])
    names = {s.name: s.kind for s in sources}
    assert names["Reuters"] == "agency"
    assert names["Daily Lantern"] == "outlet"
    assert len([s for s in sources if s.name == "Reuters"]) == 1


def test_quoted_people_are_linked_to_their_quotes():
    doc = _doc("“We are ready,” said Ines Moreau, the mayor.")
    ines = Entity("e1", "Ines Moreau", "person", mentions=[_mention(doc, "Ines Moreau")])
    quote = Quote("q1", 1, 13, "We are ready", speaker_start=ines.mentions[0].start,
                  speaker_end=ines.mentions[0].end, speaker_mention="Ines Moreau", speaker_id="e1",
                  speaker="Ines Moreau", cue="said")
    sources = find_sources(doc, [ines], [quote])
    person = next(s for s in sources if s.kind == "person")
    assert person.name == "Ines Moreau" and person.quote_ids == ["q1"] and person.entity_id == "e1"


def test_documents_links_and_credits():
    doc = _doc("In a statement released on Friday, the council said the bridge would close.",
               "The plan is online.", image_credits=["Jo Park / Harbour Photos"])
    start = doc.body.index("plan")
    doc.links.append(Link("https://www.example.org/plan", "plan", start, start + 4))
    sources = find_sources(doc, [], [])
    kinds = {s.kind: s for s in sources}
    assert kinds["document"].name.lower() == "statement"
    assert kinds["link"].name == "example.org" and kinds["link"].url == "https://www.example.org/plan"
    assert kinds["image_credit"].name == "Jo Park / Harbour Photos"
    for source in sources:
        for m in source.mentions:
            assert doc.body[m.start : m.end] == m.text

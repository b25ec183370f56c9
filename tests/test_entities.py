"""Entities: grouping, kinds by evidence, roles, boilerplate, tables and all-caps lines.

Rule tests build `ParsedBlock`s by hand with the spans a model might give
(right or wrong), so they check our rules and not the model. Tests marked
with the `nlp` fixture load the installed English pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.entities import entity_spans, group_entities
from reader.analysis.entities.caps import is_all_caps
from reader.analysis.entities.mentions import split_span
from reader.analysis.entities.tables import is_table_line
from reader.analysis.nlp import ParsedBlock, parse_blocks
from reader.model import Block, Document, Entity

REFERENCE = Path(__file__).resolve().parent.parent / "sample_articles" / "russia-rejects-peace-plan.txt"

# --- helpers -----------------------------------------------------------------


def make_document(*paragraphs: str) -> Document:
    return Document.from_blocks([("paragraph", p, 0) for p in paragraphs])


def hand_parsed(document: Document, spans: list[tuple[str, str]]) -> list[ParsedBlock]:
    """Blocks with model-like spans given as (text, label), found left to right."""
    parsed = [
        ParsedBlock(i, b.start, document.body[b.start : b.end]) for i, b in enumerate(document.blocks)
    ]
    pos = 0
    for text, label in spans:
        start = document.body.index(text, pos)
        end = start + len(text)
        block = parsed[document.block_index_at(start)]
        block.ents.append((start, end, label))
        pos = start + 1
    return parsed


def by_name(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, (name, [(e.name, e.kind) for e in entities])
    return found[0]


def names(entities: list[Entity]) -> set[str]:
    return {e.name for e in entities}


def check_offsets(document: Document, entities: list[Entity]) -> None:
    for i, ent in enumerate(entities, 1):
        assert ent.id == f"e{i}"
        assert ent.mentions == sorted(ent.mentions, key=lambda m: (m.start, m.end))
        for m in ent.mentions:
            assert document.body[m.start : m.end] == m.text
    firsts = [min(m.start for m in e.mentions if m.kind != "description") for e in entities]
    assert firsts == sorted(firsts)


@pytest.fixture(scope="module")
def nlp():
    from reader.analysis.nlp import load_nlp

    model = load_nlp()
    if model is None:  # pragma: no cover - the model is a dependency
        pytest.skip("no English spaCy model installed")
    return model


def analyse_text(nlp, *paragraphs: str) -> tuple[Document, list[Entity]]:
    document = make_document(*paragraphs)
    parsed = list(parse_blocks(document, nlp))
    entities = group_entities(document, parsed)
    check_offsets(document, entities)
    return document, entities


# --- the reference article ---------------------------------------------------


@pytest.fixture(scope="module")
def reference(nlp):
    from reader.clean import clean_text

    document = clean_text(REFERENCE.read_text("utf-8"), origin=str(REFERENCE))
    entities = group_entities(document, list(parse_blocks(document, nlp)))
    return document, entities


def test_reference_people(reference):
    document, entities = reference
    check_offsets(document, entities)
    zakharova = by_name(entities, "Maria Zakharova")
    assert zakharova.kind == "person"
    assert "Zakharova" in zakharova.aliases
    assert "spokes" in zakharova.role
    assert sum(1 for m in zakharova.mentions if m.text == "Zakharova") >= 2
    zelensky = by_name(entities, "Volodymyr Zelensky")
    assert zelensky.kind == "person" and zelensky.aliases == ["Zelensky"]
    assert zelensky.role == "Ukrainian President"
    assert by_name(entities, "Steve Witkoff").role == "US envoy"
    assert by_name(entities, "Emmanuel Macron").role == "French President"


def test_reference_places_groups_and_organisations(reference):
    _, entities = reference
    assert by_name(entities, "Kyiv").kind == "place"
    assert by_name(entities, "Russia").kind == "place"
    assert by_name(entities, "Russian").kind == "group"
    assert by_name(entities, "Ukraine").kind == "place"
    assert by_name(entities, "Ukrainian").kind == "group"
    ap = by_name(entities, "Associated Press")
    assert ap.kind == "organisation" and ap.aliases == ["AP"]
    for name in ("Moscow", "Paris", "Britain", "France", "Washington", "Crimea"):
        assert by_name(entities, name).kind == "place"


def test_reference_one_entity_per_name(reference):
    _, entities = reference
    seen: dict[str, str] = {}
    for ent in entities:
        for m in ent.mentions:
            if m.kind in ("name", "alias"):
                assert seen.setdefault(m.text, ent.id) == ent.id, m.text


def test_reference_raw_lines_give_no_boilerplate(nlp):
    """Without the cleaner, menu lines, image credits and ads still give no entity."""
    text = REFERENCE.read_text("utf-8")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    document, entities = analyse_text(nlp, *paragraphs)
    spans = " | ".join(m.text for e in entities for m in e.mentions)
    for junk in ("Homepage", "Shutterstock", "Golden Brown", "MGDK", "/"):
        assert junk not in spans
    assert by_name(entities, "Maria Zakharova").kind == "person"


# --- grouping ----------------------------------------------------------------


def test_surname_joins_full_name_and_takes_its_kind():
    document = make_document(
        "Finance minister Petra Lindqvist met bankers on Monday.",
        "Officials said Lindqvist would return, and Lindqvist agreed.",
    )
    parsed = hand_parsed(document, [("Petra Lindqvist", "PERSON"), ("Lindqvist", "ORG"), ("Lindqvist", "GPE")])
    (ent,) = group_entities(document, parsed)
    assert ent.kind == "person" and ent.name == "Petra Lindqvist"
    assert ent.aliases == ["Lindqvist"] and len(ent.mentions) == 3


def test_surname_goes_to_the_latest_full_name():
    document = make_document(
        "Anna Berg spoke first.",
        "Then Tomas Berg answered, and Berg was applauded.",
    )
    parsed = hand_parsed(document, [("Anna Berg", "PERSON"), ("Tomas Berg", "PERSON"), ("Berg", "PERSON")])
    entities = group_entities(document, parsed)
    tomas = by_name(entities, "Tomas Berg")
    assert [m.text for m in tomas.mentions] == ["Tomas Berg", "Berg"]


def test_later_untagged_surname_is_found():
    document = make_document("Nadia Okafor opened the talks.", "Delegates said Okafor had prepared well.")
    parsed = hand_parsed(document, [("Nadia Okafor", "PERSON")])
    (ent,) = group_entities(document, parsed)
    assert [m.text for m in ent.mentions] == ["Nadia Okafor", "Okafor"]


def test_acronym_by_initials_and_determiner_trimmed():
    document = make_document(
        "The report was published by the Northern Grain Council on Monday.",
        "An NGC official declined to comment.",
    )
    parsed = hand_parsed(document, [("the Northern Grain Council", "ORG"), ("NGC", "ORG")])
    (ent,) = group_entities(document, parsed)
    assert ent.name == "Northern Grain Council" and ent.aliases == ["NGC"]
    assert ent.kind == "organisation"


def test_acronym_in_parentheses():
    document = make_document("Shares of Harbour Line Shipping Ltd (HLX) rose; HLX gained 3 percent.")
    parsed = hand_parsed(
        document, [("Harbour Line Shipping Ltd", "ORG"), ("HLX", "ORG"), ("HLX", "PERSON")]
    )
    (ent,) = group_entities(document, parsed)
    assert ent.name == "Harbour Line Shipping Ltd" and ent.aliases == ["HLX"]
    assert ent.kind == "organisation" and len(ent.mentions) == 3


def test_company_short_name_joins_full_name():
    document = make_document(
        "Brightwater Mining Corp said output rose.",
        "Brightwater expects more next year, and Brightwater shares rose.",
    )
    parsed = hand_parsed(
        document, [("Brightwater Mining Corp", "ORG"), ("Brightwater", "GPE"), ("Brightwater", "GPE")]
    )
    (ent,) = group_entities(document, parsed)
    assert ent.kind == "organisation" and ent.aliases == ["Brightwater"]


def test_demonym_kept_apart_from_country():
    document = make_document("Russian officials said Russia would not attend.")
    parsed = hand_parsed(document, [("Russian", "NORP"), ("Russia", "GPE")])
    entities = group_entities(document, parsed)
    assert by_name(entities, "Russian").kind == "group"
    assert by_name(entities, "Russia").kind == "place"


def test_gazetteer_fixes_a_wrong_label():
    document = make_document("Talks resumed in Kyiv.", "Officials in Kyiv were hopeful.")
    parsed = hand_parsed(document, [("Kyiv", "PERSON"), ("Kyiv", "PERSON")])
    (ent,) = group_entities(document, parsed)
    assert ent.kind == "place"


def test_gazetteer_names_the_model_missed():
    document = make_document("Delegates from Norway and the United Nations arrived.")
    entities = group_entities(document, hand_parsed(document, [("Delegates", "ORG")]))
    assert by_name(entities, "Norway").kind == "place"
    assert by_name(entities, "United Nations").kind == "organisation"


def test_label_vote_across_mentions():
    document = make_document("Velmora won.", "Velmora lost.", "Velmora drew.")
    parsed = hand_parsed(document, [("Velmora", "ORG"), ("Velmora", "ORG"), ("Velmora", "PERSON")])
    (ent,) = group_entities(document, parsed)
    assert ent.kind == "organisation"


# --- span cleaning -----------------------------------------------------------


def test_trims_possessive_punctuation_and_determiner():
    document = make_document("It is Britain's call, said the United Nations.")
    parsed = hand_parsed(document, [("Britain's", "GPE"), ("the United Nations.", "ORG")])
    assert [m.text for e in group_entities(document, parsed) for m in e.mentions] == [
        "Britain",
        "United Nations",
    ]


def test_title_and_demonym_split_from_a_person_span():
    document = make_document("Defender Luca Moretti scored, and Croat Ivan Horvat replied.")
    parsed = hand_parsed(document, [("Defender Luca Moretti", "PERSON"), ("Croat Ivan Horvat", "PERSON")])
    entities = group_entities(document, parsed)
    assert by_name(entities, "Luca Moretti").kind == "person"
    assert by_name(entities, "Luca Moretti").role == "Defender"
    assert by_name(entities, "Croat").kind == "group"
    assert by_name(entities, "Ivan Horvat").kind == "person"


def test_credit_and_boilerplate_spans_are_dropped():
    document = make_document(
        "Homepage World Markets today",
        "Jane Roe / Example Photos",
        "Picture by lens.example.com",
        "Ads by QXRT",
        "Markets rallied in Tokyo.",
    )
    parsed = hand_parsed(
        document,
        [
            ("Homepage World Markets", "ORG"),
            ("Jane Roe / Example Photos", "PERSON"),
            ("lens.example.com", "ORG"),
            ("QXRT", "ORG"),
            ("Tokyo", "GPE"),
        ],
    )
    assert names(group_entities(document, parsed)) == {"Tokyo"}


def test_span_across_a_newline_is_split():
    body = "Leila Haddad\nBeirut"
    document = Document(body=body, blocks=[Block("paragraph", 0, len(body))])
    parsed = [ParsedBlock(0, 0, body, None, [], [(0, len(body), "PERSON")])]
    assert [m.text for e in group_entities(document, parsed) for m in e.mentions] == ["Leila Haddad", "Beirut"]


def test_split_span_cuts_scores_and_connectors():
    body = "Ashbury 2 Kelvingrove 1 and Brok v Sand"
    assert [body[a:b] for a, b in split_span(body, 0, len(body))] == ["Ashbury", "Kelvingrove", "Brok", "Sand"]


# --- headlines, tables, datelines -------------------------------------------


def test_all_caps_line_uses_known_names_only():
    assert is_all_caps("SOCCER - HARLOW STUNS LEADERS")
    assert not is_all_caps("NATO met in Brussels")
    document = make_document(
        "ZAKHAROVA WARNS OF WIDER WAR IN EUROPE",
        "Maria Zakharova spoke on Thursday.",
    )
    parsed = hand_parsed(
        document, [("ZAKHAROVA WARNS OF WIDER WAR", "ORG"), ("Maria Zakharova", "PERSON")]
    )
    entities = group_entities(document, parsed)
    person = by_name(entities, "Maria Zakharova")
    assert [m.text for m in person.mentions] == ["ZAKHAROVA", "Maria Zakharova"]
    assert by_name(entities, "EUROPE").kind == "place"
    assert not any("WARNS" in m.text for e in entities for m in e.mentions)


def test_results_table_teams_are_organisations_countries_places():
    assert is_table_line("Ashbury 2 Kelvingrove 1")
    assert not is_table_line("Zelensky Says Peace Harbour Deal Is 90% Done As Ministers Meet")
    document = make_document(
        "Results of matches played on Saturday:",
        "Ashbury 2 Kelvingrove 1",
        "Manchester 0 Leeds 3",
        "France 2 Italy 1",
        "Manchester made three changes before the game.",
    )
    parsed = hand_parsed(
        document,
        [("Ashbury", "PERSON"), ("Manchester", "GPE"), ("Leeds", "GPE"), ("France", "GPE"), ("Manchester", "GPE")],
    )
    entities = group_entities(document, parsed)
    for club in ("Ashbury", "Kelvingrove", "Leeds"):
        assert by_name(entities, club).kind == "organisation"
    manchester = by_name(entities, "Manchester")
    assert manchester.kind == "organisation" and len(manchester.mentions) == 2
    assert by_name(entities, "France").kind == "place"
    assert by_name(entities, "Italy").kind == "place"


def test_years_headlines_and_case_names_are_no_tables():
    document = make_document(
        "London 2012",
        "The court cited Roe v Wade.",
        "Roe v Wade",
        "Athletes returned to London for the games.",
    )
    parsed = hand_parsed(document, [("London", "GPE"), ("Roe", "PERSON"), ("Wade", "PERSON"), ("London", "GPE")])
    entities = group_entities(document, parsed)
    assert by_name(entities, "London").kind == "place"
    assert by_name(entities, "Roe").kind == "person"


def test_results_table_of_people():
    document = make_document(
        "1. Anna Lindgren (Sweden) 1:52.30",
        "2. Maria Rossi (Italy) 1:52.91",
        "3. Katrin Vogel (Germany) 1:53.04",
    )
    entities = group_entities(document, hand_parsed(document, [("Anna Lindgren", "ORG")]))
    for person in ("Anna Lindgren", "Maria Rossi", "Katrin Vogel"):
        assert by_name(entities, person).kind == "person"
    for country in ("Sweden", "Italy", "Germany"):
        assert by_name(entities, country).kind == "place"


def test_dateline_place():
    document = make_document("KELSO, Scotland 2024-03-02", "Farmers met on Friday.")
    entities = group_entities(document, hand_parsed(document, [("KELSO", "ORG")]))
    assert by_name(entities, "KELSO").kind == "place"
    assert by_name(entities, "Scotland").kind == "place"


# --- roles and descriptions (with the model) ---------------------------------


def test_title_role_and_later_description(nlp):
    document, entities = analyse_text(
        nlp,
        "Health Ministry spokeswoman Elena Petrova said the clinics would reopen.",
        "Petrova added that the spokeswoman's office would publish figures.",
        "Later the spokeswoman said more.",
    )
    petrova = by_name(entities, "Elena Petrova")
    assert petrova.kind == "person" and petrova.role == "Health Ministry spokeswoman"
    descriptions = [m.text for m in petrova.mentions if m.kind == "description"]
    assert descriptions[0] == "Health Ministry spokeswoman"
    assert "the spokeswoman" in descriptions
    assert entity_spans(entities) and all(s["text"] != "the spokeswoman" for s in entity_spans(entities))


def test_apposition_role(nlp):
    _, entities = analyse_text(nlp, "Jonas Weber, the bank's chief economist, expects lower rates.")
    weber = by_name(entities, "Jonas Weber")
    assert weber.role == "the bank's chief economist"


def test_no_model_gives_no_entities():
    document = make_document("Maria Zakharova spoke in Moscow.")
    parsed = [ParsedBlock(0, 0, document.body)]
    assert group_entities(document, parsed) == []


# --- properties --------------------------------------------------------------

WORDS = [
    "Maria", "Zakharova", "said", "the", "Associated", "Press", "AP", "in", "Kyiv", "MOSCOW",
    "Russia", "Russian", "2", "1", "(Reuters)", "-", "/", "Shutterstock.com", "'s", "US", "envoy",
    "President", "Volodymyr", "Zelensky", ",", ".", "\n", "Ltd", "(ABC)", "v", "Leeds",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), min_size=1, max_size=5))
def test_offsets_always_slice_the_body(nlp, paragraphs):
    texts = [re.sub(r" ?\n ?", "\n", " ".join(p)).strip() for p in paragraphs]
    texts = [t for t in texts if t] or ["Kyiv"]
    document = make_document(*texts)
    entities = group_entities(document, list(parse_blocks(document, nlp)))
    check_offsets(document, entities)
    spans = [(m.start, m.end) for e in entities for m in e.mentions if m.kind != "description"]
    spans.sort()
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b <= c  # named mentions never overlap

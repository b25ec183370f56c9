"""Entities: which mentions are one entity (names side by side, short forms, roles).

Invented sentences; the model's spans are given by hand (see `test_entities`).
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import group_entities
from tests.test_entities import by_name, hand_parsed, make_document


def test_a_comma_keeps_two_names_apart_when_repeats_are_found():
    doc = make_document(
        "Dana Quill met Omar Berg on Monday.",
        "Talks between Quill, Berg and the unions stalled.",
    )
    entities = group_entities(doc, hand_parsed(doc, [("Dana Quill", "PERSON"), ("Omar Berg", "PERSON")]))
    assert [m.text for m in by_name(entities, "Omar Berg").mentions] == ["Omar Berg", "Berg"]
    assert [m.text for m in by_name(entities, "Dana Quill").mentions] == ["Dana Quill", "Quill"]


def test_a_bracket_keeps_a_name_apart_from_the_next():
    doc = make_document("Lena Marsh (Castlemere) won.", "A week later the winner was Marsh (Castlemere) again.")
    spans = [("Lena Marsh", "PERSON"), ("Castlemere", "GPE"), ("Castlemere", "GPE")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert len(by_name(entities, "Lena Marsh").mentions) == 2


def test_an_apposition_holding_another_persons_name_is_not_a_role():
    doc = make_document(
        "Rift between Quill, Berg overstated - spokesman.",
        "Dana Quill and Omar Berg spoke on Monday.",
    )
    spans = [("Quill", "PERSON"), ("Dana Quill", "PERSON"), ("Omar Berg", "PERSON")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    quill, berg = by_name(entities, "Dana Quill"), by_name(entities, "Omar Berg")
    assert "Berg" not in quill.role
    assert not any("Berg" in m.text for m in quill.mentions)
    assert [m.text for m in berg.mentions if m.kind != "description"] == ["Berg", "Omar Berg"]


def test_a_lone_word_joins_the_only_organisation_ending_with_it():
    doc = make_document(
        "Northfield Rovers beat Eastport Harbour Trust on Sunday.",
        "Rovers had lost twice before.",
    )
    spans = [("Northfield Rovers", "ORG"), ("Eastport Harbour Trust", "ORG"), ("Rovers", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert [m.text for m in by_name(entities, "Northfield Rovers").mentions] == ["Northfield Rovers", "Rovers"]


def test_a_lone_head_word_stays_apart():
    doc = make_document("Eastport Harbour Trust and Lakeside Trust met.", "The Trust said nothing.")
    spans = [("Eastport Harbour Trust", "ORG"), ("Lakeside Trust", "ORG"), ("Trust", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert len(by_name(entities, "Lakeside Trust").mentions) == 1


def test_a_name_ending_in_its_home_town_is_also_written_without_it():
    doc = make_document(
        "Valmora Lisbon signed a striker from Kelton Rovers.",
        "The fee paid by Valmora was not disclosed, a Lisbon newspaper said.",
    )
    spans = [("Valmora Lisbon", "ORG"), ("Kelton Rovers", "ORG"), ("Valmora", "GPE"), ("Lisbon", "GPE")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert [m.text for m in by_name(entities, "Valmora Lisbon").mentions] == ["Valmora Lisbon", "Valmora"]
    assert by_name(entities, "Lisbon").kind == "place"


def test_a_short_form_is_found_where_the_model_missed_it():
    doc = make_document("Valmora Lisbon won again.", "Fans of Valmora celebrated in the streets.")
    entities = group_entities(doc, hand_parsed(doc, [("Valmora Lisbon", "ORG")]))
    assert len(by_name(entities, "Valmora Lisbon").mentions) == 2


def test_a_given_name_before_a_town_is_no_short_form():
    doc = make_document("Dana Lisbon won the vote.", "Dana Quill came second.")
    spans = [("Dana Lisbon", "PERSON"), ("Dana Quill", "PERSON")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert len(by_name(entities, "Dana Lisbon").mentions) == 1


def test_a_code_with_digits_does_not_join_a_name():
    doc = make_document("Tankers crossed the Kelton Sea on Monday.", "Rates on the Kelton Sea W40 route held.")
    entities = group_entities(doc, hand_parsed(doc, [("Kelton Sea", "LOC")]))
    assert len(by_name(entities, "Kelton Sea").mentions) == 2


def test_a_known_name_starting_a_sentence_before_its_verb_is_found():
    doc = make_document("Kelton beat Vantor on Saturday.", "Vantor face Kelton away on Sunday.")
    parsed = _parsed(doc, [[("Kelton", "ORG"), ("Vantor", "ORG")], []])
    assert parsed[1].doc is not None and parsed[1].doc[0].tag_ not in ("NNP", "NNPS")  # the case at hand
    entities = group_entities(doc, parsed)
    assert len(by_name(entities, "Vantor").mentions) == 2
    assert len(by_name(entities, "Kelton").mentions) == 2


def test_an_acronym_in_another_word_order_joins_the_name_before_it():
    doc = make_document(
        "The Lantern Workers Front (FWL) called a strike.",
        "FWL leaders met the Kelton Harbour Trust (ZX) on Monday.",
    )
    spans = [("Lantern Workers Front", "ORG"), ("FWL", "ORG"), ("FWL", "ORG"),
             ("Kelton Harbour Trust", "ORG"), ("ZX", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    front = by_name(entities, "Lantern Workers Front")
    assert [m.text for m in front.mentions] == ["Lantern Workers Front", "FWL", "FWL"]
    assert len(by_name(entities, "Kelton Harbour Trust").mentions) == 1


def test_a_heading_word_is_cut_from_a_run_of_names_on_a_table_line():
    doc = make_document(
        "Odds for Northfield Rovers against Eastport on Saturday.",
        "Draw: 9-4",
        "5-1 Northfield Rovers Draw",
        "4-1 Draw Eastport",
    )
    spans = [("Northfield Rovers", "ORG"), ("Eastport", "ORG"), ("Northfield Rovers Draw", "ORG"), ("Draw Eastport", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert len(by_name(entities, "Northfield Rovers").mentions) == 2
    assert len(by_name(entities, "Eastport").mentions) == 2
    assert not any("Draw" in e.name for e in entities)


def test_a_club_named_after_a_weekday_keeps_it():
    doc = make_document(
        "Kelton beat Kelton Saturday on the day.",
        "1-0 Kelton Saturday",
        "2-1 Kelton Saturday",
    )
    spans = [("Kelton", "ORG"), ("Kelton Saturday", "ORG"), ("Kelton Saturday", "ORG"), ("Kelton Saturday", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert len(by_name(entities, "Kelton Saturday").mentions) == 3


def _parsed(doc, spans_by_block):
    from reader.analysis.nlp import load_nlp, parse_blocks

    nlp = load_nlp()
    if nlp is None:  # pragma: no cover - the model is a dependency
        pytest.skip("no spaCy model installed")
    parsed = list(parse_blocks(doc, nlp))
    for block, spans in zip(parsed, spans_by_block):
        block.ents = [(block.start + block.text.index(text), block.start + block.text.index(text) + len(text), label)
                      for text, label in spans]
    return parsed


def test_a_sentences_capital_is_cut_from_a_known_name():
    doc = make_document(
        "Skiers raced in the Kelton Cup on Saturday.",
        "Leading Kelton Cup standings after three events:",
    )
    parsed = _parsed(doc, [[("Kelton Cup", "EVENT")], [("Leading Kelton Cup", "ORG")]])
    assert parsed[1].doc is not None and parsed[1].doc[0].tag_ not in ("NNP", "NNPS")  # the case at hand
    entities = group_entities(doc, parsed)
    cup = by_name(entities, "Kelton Cup")
    assert len(cup.mentions) == 2 and cup.kind == "other"


def test_a_span_grows_to_the_known_name_the_text_writes_there():
    doc = make_document("Northfield Rovers meet Eastport on Saturday.", "Northfield Rovers to win: 6-5")
    spans = [("Northfield Rovers", "ORG"), ("Eastport", "ORG"), ("Rovers", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    rovers = by_name(entities, "Northfield Rovers")
    assert [m.text for m in rovers.mentions] == ["Northfield Rovers", "Northfield Rovers"]

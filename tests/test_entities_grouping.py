"""Entities: which mentions are one entity (names side by side, short forms, roles).

Invented sentences; the model's spans are given by hand (see `test_entities`), on
the model's own parse where a rule reads the tagger.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import group_entities
from tests.test_entities import by_name, hand_parsed, make_document


def _group(paragraphs: list[str], spans: list[tuple[str, str]]):
    doc = make_document(*paragraphs)
    return group_entities(doc, hand_parsed(doc, spans))


def _texts(entities, name: str) -> list[str]:
    return [m.text for m in by_name(entities, name).mentions if m.kind != "description"]


def _parsed_group(paragraphs: list[str], spans_by_block: list[list[tuple[str, str]]], untagged: int):
    """Entities on the model's parse with hand-given spans; the first word of block
    `untagged` must be no proper noun to the tagger (the case at hand)."""
    from reader.analysis.nlp import load_nlp, parse_blocks

    nlp = load_nlp()
    if nlp is None:  # pragma: no cover - the model is a dependency
        pytest.skip("no spaCy model installed")
    doc = make_document(*paragraphs)
    parsed = list(parse_blocks(doc, nlp))
    for block, spans in zip(parsed, spans_by_block):
        block.ents = []
        for text, label in spans:
            start = block.start + block.text.index(text)
            block.ents.append((start, start + len(text), label))
    first = parsed[untagged].doc
    assert first is not None and first[0].tag_ not in ("NNP", "NNPS")
    return group_entities(doc, parsed)


def test_a_comma_keeps_two_names_apart_when_repeats_are_found():
    entities = _group(["Dana Quill met Omar Berg on Monday.", "Talks between Quill, Berg and the unions stalled."],
                      [("Dana Quill", "PERSON"), ("Omar Berg", "PERSON")])
    assert _texts(entities, "Omar Berg") == ["Omar Berg", "Berg"]
    assert _texts(entities, "Dana Quill") == ["Dana Quill", "Quill"]


def test_a_bracket_keeps_a_name_apart_from_the_next():
    entities = _group(["Lena Marsh (Castlemere) won.", "A week later the winner was Marsh (Castlemere) again."],
                      [("Lena Marsh", "PERSON"), ("Castlemere", "GPE"), ("Castlemere", "GPE")])
    assert _texts(entities, "Lena Marsh") == ["Lena Marsh", "Marsh"]


def test_an_apposition_holding_another_persons_name_is_not_a_role():
    entities = _group(["Rift between Quill, Berg overstated - spokesman.", "Dana Quill and Omar Berg spoke on Monday."],
                      [("Quill", "PERSON"), ("Dana Quill", "PERSON"), ("Omar Berg", "PERSON")])
    quill = by_name(entities, "Dana Quill")
    assert "Berg" not in quill.role
    assert not any("Berg" in m.text for m in quill.mentions)
    assert _texts(entities, "Omar Berg") == ["Berg", "Omar Berg"]


def test_a_lone_word_joins_the_only_organisation_ending_with_it():
    entities = _group(["Northfield Rovers beat Eastport Harbour Trust on Sunday.", "Rovers had lost twice before."],
                      [("Northfield Rovers", "ORG"), ("Eastport Harbour Trust", "ORG"), ("Rovers", "ORG")])
    assert _texts(entities, "Northfield Rovers") == ["Northfield Rovers", "Rovers"]


def test_a_lone_head_word_stays_apart():
    entities = _group(["Eastport Harbour Trust and Lakeside Trust met.", "The Trust said nothing."],
                      [("Eastport Harbour Trust", "ORG"), ("Lakeside Trust", "ORG"), ("Trust", "ORG")])
    assert _texts(entities, "Lakeside Trust") == ["Lakeside Trust"]


def test_a_name_ending_in_its_home_town_is_also_written_without_it():
    entities = _group(
        ["Valmora Lisbon signed a striker from Kelton Rovers.",
         "The fee paid by Valmora was not disclosed, a Lisbon newspaper said."],
        [("Valmora Lisbon", "ORG"), ("Kelton Rovers", "ORG"), ("Valmora", "GPE"), ("Lisbon", "GPE")],
    )
    assert _texts(entities, "Valmora Lisbon") == ["Valmora Lisbon", "Valmora"]
    assert by_name(entities, "Lisbon").kind == "place"  # the town stays apart from the club


def test_a_short_form_is_found_where_the_model_missed_it():
    entities = _group(["Valmora Lisbon won again.", "Fans of Valmora celebrated in the streets."],
                      [("Valmora Lisbon", "ORG")])
    assert _texts(entities, "Valmora Lisbon") == ["Valmora Lisbon", "Valmora"]


def test_a_given_name_before_a_town_is_no_short_form():
    entities = _group(["Dana Lisbon won the vote.", "Dana Quill came second."],
                      [("Dana Lisbon", "PERSON"), ("Dana Quill", "PERSON")])
    assert _texts(entities, "Dana Lisbon") == ["Dana Lisbon"]


def test_a_code_with_digits_does_not_join_a_name():
    entities = _group(["Tankers crossed the Kelton Sea on Monday.", "Rates on the Kelton Sea W40 route held."],
                      [("Kelton Sea", "LOC")])
    assert _texts(entities, "Kelton Sea") == ["Kelton Sea", "Kelton Sea"]


def test_a_known_name_starting_a_sentence_before_its_verb_is_found():
    entities = _parsed_group(["Kelton beat Vantor on Saturday.", "Vantor face Kelton away on Sunday."],
                             [[("Kelton", "ORG"), ("Vantor", "ORG")], []], untagged=1)
    assert _texts(entities, "Vantor") == ["Vantor", "Vantor"]
    assert _texts(entities, "Kelton") == ["Kelton", "Kelton"]


def test_a_sentences_capital_is_cut_from_a_known_name():
    entities = _parsed_group(
        ["Skiers raced in the Kelton Cup on Saturday.", "Leading Kelton Cup standings after three events:"],
        [[("Kelton Cup", "EVENT")], [("Leading Kelton Cup", "ORG")]], untagged=1,
    )
    assert _texts(entities, "Kelton Cup") == ["Kelton Cup", "Kelton Cup"]
    assert by_name(entities, "Kelton Cup").kind == "other"  # the cut span's label was for the longer one


def test_an_acronym_in_another_word_order_joins_the_name_before_it():
    entities = _group(
        ["The Lantern Workers Front (FWL) called a strike.", "FWL leaders met the Kelton Harbour Trust (ZX) on Monday."],
        [("Lantern Workers Front", "ORG"), ("FWL", "ORG"), ("FWL", "ORG"), ("Kelton Harbour Trust", "ORG"), ("ZX", "ORG")],
    )
    assert _texts(entities, "Lantern Workers Front") == ["Lantern Workers Front", "FWL", "FWL"]
    assert _texts(entities, "Kelton Harbour Trust") == ["Kelton Harbour Trust"]


def test_a_heading_word_is_cut_from_a_run_of_names_on_a_table_line():
    entities = _group(
        ["Odds for Northfield Rovers against Eastport on Saturday.", "Draw: 9-4", "5-1 Northfield Rovers Draw",
         "4-1 Draw Eastport"],
        [("Northfield Rovers", "ORG"), ("Eastport", "ORG"), ("Northfield Rovers Draw", "ORG"), ("Draw Eastport", "ORG")],
    )
    assert _texts(entities, "Northfield Rovers") == ["Northfield Rovers", "Northfield Rovers"]
    assert _texts(entities, "Eastport") == ["Eastport", "Eastport"]
    assert not any("Draw" in e.name for e in entities)


def test_a_club_named_after_a_weekday_keeps_it():
    entities = _group(["Kelton beat Kelton Saturday on the day.", "1-0 Kelton Saturday", "2-1 Kelton Saturday"],
                      [("Kelton", "ORG"), ("Kelton Saturday", "ORG"), ("Kelton Saturday", "ORG"), ("Kelton Saturday", "ORG")])
    assert _texts(entities, "Kelton Saturday") == ["Kelton Saturday"] * 3


def test_a_span_grows_to_the_known_name_the_text_writes_there():
    entities = _group(["Northfield Rovers meet Eastport on Saturday.", "Northfield Rovers to win: 6-5"],
                      [("Northfield Rovers", "ORG"), ("Eastport", "ORG"), ("Rovers", "ORG")])
    assert _texts(entities, "Northfield Rovers") == ["Northfield Rovers", "Northfield Rovers"]

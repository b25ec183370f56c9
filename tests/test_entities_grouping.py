"""Entities: which mentions are one entity (names side by side, short forms, roles).

Invented sentences; the model's spans are given by hand (see `test_entities`).
"""

from __future__ import annotations

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

"""Entities: runs of names cut apart, organisation cues across the document (`cues`).

Invented sentences; the model's spans are given by hand (see `test_entities`).
"""

from __future__ import annotations

from reader.analysis.entities import group_entities
from reader.analysis.entities.mentions import Candidate
from reader.analysis.entities.runs import split_runs
from tests.test_entities import by_name, hand_parsed, make_document


def _cand(text: str, start: int, kind: str) -> Candidate:
    cand = Candidate(start, start + len(text), text, 0)
    cand.vote(kind, 1.0)
    return cand


def test_run_of_known_names_is_cut_into_them():
    doc = make_document(
        "The final pits Northfield Rovers against Eastport.",
        "Odds: Northfield Rovers Eastport",
    )
    spans = [("Northfield Rovers", "ORG"), ("Eastport", "ORG"), ("Northfield Rovers Eastport", "ORG")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    rovers = by_name(entities, "Northfield Rovers")
    east = by_name(entities, "Eastport")
    assert len(rovers.mentions) == 2 and len(east.mentions) == 2
    assert "Northfield Rovers Eastport" not in {e.name for e in entities}


def test_run_with_a_word_left_over_stays_whole():
    cands = [_cand("Eastport", 0, "place"), _cand("Eastport Harbour Trust", 20, "organisation")]
    assert [c.text for c in split_runs(cands)] == ["Eastport", "Eastport Harbour Trust"]


def test_person_name_is_never_cut():
    cands = [_cand("Mary Ann", 0, "person"), _cand("Lund", 10, "person"), _cand("Mary Ann Lund", 20, "person")]
    assert [c.text for c in split_runs(cands)] == ["Mary Ann", "Lund", "Mary Ann Lund"]


def test_two_lone_words_stay_one_name_unless_repeated():
    cands = [_cand("Dana", 0, "other"), _cand("Quill", 10, "other"), _cand("Dana Quill", 20, "other")]
    assert [c.text for c in split_runs(cands)][-1] == "Dana Quill"
    twice = [_cand("Eastport", 0, "organisation"), _cand("Eastport Eastport", 20, "organisation")]
    assert [(c.text, c.start) for c in split_runs(twice)] == [("Eastport", 0), ("Eastport", 20), ("Eastport", 29)]


def test_organisation_cue_sets_the_kind_in_every_mention():
    doc = make_document(
        "Shares of the insurer Castlemere fell on Monday.",
        "Castlemere said profits would recover.",
        "Analysts expect Castlemere to cut jobs.",
    )
    spans = [("Castlemere", "PERSON"), ("Castlemere", "PERSON"), ("Castlemere", "PERSON")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert by_name(entities, "Castlemere").kind == "organisation"


def test_cue_after_the_name_marks_a_firm():
    doc = make_document("A Brackwell spokeswoman declined to comment.", "Brackwell shares rose.")
    entities = group_entities(doc, hand_parsed(doc, [("Brackwell", "PERSON"), ("Brackwell", "PERSON")]))
    assert by_name(entities, "Brackwell").kind == "organisation"


def test_cue_leaves_a_person_shaped_name_a_person():
    doc = make_document("Dana Quill won the vote.", "A Quill spokesman said the count was fair.")
    entities = group_entities(doc, hand_parsed(doc, [("Dana Quill", "PERSON"), ("Quill", "PERSON")]))
    assert by_name(entities, "Dana Quill").kind == "person"


def test_repeat_of_an_event_name_in_capitals_joins_it():
    doc = make_document("CYCLING - HARVEST CUP GOES TO THE HILLS", "The Harvest Cup starts on Friday in the hills.")
    entities = group_entities(doc, hand_parsed(doc, [("Harvest Cup", "EVENT")]))
    cup = by_name(entities, "Harvest Cup")
    assert [m.text for m in cup.mentions] == ["HARVEST CUP", "Harvest Cup"]


def test_middle_name_more_is_the_same_person():
    doc = make_document("Dana Maria Quill opened the session.", "Later Dana Quill left early.")
    entities = group_entities(doc, hand_parsed(doc, [("Dana Maria Quill", "PERSON"), ("Dana Quill", "PERSON")]))
    quill = by_name(entities, "Dana Maria Quill")
    assert {m.text for m in quill.mentions} == {"Dana Maria Quill", "Dana Quill"}


def test_middle_names_apart_when_a_third_person_fits():
    doc = make_document("Dana Maria Quill and Dana Ruth Quill spoke.", "Dana Quill agreed.")
    spans = [("Dana Maria Quill", "PERSON"), ("Dana Ruth Quill", "PERSON"), ("Dana Quill", "PERSON")]
    entities = group_entities(doc, hand_parsed(doc, spans))
    assert len(by_name(entities, "Dana Maria Quill").mentions) == 1

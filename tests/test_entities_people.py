"""People: titles that belong to one person, surnames shared by two people, spellings.

Invented sentences, parsed with the spaCy model (skipped without one).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from reader.analysis.entities import group_entities
from reader.analysis.nlp import load_nlp, parse_blocks
from reader.model import Document


@pytest.fixture(scope="module")
def nlp():
    model = load_nlp()
    if model is None:
        pytest.skip("no spaCy model installed")
    return model


def _entities(nlp, text):
    document = Document.from_blocks([("paragraph", part, 0) for part in text.split("\n\n")])
    return group_entities(document, list(parse_blocks(document, nlp)))


def _person(entities, name):
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [e.name for e in entities]
    return found[0]


def test_a_title_stops_at_another_persons_name(nlp):
    entities = _entities(nlp, "Ambassador to the Nordic Council Pia Lund and Energy Secretary Tom Hale spoke.")
    assert _person(entities, "Tom Hale").role == "Energy Secretary"


def test_two_titles_joined_by_and_stay_with_their_own_people(nlp):
    entities = _entities(nlp, "Mayor Dana Ruiz and Treasurer Omar Vance met on Monday.")
    assert _person(entities, "Dana Ruiz").role == "Mayor"
    assert _person(entities, "Omar Vance").role == "Treasurer"


def test_a_joined_title_stays_whole(nlp):
    entities = _entities(nlp, "Trade and Industry Secretary Ann Pole spoke.")
    assert _person(entities, "Ann Pole").role == "Trade and Industry Secretary"


def test_a_shared_surname_with_a_title_goes_to_the_person_with_that_title(nlp):
    entities = _entities(nlp, "Senator Ada Kerr spoke on Monday. Her son, Milo Kerr, runs a bakery in Leeds. "
                              "Milo Kerr said sales were up. Milo Kerr added that he was tired.\n\n"
                              "Senator Kerr said the bill would pass. Kerr later left.")
    ada, milo = _person(entities, "Ada Kerr"), _person(entities, "Milo Kerr")
    assert sum(m.text == "Kerr" for m in ada.mentions) == 2
    assert all(m.text == "Milo Kerr" for m in milo.mentions)


def test_transliterated_surnames_are_one_person(nlp):
    entities = _entities(nlp, "President Mykola Zarechnyy met reporters in Kyiv. Zarechny said the talks "
                              "would go on. Mykola Zarechny thanked the allies.")
    people = [e for e in entities if e.kind == "person"]
    assert len(people) == 1 and len(people[0].mentions) >= 3


def test_given_names_list_names_its_source_and_covers_many_countries():
    data = json.loads(resources.files("reader").joinpath("data/first_names.json").read_text("utf-8"))
    assert "nomquamgender" in data["_about"] and "MIT" in data["_about"]
    names = {n for key in ("m", "f", "either") for n in data[key]}
    assert len(names) > 2000
    assert {"Olena", "Fatima", "Ingrid", "James"} <= names  # Ukrainian, Arabic, Nordic, English

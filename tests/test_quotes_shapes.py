"""Quotes: headings are never quotes, scare quotes get no speaker, "…," said NAME of ORG.

Invented sentences; each checked with the spaCy model and without one.
"""

from __future__ import annotations

import pytest

from reader.analysis.nlp import load_nlp, parse_blocks
from reader.analysis.quotes import extract_quotes
from reader.model import Document

MODES = ["model", "no-model"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _quotes(blocks, mode, nlp):
    if mode == "model" and nlp is None:
        pytest.skip("no spaCy model installed")
    document = Document.from_blocks(blocks)
    parsed = list(parse_blocks(document, nlp if mode == "model" else None))
    if mode == "model":
        from reader.analysis.entities import group_entities

        entities = group_entities(document, parsed)
    else:
        entities = []
    return extract_quotes(document, parsed, entities)


@pytest.mark.parametrize("mode", MODES)
def test_a_heading_is_never_a_quote(mode, nlp):
    quotes = _quotes([("heading", '"We will not back down," the mayor vows', 1),
                      ("paragraph", "Dana Ruiz, the mayor, spoke on Tuesday. She said the plan was fair.", 0)],
                     mode, nlp)
    assert quotes == []


@pytest.mark.parametrize("mode", MODES)
def test_said_name_after_the_quote_is_the_person_not_her_employer(mode, nlp):
    quotes = _quotes([("paragraph", '"The market will cool before spring," said Marta Okafor of the Harlow '
                                    "Institute.", 0)], mode, nlp)
    assert [(q.text.rstrip(","), q.speaker) for q in quotes] == [("The market will cool before spring", "Marta Okafor")]


@pytest.mark.parametrize("mode", MODES)
def test_said_name_with_an_apposition(mode, nlp):
    quotes = _quotes([("paragraph", 'Rents keep rising. "Nobody expects relief this year," said Marta Okafor, '
                                    "a senior fellow at the Harlow Institute.", 0)], mode, nlp)
    assert [q.speaker for q in quotes] == ["Marta Okafor"]


@pytest.mark.parametrize("mode", MODES)
def test_short_single_quoted_term_is_no_quote(mode, nlp):
    quotes = _quotes([("paragraph", "Officials described the agreement as 'stage two' of a longer "
                                    "process.", 0)], mode, nlp)
    assert quotes == []


@pytest.mark.parametrize("mode", MODES)
def test_scare_quote_in_the_writers_sentence_has_no_speaker(mode, nlp):
    quotes = _quotes([("paragraph", 'Ilse Varga spoke first. The new rules are "tough on landlords" and '
                                    "popular with tenants.", 0)], mode, nlp)
    assert all(not q.speaker and q.speaker_id is None for q in quotes)

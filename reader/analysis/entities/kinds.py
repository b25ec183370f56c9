"""Kinds by evidence: what a name's own shape and the gazetteer say, and the vote.

The model's label for one span is one vote among several. A name's shape
adds its own ("Office of Rail Standards" ends with an organisation word; "D.
Quill" starts with an initial; "Maria" is a known given name), the
gazetteer adds strong votes for countries, capitals, major organisations and
demonyms, and a group of mentions sums the votes of all its members, so the
full name's kind carries to a lone surname the model got wrong.
"""

from __future__ import annotations

import re

from reader.analysis.entities.lexicon import (
    ORG_HEADS,
    PLACE_HEADS,
    first_names,
    gazetteer,
)

KINDS = ("person", "organisation", "place", "group", "other")

GAZETTEER_WEIGHT = 3.0
"""A gazetteer hit outweighs a couple of stray model labels."""

_INITIAL = re.compile(r"^(?:[A-Z]\.\s?){1,3}\s*[A-Z][a-z]")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z&]{1,6}$")
_WORD = re.compile(r"[\w'’.&-]+")


def is_acronym(text: str) -> bool:
    """"AP", "NATO", "U.N." (two to seven capitals, optionally dotted)."""
    return bool(_ACRONYM.match(text))


def shape_votes(text: str) -> dict[str, float]:
    """Votes from the name's own words (and the gazetteer)."""
    votes: dict[str, float] = {}
    gaz = gazetteer()
    kind = gaz.kind_of(text.replace("’", "'"))
    if kind is not None:
        votes[kind] = votes.get(kind, 0.0) + GAZETTEER_WEIGHT
    words = _WORD.findall(text)
    if not words:
        return votes
    last = words[-1].casefold().rstrip(".")
    first = words[0].casefold()
    if len(words) >= 2 and (last in ORG_HEADS or last + "." in ORG_HEADS):
        votes["organisation"] = votes.get("organisation", 0.0) + 2.0
    elif len(words) >= 2 and last in PLACE_HEADS:
        votes["place"] = votes.get("place", 0.0) + 1.5
    if any(w.casefold() in ORG_HEADS for w in words[:-1]) and len(words) >= 3 and kind is None:
        votes["organisation"] = votes.get("organisation", 0.0) + 0.75
    if len(words) >= 2 and first in first_names() and kind is None:
        votes["person"] = votes.get("person", 0.0) + 1.5
    if _INITIAL.match(text):
        votes["person"] = votes.get("person", 0.0) + 2.0
    return votes


def add_votes(into: dict[str, float], more: dict[str, float], scale: float = 1.0) -> None:
    for kind, weight in more.items():
        into[kind] = into.get(kind, 0.0) + weight * scale


def decide(votes: dict[str, float], default: str = "other") -> str:
    """The kind with the most weight (ties: person, organisation, place, group, other)."""
    best = default
    best_weight = 0.0
    for kind in KINDS:
        weight = votes.get(kind, 0.0)
        if weight > best_weight:
            best, best_weight = kind, weight
    return best

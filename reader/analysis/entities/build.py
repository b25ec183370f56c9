"""Grouping candidates into entities: same name first, then the merges of people's and
organisations' names (`people`, `orgs`), then each group's kind by vote (`group`)."""

from __future__ import annotations

from reader.analysis.entities.group import Group, by_key, revote
from reader.analysis.entities.mentions import Candidate
from reader.analysis.entities.orgs import (
    merge_acronyms,
    merge_company_names,
    merge_last_words,
    merge_place_short_forms,
    split_possessives,
)
from reader.analysis.entities.people import merge_people


def build_groups(candidates: list[Candidate], body: str) -> list[Group]:
    """Group candidates into entities and decide each group's kind."""
    groups = by_key(candidates)
    for group in groups:
        revote(group)
    groups = merge_people(groups, body)
    groups = merge_acronyms(groups, body)  # "(HLI)" right after a name: surer than a prefix
    groups = merge_company_names(groups)
    groups = merge_last_words(groups)
    groups = merge_place_short_forms(groups)
    groups = split_possessives(groups)
    for group in groups:
        group.members.sort(key=lambda c: c.start)
        revote(group)
    groups.sort(key=lambda g: g.first)
    return groups

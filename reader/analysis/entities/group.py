"""Groups of name candidates, one per entity: the group, its identity key, its kind.

- Same name: mentions whose normalised text is the same ("U.S." = "US")
  start one group (`by_key`); the merges of `people` and `orgs` join groups.
- Kinds: the sum of the members' votes, lone-word members of a longer name
  weighing a fifth, plus the votes of the group's names' own shape; a name
  with an organisation cue in any mention is an organisation unless it looks
  like a person's (`cues`); a name
  listed as a team in a results table is a club unless it is a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.analysis.entities.cues import CUE_VOTE
from reader.analysis.entities.kinds import add_votes, decide, shape_votes
from reader.analysis.entities.lexicon import gazetteer
from reader.analysis.entities.mentions import Candidate

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[\w'’&-]+")
LONE_WEIGHT = 0.2
"""A one-word member of a group with longer names votes at a fifth of the weight:
the full name's kind carries to its short forms."""


def name_key(text: str) -> str:
    """Normalised form for identity: case-folded, no dots, one space, straight apostrophes."""
    key = text.casefold().replace("’", "'").replace(".", "")
    key = _SPACES.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


@dataclass(slots=True)
class Group:
    """Candidates taken for one entity."""

    members: list[Candidate] = field(default_factory=list)
    kind: str = "other"
    votes: dict[str, float] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return min(m.start for m in self.members)

    @property
    def longest(self) -> str:
        return max((m.text for m in self.members), key=lambda t: (len(t.split()), not t.isupper(), len(t)))

    def keys(self) -> set[str]:
        return {name_key(m.text) for m in self.members}


def member_votes(group: Group) -> dict[str, float]:
    long_form = max(len(m.text.split()) for m in group.members) > 1
    votes: dict[str, float] = {}
    for member in group.members:
        scale = LONE_WEIGHT if long_form and len(member.text.split()) == 1 else 1.0
        add_votes(votes, member.votes, scale)
    return votes


def revote(group: Group) -> None:
    """Recompute a group's votes and kind from its members and its names' shape."""
    votes = member_votes(group)
    gaz_best: dict[str, float] = {}
    seen: set[str] = set()
    for member in group.members:
        key = name_key(member.text)
        if key in seen:
            continue
        seen.add(key)
        for kind, weight in shape_votes(member.text).items():
            gaz_best[kind] = max(gaz_best.get(kind, 0.0), weight)
    add_votes(votes, gaz_best)
    if any(m.org_cue for m in group.members) and not _person_shaped(group):
        votes["organisation"] = max(votes.values(), default=0.0) + CUE_VOTE  # the cue decides
    group.votes = votes
    group.kind = decide(votes)
    if group.kind == "place" and any(m.team for m in group.members):
        if not any(gazetteer().is_country(m.text) for m in group.members):
            group.kind = "organisation"


def _person_shaped(group: Group) -> bool:
    """A member's own shape or title says person (a known given name, an initial, a role)."""
    return any(m.role is not None or shape_votes(m.text).get("person", 0.0) > 0 for m in group.members)


def by_key(candidates: list[Candidate]) -> list[Group]:
    groups: dict[str, Group] = {}
    for cand in sorted(candidates, key=lambda c: c.start):
        key = name_key(cand.text)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group()
        group.members.append(cand)
    return list(groups.values())


def words(text: str) -> list[str]:
    """Case-folded words without possessives, straight apostrophes ("O’Neill" = "O'Neill")."""
    text = text.replace("’", "'").replace("'s ", " ")
    if text.endswith("'s"):
        text = text[:-2]
    return [w.casefold().strip("'") for w in _WORD.findall(text)]



"""Grouping candidates into entities: same name, surname to full name, acronym
to full name; then the kind each group wins by vote.

- Same name: mentions whose normalised text is the same ("U.S." = "US").
- Surnames: a lone "Zakharova" joins the person "Maria Zakharova" whatever
  label the model gave the lone surname, unless the gazetteer and the model
  both say it is something else (a "Jordan" tagged as a country stays a
  country). When two people share the surname: the one named just before in
  the same paragraph, else the most mentioned. A lone given name joins the
  only person whose full name starts with it.
- Company names: "Acme" joins "Acme Mining Corp", "Foreign Ministry" joins
  "Russian Foreign Ministry", when only one longer name fits.
- Acronyms: "AP" joins "Associated Press" when the initials match, and "SAB"
  joins the name right before "(SAB)" when the first letters agree.
- Kinds: the sum of the members' votes, lone-word members of a longer name
  weighing a fifth, plus the votes of the group's names' own shape; a name
  listed as a team in a results table is a club unless it is a country.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reader.analysis.entities.kinds import add_votes, decide, is_acronym, shape_votes
from reader.analysis.entities.lexicon import CORPORATE_SUFFIXES, FUNCTION_WORDS, NAME_PARTICLES, gazetteer
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


def _member_votes(group: Group) -> dict[str, float]:
    long_form = max(len(m.text.split()) for m in group.members) > 1
    votes: dict[str, float] = {}
    for member in group.members:
        scale = LONE_WEIGHT if long_form and len(member.text.split()) == 1 else 1.0
        add_votes(votes, member.votes, scale)
    return votes


def revote(group: Group) -> None:
    """Recompute a group's votes and kind from its members and its names' shape."""
    votes = _member_votes(group)
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
    group.votes = votes
    group.kind = decide(votes)
    if group.kind == "place" and any(m.team for m in group.members):
        if not any(gazetteer().is_country(m.text) for m in group.members):
            group.kind = "organisation"


def _by_key(candidates: list[Candidate]) -> list[Group]:
    groups: dict[str, Group] = {}
    for cand in sorted(candidates, key=lambda c: c.start):
        key = name_key(cand.text)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group()
        group.members.append(cand)
    return list(groups.values())


def _words(text: str) -> list[str]:
    """Case-folded words without possessives, straight apostrophes ("O’Neill" = "O'Neill")."""
    text = text.replace("’", "'").replace("'s ", " ")
    if text.endswith("'s"):
        text = text[:-2]
    return [w.casefold().strip("'") for w in _WORD.findall(text)]


def _merge_people(groups: list[Group]) -> list[Group]:
    """Move surname (and other proper-suffix) mentions into the full name's group."""
    suffixes: dict[str, list[Group]] = {}
    for group in groups:
        if group.kind != "person":
            continue
        for member in group.members:
            words = _words(member.text)
            for i in range(1, len(words)):
                if i == len(words) - 1 and (words[i] in NAME_PARTICLES or words[i] in FUNCTION_WORDS):
                    continue
                suffix = " ".join(words[i:])
                owners = suffixes.setdefault(suffix, [])
                if group not in owners:
                    owners.append(group)
    if not suffixes:
        return groups
    gaz = gazetteer()
    starts: dict[int, dict[int, list[int]]] = {}
    for group in groups:
        key = " ".join(_words(group.longest))
        owners = [g for g in suffixes.get(key, []) if g is not group and g.members]
        if not owners or not group.members:
            continue
        gaz_kind = gaz.kind_of(group.longest)
        votes = _member_votes(group)
        if gaz_kind and gaz_kind != "person" and votes.get("person", 0.0) < votes.get(gaz_kind, 0.0):
            continue
        for member in group.members:
            owner = _owner_for(owners, member, starts)
            owner.members.append(member)
            bisect.insort(_starts_of(starts, owner).setdefault(member.block, []), member.start)
        group.members = []
    groups = [g for g in groups if g.members]
    return _merge_given_names(groups)


def _owner_for(owners: list[Group], member: Candidate, starts: dict[int, dict[int, list[int]]]) -> Group:
    """Which of several people sharing a surname a lone surname means: the one named
    in the same paragraph just before, else the most mentioned, else the first named.
    `starts`: per owner (by id), per block, its mention starts in order (see `_block_starts`)."""
    if len(owners) == 1:
        return owners[0]
    best: tuple[int, int] | None = None
    for i, owner in enumerate(owners):
        in_block = _starts_of(starts, owner).get(member.block, [])
        k = bisect.bisect_right(in_block, member.start)
        if k and (best is None or in_block[k - 1] > best[0]):
            best = (in_block[k - 1], i)
    if best is not None:
        return owners[best[1]]
    return max(owners, key=lambda g: (len(g.members), -g.first))


def _starts_of(starts: dict[int, dict[int, list[int]]], group: Group) -> dict[int, list[int]]:
    """The group's mention starts per block, computed once and kept in `starts`."""
    found = starts.get(id(group))
    if found is None:
        found = starts[id(group)] = _block_starts(group)
    return found


def _block_starts(group: Group) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for m in group.members:
        out.setdefault(m.block, []).append(m.start)
    for starts in out.values():
        starts.sort()
    return out


def _merge_given_names(groups: list[Group]) -> list[Group]:
    """A lone given name ("Ingrid") joins the only person whose full name starts with it."""
    firsts: dict[str, list[Group]] = {}
    for group in groups:
        words = _words(group.longest)
        if group.kind == "person" and len(words) >= 2:
            owners = firsts.setdefault(words[0], [])
            if group not in owners:
                owners.append(group)
    for group in groups:
        words = _words(group.longest)
        if group.kind != "person" or len(words) != 1:
            continue
        owners = [g for g in firsts.get(words[0], []) if g.members and g is not group]
        if len(owners) == 1:
            owners[0].members.extend(group.members)
            group.members = []
    return [g for g in groups if g.members]


def _merge_company_names(groups: list[Group]) -> list[Group]:
    """Join "Acme" to "Acme Mining Corp" (a company's name without its suffix), and
    "Foreign Ministry" to "Russian Foreign Ministry" (without its country), when only
    one longer name fits."""
    prefixes: dict[str, list[Group]] = {}
    gaz = gazetteer()
    for group in groups:
        if group.kind != "organisation":
            continue
        words = _words(group.longest)
        if len(words) >= 3 and (words[0] in gaz.demonyms or gaz.kind_of(words[0]) == "place"):
            rest = " ".join(words[1:])  # "Russian Foreign Ministry" -> "Foreign Ministry"
            owners = prefixes.setdefault(rest, [])
            if group not in owners:
                owners.append(group)
        if len(words) < 2 or words[-1] not in CORPORATE_SUFFIXES and words[-1] + "." not in CORPORATE_SUFFIXES:
            continue
        for k in range(1, len(words)):
            if words[k - 1] in FUNCTION_WORDS:
                continue
            prefix = " ".join(words[:k])
            owners = prefixes.setdefault(prefix, [])
            if group not in owners:
                owners.append(group)
    if not prefixes:
        return groups
    for group in groups:
        owners = [g for g in prefixes.get(" ".join(_words(group.longest)), []) if g is not group and g.members]
        if len(owners) != 1 or group.kind == "person" or not group.members:
            continue
        gaz_kind = gaz.kind_of(group.longest)
        if gaz_kind and gaz_kind != "organisation":
            continue
        owners[0].members.extend(group.members)
        group.members = []
    return [g for g in groups if g.members]


def _initials(text: str, skip_function: bool) -> str:
    words = [w for w in _WORD.findall(text) if w]
    if skip_function:
        words = [w for w in words if w.casefold() not in FUNCTION_WORDS and w[:1].isupper()]
    out = []
    for w in words:
        for part in w.split("-"):
            if part:
                out.append(part[0].upper())
    return "".join(out)


def _merge_acronyms(groups: list[Group], body: str) -> list[Group]:
    """Join "AP" to "Associated Press", "SAB" to the name before "(SAB)" (never to a person)."""
    full = [g for g in groups if g.kind != "person" and len(g.longest.split()) >= 2]
    if not full:
        return groups
    by_initials: dict[str, list[Group]] = {}
    ends: dict[int, Group] = {}
    for g in full:
        longest = g.longest
        for letters in {_initials(longest, True), _initials(longest, False)}:
            by_initials.setdefault(letters, []).append(g)
        for m in g.members:
            ends.setdefault(m.end, g)
    for group in groups:
        form = group.longest
        if not is_acronym(form):
            continue
        letters = form.replace(".", "")
        target = None
        for member in group.members:  # "(SAB)" right after a name
            before = body[max(0, member.start - 3) : member.start]
            if "(" not in before:
                continue
            end = member.start - len(before) + before.index("(")
            other = ends.get(end) or ends.get(end - 1)
            if other is not None and other.longest[:1].upper() == letters[:1]:
                target = other
                break
        if target is None:
            matches = [g for g in by_initials.get(letters, []) if g.members]
            if len(matches) == 1:
                target = matches[0]
        if target is not None and target is not group and target.members:
            target.members.extend(group.members)
            group.members = []
    return [g for g in groups if g.members]


_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


def _split_possessives(groups: list[Group]) -> list[Group]:
    """"Pagliano's Fifth Amendment" tagged as one name, where "Pagliano" is a person of
    the text: the person's mention and the rest ("Fifth Amendment") are cut apart."""
    people: dict[str, Group] = {}
    for group in groups:
        if group.kind == "person":
            for member in group.members:
                words = _words(member.text)
                people.setdefault(" ".join(words), group)
                if len(words) >= 2:
                    people.setdefault(words[-1], group)
    if not people:
        return groups
    by_key = {name_key(m.text): g for g in groups for m in g.members}
    for group in list(groups):
        if group.kind == "person":
            continue
        for member in list(group.members):
            match = _INNER_POSSESSIVE.search(member.text)
            if not match:
                continue
            owner = people.get(" ".join(_words(member.text[: match.start()])))
            if owner is None:
                continue
            group.members.remove(member)
            head = Candidate(member.start, member.start + match.start(), member.text[: match.start()], member.block)
            owner.members.append(head)
            rest_start = member.start + match.end()
            rest = Candidate(rest_start, member.end, member.text[match.end() :], member.block, votes=dict(member.votes))
            target = by_key.get(name_key(rest.text))
            if target is None:
                target = by_key[name_key(rest.text)] = Group()
                groups.append(target)
            target.members.append(rest)
    return [g for g in groups if g.members]


def build_groups(candidates: list[Candidate], body: str) -> list[Group]:
    """Group candidates into entities and decide each group's kind."""
    groups = _by_key(candidates)
    for group in groups:
        revote(group)
    groups = _merge_people(groups)
    groups = _merge_acronyms(groups, body)  # "(ILO)" after a name first: surer than a prefix
    groups = _merge_company_names(groups)
    groups = _split_possessives(groups)
    for group in groups:
        group.members.sort(key=lambda c: c.start)
        revote(group)
    groups.sort(key=lambda g: g.first)
    return groups

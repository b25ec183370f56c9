"""People's names: a surname or a given name alone joins the full name it belongs to.

- Surnames: a lone "Quill" joins the person "Dana Quill" whatever label the
  model gave the lone surname, unless the gazetteer and the model both say
  it is something else (a "Jordan" tagged as a country stays a country).
  When two people share the surname: the one whose title the lone surname
  carries ("Senator Quill" for Senator Dana Quill, not her son Omar Quill),
  else the one named just before in the same paragraph, else the most
  mentioned.
- Transliterations: surnames that differ only in a Slavic ending spelt
  "-yy", "-iy", "-ij" or "-y", or in accents ("Zarechnyy", "Zarechny",
  "Zarečny"), are one surname.
- A middle name more or less is the same person ("Dana Quill", "Dana Maria
  Quill") when no third person has that given name and surname.
- A lone given name joins the only person whose full name starts with it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from reader.analysis.entities.group import Group, member_votes
from reader.analysis.entities.group import words as name_words
from reader.analysis.entities.lexicon import FUNCTION_WORDS, NAME_PARTICLES, gazetteer
from reader.analysis.entities.mentions import Candidate
from reader.analysis.entities.roles import role_head

_SLAVIC_END = re.compile(r"(?:yy|iy|ij|ii|yi)$")


def loose(word: str) -> str:
    """A surname's spelling-free key: no accents, one spelling of the "-yy"/"-iy" ending."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return _SLAVIC_END.sub("y", plain) if len(plain) > 4 else plain


def _loose_words(text: str) -> list[str]:
    return [loose(w) for w in name_words(text)]


def _same_spelling(groups: list[Group]) -> list[Group]:
    """Join people whose full names differ only in transliteration ("Zarechnyy" = "Zarechny")."""
    seen: dict[str, Group] = {}
    for group in groups:
        if group.kind != "person" or not group.members:
            continue
        key = " ".join(_loose_words(group.longest))
        other = seen.get(key)
        if other is None:
            seen[key] = group
        elif len(key.split()) >= 2:
            other.members.extend(group.members)
            group.members = []
    return [g for g in groups if g.members]


def _middle_names(groups: list[Group]) -> list[Group]:
    """Join "Dana Quill" to "Dana Maria Quill" (same given name and surname, a middle name
    more) when those are the only two people with that given name and surname."""
    pairs: dict[tuple[str, str], list[Group]] = {}
    for group in groups:
        words = _loose_words(group.longest)
        if group.kind == "person" and len(words) >= 2:
            pairs.setdefault((words[0], words[-1]), []).append(group)
    for owners in pairs.values():
        if len(owners) != 2:
            continue
        short, long = sorted(owners, key=lambda g: len(_loose_words(g.longest)))
        if len(_loose_words(short.longest)) == 2 < len(_loose_words(long.longest)):
            long.members.extend(short.members)
            short.members = []
    return [g for g in groups if g.members]


def merge_people(groups: list[Group], body: str) -> list[Group]:
    """Move surname (and other proper-suffix) mentions into the full name's group."""
    groups = _middle_names(_same_spelling(groups))
    suffixes: dict[str, list[Group]] = {}
    for group in groups:
        if group.kind != "person":
            continue
        for member in group.members:
            parts = _loose_words(member.text)
            for i in range(1, len(parts)):
                if i == len(parts) - 1 and (parts[i] in NAME_PARTICLES or parts[i] in FUNCTION_WORDS):
                    continue
                owners = suffixes.setdefault(" ".join(parts[i:]), [])
                if group not in owners:
                    owners.append(group)
    if not suffixes:
        return groups
    gaz = gazetteer()
    starts: dict[int, dict[int, list[int]]] = {}
    roles: dict[int, set[str]] = {}
    for group in groups:
        owners = [g for g in suffixes.get(" ".join(_loose_words(group.longest)), []) if g is not group and g.members]
        if not owners or not group.members:
            continue
        gaz_kind = gaz.kind_of(group.longest)
        votes = member_votes(group)
        if gaz_kind and gaz_kind != "person" and votes.get("person", 0.0) < votes.get(gaz_kind, 0.0):
            continue
        for member in group.members:
            owner = _by_role(owners, member, body, roles) or _owner_for(owners, member, starts)
            owner.members.append(member)
            bisect.insort(_starts_of(starts, owner).setdefault(member.block, []), member.start)
        group.members = []
    groups = [g for g in groups if g.members]
    return _merge_given_names(groups)


def _role_heads(group: Group, body: str, cache: dict[int, set[str]]) -> set[str]:
    found = cache.get(id(group))
    if found is None:
        found = cache[id(group)] = {role_head(body[m.role[0] : m.role[1]]) for m in group.members if m.role} - {""}
    return found


def _by_role(owners: list[Group], member: Candidate, body: str, cache: dict[int, set[str]]) -> Group | None:
    """The only owner whose title the lone surname carries ("Senator Quill"), if one."""
    if member.role is None or len(owners) < 2:
        return None
    head = role_head(body[member.role[0] : member.role[1]])
    fits = [g for g in owners if head and head in _role_heads(g, body, cache)]
    return fits[0] if len(fits) == 1 else None


def _owner_for(owners: list[Group], member: Candidate, starts: dict[int, dict[int, list[int]]]) -> Group:
    """Which of several people sharing a surname a lone surname means (no title tells):
    the one named in the same paragraph just before, else the most mentioned.
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
    """A lone given name ("Dana") joins the only person whose full name starts with it."""
    firsts: dict[str, list[Group]] = {}
    for group in groups:
        words = name_words(group.longest)
        if group.kind == "person" and len(words) >= 2:
            owners = firsts.setdefault(words[0], [])
            if group not in owners:
                owners.append(group)
    for group in groups:
        words = name_words(group.longest)
        if group.kind != "person" or len(words) != 1:
            continue
        owners = [g for g in firsts.get(words[0], []) if g.members and g is not group]
        if len(owners) == 1:
            owners[0].members.extend(group.members)
            group.members = []
    return [g for g in groups if g.members]

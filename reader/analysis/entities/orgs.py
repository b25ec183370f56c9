"""Organisations' names: short names, acronyms, and a person's possessive cut off.

- Company names: "Acme" joins "Acme Mining Corp", "Foreign Ministry" joins
  "Russian Foreign Ministry", when only one longer name fits.
- Short names: a lone "Rovers" joins the only organisation ending with it
  ("Northfield Rovers"); "Valmora" joins "Valmora Lisbon" (a name ending in
  its home town or country is also written without it).
- Acronyms: "AP" joins "Associated Press" when the initials match, and "HLI"
  joins the name right before "(HLI)" when the first letters agree or every
  letter is one of the name's initials (another language's word order).
- "Quill's Harbour Plan" tagged as one name where "Quill" is a person
  of the text: the person's mention and the rest are cut apart.
"""

from __future__ import annotations

import re

from reader.analysis.entities.group import Group, name_key
from reader.analysis.entities.group import words as name_words
from reader.analysis.entities.kinds import is_acronym
from reader.analysis.entities.lexicon import CORPORATE_SUFFIXES, FUNCTION_WORDS, ORG_HEADS, first_names, gazetteer
from reader.analysis.entities.mentions import Candidate

_WORD = re.compile(r"[\w'’&-]+")

def merge_company_names(groups: list[Group]) -> list[Group]:
    """Join "Acme" to "Acme Mining Corp" (a company's name without its suffix), and
    "Foreign Ministry" to "Russian Foreign Ministry" (without its country), when only
    one longer name fits."""
    prefixes: dict[str, list[Group]] = {}
    gaz = gazetteer()
    for group in groups:
        if group.kind != "organisation":
            continue
        words = name_words(group.longest)
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
        owners = [g for g in prefixes.get(" ".join(name_words(group.longest)), []) if g is not group and g.members]
        if len(owners) != 1 or group.kind == "person" or not group.members:
            continue
        gaz_kind = gaz.kind_of(group.longest)
        if gaz_kind and gaz_kind != "organisation":
            continue
        owners[0].members.extend(group.members)
        group.members = []
    return [g for g in groups if g.members]


def merge_last_words(groups: list[Group]) -> list[Group]:
    """Join a one-word organisation to the only longer organisation name ending with that
    word ("Rovers" to "Northfield Rovers"), unless the word is a head word any
    organisation could end with ("Bank", "Party") or a name the gazetteer knows apart."""
    ends: dict[str, list[Group]] = {}
    for group in groups:
        words = name_words(group.longest)
        if group.kind == "organisation" and len(words) >= 2 and words[-1] not in ORG_HEADS:
            owners = ends.setdefault(words[-1], [])
            if group not in owners:
                owners.append(group)
    if not ends:
        return groups
    gaz = gazetteer()
    for group in groups:
        words = name_words(group.longest)
        if group.kind != "organisation" or len(words) != 1 or gaz.kind_of(group.longest):
            continue
        owners = [g for g in ends.get(words[0], []) if g is not group and g.members]
        if len(owners) == 1:
            owners[0].members.extend(group.members)
            group.members = []
    return [g for g in groups if g.members]


def place_short_form(text: str) -> str | None:
    """"Northfield" for "Northfield Eastport", where "Eastport" is a place the gazetteer
    knows: a name ending in its home town or country is also written without it. None
    when the rest is not a name of its own (a given name, a place, a demonym, a function
    word, two capitals or fewer) or the whole is a place the gazetteer knows."""
    words = text.split()
    if not 2 <= len(words) <= 3:
        return None
    gaz = gazetteer()
    if gaz.kind_of(words[-1]) != "place" or gaz.kind_of(text):
        return None
    rest = " ".join(words[:-1])
    key = rest.casefold()
    if len(rest) < 3 or key in first_names() or gaz.kind_of(rest) or words[-2].casefold() in FUNCTION_WORDS:
        return None
    return rest if rest[:1].isupper() else None


def merge_place_short_forms(groups: list[Group]) -> list[Group]:
    """Join "Northfield" to the only name "Northfield <place>" (see `place_short_form`)."""
    owners: dict[str, list[Group]] = {}
    for group in groups:
        for member in group.members:
            short = place_short_form(member.text)
            if short is not None:
                found = owners.setdefault(name_key(short), [])
                if group not in found:
                    found.append(group)
    if not owners:
        return groups
    for group in groups:
        fits = [g for g in owners.get(name_key(group.longest), []) if g is not group and g.members]
        if len(fits) == 1 and len(group.keys()) == 1:
            fits[0].members.extend(group.members)
            group.members = []
    return [g for g in groups if g.members]


def _may_abbreviate(letters: str, name: str) -> bool:
    """"(HLI)" right after a name abbreviates it when the first letters agree, or when every
    letter is an initial of the name (an acronym of the name in another language, its
    words in another order)."""
    if name[:1].upper() == letters[:1]:
        return True
    initials = set(_initials(name, True))
    return len(set(letters)) >= 2 and set(letters.upper()) <= initials


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


def merge_acronyms(groups: list[Group], body: str) -> list[Group]:
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
            if other is not None and _may_abbreviate(letters, other.longest):
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


def split_possessives(groups: list[Group]) -> list[Group]:
    """"Quill's Harbour Plan" tagged as one name, where "Quill" is a person of
    the text: the person's mention and the rest ("Harbour Plan") are cut apart."""
    people: dict[str, Group] = {}
    for group in groups:
        if group.kind == "person":
            for member in group.members:
                words = name_words(member.text)
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
            owner = people.get(" ".join(name_words(member.text[: match.start()])))
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

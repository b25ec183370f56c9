"""Entities: the model's name spans, cleaned, grouped and given kinds by evidence.

`group_entities(document, parsed)` is the entry point. Steps, each in its own
module:

1. candidates: the model's spans cut into clean name pieces, without
   determiners, possessives, titles, credits or page furniture
   (`mentions`); none from all-caps or headline-case lines, where the
   model cannot be trusted (`caps`); names in results tables and
   datelines (`tables`); titles before a name and appositions after it
   (`roles`); capitalised common words at a sentence start dropped (`common`);
2. groups (`group`): same name, surname to full name, company short
   name to full name, acronym to full name, and the kind each group wins by
   vote (`kinds`, with the gazetteer of `lexicon`);
3. later repeats of a known name the model missed, and gazetteer names it
   left untagged (`match`);
4. entities: canonical name (the most complete form), aliases, role, and
   description mentions ("Foreign Ministry spokeswoman" next to the name,
   later "the spokeswoman") bound to the person they refer to.

Without a model (`doc` is None and there are no spans) the result is empty.
Pronouns are left to the quotes layer.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from reader.analysis.entities.build import build_groups
from reader.analysis.entities.caps import unreliable_casing
from reader.analysis.entities.common import drop_common_words, extend_to_known, trim_first_words
from reader.analysis.entities.cues import organisation_cue
from reader.analysis.entities.group import Group, name_key, revote
from reader.analysis.entities.match import find_repeats
from reader.analysis.entities.mentions import Candidate, model_candidates
from reader.analysis.entities.roles import (
    apposition_after,
    description_pattern,
    role_head,
    title_before,
)
from reader.analysis.entities.runs import split_runs
from reader.analysis.entities.tables import (
    dateline_candidates,
    table_candidates,
    table_runs,
)
from reader.model import Document, Entity, Mention

if TYPE_CHECKING:  # pragma: no cover
    from reader.analysis.nlp import ParsedBlock

SCORED_KINDS = {"person": "PER", "organisation": "ORG", "place": "LOC", "group": "MISC", "other": "MISC"}
"""Entity kinds as CoNLL classes (for scoring and flat exports)."""

DATELINE_BLOCKS = 5
"""Datelines are looked for in the first blocks only."""

TITLE_VOTE = 1.5
"""A title right before a name ("President", "striker") votes for a person."""

_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
_PRIORITY = {"dateline": 0, "table": 1, "model": 2, "match": 3, "gazetteer": 4}


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one candidate where several overlap: the surer source, then the longer."""
    ranked = sorted(candidates, key=lambda c: (_PRIORITY.get(c.source, 9), -(c.end - c.start), c.start))
    taken: set[int] = set()
    kept: list[Candidate] = []
    for cand in ranked:
        span = range(cand.start, cand.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _block_ents(parsed: list["ParsedBlock"]) -> dict[int, list[tuple[int, int, str]]]:
    """The model's spans per block, none for all-caps and headline-case lines (see `caps`)."""
    return {block.index: ([] if unreliable_casing(block.text) else block.ents) for block in parsed}


def collect_candidates(document: Document, parsed: list["ParsedBlock"]) -> list[Candidate]:
    """Every name candidate of the parsed blocks, overlaps resolved."""
    body = document.body
    ents = _block_ents(parsed)
    out: list[Candidate] = []
    for position, block in enumerate(parsed):
        if position < DATELINE_BLOCKS:
            out.extend(dateline_candidates(body, block.index, block.start, block.text))
        out.extend(model_candidates(body, block.index, block.start, ents.get(block.index, [])))
    lower_words = set(_LOWER_WORD.findall(body))
    for run in table_runs([(b.index, b.start, b.text) for b in parsed], lower_words):
        out.extend(table_candidates(body, run, ents, lower_words))
    by_index = {block.index: block for block in parsed}
    out = split_runs(trim_first_words(drop_common_words(_resolve_overlaps(out), by_index, lower_words), by_index))
    out = extend_to_known(out, body)
    for cand in out:
        if cand.role is None and cand.source in ("model", "table"):
            block = by_index[cand.block]
            cand.role = title_before(block, cand.start) or apposition_after(block, cand.end)
        if cand.role is not None:
            cand.vote("person", TITLE_VOTE)
        elif cand.source in ("model", "table"):
            block = by_index[cand.block]
            if organisation_cue(block.text, cand.start - block.start, cand.end - block.start):
                cand.org_cue = True
    return out


def _add_found(groups: list[Group], found: list[Candidate]) -> None:
    """Join gazetteer hits to the group of the same name, or start new groups."""
    by_key: dict[str, Group] = {}
    for group in groups:
        for key in group.keys():
            by_key.setdefault(key, group)
    touched: list[Group] = []
    for cand in found:
        key = name_key(cand.text)
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = Group()
            groups.append(group)
        group.members.append(cand)
        if group not in touched:
            touched.append(group)
    for group in touched:
        revote(group)


def _canonical(group: Group) -> str:
    forms = [m.text for m in group.members]
    mixed = [f for f in forms if not f.isupper()] or forms
    return max(mixed, key=lambda t: (len(t.split()), len(t)))


def _role_of(
    group: Group, parsed_by_index: dict[int, "ParsedBlock"], people: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Role spans bound to a person's mentions (titles before, appositions after); none that
    holds another person's name ("Quill, Berg aide - spokesman" is not Quill's role).
    `people`: (start, group id) of every person's name mention, sorted."""
    spans: list[tuple[int, int]] = []
    for member in group.members:
        span = member.role
        if span is None and member.source in ("model", "table", "match"):
            block = parsed_by_index.get(member.block)
            if block is not None:
                span = apposition_after(block, member.end)
        if span is not None and not _holds_other(span, id(group), people):
            spans.append(span)
    return spans


def _holds_other(span: tuple[int, int], own: int, people: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(people, (span[0], -1))
    while k < len(people) and people[k][0] < span[1]:
        if people[k][1] != own:
            return True
        k += 1
    return False


def _to_entity(index: int, group: Group, role_spans: list[tuple[int, int]], body: str) -> Entity:
    name = _canonical(group)
    key = name_key(name)
    aliases: list[str] = []
    seen = {key}
    mentions: list[Mention] = []
    for member in group.members:
        member_key = name_key(member.text)
        mentions.append(Mention(member.start, member.end, member.text, "name" if member_key == key else "alias"))
        if member_key not in seen:
            seen.add(member_key)
            aliases.append(member.text)
    for start, end in role_spans:
        mentions.append(Mention(start, end, body[start:end], "description"))
    mentions.sort(key=lambda m: (m.start, m.end))
    role = body[role_spans[0][0] : role_spans[0][1]] if role_spans else ""
    return Entity(id=f"e{index}", name=name, kind=group.kind, aliases=aliases, role=role, mentions=mentions)  # type: ignore[arg-type]


def _descriptions(entities: list[Entity], parsed: list["ParsedBlock"]) -> None:
    """Bind later "the spokeswoman" to the latest person with that role head."""
    heads: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.kind == "person" and ent.role:
            head = role_head(ent.role)
            if head:
                heads.setdefault(head, []).append(ent)
    pattern = description_pattern(set(heads))
    if pattern is None:
        return
    taken = {i for ent in entities for m in ent.mentions for i in range(m.start, m.end)}
    for block in parsed:
        for match in pattern.finditer(block.text):
            start, end = block.start + match.start(), block.start + match.end()
            if any(i in taken for i in range(start, end)):
                continue
            owners = [e for e in heads.get(match.group("head").casefold(), []) if e.first < start]
            if not owners:
                continue
            owner = max(owners, key=lambda e: max(m.start for m in e.mentions if m.start < start))
            owner.mentions.append(Mention(start, end, match.group(), "description"))
            owner.mentions.sort(key=lambda m: (m.start, m.end))
            taken.update(range(start, end))


def group_entities(document: Document, parsed: list["ParsedBlock"]) -> list[Entity]:
    """Entities of the parsed blocks, ordered by first mention, ids e1, e2, ..."""
    if all(block.doc is None for block in parsed) and not any(block.ents for block in parsed):
        return []
    body = document.body
    candidates = collect_candidates(document, parsed)
    groups = build_groups(candidates, body)
    found = find_repeats(parsed, groups, [(c.start, c.end) for c in candidates])
    _add_found(groups, found)
    groups = [g for g in groups if g.members]
    for group in groups:
        group.members.sort(key=lambda c: c.start)
    groups.sort(key=lambda g: g.first)
    by_index = {block.index: block for block in parsed}
    entities = []
    people = [g for g in groups if g.kind == "person"]
    starts = sorted((m.start, id(g)) for g in people for m in g.members)
    for i, group in enumerate(groups, 1):
        roles = _role_of(group, by_index, starts) if group.kind == "person" else []
        entities.append(_to_entity(i, group, roles, body))
    _descriptions(entities, parsed)
    return entities


def entity_spans(entities: list[Entity], *, named_only: bool = True) -> list[dict[str, Any]]:
    """Flat spans for scoring or export: one per name/alias mention (no descriptions, pronouns)."""
    spans: list[dict[str, Any]] = []
    for ent in entities:
        label = SCORED_KINDS.get(ent.kind, "MISC")
        for m in ent.mentions:
            if named_only and m.kind not in ("name", "alias"):
                continue
            spans.append({"start": m.start, "end": m.end, "label": label, "text": m.text, "entity": ent.id})
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return spans

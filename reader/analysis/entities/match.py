"""Repeats the model missed: later mentions of names the document already has (of any kind),
and names of the gazetteer the model left untagged.

Each block is cut into word tokens once and every run of one to four tokens
is looked up in a table of known forms (linear in the text). A hit is kept
only where it reads as a name: not inside a longer capitalised run, and,
at the start of a sentence, only when the model's tagger calls the word a
proper noun (so "Young players..." does not become the surname "Young").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.analysis.entities.caps import is_all_caps, is_headline_case
from reader.analysis.entities.group import Group
from reader.analysis.entities.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    ROLE_WORDS,
    gazetteer,
)
from reader.analysis.entities.mentions import Candidate
from reader.analysis.entities.orgs import place_short_form
from reader.analysis.entities.roles import token_at

if TYPE_CHECKING:  # pragma: no cover
    from reader.analysis.nlp import ParsedBlock

_TOKEN = re.compile(r"[^\W_](?:[\w&-]|['’.](?=[^\W_]))*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENT_END = re.compile(r"[.!?:;\"“”‘’(\[—–-]\s*$")
_SEPARATORS = frozenset(",;:()[]\"“”")
MAX_WORDS = 4
MIN_SURNAME = 3


class Spans:
    """Taken body spans, for overlap tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.taken = set()
        for start, end in spans:
            self.taken.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))

    def add(self, start: int, end: int) -> None:
        self.taken.update(range(start, end))


def _variants(text: str) -> list[str]:
    out = [text]
    if text.endswith("."):
        out.append(text[:-1])
    stripped = _POSSESSIVE.sub("", text)
    if stripped != text and len(stripped) > 1:
        out.append(stripped)
    return out


def _is_proper(block: "ParsedBlock", start: int) -> bool:
    """The model's tagger calls the word at `start` a proper noun."""
    index = token_at(block, start)
    if index is None or block.doc is None:
        return False
    token = block.doc[index]
    return token.tag_ in ("NNP", "NNPS") or token.pos_ == "PROPN"


_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _before_verb(block: "ParsedBlock", start: int, end: int) -> bool:
    """The word right after the hit is a finite verb ("Castlemere plans..."): a known name
    at the start of a sentence, as its subject, whatever the tagger made of the name."""
    index = token_at(block, start)
    doc = block.doc
    if index is None or doc is None:
        return False
    rel = end - block.start
    while index < len(doc) and doc[index].idx < rel:
        index += 1
    return index < len(doc) and doc[index].tag_ in _FINITE


def _sentence_initial(text: str, rel: int) -> bool:
    return rel == 0 or bool(_SENT_END.search(text, 0, rel))


def _word_before(text: str, rel: int) -> str:
    head = text[:rel].rstrip()
    if len(head) != rel - 1:  # not a single space before
        return ""
    match = re.search(r"(\S+)$", head)
    return match.group(1) if match else ""


def _word_after(text: str, rel: int) -> str:
    if not text.startswith(" ", rel):
        return ""
    match = re.match(r"\s(\S+)", text[rel:])
    return match.group(1) if match else ""


def _glued(word: str, after: bool = False) -> bool:
    """A capitalised word that would make the hit part of a longer name; punctuation
    between them ("Quill, Berg", "Quill (Berg)") keeps them apart, and so does a code
    with digits ("Eastport W40")."""
    if word[:1] in _SEPARATORS if after else word[-1:] in _SEPARATORS:
        return False
    bare = word.strip("\"'“”‘’(),.;:")
    if not bare or not bare[0].isupper() or any(ch.isdigit() for ch in bare):
        return False
    key = bare.casefold()
    return not (
        key in FUNCTION_WORDS or key in ROLE_WORDS or key in HONORIFICS or key in DETERMINERS
        or key in NAME_PARTICLES or key in gazetteer().demonyms
    )


def _name_table(groups: list[Group]) -> dict[str, list[Group]]:
    table: dict[str, list[Group]] = {}

    def put(form: str, group: Group) -> None:
        owners = table.setdefault(form, [])
        if group not in owners:
            owners.append(group)

    for group in groups:
        for member in group.members:
            form = member.text
            if form.isupper() and len(form) > 6:
                continue
            put(form, group)
            short = place_short_form(form)
            if short is not None:
                put(short, group)
            if group.kind == "person":
                words = form.split()
                if len(words) >= 2:
                    last = words[-1]
                    if len(last) >= MIN_SURNAME and last[0].isupper() and last.casefold() not in FUNCTION_WORDS:
                        put(last, group)
    return table


def _latest_named(owners: list[Group], start: int, starts: dict[int, list[int]]) -> Group:
    """Of the groups a repeated name may belong to, the one mentioned last before `start`
    (a lone "Kerr" after "Senator Kerr" is the senator), else the first named."""
    best, best_at = None, -1
    for group in owners:
        k = bisect.bisect_left(starts[id(group)], start)
        if k and starts[id(group)][k - 1] > best_at:
            best, best_at = group, starts[id(group)][k - 1]
    return best if best is not None else min(owners, key=lambda g: g.first)


@lru_cache(maxsize=1)
def _gazetteer_upper() -> dict[str, str]:
    """Gazetteer names in capitals, for all-caps lines (short ones left out: "US", "WHO")."""
    return {form.upper(): kind for form, kind in gazetteer().forms.items() if len(form) > 3}


def find_repeats(
    parsed: list["ParsedBlock"], groups: list[Group], taken: list[tuple[int, int]]
) -> list[Candidate]:
    """New candidates: known names (added to their group) and gazetteer names (returned)."""
    table = _name_table(groups)
    upper = {form.upper(): owners for form, owners in table.items() if len(form) > 1}
    gaz = gazetteer().forms
    gaz_upper = _gazetteer_upper()
    spans = Spans(taken)
    starts = {id(g): sorted(m.start for m in g.members) for g in groups}
    found: list[Candidate] = []
    for block in parsed:
        text = block.text
        caps = is_all_caps(text)
        headline = not caps and is_headline_case(text)
        names = upper if caps else table
        gaz_names = gaz_upper if caps else gaz
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            if not text[tokens[i][0]].isupper():
                i += 1
                continue
            hit = None
            for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
                a, b = tokens[i][0], tokens[i + n - 1][1]
                chunk = text[a:b]
                if "\n" in chunk or "  " in chunk:
                    continue
                for variant in _variants(chunk):
                    if not variant[:1].isupper():
                        continue
                    owners = names.get(variant)
                    kind = None if owners else gaz_names.get(variant)
                    if owners or kind:
                        hit = (a, a + len(variant), owners, kind, n)
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            a, b, owners, kind, n = hit
            i += n
            start, end = block.start + a, block.start + b
            if not spans.free(start, end):
                continue
            if not caps and not headline:
                before = _word_before(text, a)
                if _glued(before) and not _sentence_initial(text, a - len(before) - 1):
                    continue
                if _glued(_word_after(text, b), after=True):
                    continue
                if _sentence_initial(text, a) and not (
                    _is_proper(block, start) or (owners and _before_verb(block, start, end))
                ):
                    continue
            cand = Candidate(start, end, text[a:b], block.index, source="match" if owners else "gazetteer")
            if owners:
                target = _latest_named(owners, start, starts)
                target.members.append(cand)
                bisect.insort(starts[id(target)], start)
            else:
                cand.vote(kind or "other", 1.0)
                found.append(cand)
            spans.add(start, end)
    return found

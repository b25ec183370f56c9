"""Capitalised common words: a sentence's first word taken for a name, or glued to one.

- "Scholars say..." tagged as a name: a one-word span at the start of a
  sentence that the tagger calls no proper noun goes, unless the name is known
  (`drop_common_words`).
- "Leading Kelton Cup" at the start of a sentence, where the document writes
  "Kelton Cup" alone: the first word goes (`trim_first_words`).
- "Cup" where the text reads "Kelton Cup" and the document names "Kelton Cup"
  elsewhere: the span grows to the known name (`extend_to_known`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.entities.lexicon import gazetteer
from reader.analysis.entities.mentions import Candidate
from reader.analysis.entities.roles import token_at

if TYPE_CHECKING:  # pragma: no cover
    from reader.analysis.nlp import ParsedBlock


def _sentence_initial_common(cand: Candidate, block: "ParsedBlock") -> bool:
    """A one-word model span at the start of a sentence that the tagger does not call a
    proper noun ("Scholars say...", "Halftime 2-0"): maybe a capitalised common word."""
    if cand.source != "model" or " " in cand.text or block.doc is None or cand.text.isupper():
        return False
    index = token_at(block, cand.start)
    if index is None or block.doc[index].tag_ in ("NNP", "NNPS"):
        return False
    return index == 0 or block.doc[index].is_sent_start or block.doc[index - 1].is_punct


def drop_common_words(
    candidates: list[Candidate], by_index: dict[int, "ParsedBlock"], lower_words: set[str]
) -> list[Candidate]:
    """Drop suspect one-word spans unless the name is known: the gazetteer has it or
    the model tags it elsewhere mid-sentence. A word the text also writes in lower
    case goes anyway."""
    suspects = {id(c) for c in candidates if _sentence_initial_common(c, by_index[c.block])}
    if not suspects:
        return candidates
    known = {c.text for c in candidates if id(c) not in suspects}
    gaz = gazetteer()
    return [
        c
        for c in candidates
        if id(c) not in suspects
        or (c.text.casefold() not in lower_words and (c.text in known or gaz.kind_of(c.text)))
    ]


def trim_first_words(candidates: list[Candidate], by_index: dict[int, "ParsedBlock"]) -> list[Candidate]:
    """"Leading Kelton Cup" at the start of a sentence, where the document names "Kelton
    Cup" alone and the tagger calls "Leading" no proper noun: the capital is the
    sentence's, so the first word goes."""
    known = {c.text for c in candidates}
    out = []
    for cand in candidates:
        head, _, rest = cand.text.partition(" ")
        if rest in known and cand.source == "model" and _sentence_initial_common(
            Candidate(cand.start, cand.start + len(head), head, cand.block, source="model"), by_index[cand.block]
        ):
            start = cand.start + len(head) + 1
            cand = Candidate(start, cand.end, rest, cand.block, source=cand.source)  # the label was for the longer span
        out.append(cand)
    return out


MAX_EXTRA_WORDS = 3
"""A span grows by this many words at most."""


def extend_to_known(candidates: list[Candidate], body: str) -> list[Candidate]:
    """"Madrid" where the text reads "Real Madrid" and the document names "Real Madrid"
    elsewhere (a sentence's capital made the tagger drop the first word): the span
    becomes the known longer name."""
    known = {c.text for c in candidates if " " in c.text}
    if not known:
        return candidates
    out: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: c.start):
        floor = out[-1].end if out else 0
        start = cand.start
        for _ in range(MAX_EXTRA_WORDS):
            start = _word_before(body, start, floor)
            if start < 0:
                break
            if body[start : cand.end] in known:
                cand = Candidate(start, cand.end, body[start : cand.end], cand.block, source=cand.source)
                break  # the label was for less: no votes
        out.append(cand)
    return out


def _word_before(body: str, start: int, floor: int) -> int:
    """Start of the word one space before `start` (not before `floor`), or -1."""
    if start - 2 < floor or body[start - 1] != " ":
        return -1
    i = start - 1
    while i > floor and not body[i - 1].isspace():
        i -= 1
    return -1 if i == start - 1 else i

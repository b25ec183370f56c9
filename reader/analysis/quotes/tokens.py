"""The parser's view of one block for quote attribution (only when a spaCy Doc is there).

Looks tokens up by block-relative offset and answers three questions:
the tag of a cue word (verb or noun?), the subject of a cue verb (climbing
through participles and coordinated verbs), and whether / which verb
governs a quote that sits inside a sentence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.quotes.lexicon import ROLE_NOUNS
from reader.analysis.quotes.mentions import PRONOUNS, RELATIVES, Mention, classify

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_SAYING_NOUNS = frozenset(
    "claim claims statement statements remark remarks comment comments words promise promises pledge "
    "warning warnings description call calls assertion argument suggestion accusation accusations "
    "message tweet tweets vow view".split()
)

@dataclass(slots=True)
class TokenView:
    """The parser's tokens of one block, looked up by block-relative offset."""

    doc: "Doc | None" = None
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: "Doc | None") -> "TokenView":
        view = cls(doc)
        if doc is not None:
            view.starts = doc.to_array("IDX").tolist() if len(doc) else []  # no Token objects built
        return view

    @property
    def has_doc(self) -> bool:
        return self.doc is not None

    def token_at(self, offset: int) -> "Token | None":
        if self.doc is None or not self.starts:
            return None
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        token = self.doc[i]
        return token if token.idx <= offset < token.idx + len(token.text) else None

    def tag_at(self, offset: int) -> str | None:
        token = self.token_at(offset)
        return token.tag_ if token is not None else None

    def governs(self, cue_offset: int, open_offset: int) -> bool:
        """The verb at `cue_offset` is an ancestor of the first words after the mark at `open_offset`."""
        cue = self.token_at(cue_offset)
        if cue is None or self.doc is None:
            return True
        if cue.dep_ not in ("relcl", "acl", "amod", "csubj", "nsubj", "dobj", "pobj", "compound"):
            return True  # a main or complement verb: the parse near quotes is too rough to say more
        i = bisect.bisect_left(self.starts, open_offset + 1)
        for token in self.doc[i : i + 4]:
            if not token.is_punct:
                return cue.is_ancestor(token)
        return False

    def governing(self, open_offset: int, close_offset: int) -> tuple[int, str, Mention] | None:
        """For a quote inside a sentence: the nearest verb above it that has a subject (or a
        speech noun with a possessor, "Berg's claim"), as (offset, word, subject)."""
        if self.doc is None:
            return None
        i = bisect.bisect_left(self.starts, open_offset + 1)
        if i >= len(self.doc):
            return None
        token = self.doc[i]
        for _ in range(8):
            head = token.head
            if head is token:
                return None
            token = head
            if open_offset <= token.idx < close_offset:
                continue
            if token.tag_.startswith("VB"):
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
                            and c.is_alpha and c.lower_ not in ("that", "this", "there", "what")]
                if subjects and subjects[-1].idx < open_offset and _can_speak(subjects[-1]):
                    mention = self.mention_of(subjects[-1])
                    if mention is not None:
                        return token.idx, token.text, mention
            elif token.pos_ == "NOUN" and token.lower_ in _SAYING_NOUNS:
                owners = [c for c in token.children if c.dep_ == "poss" and c.idx < open_offset]
                if owners:
                    mention = self.mention_of(owners[-1])
                    if mention is not None:
                        return token.idx, token.text, mention
        return None

    def subject_of_verb(self, offset: int) -> Mention | None:
        """The subject (nsubj) of the verb at `offset`, climbing through xcomp/conj/advcl."""
        token = self.token_at(offset)
        start = token
        hops = 0
        while token is not None and hops < 4:
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i and c.is_alpha]
            if subjects:
                return self.mention_of(subjects[-1])
            climb = token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acl") or (
                token.dep_ in ("dobj", "ccomp") and token.tag_ == "VBG")
            if climb and token.head is not token:
                token = token.head
                hops += 1
                continue
            break
        if start is not None and start.tag_ == "VBG" and start.i > 0 and start.doc[start.i - 1].text == ",":
            root = start.sent.root
            subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < start.i and c.is_alpha]
            if subjects:
                return self.mention_of(subjects[-1])
        return None

    def mention_of(self, token: "Token") -> Mention | None:
        text = self.doc.text  # type: ignore[union-attr]
        lower = token.lower_
        if lower in PRONOUNS:
            return Mention(token.idx, token.idx + len(token.text), token.text, "pronoun")
        if lower in RELATIVES:
            mention = Mention(token.idx, token.idx + len(token.text), token.text, "relative")
            head = token.head.head if token.head.dep_ == "relcl" else None
            if head is not None and head.i < token.i:
                mention.antecedent = self.mention_of(head)
            return mention
        if token.dep_ == "poss" and token.pos_ == "PROPN":
            left = token.i
            for child in token.lefts:
                if child.dep_ in ("compound", "flat"):
                    left = min(left, child.left_edge.i)
            return classify(text, self.doc[left].idx, token.idx + len(token.text))  # type: ignore[index]
        left = token.i
        for child in token.lefts:
            if child.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod", "nummod", "case"):
                left = min(left, child.left_edge.i)
        right = token.i
        for child in token.rights:
            if child.dep_ in ("flat", "compound") or (child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "with", "from")):
                right = max(right, child.right_edge.i)
        start = self.doc[left].idx  # type: ignore[index]
        end = self.doc[right].idx + len(self.doc[right].text)  # type: ignore[index]
        return classify(text, start, end)


_SPEAKING_PRONOUNS = frozenset("he she they we i who".split())


def _can_speak(token: "Token") -> bool:
    """A subject that can be the source of words: a person, a body, a pronoun for one, or a role."""
    if token.lower_ in _SPEAKING_PRONOUNS:
        return True
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return token.pos_ == "PROPN" or token.lower_ in ROLE_NOUNS


"""Roles and titles bound to a person, and the descriptions that refer back.

- Title before the name: "Ukrainian President Volodymyr Zelensky", "Foreign
  Ministry spokeswoman Maria Zakharova", "US envoy Steve Witkoff": the run of
  role words and capitalised words right before the name, ending with a role
  word ("President", "spokeswoman", "envoy").
- Apposition after the name: "Maria Zakharova, the ministry's spokeswoman,".
- Later descriptions: "the spokeswoman" refers to the latest person whose
  role has that head word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.entities.lexicon import FUNCTION_WORDS, HONORIFICS, ROLE_MODIFIERS, ROLE_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from reader.analysis.nlp import ParsedBlock

MAX_ROLE_TOKENS = 7
_APPOSITION = re.compile(
    r",\s+(?P<role>(?:(?:the|a|an|its|his|her|their)\s+)?[^,.;:!?“”\"()]{2,70}?)(?=\s*(?:,|\.|;|$))"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_PARTICIPLES = frozenset({"VBN", "VBD", "VBG"})
_STOP_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM", "PUNCT", "PART"})


def role_head(role: str) -> str:
    """The last role word of a role phrase ("Foreign Ministry spokeswoman" -> "spokeswoman")."""
    head = ""
    for word in role.split():
        key = _POSSESSIVE.sub("", word.casefold().strip(",.;:"))
        if key in ROLE_WORDS:
            head = key
    return head


def token_at(block: "ParsedBlock", offset: int) -> int | None:
    """Index of the token of `block.doc` that starts at body offset `offset`, or None."""
    doc = block.doc
    if doc is None:
        return None
    rel = offset - block.start
    if not 0 <= rel < len(block.text):
        return None
    span = doc.char_span(rel, rel + 1, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].idx != rel:
        return None
    return span[0].i


def title_before(block: "ParsedBlock", name_start: int) -> tuple[int, int] | None:
    """Body span of the role phrase right before a name, or None."""
    index = token_at(block, name_start)
    if not index:
        return None
    doc = block.doc
    assert doc is not None
    first = index
    has_role = False
    j = index - 1
    while j >= 0 and index - j <= MAX_ROLE_TOKENS:
        token = doc[j]
        word = token.text.casefold()
        if token.ent_type_ == "PERSON" or (word == "and" and _ends_other_role(doc, j, index)):
            break  # another person's name or role: "Mayor Ruiz and Treasurer X", "coach and striker X"
        if word in ROLE_WORDS:
            has_role = True
        elif j == index - 1:
            break  # the word right before the name must be a role word
        elif token.text in ("'s", "’s"):
            pass
        elif word in FUNCTION_WORDS and word not in ("of", "and"):
            break
        elif word in ROLE_MODIFIERS or (token.text[:1].isupper() and token.pos_ not in _STOP_POS):
            pass
        elif token.dep_ in _MODIFIER_DEPS and token.tag_ not in _PARTICIPLES and first <= token.head.i < index:
            pass  # "tech" in "Berg tech aide"
        else:
            break
        first = j
        if token.is_sent_start:
            break
        j -= 1
    while first < index and (doc[first].text.casefold() in FUNCTION_WORDS or doc[first].text in ("'s", "’s")):
        first += 1
    if not has_role or first >= index:
        return None
    start = block.start + doc[first].idx
    last = doc[index - 1]
    end = block.start + last.idx + len(last.text)
    return start, end


def _ends_other_role(doc, j: int, index: int) -> bool:
    """The "and" at doc[j] closes someone else's name or role rather than joining one title
    ("Trade and Industry Secretary"): a name or a lower-case role word sits on either side."""
    before = doc[j - 1] if j > 0 else None
    after = doc[j + 1] if j + 1 < index else None
    if before is not None and before.ent_type_ in ("PERSON", "ORG") and not doc[j].ent_type_:
        return True
    if before is not None and before.text.casefold() in ROLE_WORDS:
        return True
    return after is not None and after.text[:1].islower()


def apposition_after(block: "ParsedBlock", name_end: int) -> tuple[int, int] | None:
    """Body span of ", the ministry's spokeswoman," after a name, or None."""
    rel = name_end - block.start
    match = _APPOSITION.match(block.text, rel)
    if not match:
        return None
    role = match.group("role")
    words = role.split()
    if len(words) > 8 or not role_head(role):
        return None
    if block.doc is not None:
        start_tok = token_at(block, block.start + match.start("role"))
        if start_tok is not None:
            span = block.doc.char_span(match.start("role"), match.end("role"), alignment_mode="expand")
            if span is not None and any(t.pos_ in ("VERB", "AUX", "PRON") for t in span):
                return None
    return block.start + match.start("role"), block.start + match.end("role")


def honorific_free(text: str) -> str:
    words = text.split()
    while words and words[0].casefold() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def description_pattern(heads: set[str]) -> re.Pattern[str] | None:
    """"the spokeswoman", "the US envoy": a determiner, up to two words, a head."""
    if not heads:
        return None
    alternation = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(
        rf"\b[Tt]he\s+(?:[\w’'.-]+\s+){{0,2}}?(?P<head>(?i:{alternation}))\b(?!\s+(?:of\b|[A-Z]))"
    )

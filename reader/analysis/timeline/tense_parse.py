"""Which way a relative expression points, from the parse: the tense of the verb it belongs to.

The words-only weighing in `tense` looks at every marker near a span; the
parser says which verb the span actually attaches to ("The minister, who
was re-elected last month, will visit on Thursday": Thursday belongs to
"visit", whose auxiliary "will" makes it the coming Thursday). The span's
head word is followed up the tree to the nearest verb, and that verb's form
and auxiliaries decide:

- "will", "shall", "'ll", "may", "might", "should", "must" without "have",
  "is meeting" (present progressive): the future ("could" and "would" are
  also the past of "can" and "will": left to the words);
- a past form ("met"), a past auxiliary ("was meeting", "had met", "did
  not meet"), a present perfect ("has met"), a bare participle ("the plan
  unveiled on Monday"): the past;
- a reporting verb in the present ("says on Monday" in news is what was
  said that day): the past;
- another verb in the simple present ("the panel meets on Tuesday"): the
  future, news' present for what is scheduled;
- an infinitive ("plans to vote on Friday") takes the future when the verb
  it depends on is present or future, and is left to the words when that
  verb is past ("agreed to meet on Friday" could be either).

None when the parse gives no verb or no clear form, or the span follows
"until" or "effective" (a limit, not the verb's time), or the span is a
possessive ("Friday's vote" dates the vote, not the clause); the caller then weighs
the words (`tense.tense_at`). Cost: one walk up the tree per expression.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo", "ll"})
_PAST_MODALS = frozenset({"could", "would", "can"})
"""Also the past of "can" and "will" ("could not be reached on Monday"): the words decide."""
_PAST_AUX_TAGS = frozenset({"VBD"})
_PERFECT = frozenset({"has", "have", "'ve", "’ve", "'s", "’s"})
_BE_PRESENT = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m"})
_REPORTING = frozenset(
    "say tell report announce add note state confirm deny claim write insist warn explain declare "
    "acknowledge admit argue assert concede disclose estimate indicate predict reveal suggest testify "
    "allege contend maintain reply respond answer recall".split())
_STATIVE = frozenset("remain seem appear stand mean own hold include contain know believe think want need "
                     "like feel look".split())


def _present_forms(bases: frozenset[str]) -> frozenset[str]:
    """The base and third-person forms ("say", "says"; "deny", "denies"): the model may have no lemmatizer."""
    out = set(bases)
    for w in bases:
        if w.endswith("y") and w[-2:-1] not in "aeiou":
            out.add(w[:-1] + "ies")
        elif w.endswith(("s", "sh", "ch", "x")):
            out.add(w + "es")
        else:
            out.add(w + "s")
    return frozenset(out)


_REPORTING_FORMS = _present_forms(_REPORTING)
_SAME_IN_THE_PAST = frozenset(
    "hurt cut put set hit cost let shut spread quit bid split cast burst upset broadcast forecast shed "
    "beat read".split())
"""Present forms that are also past forms ("losses hurt the index on Friday"): the tagger cannot tell."""
_STATIVE_FORMS = _present_forms(_STATIVE) | {"is", "are", "am", "'s", "’s", "'re", "’re", "has", "have"}
_OPEN_ENDED = frozenset({"until", "till", "til", "through", "effective", "starting", "beginning"})
_CLIMB = 6
"""Steps up the tree at most from the span to its verb."""


def _is_verb(token: "Token") -> bool:
    return token.pos_ in ("VERB", "AUX") and token.tag_.startswith(("VB", "MD"))


def _verb_of(doc: "Doc", start: int, end: int) -> "Token | None":
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if token.dep_ == "poss":
        return None  # "Friday's close": it dates a noun, whose clause may speak of another time
    if token.head.lower_ in _OPEN_ENDED:
        return None  # "until Tuesday", "effective May 1": a limit, not the verb's own time; the words decide
    for _ in range(_CLIMB):
        if token.head is token:
            return token if _is_verb(token) else None
        token = token.head
        if _is_verb(token):
            return token
    return None


def _form(verb: "Token", depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if lows & _FUTURE_AUX:
        return "future"
    modals = {a.lower_ for a in auxes if a.tag_ == "MD"}
    if modals:
        if "have" in lows:
            return "past"  # "could have met"
        return None if modals <= _PAST_MODALS else "future"
    if any(a.tag_ in _PAST_AUX_TAGS for a in auxes) or verb.tag_ == "VBD":
        return "past"
    tag = verb.tag_
    if tag == "VBN":
        if lows & _PERFECT or not auxes:
            return "past"  # "has met", "the plan unveiled on Monday"
        return None  # a present passive ("is held"): the words decide
    if tag == "VBG":
        if lows & _BE_PRESENT:
            return "future"  # "is meeting on Monday"
        return _governor(verb, depth)
    if tag == "VB" and "to" in lows:
        return _governor(verb, depth, infinitive=True)
    if tag in ("VBZ", "VBP") or tag == "VB" and lows & {"do", "does"}:
        word = verb.lower_
        if word in _SAME_IN_THE_PAST:
            return None
        if word in _REPORTING_FORMS:
            return "past"
        if word in _STATIVE_FORMS:
            return None
        return "future"
    return None


def _governor(verb: "Token", depth: int, infinitive: bool = False) -> str | None:
    """The tense an infinitive or a participle takes from the verb it depends on."""
    head = verb.head
    if depth >= 2 or head is verb or not _is_verb(head):
        return None
    found = _form(head, depth + 1)
    if infinitive:
        return "future" if found == "future" or found is None and head.tag_ in ("VBZ", "VBP") else None
    return found


def parse_tense(doc: "Doc", start: int, end: int) -> str | None:
    """'past', 'future' or None for the span at character offsets [start, end) of `doc`."""
    verb = _verb_of(doc, start, end)
    return _form(verb) if verb is not None else None

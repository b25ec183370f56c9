"""Is a quoted run a quote? Names, titles and scare quotes versus speech.

- A name or title: a run introduced as one ("so-called", "dubbed",
  "known as", "a group called"), or one in Title Case ("Coalition of the
  Willing", "Meet the Press") with no speech clause touching it.
- A scare quote: a short run (up to three words) with no speech verb tied
  to it, or a lower-case phrase inside a sentence with none.
- Speech: a run with a speech clause, or one that reads as said words on
  its own (a full sentence, first or second person, or long).
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"\w+(?:['’]\w+)*")
_LABEL_BEFORE = re.compile(
    r"(?:\bso-called|\bso\s+called|\bdubbed|\bnicknamed|\bknown\s+as|\btitled|\bentitled|\bheadlined|"
    r"\bthe\s+(?:word|words|phrase|term|slogan|hashtag|motto|headline|title|label|nickname|song|book|film|"
    r"movie|album|series|programme|podcast|musical)|"
    r"\bhashtag|\b(?:a|an|the|its|his|her|their)\s+[\w-]+\s+(?:called|named)|\bmarked|\bsigns?\s+(?:saying|reading))"
    r"\s*[,:]?\s*$",
    re.I,
)
_LOWER_TITLE_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from into onto as is are was be it its vs via "
    "de la le du des von van der".split()
)
_FIRST_SECOND = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|I'd|I’d|me|my|we|we're|we’re|our|us|you|your)\b")
_END_PUNCT = re.compile(r"[.!?…,;:—–-]['’\"”)]*$")


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def introduced_as_name(before: str, inner: str) -> bool:
    """The run is introduced as a name or a term ("so-called “X”", "the slogan “X”")."""
    if re.match(r"\s*so[- ]called\b", inner, re.I):
        return True
    return bool(_LABEL_BEFORE.search(before[-60:]))


def title_case(inner: str) -> bool:
    """Every word that counts is capitalised and the run does not read as a sentence."""
    words = _WORDS.findall(inner)
    if not words:
        return False
    capital = 0
    for k, word in enumerate(words):
        if word[0].isupper() or word[0].isdigit():
            capital += 1
        elif k > 0 and word.lower() in _LOWER_TITLE_WORDS:
            continue
        else:
            return False
    if capital == 0:
        return False
    stripped = inner.rstrip()
    if len(words) > 2 and stripped.endswith(("?", "!")):
        return False
    if _FIRST_SECOND.search(inner) and len(words) > 2:
        return False
    return True


def embedded(before_in_sentence: str, inner: str) -> bool:
    """A lower-case run inside a sentence: part of the writer's own phrasing unless a cue ties it."""
    stripped = inner.lstrip(" …-—–([")
    return bool(stripped) and stripped[0].islower() and bool(_WORDS.search(before_in_sentence))


def reads_as_speech(inner: str, closed: bool) -> bool:
    """A run that reads as said words without any clause (a continuing quote, a tweet)."""
    n = word_count(inner)
    if n < 4:
        return False
    if n >= 12:
        return True
    if _FIRST_SECOND.search(inner):
        return True
    if not closed:
        return n >= 8
    return bool(_END_PUNCT.search(inner.rstrip())) and inner.lstrip()[:1].isupper()

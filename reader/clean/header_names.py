"""The author named beside the date under the headline: "Jane Doe · March 3, 2026", "2026-03-03 | Jane Doe".

Many blogs and company pages print their byline without a "By": the
author's name and the date side by side in the article's header. A name
written right before or right after a date there (only separators or a
date label between them) is read as the author. It is the last source
consulted (after metadata and "By" lines), since a header can also hold a
breadcrumb or a category beside the date; names need two words at least,
and a role ("Senior Writer") between name and date is stepped over.
"""

from __future__ import annotations

import re

from reader.clean.authors import _NAME_WORD, _PARTICLE, looks_like_name
from reader.clean.shown_dates import HeaderText, dated_spans

NEAR_CHARS = 60
"""How far from the date the name may begin or end: a name, a role and separators."""
_SEPARATORS = re.compile(r"\s*[|·•⋅—–,/\n]\s*|\s+-\s+")
"""Between a name and a date: punctuation, or the end of a text node (the name in its own element)."""
_DATE_LABEL = re.compile(r"(?:\b(?:last\s+)?(?:updated|published|posted|modified|on|date|written)\b\s*:?\s*)+$", re.I)
_CREDITED = re.compile(r"\b(?:reviewed|checked|edited|photos?|photographs?|illustrations?|images?|video)\s+by\s*:?\s*$", re.I)
"""A reviewer, an editor, a photographer: named beside the date too, but not the author."""
_WORD = re.compile(rf"^(?:{_NAME_WORD}|{_PARTICLE})$")
MAX_WORDS = 4


def _name_at_end(segment: str) -> str:
    words = segment.split()
    taken: list[str] = []
    for word in reversed(words[-MAX_WORDS:]):
        if not _WORD.match(word):
            break
        taken.insert(0, word)
    while taken and not re.match(_NAME_WORD, taken[0]):
        taken.pop(0)  # a name begins with a capital, not a particle
    return " ".join(taken)


def _name_at_start(segment: str) -> str:
    taken: list[str] = []
    for word in segment.split()[:MAX_WORDS]:
        if not _WORD.match(word):
            break
        taken.append(word)
    while taken and not re.match(_NAME_WORD, taken[-1]):
        taken.pop()
    return " ".join(taken)


def _person(name: str, common: set[str]) -> bool:
    """Two words or more, shaped as a name, none of them a word the page writes in lower case ("Sign In")."""
    words = name.split()
    return len(words) >= 2 and looks_like_name(name) and not any(w.casefold() in common for w in words)


def lower_case_words(text: str) -> set[str]:
    """The words a text writes in lower case: common words of its language, not names."""
    words = (w.strip(_PUNCTUATION) for w in text.split())
    return {w for w in words if w.isalpha() and w.islower()}


_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»…*"


def _before(text: str, common: set[str]) -> str:
    """The name ending just before a date: the nearest segment that is one, past a role and a date label."""
    near = _DATE_LABEL.sub("", text[-NEAR_CHARS:].rstrip())
    segments = [s for s in _SEPARATORS.split(near) if s.strip()]
    for segment in reversed(segments[-2:]):
        name = _name_at_end(segment)
        if _person(name, common):
            return "" if _CREDITED.search(segment[: len(segment.rstrip()) - len(name)]) else name
    return ""


def _after(text: str, common: set[str]) -> str:
    """The name beginning just after a date (past separators and a "by")."""
    near = re.sub(r"^(?:\s*[|·•⋅—–,/]\s*|\s+-\s+|\s*\bby\b\s*)+", "", text[:NEAR_CHARS], flags=re.I)
    name = _name_at_start(near.strip().split("\n", 1)[0])
    return name if _person(name, common) else ""


def header_names(header: HeaderText, common: set[str] = frozenset()) -> list[str]:
    """The name written beside the first date of the header that has one, as [name], or [].

    `common` holds the words the page writes in lower case (`lower_case_words`):
    "Sign In", "Editorial Process" are made of them, names are not.
    """
    before, after = dated_spans(header)
    for text, spans in ((header.after, after), (header.before, before)):
        for start, end, _ in spans:
            if start == end:
                continue  # a `<time>` value without a written date: no place in the text
            name = _before(text[:start], common) or _after(text[end:], common)
            if name:
                return [name]
    return []

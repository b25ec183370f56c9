"""People as the quote layer sees them: name keys, a person record, a resolution result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.analysis.quotes.lexicon import TITLES

POSSESSIVE = re.compile(r"['’]s?$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


def name_key(name: str) -> str:
    """The surname-like key of a name: its last capitalised word that is not a title."""
    words = [POSSESSIVE.sub("", w).rstrip(".") for w in _NAME_WORD.findall(name)]
    words = [w for w in words if w and w.lower() not in TITLES]
    return words[-1].lower() if words else ""


def name_words(name: str) -> set[str]:
    """The lower-cased words of a name, titles left out ("Sen. Ilse Varga" -> {"ilse", "varga"})."""
    return {POSSESSIVE.sub("", w).rstrip(".").lower() for w in _NAME_WORD.findall(name)} - TITLES


@dataclass(slots=True)
class Person:
    """One person of the text: a surname key, the fullest name seen, gender votes."""

    pid: str
    key: str
    name: str
    entity_id: str | None = None
    votes: dict[str, float] = field(default_factory=lambda: {"m": 0.0, "f": 0.0})

    @property
    def gender(self) -> str:
        m, f = self.votes["m"], self.votes["f"]
        return "m" if m > f else "f" if f > m else ""


@dataclass(slots=True)
class Resolved:
    """Who a speaker mention stands for."""

    entity_id: str | None
    name: str
    person: str | None = None
    """The index's person id, when the mention resolved to a person."""

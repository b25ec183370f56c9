"""Name keys: how a person's name is compared across articles.

`name_key("Zoë  O'Brien-Hart")` is "zoe o brien hart": accents folded,
case folded, punctuation to spaces. An entity is found by its name, its
aliases and (a person) its surname. Across articles, entities of the same
kind with the same full name are one person; a bare name ("Okafor") joins
the one full name that was known by it as an alias in some article, else the
one full name with that surname; when several full names qualify it stays on
its own, marked ambiguous (`reader.index.query`).
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).replace("_", " ").split())


def keys_for(name: str, aliases: list[str], kind: str = "person") -> set[str]:
    """The keys an entity is found by: its name, its aliases and, for a person, the surname."""
    keys = {name_key(name)} | {name_key(alias) for alias in aliases}
    words = name_key(name).split()
    if kind == "person" and len(words) > 1:
        keys.add(words[-1])
    keys.discard("")
    return keys

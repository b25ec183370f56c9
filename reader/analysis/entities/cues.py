"""Organisation cues: words around a name that only an organisation takes.

"the brewer Harlow", "insurer Castlemere", "a Castlemere spokeswoman",
"Castlemere shares": the name is an organisation, and, as a document uses
one name for one thing, it is one in every mention of the document unless
the name itself looks like a person's (a known given name, an initial, a
title; "a Quill spokesman" after "Dana Quill" stays a person).
"""

from __future__ import annotations

import re

ORG_BEFORE = re.compile(
    r"\b(?:brewer|company|firm|carrier|insurer|reinsurer|retailer|maker|producer|manufacturer|"
    r"conglomerate|operator|airline|publisher|broker|brokerage|lender|miner|chipmaker|automaker|"
    r"carmaker|drugmaker|subsidiary|distributor|supplier|exporter|importer|refiner)\s+$"
)
"""A trade noun right before the name ("Polish-style brewer NAME")."""

ORG_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:spokesman|spokeswoman|spokesperson|shares|shareholders|stock|"
    r"subsidiary|subsidiaries|board|unit|plant|factory|factories|brand|brands)\b"
)
"""A word right after the name that belongs to a firm ("NAME shares", "a NAME spokesman")."""

CUE_VOTE = 3.0
"""One cue outweighs a few stray person or place labels of the model."""


def organisation_cue(text: str, start: int, end: int) -> bool:
    """True when the words around `text[start:end]` mark an organisation."""
    return bool(ORG_BEFORE.search(text, max(0, start - 30), start)) or bool(ORG_AFTER.match(text[end : end + 30]))

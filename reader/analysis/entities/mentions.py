"""Candidate mentions: the model's name spans, cleaned.

spaCy's spans are a starting point only: they may run across a newline, swallow
a score ("Ashbury 2"), a determiner ("the Associated Press"), a possessive
("Britain's"), a title ("Defender Omar Vance"), a nationality ("Croat Ivo
Markan"), or be an image credit ("Golden Brown / Shutterstock.com") or page
furniture ("Homepage War Russia"). `clean_span` cuts one span into the name
pieces it holds; each piece becomes a `Candidate` with votes for its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.analysis.entities.lexicon import (
    BOILERPLATE_WORDS,
    CREDIT_CUE,
    CREDIT_SHAPE,
    DETERMINERS,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    ROLE_WORDS,
    first_names,
    gazetteer,
)

LABEL_KIND = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "LANGUAGE": "other",
}
"""spaCy (OntoNotes) labels we keep, and the kind each one votes for."""

INNER_LOWER = frozenset({"of", "and", "for", "the", "&", "on", "upon", "y", "e", "in"}) | NAME_PARTICLES
"""Lower-case words allowed inside one name ("Office of Rail Standards", "Van der Hoek")."""

_TOKEN = re.compile(r"\S+")
_LAST_TOKEN = re.compile(r"\S+$")
_BREAK = re.compile(
    r"\n|\s[-–—]{1,2}\s|[:;()\[\]{}\"“”|•·]|\s-{2,}|^-+|\s\+\s"
    r"|,(?!\s*(?:Inc|Jr|Sr|Ltd|LLC|Plc|PLC|Co)\b\.?)"
)
"""Where one span must be cut: newlines, dashes between words, colons, brackets, quotes."""

_NUMERIC = re.compile(r"^[^A-Za-z\u00C0-\uFFFF]*\d[^A-Za-z\u00C0-\uFFFF]*$")
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.)+$|\b(?:Corp|Inc|Co|Ltd|Jr|Sr|Bros|Dept|Univ|Gov|St|Mt)\.$")
_EDGE_JUNK = "\"'“”‘’«»()[]{}<>,;:!?*•·-–—_/\\|#~`^=+ \t\n"
_TITLE_THEN_GIVEN = re.compile(r"[A-Z][\w.-]*\s+[A-Z]\w+\s+[A-Z]")
"""Three capitalised words: maybe "General Pia Lund" (a title, a given name, a surname)."""
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(slots=True)
class Candidate:
    """A name span in the body with the evidence gathered for its kind."""

    start: int
    end: int
    text: str
    block: int
    source: str = "model"
    """model, table, dateline, match (a later repeat of a known name), gazetteer."""
    votes: dict[str, float] = field(default_factory=dict)
    role: tuple[int, int] | None = None
    """Body span of a title/role phrase bound to this name ("Ukrainian President")."""
    team: bool = False
    """Listed as a team in a results table: a club named after a city is a club."""
    org_cue: bool = False
    """Words around it mark an organisation ("insurer NAME", "NAME shares"; see `cues`)."""

    def vote(self, kind: str, weight: float) -> None:
        self.votes[kind] = self.votes.get(kind, 0.0) + weight


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim junk characters, determiners and possessives at the edges."""
    while True:
        before = (start, end)
        while start < end and body[start] in _EDGE_JUNK:
            start += 1
        while end > start and body[end - 1] in _EDGE_JUNK:
            end -= 1
        if end > start and body[end - 1] == "." and not _ABBREV_END.search(body[start:end]):
            end -= 1
        match = _POSSESSIVE.search(body, start, end)
        if match and match.end() == end and end - start > 2:
            end = match.start()
        first = _TOKEN.match(body, start, end)
        if first and first.end() < end and (first.group().casefold() in DETERMINERS or first.group()[0].islower()):
            start = first.end()
        last = _LAST_TOKEN.search(body, start, end)
        if last and last.start() > start and last.group()[0].islower():
            end = last.start()  # "Berg’s van" -> "Berg’s" (then the possessive goes)
        if (start, end) == before:
            return start, end


def _cut_tokens(
    body: str, start: int, end: int, stops: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Cut at tokens that cannot be inside a name: numbers, stray lower-case words, `stops`."""
    pieces: list[tuple[int, int]] = []
    piece_start: int | None = None
    piece_end = start
    for match in _TOKEN.finditer(body, start, end):
        word = match.group()
        bare = word.strip(_EDGE_JUNK)
        breaks = (
            not bare
            or bool(_NUMERIC.match(word))
            or bare[0].isdigit()
            or (bare[0].islower() and bare.casefold() not in INNER_LOWER and "-" not in bare)
            or bare.casefold() in stops
        )
        if breaks:
            if piece_start is not None:
                pieces.append((piece_start, piece_end))
            piece_start = None
            continue
        if piece_start is None:
            piece_start = match.start()
        piece_end = match.end()
    if piece_start is not None:
        pieces.append((piece_start, piece_end))
    return pieces


def _is_name_like(text: str) -> bool:
    if len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = text.split()
    first = words[0].casefold().strip(".,:")
    if first in BOILERPLATE_WORDS:
        return False
    if len(words) == 1 and (first in NOT_NAMES or first in ROLE_WORDS or first in HONORIFICS):
        return False
    if all(w.casefold() in INNER_LOWER or w.casefold() in DETERMINERS for w in words):
        return False
    return not CREDIT_SHAPE.search(text)


def split_span(
    body: str, start: int, end: int, stops: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The name pieces inside one raw span (possibly none); `stops` are words (any case) that cut."""
    if CREDIT_SHAPE.search(body, start, end):
        return []
    pieces: list[tuple[int, int]] = []
    pos = start
    cuts = [(m.start(), m.end()) for m in _BREAK.finditer(body, start, end)]
    for cut_start, cut_end in [*cuts, (end, end)]:
        for a, b in _cut_tokens(body, pos, cut_start, stops):
            a, b = _trim(body, a, b)
            if b > a and _is_name_like(body[a:b]):
                pieces.append((a, b))
        pos = cut_end
    return pieces


def strip_title(body: str, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """For a person span: drop courtesy titles and role words at the front.

    "Defender Omar Vance" -> (start of "Hassan", span of "Defender");
    "Mr Smith" -> (start of "Smith", None): a courtesy title is not a role.
    """
    pos = start
    role_end = -1
    for match in _TOKEN.finditer(body, start, end):
        word = match.group().casefold()
        rest = body[match.end() : end].lstrip()
        if not rest or not rest[0].isupper():
            break
        if word in ROLE_WORDS:
            role_end = match.end()
        elif word not in HONORIFICS:
            break
        pos = match.end()
    if pos == start:
        return start, None
    while pos < end and body[pos].isspace():
        pos += 1
    return pos, ((start, role_end) if role_end > 0 else None)


def split_demonym(body: str, start: int, end: int) -> tuple[tuple[int, int] | None, int]:
    """"Croat Ivo Markan" -> (span of "Croat", start of "Alen"); else (None, start)."""
    first = _TOKEN.match(body, start, end)
    if not first or first.group().casefold() not in gazetteer().demonyms:
        return None, start
    rest = body[first.end() : end].split()
    if len(rest) < 2 or not all(w[:1].isupper() for w in rest):
        return None, start
    new_start = first.end()
    while body[new_start].isspace():
        new_start += 1
    return (first.start(), first.end()), new_start


def preceded_by_credit(body: str, block_start: int, start: int) -> bool:
    """True when the words just before `start` mark a credit ("Photo:", "Ads by")."""
    window = body[max(block_start, start - 24) : start]
    return bool(CREDIT_CUE.search(window))


def model_candidates(
    body: str, block: int, block_start: int, ents: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Clean the model's spans of one block into candidates, one vote each for its label."""
    out: list[Candidate] = []
    for start, end, label in ents:
        kind = LABEL_KIND.get(label)
        if kind is None:
            continue
        if preceded_by_credit(body, block_start, start):
            continue
        for a, b in split_span(body, start, end):
            role: tuple[int, int] | None = None
            extra: list[Candidate] = []
            if kind == "person":
                demonym, a2 = split_demonym(body, a, b)
                if demonym is not None:
                    cand = Candidate(demonym[0], demonym[1], body[demonym[0] : demonym[1]], block)
                    cand.vote("group", 1.0)
                    extra.append(cand)
                    a = a2
                a, role = strip_title(body, a, b)
            elif _TITLE_THEN_GIVEN.match(body, a, b):  # "General Pia Lund" tagged ORG
                a2, title = strip_title(body, a, b)
                first = _TOKEN.match(body, a2, b)
                if a2 > a and first and first.group().casefold() in first_names():
                    a, kind, role = a2, "person", title
            cand = Candidate(a, b, body[a:b], block, role=role)
            cand.vote(kind, 1.0)
            if role is not None:
                cand.vote("person", 1.0)
            out.extend(extra)
            out.append(cand)
    return out

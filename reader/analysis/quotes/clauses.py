"""Speech clauses of the less common shapes, and the channel of a quote.

- a paragraph ending in a colon with no speech verb ("Smith made the
  following comment:"): its subject;
- transcripts (`Berg: "…"`, or a quote opening with `HALE: …`);
- a partial quote with no speech verb near it ("Varga urged voters to
  "vote your conscience""): the subject of the verb it depends on (parser);
- "according to AP" inside the sentence: the outlet the quote came through.
"""

from __future__ import annotations

import re

from reader.analysis.quotes.lexicon import OUTLET_WORDS
from reader.analysis.quotes.mentions import Clause, Mention, cut_mention
from reader.analysis.quotes.sentences import sentence_end
from reader.analysis.quotes.tokens import TokenView

ACCORDING_ANY = re.compile(r"\baccording\s+to\s+", re.I)


def is_outlet(name: str) -> bool:
    """A news outlet or agency by its name ("AP", "The New York Times")."""
    return bool(OUTLET_WORDS.search(name))


def colon_clause(text: str, floor: int, end: int, view: TokenView | None) -> Clause | None:
    """A clause without a speech verb ending in a colon ("Smith made the following comment:"): its subject."""
    colon = text.rfind(":", floor, end)
    if view is not None and view.has_doc:
        token = view.token_at(colon)
        if token is not None:
            root = token.sent.root
            for child in root.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.idx >= floor:
                    speaker = view.mention_of(child)
                    if speaker is not None:
                        return Clause(speaker, ":", colon, colon + 1, "colon")
        return None
    lead = re.match(r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*|[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]", text[floor:colon])
    if lead is None:
        return None
    speaker = cut_mention(text, floor + lead.start(1), floor + lead.end(1), view, forward=True)
    return Clause(speaker, ":", colon, colon + 1, "colon") if speaker is not None else None


_TRANSCRIPT_IN = re.compile(r"\s*([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}):\s")
_NAME_COLON = re.compile(r"(?:^|(?<=[\n.!?]))\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*):\s*$")


def transcript_clause(text: str, floor: int, open_at: int, inner_start: int) -> Clause | None:
    """Transcript lines: `Berg: "…"` or a quote that opens with `HALE: …`."""
    match = _NAME_COLON.search(text, floor, open_at)
    if match and text[floor : match.start(1)].strip() == "":
        name = match.group(1)
        return Clause(Mention(match.start(1), match.end(1), name, "name"), ":", match.end(1), match.end(1) + 1, "colon")
    match = _TRANSCRIPT_IN.match(text, inner_start)
    if match and len(match.group(1)) >= 2:
        name = match.group(1)
        return Clause(Mention(match.start(1), match.end(1), name, "name"), ":", match.end(1), match.end(1) + 1,
                      "transcript")
    return None


def governing_clause(view: TokenView | None, open_at: int, close_at: int) -> Clause | None:
    """The subject of the verb a partial quote depends on ("Varga urged voters to \"…\"")."""
    if view is None or not view.has_doc:
        return None
    found = view.governing(open_at, close_at)
    if found is None:
        return None
    offset, word, speaker = found
    return Clause(speaker, word, offset, offset + len(word), "governing")


def channel_in(text: str, start: int, end: int, view: TokenView | None) -> Mention | None:
    """An "according to X" inside text[start:end] whose X is a news outlet."""
    for match in ACCORDING_ANY.finditer(text, start, end):
        mention = cut_mention(text, match.end(), sentence_end(text, match.end(), end), view, forward=True)
        if mention is not None and is_outlet(mention.text):
            return mention
    return None

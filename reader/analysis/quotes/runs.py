"""One quoted run while it is being attributed, and the resolution of its speaker.

`resolve_runs` registers every name that speaks, then resolves each run's
speaker mention in text order through a `PersonIndex` (names, pronouns,
role descriptions); a run that continues another takes its speaker.
`to_quote` turns a run into the model's `Quote`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reader.analysis.nlp import ParsedBlock
from reader.analysis.quotes.marks import QuoteSpan
from reader.analysis.quotes.mentions import Clause, Mention
from reader.analysis.quotes.people import Resolved
from reader.analysis.quotes.speakers import PersonIndex
from reader.model import Document, Entity, Quote

_PREPOSITIONS = frozenset("in on at by with for to of from about against over under into than like".split())


@dataclass(slots=True)
class QuoteRun:
    """The working record of one quoted run while its clause and speaker are found."""

    span: QuoteSpan
    clause: Clause | None = None
    block_start: int = 0
    """Body offset of the block the clause was found in (its offsets are relative to it)."""
    inherited: "QuoteRun | None" = None
    partial: bool = False
    channel: Mention | None = None
    channel_id: str | None = None
    resolved: Resolved | None = None


def resolve_runs(kept: list[QuoteRun], document: Document, parsed: list[ParsedBlock], entities: list[Entity]) -> None:
    """Resolve the speaker mention of every run, in order (a pronoun sees the speakers before it)."""
    body = document.body
    sentences = [s for p in parsed for s in p.sentences]
    quoted = [(r.span.start, r.span.end) for r in kept]
    index = PersonIndex(body, entities, sentences, quoted)
    for run in kept:
        mention = _mention(run)
        if mention is not None and mention.kind == "name":
            index.add_name(run.block_start + mention.start, run.block_start + mention.end, mention.text, True)
        elif mention is not None and mention.kind == "relative" and mention.antecedent is not None \
                and mention.antecedent.kind == "name":
            a = mention.antecedent
            index.add_name(run.block_start + a.start, run.block_start + a.end, a.text, True)
    if not any(ent.kind == "person" for ent in entities):
        index.add_first_name_people()
    index.add_surface_mentions()
    subjects = _subject_offsets(parsed)
    starts = [s for s, _ in sentences]
    index.mark_subjects(lambda s, e: _is_subject(s, e, subjects, body, starts))
    index.finish()
    for run in kept:
        if run.channel is not None:
            channel = index.other_entity(run.channel.text)
            run.channel_id = channel.id if channel is not None else None
        if run.inherited is not None:
            run.resolved = run.inherited.resolved
            continue
        mention = _mention(run)
        if mention is None:
            continue
        pos = run.block_start + mention.start
        target = mention.antecedent if mention.kind == "relative" and mention.antecedent is not None else mention
        if target.kind == "name":
            run.resolved = index.resolve_name(target.text, pos)
        elif target.kind == "pronoun":
            run.resolved = index.resolve_pronoun(target.text, pos)
            if run.resolved is not None:
                index.add_resolved(pos, pos + len(target.text), run.resolved)
        elif target.kind == "description":
            run.resolved = index.resolve_description(target.text, pos)
            if run.resolved is not None:
                index.add_resolved(pos, pos + len(target.text), run.resolved)


def _mention(run: QuoteRun) -> Mention | None:
    return run.clause.speaker if run.clause is not None else None


def _subject_offsets(parsed: list[ParsedBlock]) -> set[int]:
    """Body offsets of every token the parser made a subject (read from the Docs' arrays: no Token objects)."""
    out: set[int] = set()
    for block in parsed:
        doc = block.doc
        if doc is None or not len(doc):
            continue
        wanted = {doc.vocab.strings[label] for label in ("nsubj", "nsubjpass")}
        deps, starts = doc.to_array("DEP").tolist(), doc.to_array("IDX").tolist()
        out.update(block.start + idx for dep, idx in zip(deps, starts) if dep in wanted)
    return out


def _is_subject(start: int, end: int, subjects: set[int], body: str, starts: list[int]) -> bool:
    """A mention that is its sentence's subject (by the parser; else: near the start, after no preposition)."""
    if subjects:
        return any(s in subjects for s in range(start, end))
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or start - starts[i] > 300:  # four words are never this long: and no slicing of huge sentences
        return False
    words = body[starts[i] : start].lower().split()
    return len(words) <= 4 and not any(w in _PREPOSITIONS for w in words)


_EVIDENCE = {
    "name": "named",
    "pronoun": "pronoun: the nearest person before it",
    "description": "description: bound to the name earlier",
    "relative": "“who” after the name",
}


def _evidence(kind: str, resolved: Resolved | None, *, inherited: bool) -> str:
    """How the speaker was found (the quotes layer's own reason, in words for the panes)."""
    if inherited:
        return "continues the quote before"
    if resolved is None or (kind != "name" and resolved.entity_id is None and resolved.person is None):
        return "not resolved"
    return _EVIDENCE.get(kind, kind)


def to_quote(number: int, run: QuoteRun, body: str) -> Quote:
    """The model's Quote for a kept run: offsets, speaker mention, resolved entity, cue, channel."""
    span = run.span
    quote = Quote(id=f"q{number}", start=span.start, end=span.end, text=body[span.start : span.end],
                  partial=run.partial)
    source = run.inherited or run
    clause = source.clause
    if clause is not None and clause.speaker is not None:
        mention = clause.speaker
        quote.speaker_start = source.block_start + mention.start
        quote.speaker_end = source.block_start + mention.end
        quote.speaker_mention = body[quote.speaker_start : quote.speaker_end]
        quote.cue = clause.cue
        resolved = source.resolved
        if resolved is None and mention.kind == "relative" and mention.antecedent is not None:
            resolved = Resolved(None, mention.antecedent.text)
        quote.speaker_id = resolved.entity_id if resolved else None
        quote.speaker = resolved.name if resolved else quote.speaker_mention
        quote.speaker_evidence = _evidence(mention.kind, resolved, inherited=run.inherited is not None)
        if quote.speaker_evidence == "named" and quote.speaker_mention != quote.speaker:
            quote.speaker_evidence = "named: a short form of the name"
    if source.channel is not None:
        quote.channel = source.channel.text
        quote.channel_id = source.channel_id
    return quote

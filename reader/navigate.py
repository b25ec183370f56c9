"""Pure navigation over an analysed article: mentions, quotes, the jump list and the selection.

The app's keys map onto these functions (n/N, ]/[, s, backspace); they
know nothing of Textual and work on body offsets only, so they are tested
as plain Python. `Selection` is the reader's current choice as a frozen
value: which entity (or source) and quote, and so which spans to paint.
The search is in `reader.search`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from reader.model import Analysis, Entity, Mention, Quote, Source

Span = tuple[int, int]

WORDS_PER_MINUTE = 230
"""An adult's silent reading speed for news prose."""


def _step(starts: Sequence[int], offset: int, direction: int, wrap: bool = True) -> int | None:
    """Index of the first start after `offset` (direction 1) or before it (-1); wraps around."""
    if not starts:
        return None
    if direction > 0:
        index = bisect_right(starts, offset)
        if index < len(starts):
            return index
        return 0 if wrap else None
    index = bisect_left(starts, offset) - 1
    if index >= 0:
        return index
    return len(starts) - 1 if wrap else None


def next_span(spans: Sequence[Span], offset: int, direction: int = 1, wrap: bool = True) -> int | None:
    """Index into sorted `spans` of the next (or previous) one starting after (before) `offset`."""
    return _step([s for s, _ in spans], offset, direction, wrap)


def nearest_span(spans: Sequence[Span], offset: int) -> int | None:
    """Index of the span nearest to `offset` (the one containing it, else the closest)."""
    if not spans:
        return None
    return min(range(len(spans)), key=lambda i: (0 if spans[i][0] <= offset < spans[i][1] else 1,
                                                 min(abs(spans[i][0] - offset), abs(spans[i][1] - offset))))


def span_at(spans: Sequence[Span], offset: int) -> int | None:
    """Index of the span containing `offset` (end inclusive, so a cursor right after a word counts)."""
    for i, (start, end) in enumerate(spans):
        if start <= offset <= end:
            return i
    return None


def mention_spans(entity: Entity | None) -> list[Span]:
    if entity is None:
        return []
    return sorted({(m.start, m.end) for m in entity.mentions})


def tied_mentions(
    entity: Entity | None, quotes: list[Quote], resolved: dict[str, list[Mention]] | None = None
) -> list[Mention]:
    """Every mention the analysis ties to `entity`, sorted: its names, plus the pronouns and
    descriptions its quotes resolved to it ("she added" -> Maria Zakharova); one per start.

    `resolved` (`resolved_by_entity(quotes)`) saves walking the quotes again for each entity."""
    if entity is None:
        return []
    if resolved is None:
        resolved = resolved_by_entity(quotes)
    by_start = {m.start: m for m in entity.mentions}
    for mention in resolved.get(entity.id, ()):
        by_start.setdefault(mention.start, mention)
    return [by_start[start] for start in sorted(by_start)]


_PRONOUN_SPEAKERS = frozenset("he she they who".split())


def resolved_speaker_mentions(quotes: list[Quote]) -> list[tuple[str, Mention]]:
    """(entity id, mention) for every speaker pronoun or role description a quote resolved to an
    entity ("she" -> Maria Zakharova): extra mentions the entity pane may show.

    Here, not beside the quote extraction, so the app's first snapshot does not import the
    extraction's modules on the UI thread."""
    out: list[tuple[str, Mention]] = []
    seen: set[int] = set()
    for quote in quotes:
        if quote.speaker_id is None or quote.speaker_start is None or quote.speaker_end is None:
            continue
        if quote.speaker_start in seen or quote.speaker_mention == quote.speaker:
            continue
        if quote.speaker_mention.lower() in _PRONOUN_SPEAKERS:
            kind = "pronoun"
        elif quote.speaker_mention[:1].islower():
            kind = "description"
        else:
            continue  # a name ("Zakharova", "Mr. Hale") is the entity layer's own mention
        seen.add(quote.speaker_start)
        out.append((quote.speaker_id, Mention(quote.speaker_start, quote.speaker_end, quote.speaker_mention, kind)))
    return out


def resolved_by_entity(quotes: list[Quote]) -> dict[str, list[Mention]]:
    """The speaker pronouns and descriptions the quotes resolved, by entity id, in quote order."""
    out: dict[str, list[Mention]] = {}
    for entity_id, mention in resolved_speaker_mentions(quotes):
        out.setdefault(entity_id, []).append(mention)
    return out


@dataclass(slots=True)
class MentionIndex:
    """Every entity mention in the body, sorted, to answer "which entity is here?"."""

    starts: list[int] = field(default_factory=list)
    items: list[tuple[int, int, str, Mention]] = field(default_factory=list)

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> "MentionIndex":
        items = sorted(
            ((m.start, m.end, e.id, m) for e in entities for m in e.mentions), key=lambda t: (t[0], -t[1])
        )
        return cls([t[0] for t in items], items)

    def entity_at(self, offset: int) -> str | None:
        """The id of the entity mentioned at `offset`, if any."""
        index = bisect_right(self.starts, offset) - 1
        while index >= 0 and index >= bisect_right(self.starts, offset) - 8:
            start, end, entity_id, _ = self.items[index]
            if start <= offset < end:
                return entity_id
            index -= 1
        return None

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str, Mention]]:
        lo = bisect_left(self.starts, start - 200)
        hi = bisect_right(self.starts, end)
        return [t for t in self.items[lo:hi] if t[1] > start and t[0] < end]


def quote_spans(quote: Quote) -> Span:
    return (quote.start, quote.end)


def quote_at(quotes: Sequence[Quote], offset: int) -> Quote | None:
    """The quote whose words (or speaker mention) hold `offset`; the shortest wins."""
    best: Quote | None = None
    for quote in quotes:
        if quote.start <= offset <= quote.end:
            if best is None or quote.end - quote.start < best.end - best.start:
                best = quote
    return best


def next_quote(quotes: Sequence[Quote], offset: int, direction: int = 1) -> Quote | None:
    ordered = sorted(quotes, key=lambda q: q.start)
    index = _step([q.start for q in ordered], offset, direction)
    return None if index is None else ordered[index]


def quotes_by_speaker_mention(quotes: Sequence[Quote], offset: int) -> list[Quote]:
    """Quotes whose speaker mention covers `offset` (the way back from a speaker to the quote)."""
    return [
        q for q in quotes
        if q.speaker_start is not None and q.speaker_end is not None and q.speaker_start <= offset <= q.speaker_end
    ]


def speaker_target(quote: Quote, analysis: Analysis, near: int) -> Span | None:
    """Where `s` takes a reader from `quote`: its speaker mention, else the speaker's nearest mention."""
    if quote.speaker_start is not None and quote.speaker_end is not None:
        return (quote.speaker_start, quote.speaker_end)
    entity = analysis.entity(quote.speaker_id)
    spans = mention_spans(entity)
    index = nearest_span(spans, near)
    return None if index is None else spans[index]


@dataclass(slots=True)
class JumpList:
    """Where the reader jumped from, newest last (backspace walks back)."""

    limit: int = 200
    back: list[int] = field(default_factory=list)

    def push(self, offset: int) -> None:
        if self.back and self.back[-1] == offset:
            return
        self.back.append(offset)
        del self.back[: max(0, len(self.back) - self.limit)]

    def pop(self) -> int | None:
        return self.back.pop() if self.back else None

    def __len__(self) -> int:
        return len(self.back)


def overlaps(span: Span, start: int, end: int) -> bool:
    return span[0] < end and span[1] > start or span[0] == span[1] and start <= span[0] < end


def step(spans: Sequence[Span], current: Span | None, line: Span, direction: int) -> Span | None:
    """The span n/N go to: after (before) the marked `current` one, else after (before) the cursor `line`."""
    if not spans:
        return None
    if current is not None and current in spans:
        ref = current[0]
    else:
        ref = line[0] - 1 if direction > 0 else line[1]
    index = next_span(spans, ref, direction)
    return None if index is None else spans[index]


def quote_step(quotes: Sequence[Quote], selected: Quote | None, line: Span, direction: int) -> Quote | None:
    """The quote ]/[ go to: after (before) the selected one when the cursor is on it, else the cursor line."""
    if selected is not None and overlaps((selected.start, selected.end), *line):
        ref = selected.start
    else:
        ref = line[0] - 1 if direction > 0 else line[1]
    return next_quote(quotes, ref, direction)


def quote_on_line(quotes: Sequence[Quote], selected: Quote | None, line: Span) -> Quote | None:
    """The quote at the cursor line: the selected one if it is there, else the first one on the line."""
    if selected is not None and overlaps((selected.start, selected.end), *line):
        return selected
    candidates = [q for q in quotes if overlaps((q.start, q.end), *line)]
    return min(candidates, key=lambda q: q.start) if candidates else None


def quotes_with_speaker_on(quotes: Sequence[Quote], line: Span) -> list[Quote]:
    """Quotes whose speaker mention is on the cursor line (the way from a speaker to their words)."""
    return [q for q in quotes if q.speaker_start is not None
            and overlaps((q.speaker_start, q.speaker_end or q.speaker_start), *line)]


@dataclass(frozen=True, slots=True)
class Selection:
    """What the reader has chosen, as a value (replace it, never change it): it says which spans to paint.

    At most one of `entity_id` and `source_id` is set: an entity's mentions,
    or those of a source the analysis could not tie to an entity. `quote_id`
    is the selected quote (its words and its speaker mention are painted).
    `speaker_return` is where `s` left a quote for its speaker: `(quote id,
    the speaker span)`, so a second `s` on that span goes back.
    """

    entity_id: str | None = None
    source_id: str | None = None
    quote_id: str | None = None
    speaker_return: tuple[str, Span] | None = None

    def with_entity(self, entity_id: str | None) -> "Selection":
        return replace(self, entity_id=entity_id, source_id=None)

    def with_source(self, source: Source) -> "Selection":
        """A source stands for its entity when it has one."""
        if source.entity_id:
            return self.with_entity(source.entity_id)
        return replace(self, entity_id=None, source_id=source.id)

    def with_quote(self, quote: Quote | None) -> "Selection":
        return replace(self, quote_id=quote.id if quote else None)

    def with_speaker_return(self, value: tuple[str, Span] | None) -> "Selection":
        return replace(self, speaker_return=value)

    def entity(self, analysis: Analysis) -> Entity | None:
        return analysis.entity(self.entity_id)

    def quote(self, analysis: Analysis) -> Quote | None:
        return analysis.quote(self.quote_id)

    def pruned(self, analysis: Analysis) -> "Selection":
        """Without the entity or source a newer snapshot no longer has."""
        if self.entity_id and analysis.entity(self.entity_id) is None:
            return replace(self, entity_id=None)
        if self.source_id and analysis.source(self.source_id) is None:
            return replace(self, source_id=None)
        return self

    def mention_spans(self, analysis: Analysis) -> list[Span]:
        """The selected entity's (or source's) mentions, sorted: what n/N step through."""
        if self.source_id is not None:
            source = analysis.source(self.source_id)
            return sorted({(m.start, m.end) for m in source.mentions}) if source else []
        return sorted({(m.start, m.end) for m in tied_mentions(self.entity(analysis), analysis.quotes)})

    def layers(self, analysis: Analysis) -> dict[str, list[Span]]:
        """The spans to paint, by article layer: "mention", "quote" and "speaker"."""
        quote = self.quote(analysis)
        speaker: list[Span] = []
        if quote is not None and quote.speaker_start is not None:
            speaker = [(quote.speaker_start, quote.speaker_end if quote.speaker_end is not None else quote.speaker_start)]
        return {
            "mention": self.mention_spans(analysis),
            "quote": [(quote.start, quote.end)] if quote else [],
            "speaker": speaker,
        }


def reading_minutes(words: int, wpm: int = WORDS_PER_MINUTE) -> int:
    """Whole minutes to read `words` words (at least 1 for any text)."""
    if words <= 0:
        return 0
    return max(1, round(words / wpm))

"""The timeline: every time expression of the body as a `TimeItem`, in date order.

`extract_timeline(document, parsed, entities)` tags each block with the
rule-based tagger (`tagger`), resolving relative expressions against
`document.published` (the reference date; None leaves them unresolved), and
keeps the last date mentioned from one block to the next ("two days later").
Each item carries its sentence (the event it dates) and the entities named
in that sentence.

The article's own date: items whose value is the published day are marked
`is_published`. The day itself is `article_date(document)` (`Analysis.published`),
never a timeline item: every item is a place in the body.

Order (`reader.time_order.sort_key`): dated items by the start of the period
they name (a year before its months), then, in text order, the durations,
sets, open references (now, recently) and expressions that could not be resolved.

`find_timexes(text, dct)` (in `tagger`) is the same tagger over plain text.
"""

from __future__ import annotations

import bisect
import datetime as dt

from reader.analysis.nlp import ParsedBlock
from reader.analysis.timeline.reference import parse_reference
from reader.analysis.timeline.labels import day_label
from reader.analysis.timeline.tagger import TimexTagger
from reader.model import ArticleDate, Document, Entity, TimeItem
from reader.time_order import period_start, sort_key

__all__ = ["article_date", "extract_timeline", "period_start", "sort_key"]


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), or the expression itself when none does."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and sentences[i][0] <= start and end <= sentences[i][1]:
        return sentences[i]
    return (start, end)


class _MentionIndex:
    """Entity mentions sorted by offset, to list the entities inside a span."""

    def __init__(self, entities: list[Entity]) -> None:
        pairs = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self.starts = [p[0] for p in pairs]
        self.pairs = pairs

    def inside(self, start: int, end: int) -> list[str]:
        found: list[str] = []
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.pairs) and self.pairs[i][0] < end:
            if self.pairs[i][1] <= end and self.pairs[i][2] not in found:
                found.append(self.pairs[i][2])
            i += 1
        return found


def _block_text(document: Document, block: ParsedBlock) -> str:
    """The whole block from the body (the parsed text may be cut short for a huge block)."""
    if 0 <= block.index < len(document.blocks) and document.blocks[block.index].start == block.start:
        return document.body[block.start : document.blocks[block.index].end]
    return block.text


def _published_day(document: Document) -> dt.date | None:
    parsed = parse_reference(document.published)
    return parsed[0] if parsed else None


def article_date(document: Document) -> ArticleDate | None:
    """The article's own day from its metadata, or None."""
    published = _published_day(document)
    return None if published is None else ArticleDate(published.isoformat(), day_label(published))


def extract_timeline(document: Document, parsed: list[ParsedBlock], entities: list[Entity]) -> list[TimeItem]:
    """Every time expression of the parsed blocks, resolved against `document.published`, in date order."""
    tagger = TimexTagger(document.published)
    mentions = _MentionIndex(entities)
    published = _published_day(document)
    published_iso = published.isoformat() if published else None
    items: list[TimeItem] = []
    for block in parsed:
        text = _block_text(document, block)
        sentences = block.sentences or [(block.start, block.start + len(text))]
        starts = [s for s, _ in sentences]
        for timex in tagger.tag(text, offset=block.start, doc=block.doc):
            s_start, s_end = _sentence_of(sentences, starts, timex.start, timex.end)
            items.append(TimeItem(
                id=f"t{len(items) + 1}",
                start=timex.start,
                end=timex.end,
                text=timex.text,
                value=timex.value,
                type=timex.type,  # type: ignore[arg-type]
                label=timex.label,
                resolved=timex.resolved,
                approximate=timex.approximate,
                sentence_start=s_start,
                sentence_end=s_end,
                entity_ids=mentions.inside(s_start, s_end),
                is_published=bool(published_iso) and timex.type in ("DATE", "TIME")
                and timex.value[:10] == published_iso,
            ))
    items.sort(key=sort_key)
    return items

"""The timeline: every time expression of the body as a `TimeItem`, in date order.

`extract_timeline(document, parsed, entities)` tags each block with the
rule-based tagger (`tagger`), resolving relative expressions against
`document.published` (the reference date; None leaves them unresolved), and
keeps the last date mentioned from one block to the next ("two days later").
Each item carries its sentence (the event it dates) and the entities named
in that sentence.

The article's own date: items whose value is the published day are marked
`is_published`. When no expression of the body gives that day, one extra
item stands for it, with `start = end = -1`, empty `text` and no sentence
(it is metadata, not a place in the body).

Order: dated items by the start of the period they name (a year before its
months), then, in text order, the durations, sets, open references (now,
recently) and expressions that could not be resolved.

`find_timexes(text, dct)` (in `tagger`) is the same tagger over plain text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from reader.analysis.nlp import ParsedBlock
from reader.analysis.timeline.reference import parse_reference
from reader.analysis.timeline.labels import day_label
from reader.analysis.timeline.tagger import TimexTagger
from reader.model import Document, Entity, TimeItem


_DATED = re.compile(r"(?:FY)?(\d{2,4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q(\d)|H(\d)|(SP|SU|FA|WI)))?"
                    r"(?:-WE)?(?:T(\d{2}):(\d{2})|T([A-Z]{2}))?$")
_SEASON_MONTH = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}
_PART_MINUTES = {"MO": 8 * 60, "MI": 12 * 60, "AF": 14 * 60, "EV": 19 * 60, "NI": 22 * 60, "DT": 12 * 60}


def period_start(value: str) -> tuple[dt.date, int] | None:
    """When the period named by a dated TimeML value begins: (day, minutes into it), else None."""
    match = _DATED.match(value)
    if not match:
        return None
    digits, month, day, week, quarter, half, season, hour, minute, part = match.groups()
    year = int(digits) * (10 ** (4 - len(digits)))
    if not 1 <= year <= 9999:
        return None
    try:
        if week:
            start = dt.date.fromisocalendar(year, int(week), 1)
        elif month:
            start = dt.date(year, int(month), int(day) if day else 1)
        elif quarter:
            start = dt.date(year, 3 * int(quarter) - 2, 1)
        elif half:
            start = dt.date(year, 6 * int(half) - 5, 1)
        elif season:
            start = dt.date(year, _SEASON_MONTH[season], 1)
        else:
            start = dt.date(year, 1, 1)
    except ValueError:
        return None
    minutes = int(hour) * 60 + int(minute) if hour else _PART_MINUTES.get(part or "", 0)
    return start, minutes


def sort_key(item: TimeItem) -> tuple[int, int, int, int, int]:
    """Dated items first, by when they begin (the wider period first); then the rest in text order."""
    start = period_start(item.value) if item.resolved and item.type in ("DATE", "TIME") else None
    if start is None:
        return (1, 0, 0, 0, item.start)
    width = -len(item.value)  # "2014" before "2014-03" before "2014-03-05" when they begin together
    return (0, start[0].toordinal(), start[1], width, item.start)


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
        for timex in tagger.tag(text, offset=block.start):
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
    if published is not None and not any(item.is_published for item in items):
        items.append(TimeItem(
            id="t0", start=-1, end=-1, text="", value=published.isoformat(), type="DATE",
            label=day_label(published), sentence_start=-1, sentence_end=-1, is_published=True,
        ))
    items.sort(key=sort_key)
    return items

"""The presentation vocabulary shared by the panes and the exports: labels, kind names, counts.

Plain Python (no Textual, no Markdown): the words a reader sees for the
analysis, so the Entities pane and the Markdown export group, name and count
things the same way.
"""

from __future__ import annotations

from datetime import date

from reader.model import Analysis, Entity, Quote
from reader.time_order import rows_in_order

ENTITY_SECTIONS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("group", "Groups and nationalities"),
    ("other", "Other"),
)
"""Entity kinds in display order, with their section headings."""

SOURCE_KINDS = {
    "agency": "news agency",
    "outlet": "outlet",
    "person": "person quoted",
    "organisation": "organisation",
    "document": "document",
    "link": "link",
    "image_credit": "image credit",
}
"""What each `Source.kind` is called."""


def plural(count: int, word: str) -> str:
    """ "1 quote", "3 quotes"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def source_kind(kind: str) -> str:
    return SOURCE_KINDS.get(kind, kind)


def entity_groups(analysis: Analysis) -> list[tuple[str, str, list[Entity]]]:
    """`(kind, heading, entities)` for each kind that has any, most mentioned first (then first seen)."""
    out = []
    for kind, heading in ENTITY_SECTIONS:
        group = sorted((e for e in analysis.entities if e.kind == kind), key=lambda e: (-e.count, e.first))
        if group:
            out.append((kind, heading, group))
    return out


def speaker_name(quote: Quote, analysis: Analysis) -> str:
    """Who said it: the resolved entity's name, else the speaker as written ("" when unattributed)."""
    entity = analysis.entity(quote.speaker_id)
    return entity.name if entity else (quote.speaker or quote.speaker_mention)


def analysis_counts(analysis: Analysis) -> str:
    """ "12 entities · 5 quotes · 7 dates · 3 sources" (the status line once the analysis is done).

    The dates are the Timeline pane's rows: the article's own date counts when the body never gives it."""
    dates = len(rows_in_order(analysis.timeline, analysis.published))
    return (f"{len(analysis.entities)} entities · {len(analysis.quotes)} quotes · "
            f"{dates} dates · {len(analysis.sources)} sources")


def human_date(value: str) -> str:
    """ "2026-01-09" -> "9 January 2026"; other forms as given."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"

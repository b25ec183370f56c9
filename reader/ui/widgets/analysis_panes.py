"""The four analysis panes: Entities, Quotes, Timeline, Sources.

Each turns the current `Analysis` snapshot into `PaneItem`s (rich `Text`
prompts, never markup) and says explicitly when it is still working, found
nothing or could not run.
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.binding import Binding

from reader.language import english_only_error
from reader.model import Analysis, ArticleDate, Document, Quote, TimeItem
from reader.navigate import resolved_by_entity, tied_mentions
from reader.present import entity_groups, plural, source_kind, speaker_name
from reader.time_order import rows_in_order
from reader.ui.text_fit import clip
from reader.ui.widgets.pane import ItemPane, PaneItem

MUTED = "dim"


def _progress(analysis: Analysis) -> str:
    if analysis.complete:
        return ""
    return f"{analysis.blocks_done}/{analysis.blocks_total} blocks"


class AnalysisPane(ItemPane):
    """A pane filled from the analysis."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: dict[str, tuple[object, PaneItem]] = {}

    def row(self, rows: dict[str, tuple[object, PaneItem]], key: str, source: object,
            make: Callable[..., PaneItem], *args: object) -> PaneItem:
        """The item for `key`: the one the last build made from an equal `source`, else `make(*args)`;
        kept in `rows` (the next build's `self._rows`). A long article's snapshots repeat most rows,
        and building their rich prompts again would be most of a pane's update."""
        known = self._rows.get(key)
        if known is None or known[0] != source:
            known = (source, make(*args))
        rows[key] = known
        return known[1]

    def build(self, document: Document, analysis: Analysis) -> list[PaneItem]:  # pragma: no cover - abstract
        raise NotImplementedError

    def empty_message(self, document: Document, analysis: Analysis) -> str:
        not_english = english_only_error(document.language)
        if not_english:
            return "Not analysed: " + not_english
        if not analysis.complete:
            return f"Looking for {self.pane_title.lower()}… ({_progress(analysis)})"
        return self.empty_text

    def count_label(self, items: list[PaneItem]) -> str:
        return str(sum(1 for i in items if not i.header))

    def update_from(self, document: Document, analysis: Analysis) -> None:
        if self.resting(analysis.complete):  # a long pane rebuilt a moment ago: only the progress changes
            count = self.border_subtitle.partition(" · ")[0]
            self.border_subtitle = f"{count} · {_progress(analysis)}" if count else ""
            return
        items = self.build(document, analysis)
        subtitle = self.count_label(items) if items else ""
        if items and not analysis.complete:
            subtitle += " · " + _progress(analysis)
        self.show_items(items, subtitle=subtitle, empty=self.empty_message(document, analysis), final=analysis.complete)


class EntitiesPane(AnalysisPane):
    BINDINGS = [Binding("l", "screen.entity_history", "Across library", id="entities.history")]

    pane_title = "Entities"
    empty_text = "No people, organisations or places found"

    def empty_message(self, document: Document, analysis: Analysis) -> str:
        if not analysis.entities_available and not english_only_error(document.language):
            reason = "; ".join(analysis.errors) or "no English spaCy model could be loaded"
            return f"Entity model unavailable: {reason}"
        return super().empty_message(document, analysis)

    def build(self, document: Document, analysis: Analysis) -> list[PaneItem]:
        items: list[PaneItem] = []
        resolved = resolved_by_entity(analysis.quotes)
        for kind, heading, group in entity_groups(analysis):
            items.append(PaneItem(f"h-{kind}", Text(f"{heading} · {len(group)}", style="bold"), header=True))
            for entity in group:
                prompt = Text(entity.name, style="bold")
                tied = tied_mentions(entity, analysis.quotes, resolved)
                extra = len(tied) - entity.count
                prompt.append(f"  ×{entity.count}" + (f" +{extra} she/he/role" if extra > 0 else ""), style=MUTED)
                details = []
                if entity.role and entity.role.casefold() not in entity.name.casefold():
                    details.append(entity.role)
                aliases = [a for a in entity.aliases if a.casefold() != entity.name.casefold()]
                if aliases:
                    details.append("also " + ", ".join(aliases[:4]) + ("…" if len(aliases) > 4 else ""))
                if details:
                    prompt.append("\n" + clip(" · ".join(details), 120), style=MUTED)
                items.append(PaneItem(entity.id, prompt, sorted({(m.start, m.end) for m in tied})))
        return items


class QuotesPane(AnalysisPane):
    pane_title = "Quotes"
    empty_text = "No quotes in this article"

    def build(self, document: Document, analysis: Analysis) -> list[PaneItem]:
        rows: dict[str, tuple[object, PaneItem]] = {}
        items = []
        for quote in analysis.quotes:
            who = speaker_name(quote, analysis)
            items.append(self.row(rows, quote.id, (quote, who), self._item, quote, who))
        self._rows = rows
        return items

    @staticmethod
    def _item(quote: Quote, who: str | None) -> PaneItem:
        """The quote as a row: its words, then who said it and how (how the speaker was found)."""
        words = clip(quote.text.rstrip(" ,"), 160)
        prompt = Text(("… " if quote.partial else "") + "“" + words + "”", style="italic")
        line = "— " + (who or "unattributed")
        if quote.speaker_mention and who and quote.speaker_mention.casefold() != who.casefold():
            line += f" (“{clip(quote.speaker_mention, 30)}”)"
        if quote.cue:
            line += f", {quote.cue}"
        if quote.channel:
            line += f", via {quote.channel}"
        prompt.append("\n" + line, style="not italic " + ("bold" if who else MUTED))
        if quote.speaker_evidence:  # how the speaker was found
            prompt.append("\n" + quote.speaker_evidence, style="not italic " + MUTED)
        spans = [(quote.start, quote.end)]
        if quote.speaker_start is not None and quote.speaker_end is not None:
            spans.append((quote.speaker_start, quote.speaker_end))
        return PaneItem(quote.id, prompt, sorted(spans), target=quote.start)


PUBLISHED_KEY = "published"
"""The Timeline pane's row for the article's date when the body never gives it (`Analysis.published`)."""


class TimelinePane(AnalysisPane):
    pane_title = "Timeline"
    empty_text = "No dates in this article"

    def build(self, document: Document, analysis: Analysis) -> list[PaneItem]:
        rows: dict[str, tuple[object, PaneItem]] = {}
        items = []
        for item in rows_in_order(analysis.timeline, analysis.published):
            if isinstance(item, ArticleDate):  # the article's own date, from its metadata: not in the text
                items.append(self.row(rows, PUBLISHED_KEY, item, self._published, item))
            else:
                items.append(self.row(rows, item.id, item, self._item, document, item))
        self._rows = rows
        return items

    @staticmethod
    def _published(item: ArticleDate) -> PaneItem:
        prompt = Text(item.label or item.value, style="bold")
        prompt.append("  " + " · ".join(["published"] + ([item.value] if item.value != item.label else [])), style=MUTED)
        prompt.append("\nthe article’s publication date", style=MUTED)
        return PaneItem(PUBLISHED_KEY, prompt)

    @staticmethod
    def _item(document: Document, item: TimeItem) -> PaneItem:
        label = item.label or item.value
        prompt = Text(label, style="bold")
        notes = []
        if item.is_published:
            notes.append("published")
        if item.approximate:
            notes.append("approx.")
        if not item.resolved:
            notes.append("unresolved")
        if item.type in ("DATE", "TIME") and item.value[:4].isdigit() and item.value != label:
            notes.append(item.value)
        if notes:
            prompt.append("  " + " · ".join(notes), style=MUTED)
        sentence = document.body[item.sentence_start : item.sentence_end] if item.sentence_end else item.text
        prompt.append("\n" + clip(sentence or item.text, 150), style=MUTED)
        start = item.sentence_start if item.sentence_end > item.sentence_start else item.start
        end = item.sentence_end if item.sentence_end > item.sentence_start else item.end
        return PaneItem(item.id, prompt, [(start, end)], target=start)


class SourcesPane(AnalysisPane):
    pane_title = "Sources"
    empty_text = "No sources named in this article"

    def build(self, document: Document, analysis: Analysis) -> list[PaneItem]:
        items = []
        for source in analysis.sources:
            prompt = Text(source.name or source.url, style="bold")
            bits = [source_kind(source.kind)]
            if source.mentions:
                bits.append(plural(len(source.mentions), "mention"))
            if source.quote_ids:
                bits.append(plural(len(source.quote_ids), "quote"))
            prompt.append("\n" + " · ".join(bits), style=MUTED)  # its own line: never wrapped mid-phrase
            if source.url and source.url != source.name:
                prompt.append("\n" + clip(source.url, 100), style=MUTED + " underline")
            spans = sorted({(m.start, m.end) for m in source.mentions})
            items.append(PaneItem(source.id, prompt, spans))
        return items

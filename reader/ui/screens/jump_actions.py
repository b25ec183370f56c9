"""The reading screen's jumps: n/N between mentions or search hits, ]/[ between quotes, s to a speaker, search.

A mixin for `ReadingScreen`; the rules themselves (what is next, which
quote is at the cursor) are plain functions in `reader.navigate`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from reader import navigate as nav
from reader.model import Quote
from reader.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:  # pragma: no cover
    from reader.ui.screens.reading import ReadingScreen


class JumpActions:
    """n/N, ]/[, s, / and escape."""

    # -- n/N, ]/[, s --------------------------------------------------------------------------
    def check_action(self: "ReadingScreen", action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return True if self.search_active or self._selected_spans() else None
        if action == "quote":
            return True if self.analysis.quotes else None
        return True

    def _step(self: "ReadingScreen", spans: list[nav.Span], direction: int) -> nav.Span | None:
        if not spans:
            return None
        current = self._current if self._current in spans else None
        if current is not None:
            ref = current[0]
        else:
            line_start, line_end = self.cursor_line()
            ref = line_start - 1 if direction > 0 else line_end
        index = nav.next_span(spans, ref, direction)
        return None if index is None else spans[index]

    def action_next(self: "ReadingScreen", direction: int) -> None:
        spans = self.search_hits if self.search_active else self._selected_spans()
        if not spans:
            self.notify("Select an entity (tab to the Entities pane) or search with / first", timeout=3)
            return
        span = self._step(spans, direction)
        if span is not None:
            self.jump(span[0], span)
            if self.search_active:
                self._search_status()
            else:
                self.mention_status(span, spans)

    def mention_status(self: "ReadingScreen", span: nav.Span, spans: list[nav.Span]) -> None:
        """ "Maria Zakharova: 3/7 · pronoun": where `span` is among the selection's mentions, and its kind."""
        entity = self.analysis.entity(self.selected_entity)
        name = entity.name if entity else "mention"
        kinds = {m.start: m.kind for m in nav.tied_mentions(entity, self.analysis.quotes)}
        kind = f" · {kinds[span[0]]}" if span[0] in kinds else ""
        self.status.set(search=f"{name}: {spans.index(span) + 1}/{len(spans)}{kind}")

    def goto_first_mention(self: "ReadingScreen", entity_id: str) -> None:
        """Select the entity and jump to its first mention, the counter at 1/N (the palette's "Entity: X")."""
        self.select_entity(entity_id)
        self.pane("entities").highlight_key(entity_id)
        spans = self._selected_spans()
        if spans:
            self.jump(spans[0][0], spans[0])
            self.mention_status(spans[0], spans)

    def action_quote(self: "ReadingScreen", direction: int) -> None:
        quotes = self.analysis.quotes
        if not quotes:
            self.notify("No quotes in this article" if self.analysis.complete else "No quotes found yet", timeout=2)
            return
        current = self._quote(self.selected_quote)
        line_start, line_end = self.cursor_line()
        if current is not None and nav.overlaps((current.start, current.end), line_start, line_end):
            ref = current.start
        else:
            ref = line_start - 1 if direction > 0 else line_end
        quote = nav.next_quote(quotes, ref, direction)
        if quote is not None:
            self.select_quote(quote)
            self.pane("quotes").highlight_key(quote.id)
            self.jump(quote.start, (quote.start, quote.end))

    def _quote_at_cursor(self: "ReadingScreen") -> Quote | None:
        line_start, line_end = self.cursor_line()
        selected = self._quote(self.selected_quote)
        if selected is not None and nav.overlaps((selected.start, selected.end), line_start, line_end):
            return selected
        candidates = [q for q in self.analysis.quotes if nav.overlaps((q.start, q.end), line_start, line_end)]
        return min(candidates, key=lambda q: q.start) if candidates else None

    def action_speaker(self: "ReadingScreen") -> None:
        """From the quote at the cursor to its speaker's mention, and back again."""
        line = self.cursor_line()
        if self._speaker_return is not None:
            quote_id, span = self._speaker_return
            quote = self._quote(quote_id)
            if quote is not None and nav.overlaps(span, *line):
                self._speaker_return = None
                self.select_quote(quote)
                self.pane("quotes").highlight_key(quote.id)
                self.jump(quote.start, (quote.start, quote.end))
                return
        quote = self._quote_at_cursor()
        if quote is not None:
            target = nav.speaker_target(quote, self.analysis, quote.start)
            if target is None:
                self.notify("This quote has no speaker the analysis could find", timeout=3)
                return
            self.select_quote(quote)
            if quote.speaker_id:
                self.select_entity(quote.speaker_id)
                self.pane("entities").highlight_key(quote.speaker_id)
            self._speaker_return = (quote.id, target)
            self.jump(target[0], target)
            from reader.attribution import attribution

            speaker = self.analysis.entity(quote.speaker_id)
            self.status.set(search=attribution(quote, speaker.name if speaker else None))
            return
        by_speaker = [q for q in self.analysis.quotes if q.speaker_start is not None
                      and nav.overlaps((q.speaker_start, q.speaker_end or q.speaker_start), *line)]
        if by_speaker:
            quote = by_speaker[0]
            self.select_quote(quote)
            self.pane("quotes").highlight_key(quote.id)
            self.jump(quote.start, (quote.start, quote.end))
            return
        self.notify("Put the cursor on a quote (] and [ move between quotes)", timeout=3)

    # -- search -------------------------------------------------------------------------------
    def action_search(self: "ReadingScreen") -> None:
        bar = self.search_bar
        bar.display = True
        self._search_origin = self.article.cursor_offset
        bar.return_focus = self.article
        self.set_focus(bar)  # at once: the letters typed right after / belong to the search

    def on_input_changed(self: "ReadingScreen", event: SearchBar.Changed) -> None:
        if event.input is not self.search_bar:
            return
        self.search_hits = nav.find_all(self.document.body, event.value)
        self.search_active = bool(self.search_hits)
        self.article.paint("match", self.search_hits)
        if self.search_hits:
            starts = [s for s, _ in self.search_hits]
            index = bisect_right(starts, self._search_origin - 1) % len(starts)
            span = self.search_hits[index]
            self.jump(span[0], span, push=False)
        self._search_status(event.value)
        self.refresh_bindings()

    def on_input_submitted(self: "ReadingScreen", event: SearchBar.Submitted) -> None:
        if event.input is not self.search_bar:
            return
        self.search_bar.display = False
        if self.search_hits:
            self.jumps.push(self._search_origin)
        self.set_focus(self.article)

    def on_search_bar_cancelled(self: "ReadingScreen") -> None:
        self.clear_search()
        self.jump(self._search_origin, push=False)
        self.set_focus(self.article)

    def _search_status(self: "ReadingScreen", query: str | None = None) -> None:
        query = self.search_bar.value if query is None else query
        if not query.strip():
            self.status.set(search="")
            return
        if not self.search_hits:
            self.status.set(search=f"/{query}: no match")
            return
        index = self.search_hits.index(self._current) + 1 if self._current in self.search_hits else 0
        self.status.set(search=f"/{query}: {index}/{len(self.search_hits)}")

    def clear_search(self: "ReadingScreen") -> None:
        self.search_hits = []
        self.search_active = False
        self.search_bar.display = False
        self.search_bar.value = ""
        self.article.paint("match", [])
        self.status.set(search="")
        self.refresh_bindings()

    def action_clear(self: "ReadingScreen") -> None:
        """Escape: clear the search, else the selection."""
        if self.search_active or self.search_bar.display:
            self.clear_search()
        else:
            self.selected_entity = self.selected_quote = None
            self._current = None
            self._speaker_return = None
            self.article.paint("current", [])
            self._paint_selection()
            self.refresh_bindings()
        self.set_focus(self.article)

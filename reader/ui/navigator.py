"""The reader's moves over the analysed article: what is selected, and the jumps n/N, ]/[, s, / and escape.

`Navigator` is a plain object the reading screen owns: the screen routes
keys, clicks and pane choices to it; it keeps the `Selection` (a frozen
value from `reader.navigate` that says which spans to paint) and the
`Search`, and moves the article view (which keeps the jump list). The rules
(what is next, which quote is at the cursor) are plain functions in
`reader.navigate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from reader import navigate as nav
from reader.search import Search

if TYPE_CHECKING:  # pragma: no cover
    from reader.model import Analysis, Document, Quote
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.pane import ItemPane, PaneItem
    from reader.ui.widgets.status import StatusLine


class NavigatorHost(Protocol):
    """What the navigator needs from the screen that owns it."""

    document: "Document"
    analysis: "Analysis"

    @property
    def article(self) -> "ArticleView": ...
    @property
    def status(self) -> "StatusLine": ...
    def pane(self, name: str) -> "ItemPane": ...
    def cursor_line(self) -> nav.Span: ...
    def notify(self, message: str, **kwargs: Any) -> None: ...
    def refresh_bindings(self) -> None: ...


class Navigator:
    """The selection, the search and every jump between them."""

    def __init__(self, host: NavigatorHost) -> None:
        self.host = host
        self.selection = nav.Selection()
        self.search = Search(host.document.body)
        self.mentions = nav.MentionIndex()
        self.browsing = False
        """True while the reader browses a pane: the first jump is remembered, the next ones are not."""

    # -- painting and selecting ---------------------------------------------------------------
    def analysis_updated(self) -> None:
        """A new snapshot: index its mentions, forget what it no longer has, paint again."""
        self.mentions = nav.MentionIndex.build(self.host.analysis.entities)
        self._select(self.selection.pruned(self.host.analysis))

    def _select(self, selection: nav.Selection) -> None:
        self.selection = selection
        for layer, spans in selection.layers(self.host.analysis).items():
            self.host.article.paint(layer, spans)

    def selected_quote(self) -> "Quote | None":
        return self.selection.quote(self.host.analysis)

    def mention_spans(self) -> list[nav.Span]:
        return self.selection.mention_spans(self.host.analysis)

    def select_entity(self, entity_id: str | None) -> None:
        self._select(self.selection.with_entity(entity_id))
        self.host.refresh_bindings()

    def select_quote(self, quote: "Quote | None") -> None:
        self._select(self.selection.with_quote(quote))

    def show_quote(self, quote: "Quote", *, jump: bool = True) -> None:
        """Select `quote`, highlight it in the Quotes pane and (unless `jump` is False) jump to it."""
        self.select_quote(quote)
        self.host.pane("quotes").highlight_key(quote.id)
        if jump:
            self.jump(quote.start, (quote.start, quote.end))

    def show_entity(self, entity_id: str) -> None:
        """Select the entity and highlight it in the Entities pane."""
        self.select_entity(entity_id)
        self.host.pane("entities").highlight_key(entity_id)

    def jump(self, offset: int, span: nav.Span | None = None, *, push: bool = True) -> None:
        self.host.article.jump(offset, span, push=push)
        self.host.refresh_bindings()

    def clicked(self, offset: int) -> None:
        entity_id = self.mentions.entity_at(offset)
        quote = nav.quote_at(self.host.analysis.quotes, offset)
        if entity_id:
            self.show_entity(entity_id)
        elif quote is not None:
            self.show_quote(quote, jump=False)

    # -- following a pane ---------------------------------------------------------------------
    def follow(self, pane_name: str, item: "PaneItem", *, explicit: bool) -> None:
        """A pane item was highlighted (browsing) or chosen (enter, click): show it in the article."""
        analysis = self.host.analysis
        if pane_name in ("entities", "sources"):
            if pane_name == "sources":
                source = analysis.source(item.key)
                if not item.spans:
                    if explicit:
                        self.host.notify("This source is not named in the text (it comes from the page's metadata)",
                                         timeout=3)
                    return
                if source is not None:
                    self._select(self.selection.with_source(source))
                self.host.refresh_bindings()
            else:
                self.select_entity(item.key)
            self._jump_near(item.spans, push=explicit)
        elif pane_name == "quotes":
            quote = analysis.quote(item.key)
            self.select_quote(quote)
            if quote is not None:
                self._jump_to_item(item, (quote.start, quote.end), explicit)
        elif item.spans:
            self._jump_to_item(item, item.spans[0], explicit)

    def _jump_near(self, spans: list[nav.Span], *, push: bool) -> None:
        """Jump to the span nearest the cursor, unless one is already in view and we only browse."""
        if not spans:
            return
        article = self.host.article
        start, end = article.visible_range()
        if not push and any(nav.overlaps(s, start, end) for s in spans):
            return
        index = nav.nearest_span(spans, article.cursor_offset)
        if index is not None:
            self.jump(spans[index][0], spans[index], push=push or not self.browsing)
            self.browsing = self.browsing or not push

    def _jump_to_item(self, item: "PaneItem", span: nav.Span, explicit: bool) -> None:
        start, end = self.host.article.visible_range()
        if explicit or not nav.overlaps(span, start, end):
            self.jump(item.target if item.target is not None else span[0], span, push=explicit or not self.browsing)
            self.browsing = self.browsing or not explicit
        else:
            self.host.article.mark(span)

    # -- n/N, ]/[, s --------------------------------------------------------------------------
    def next(self, direction: int) -> None:
        spans = self.search.hits if self.search.active else self.mention_spans()
        if not spans:
            self.host.notify("Select an entity (tab to the Entities pane) or search with / first", timeout=3)
            return
        span = nav.step(spans, self.host.article.current, self.host.cursor_line(), direction)
        if span is None:
            return
        self.jump(span[0], span)
        if self.search.active:
            self.host.status.set(search=self.search.status(self.host.article.current))
        else:
            self.mention_status(span, spans)

    def mention_status(self, span: nav.Span, spans: list[nav.Span]) -> None:
        """ "Maria Zakharova: 3/7 · pronoun": where `span` is among the selection's mentions, and its kind."""
        analysis = self.host.analysis
        entity = self.selection.entity(analysis)
        name = entity.name if entity else "mention"
        kinds = {m.start: m.kind for m in nav.tied_mentions(entity, analysis.quotes)}
        kind = f" · {kinds[span[0]]}" if span[0] in kinds else ""
        self.host.status.set(search=f"{name}: {spans.index(span) + 1}/{len(spans)}{kind}")

    def goto_first_mention(self, entity_id: str) -> None:
        """Select the entity and jump to its first mention, the counter at 1/N (the palette's "Entity: X")."""
        self.show_entity(entity_id)
        spans = self.mention_spans()
        if spans:
            self.jump(spans[0][0], spans[0])
            self.mention_status(spans[0], spans)

    def quote(self, direction: int) -> None:
        analysis = self.host.analysis
        if not analysis.quotes:
            self.host.notify("No quotes in this article" if analysis.complete else "No quotes found yet", timeout=2)
            return
        quote = nav.quote_step(analysis.quotes, self.selected_quote(), self.host.cursor_line(), direction)
        if quote is not None:
            self.show_quote(quote)

    def speaker(self) -> None:
        """From the quote at the cursor to its speaker's mention, and back again."""
        analysis = self.host.analysis
        line = self.host.cursor_line()
        back = self.selection.speaker_return
        if back is not None:
            quote = analysis.quote(back[0])
            if quote is not None and nav.overlaps(back[1], *line):
                self.selection = self.selection.with_speaker_return(None)
                self.show_quote(quote)
                return
        quote = nav.quote_on_line(analysis.quotes, self.selected_quote(), line)
        if quote is not None:
            target = nav.speaker_target(quote, analysis, quote.start)
            if target is None:
                self.host.notify("This quote has no speaker the analysis could find", timeout=3)
                return
            self.select_quote(quote)
            if quote.speaker_id:
                self.show_entity(quote.speaker_id)
            self.selection = self.selection.with_speaker_return((quote.id, target))
            self.jump(target[0], target)
            from reader.attribution import attribution

            speaker = analysis.entity(quote.speaker_id)
            self.host.status.set(search=attribution(quote, speaker.name if speaker else None))
            return
        by_speaker = nav.quotes_with_speaker_on(analysis.quotes, line)
        if by_speaker:
            self.show_quote(by_speaker[0])
            return
        self.host.notify("Put the cursor on a quote (] and [ move between quotes)", timeout=3)

    # -- search -------------------------------------------------------------------------------
    def search_begin(self) -> None:
        self.search.begin(self.host.article.cursor_offset)

    def search_changed(self, query: str) -> None:
        first = self.search.update(query)
        self.host.article.paint("match", self.search.hits)
        if first is not None:
            self.jump(first[0], first, push=False)
        self.host.status.set(search=self.search.status(self.host.article.current))
        self.host.refresh_bindings()

    def search_submitted(self) -> None:
        if self.search.hits:
            self.host.article.jumps.push(self.search.origin)

    def search_cancelled(self) -> None:
        self.search_cleared()
        self.jump(self.search.origin, push=False)

    def search_cleared(self) -> None:
        self.search.clear()
        self.host.article.paint("match", [])
        self.host.status.set(search="")
        self.host.refresh_bindings()

    def clear_selection(self) -> None:
        self.host.article.mark(None)
        self._select(nav.Selection())
        self.host.refresh_bindings()

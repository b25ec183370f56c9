"""The reading screen: the article, the linked panes, search and the jumps between them.

It owns the two workers (the analysis, which loads spaCy off the UI thread
and streams snapshots, and the notes session) and turns their messages and
the reader's keys into calls on its children: attributes down, messages up.
Navigation rules themselves live in `reader.navigate` (plain Python).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

from reader import navigate as nav
from reader.language import english_only_error
from reader.model import Analysis, Document, Quote
from reader.ui.messages import AnalysisUpdated, ModelLoaded, SessionFailed, SessionOpened
from reader.ui.screens.notes_actions import NotesActions
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status import StatusLine

if TYPE_CHECKING:  # pragma: no cover
    from textual.widgets import OptionList

    from reader.ui.widgets.pane import ItemPane, PaneItem

PANES = ("entities", "quotes", "timeline", "sources", "notes")
"""The side panes in tab order; they are mounted right after the first paint (their modules too)."""


class ReadingScreen(NotesActions, Screen[None]):
    """One article with its Entities, Quotes, Timeline, Sources and Notes panes."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]

    BINDINGS = [
        Binding("tab", "cycle(1)", "Next pane", show=False),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False),
        Binding("1", "focus_pane('entities')", "Entities", show=False),
        Binding("2", "focus_pane('quotes')", "Quotes", show=False),
        Binding("3", "focus_pane('timeline')", "Timeline", show=False),
        Binding("4", "focus_pane('sources')", "Sources", show=False),
        Binding("5", "focus_pane('notes')", "Notes", show=False),
        Binding("0", "focus_article", "Article", show=False),
        Binding("n", "next(1)", "Next", key_display="n/N"),
        Binding("N", "next(-1)", "Previous", show=False),
        Binding("]", "quote(1)", "Quote", key_display="]/["),
        Binding("[", "quote(-1)", "Previous quote", show=False),
        Binding("s", "speaker", "Speaker⇄quote"),
        Binding("backspace,ctrl+o", "back", "Back"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("escape", "clear", "Clear", show=False),
        Binding("w", "toggle_width", "Full width", show=False),
        Binding("p", "toggle_panes", "Panes", show=False),
        Binding("h", "highlight", "Highlight"),
        Binding("a", "note", "Note"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.analysis = Analysis(blocks_total=len(document.blocks), entities_available=True)
        self.mentions = nav.MentionIndex()
        self.jumps = nav.JumpList()
        self.selected_entity: str | None = None
        self.selected_quote: str | None = None
        self.search_hits: list[nav.Span] = []
        self.search_active = False
        self._search_origin = 0
        self._current: nav.Span | None = None
        self._speaker_return: tuple[str, nav.Span] | None = None
        self._browsing = False
        self._restore_to: int | None = None
        self._moved = False
        self._panes: dict[str, ItemPane] = {}
        self._pending_focus: ItemPane | None = None
        self._words_before = [0, *accumulate(len(document.block_text(b).split()) for b in document.blocks)]
        self.init_notes()

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._article = ArticleView(self.document, id="article")
        with Horizontal(id="main"):
            yield self._article
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        yield Footer()

    def _side(self) -> Vertical:
        from reader.ui.widgets.analysis_panes import EntitiesPane, QuotesPane, SourcesPane, TimelinePane
        from reader.ui.widgets.notes_pane import NotesPane
        from reader.ui.widgets.pane_tabs import PaneTabs

        tabs = PaneTabs(PANES, id="pane-tabs")
        panes = (EntitiesPane(id="entities"), QuotesPane(id="quotes"), TimelinePane(id="timeline"),
                 SourcesPane(id="sources"), NotesPane(id="notes"))
        return Vertical(tabs, *panes, id="side")

    def on_mount(self) -> None:
        self.search_bar.display = False
        self.article.focus()
        self.status.set(total=len(self.document.blocks))
        # The article paints first; the panes and the workers come right after it
        # (importing spaCy, even in a thread, competes for the GIL).
        self.call_after_refresh(self._after_first_paint)

    async def _after_first_paint(self) -> None:
        side = self._side()
        await self.query_one("#main", Horizontal).mount(side)
        self._panes = {name: side.query_one(f"#{name}") for name in PANES}  # type: ignore[misc]
        self._set_current_pane("entities")
        self.run_analysis()
        self.open_session()

    @property
    def article(self) -> ArticleView:
        return self._article

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    def _is_pane(self, widget: object) -> bool:
        return any(widget is pane for pane in self._panes.values())

    def pane(self, name: str) -> ItemPane:
        return self._panes[name]

    @property
    def panes(self) -> list[ItemPane]:
        """The side panes in order ([] until they are mounted, just after the first paint)."""
        return list(self._panes.values())

    def _set_current_pane(self, name: str) -> None:
        if not self._panes:
            return
        for pane in self.panes:
            pane.set_class(pane.id == name, "-current")
        tabs = self.query_one("#pane-tabs")
        if tabs.active != f"tab-{name}":
            tabs.active = f"tab-{name}"

    def on_pane_tabs_chosen(self, message) -> None:
        """A click on a tab (narrow layout) opens that pane."""
        if message.name in PANES:
            self.action_focus_pane(message.name)

    def action_cycle(self, direction: int) -> None:
        order: list = [self.article, *self.panes]
        focused = self._pending_focus or self.focused  # a quick second tab counts from the first one
        index = next((i for i, w in enumerate(order) if w is focused), 0)
        target = order[(index + direction) % len(order)]
        if target is not self.article:
            self._set_current_pane(target.id or "entities")
            self.query_one("#side").display = True
            self._pending_focus = target
            self.call_after_refresh(target.focus)
        else:
            self._pending_focus = None
            target.focus()

    def action_focus_pane(self, name: str) -> None:
        if not self._panes:
            return
        self._set_current_pane(name)
        self.query_one("#side").display = True
        self._pending_focus = self.pane(name)
        self.call_after_refresh(self.pane(name).focus)

    def action_focus_article(self) -> None:
        self.set_focus(self.article)

    def action_toggle_width(self) -> None:
        self.article.full_width = not self.article.full_width

    def action_toggle_panes(self) -> None:
        if not self._panes:
            return
        side = self.query_one("#side")
        side.display = not side.display
        if not side.display:
            self.set_focus(self.article)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if widget is self._pending_focus:
            self._pending_focus = None
        elif self._pending_focus is not None:
            return  # a stale focus from a quick series of tabs: the last one decides
        if self._is_pane(widget):
            self._set_current_pane(widget.id or "entities")
            if widget.id == "notes":
                self.refresh_notes()
        elif widget is self.article:
            self._browsing = False

    # -- workers ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False, description="analysis")
    def run_analysis(self) -> None:
        from reader.analysis.nlp import load_nlp, model_error, model_label
        from reader.analysis.pipeline import iter_analysis

        worker = get_current_worker()
        nlp = None if english_only_error(self.document.language) else load_nlp()
        self.post_message(ModelLoaded(model_label(), model_error()))
        for snapshot in iter_analysis(self.document, nlp, cancelled=lambda: worker.is_cancelled):
            self.post_message(AnalysisUpdated(snapshot))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "analysis" and event.state == WorkerState.ERROR:
            error = f"analysis failed: {type(event.worker.error).__name__}: {event.worker.error}"
            self.status.set(analysing=False, analysis="Analysis failed", problem=error)
            for pane in self.panes[:4]:
                pane.show_message(error)

    def on_model_loaded(self, message: ModelLoaded) -> None:
        problem = "" if message.label or not message.error else f"Entity model unavailable: {message.error}"
        self.status.set(model=message.label, problem=problem, analysis="Analysing")

    def on_analysis_updated(self, message: AnalysisUpdated) -> None:
        analysis = self.analysis = message.analysis
        self.mentions = nav.MentionIndex.build(analysis.entities)
        for pane in self.panes[:4]:
            pane.update_from(self.document, analysis)  # type: ignore[attr-defined]
        if self.selected_entity and analysis.entity(self.selected_entity) is None:
            self.selected_entity = None
        self._paint_selection()
        self._mark_view()
        if analysis.complete:
            counts = (f"{len(analysis.entities)} entities · {len(analysis.quotes)} quotes · "
                      f"{len(analysis.timeline)} dates · {len(analysis.sources)} sources")
            problem = "; ".join(analysis.errors)
            if not analysis.entities_available and not english_only_error(self.document.language):
                problem = "Entity model unavailable: " + problem
            self.status.set(analysing=False, analysis=counts, done=analysis.blocks_done, problem=problem)
            self.analysis_finished()
        else:
            self.status.set(analysing=True, analysis="Analysing", done=analysis.blocks_done, total=analysis.blocks_total)
        self.refresh_bindings()

    # -- the view and the cursor --------------------------------------------------------------
    @on(ArticleView.ViewChanged)
    def _view_changed(self, message: ArticleView.ViewChanged) -> None:
        self._mark_view(message.start, message.end)
        body_len = max(1, len(self.document.body))
        block = self.document.block_index_at(message.end) + 1 if self.document.blocks else 0
        words_left = self._words_before[-1] - self._words_before[min(block, len(self._words_before) - 1)]
        fraction = 1.0 if message.end >= body_len - 1 else message.end / body_len
        self.status.set(read_fraction=fraction, words_left=words_left)

    def _mark_view(self, start: int | None = None, end: int | None = None) -> None:
        if start is None or end is None:
            start, end = self.article.visible_range()
        for pane in self.panes:
            pane.mark_view(start, end)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self._moved = True
        self.position_changed(message.offset)

    @on(ArticleView.Clicked)
    def _clicked(self, message: ArticleView.Clicked) -> None:
        entity_id = self.mentions.entity_at(message.offset)
        quote = nav.quote_at(self.analysis.quotes, message.offset)
        if entity_id:
            self.select_entity(entity_id)
            self.pane("entities").highlight_key(entity_id)
        elif quote is not None:
            self.select_quote(quote)
            self.pane("quotes").highlight_key(quote.id)

    def cursor_line(self) -> nav.Span:
        line = self.article.article_layout.lines[self.article.cursor]
        if line.in_body:
            return (line.start, max(line.end, line.start + 1))
        offset = self.article.cursor_offset
        return (offset, offset + 1)

    def jump(self, offset: int, span: nav.Span | None = None, *, push: bool = True) -> None:
        """Move the reading cursor to `offset` (remembering where it was) and mark `span`."""
        if push:
            self.jumps.push(self.article.cursor_offset)
        self.article.jump_to(offset)
        self._current = span
        self.article.paint("current", [span] if span else [])
        self.refresh_bindings()

    def action_back(self) -> None:
        offset = self.jumps.pop()
        if offset is None:
            self.notify("No earlier place to go back to", timeout=2)
            return
        self.jump(offset, push=False)

    # -- selection ----------------------------------------------------------------------------
    def _paint_selection(self) -> None:
        entity = self.analysis.entity(self.selected_entity)
        spans = nav.mention_spans(entity)
        if entity is None and self.selected_entity and self.selected_entity.startswith("s"):
            source = next((s for s in self.analysis.sources if s.id == self.selected_entity), None)
            spans = sorted({(m.start, m.end) for m in source.mentions}) if source else []
        self.article.paint("mention", spans)
        quote = self._quote(self.selected_quote)
        self.article.paint("quote", [(quote.start, quote.end)] if quote else [])
        speaker = [(quote.speaker_start, quote.speaker_end)] if quote and quote.speaker_start is not None else []
        self.article.paint("speaker", speaker)  # type: ignore[list-item]

    def _quote(self, quote_id: str | None) -> Quote | None:
        return next((q for q in self.analysis.quotes if q.id == quote_id), None) if quote_id else None

    def _selected_spans(self) -> list[nav.Span]:
        return self.article.layer_spans("mention")

    def select_entity(self, entity_id: str | None) -> None:
        self.selected_entity = entity_id
        self._paint_selection()
        self.refresh_bindings()

    def select_quote(self, quote: Quote | None) -> None:
        self.selected_quote = quote.id if quote else None
        self._paint_selection()

    def _jump_near(self, spans: list[nav.Span], *, push: bool) -> None:
        """Jump to the span nearest the cursor, unless one is already in view and we only browse."""
        if not spans:
            return
        start, end = self.article.visible_range()
        if not push and any(nav.overlaps(s, start, end) for s in spans):
            return
        index = nav.nearest_span(spans, self.article.cursor_offset)
        if index is not None:
            self.jump(spans[index][0], spans[index], push=push or not self._browsing)
            self._browsing = self._browsing or not push

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        pane = event.option_list
        if not self._is_pane(pane):
            return
        if pane.quiet_key is not None and pane.quiet_key == event.option.id:
            pane.quiet_key = None
            return
        if pane.has_focus:
            item = pane.item(event.option.id)
            if item is not None:
                self._follow(pane, item, explicit=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        pane = event.option_list
        if self._is_pane(pane):
            item = pane.item(event.option.id)
            if item is not None:
                self._follow(pane, item, explicit=True)

    def _follow(self, pane: ItemPane, item: PaneItem, *, explicit: bool) -> None:
        """A pane item was highlighted (browsing) or chosen (enter, click): show it in the article."""
        if pane.id in ("entities", "sources"):
            entity_id = item.key
            if pane.id == "sources":
                source = next((s for s in self.analysis.sources if s.id == item.key), None)
                entity_id = source.entity_id if source and source.entity_id else item.key
                if not item.spans:
                    if explicit:
                        self.notify("This source is not named in the text (it comes from the page's metadata)",
                                    timeout=3)
                    return
            self.select_entity(entity_id)
            self._jump_near(item.spans, push=explicit)
        elif pane.id == "quotes":
            quote = self._quote(item.key)
            self.select_quote(quote)
            if quote is not None:
                self._jump_to_item(item, (quote.start, quote.end), explicit)
        else:
            target = item.spans[0] if item.spans else None
            if target is not None:
                self._jump_to_item(item, target, explicit)

    def _jump_to_item(self, item: PaneItem, span: nav.Span, explicit: bool) -> None:
        start, end = self.article.visible_range()
        if explicit or not nav.overlaps(span, start, end):
            self.jump(item.target if item.target is not None else span[0], span, push=explicit or not self._browsing)
            self._browsing = self._browsing or not explicit
        else:
            self._current = span
            self.article.paint("current", [span])

    # -- n/N, ]/[, s --------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return True if self.search_active or self._selected_spans() else None
        if action == "quote":
            return True if self.analysis.quotes else None
        return True

    def _step(self, spans: list[nav.Span], direction: int) -> nav.Span | None:
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

    def action_next(self, direction: int) -> None:
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
                entity = self.analysis.entity(self.selected_entity)
                name = entity.name if entity else "mention"
                self.status.set(search=f"{name}: {spans.index(span) + 1}/{len(spans)}")

    def action_quote(self, direction: int) -> None:
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

    def _quote_at_cursor(self) -> Quote | None:
        line_start, line_end = self.cursor_line()
        selected = self._quote(self.selected_quote)
        if selected is not None and nav.overlaps((selected.start, selected.end), line_start, line_end):
            return selected
        candidates = [q for q in self.analysis.quotes if nav.overlaps((q.start, q.end), line_start, line_end)]
        return min(candidates, key=lambda q: q.start) if candidates else None

    def action_speaker(self) -> None:
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
    def action_search(self) -> None:
        bar = self.search_bar
        bar.display = True
        self._search_origin = self.article.cursor_offset
        bar.return_focus = self.article
        self.set_focus(bar)  # at once: the letters typed right after / belong to the search

    @on(SearchBar.Changed, "#search")
    def _search_changed(self, event: SearchBar.Changed) -> None:
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

    @on(SearchBar.Submitted, "#search")
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        self.search_bar.display = False
        if self.search_hits:
            self.jumps.push(self._search_origin)
        self.set_focus(self.article)

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.clear_search()
        self.jump(self._search_origin, push=False)
        self.set_focus(self.article)

    def _search_status(self, query: str | None = None) -> None:
        query = self.search_bar.value if query is None else query
        if not query.strip():
            self.status.set(search="")
            return
        if not self.search_hits:
            self.status.set(search=f"/{query}: no match")
            return
        index = self.search_hits.index(self._current) + 1 if self._current in self.search_hits else 0
        self.status.set(search=f"/{query}: {index}/{len(self.search_hits)}")

    def clear_search(self) -> None:
        self.search_hits = []
        self.search_active = False
        self.search_bar.display = False
        self.search_bar.value = ""
        self.article.paint("match", [])
        self.status.set(search="")
        self.refresh_bindings()

    def action_clear(self) -> None:
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

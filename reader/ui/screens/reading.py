"""The reading screen: the article, the linked panes, search and the jumps between them.

It owns the two workers (the analysis, which loads spaCy off the UI thread
and streams snapshots, and the notes session) and turns their messages and
the reader's keys into calls on its children: attributes down, messages up.
The jumps (n/N, ]/[, s, search) are in `jump_actions.py`, the notes and the
export in `notes_actions.py`; the navigation rules themselves live in
`reader.navigate` (plain Python).
"""

from __future__ import annotations

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
from reader.ui.screens.jump_actions import JumpActions
from reader.ui.screens.notes_actions import NotesActions
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status import StatusLine

if TYPE_CHECKING:  # pragma: no cover
    from textual.widgets import OptionList

    from reader.ui.widgets.pane import ItemPane, PaneItem

PANES = ("entities", "quotes", "timeline", "sources", "notes")
"""The side panes in tab order; they are mounted right after the first paint (their modules too)."""


class ReadingScreen(JumpActions, NotesActions, Screen[None]):
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
        if target is self.article:
            self._pending_focus = None
            self.set_focus(self.article)
        else:
            self.action_focus_pane(target.id)

    def action_focus_pane(self, name: str) -> None:
        """Show pane `name` (the only one shown, on a narrow terminal) and focus it once it is laid out."""
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
        spans = sorted({(m.start, m.end) for m in nav.tied_mentions(entity, self.analysis.quotes)})
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

"""The reading screen: the article and its side panes; it composes them and routes their messages.

It turns the workers' messages and the reader's keys into calls on the
objects that hold the state: the `ArticleView` (cursor, painted spans, jump
list), the `Navigator` (selection, search, jumps), the `AnalysisFeed` (the
analysis worker), the `PaneFocus` (the shown and focused pane), the
`NotesController` (notes, position; its worker opens the session), the
`ExportController` (`e`) and the `SidePanel` (the panes by name). Attributes down, messages up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from reader import navigate as nav
from reader.model import Analysis, Document, Quote
from reader.ui import heap, index_saver
from reader.ui.analysis_feed import AnalysisFeed
from reader.ui.export_controller import ExportController
from reader.ui.messages import AnalysisUpdated, ModelLoaded, SessionFailed, SessionOpened
from reader.ui.navigator import Navigator
from reader.ui.notes_controller import NotesController
from reader.ui.pane_focus import PaneFocus
from reader.ui.search_prompt import SearchPrompt
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status import StatusLine

if TYPE_CHECKING:  # pragma: no cover
    from textual.widgets import OptionList

    from reader.ui.widgets.notes_pane import NotesPane
    from reader.ui.widgets.pane import ItemPane
    from reader.ui.widgets.side import SidePanel


class ReadingScreen(Screen[None]):
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

    analysis_process = True
    """Run the analysis in its own process (`reader.analysis.worker`); the UI tests run it in this one."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.analysis = Analysis(blocks_total=len(document.blocks), entities_available=True)
        self._article = ArticleView(document, id="article")
        self.navigator = Navigator(self)
        self.notes = NotesController(self)
        self.exporter = ExportController(self)
        self.feed = AnalysisFeed(self)
        self.pane_focus = PaneFocus(self)
        self.search_prompt = SearchPrompt(self)
        self._side: SidePanel | None = None
        self._moved = False

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield self._article
        yield SearchBar(id="search")
        yield StatusLine(self.document, id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.search_bar.display = False
        self.article.focus()
        self.status.set(total=len(self.document.blocks))
        # The article paints first; the panes and the workers come right after it
        # (importing spaCy, even in a thread, competes for the GIL).
        self.call_after_refresh(self._after_first_paint)

    async def _after_first_paint(self) -> None:
        from reader.ui.widgets.side import SidePanel

        side = SidePanel(id="side")
        await self.query_one("#main", Horizontal).mount(side)
        self._side = side
        side.set_current("entities")
        self.feed.start()
        self.notes.open()
        heap.settle()

    @property
    def article(self) -> ArticleView:
        return self._article

    @property
    def side(self) -> SidePanel | None:
        """The side panel (None until it is mounted, just after the first paint)."""
        return self._side

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    @property
    def selection(self) -> nav.Selection:
        """What the reader has selected (a frozen value; the navigator replaces it)."""
        return self.navigator.selection

    def pane(self, name: str) -> ItemPane:
        assert self._side is not None, "the panes are mounted just after the first paint"
        return self._side.pane(name)

    @property
    def notes_pane(self) -> NotesPane:
        return self.pane("notes")  # type: ignore[return-value]

    @property
    def panes(self) -> list[ItemPane]:
        """The side panes in order ([] until they are mounted, just after the first paint)."""
        return self._side.panes if self._side else []

    def selected_quote(self) -> Quote | None:
        return self.navigator.selected_quote()

    def cursor_line(self) -> nav.Span:
        return self.article.cursor_line()

    def mark_view(self, start: int | None = None, end: int | None = None) -> None:
        """Tell every pane which body offsets are in view (their items there get a bar)."""
        if start is None or end is None:
            start, end = self.article.visible_range()
        for pane in self.panes:
            pane.mark_view(start, end)

    # -- panes and focus ----------------------------------------------------------------------
    def on_pane_tabs_chosen(self, message) -> None:
        """A click on a tab (narrow layout) opens that pane."""
        self.pane_focus.tab_chosen(message.name)

    def action_cycle(self, direction: int) -> None:
        self.pane_focus.cycle(direction)

    def action_focus_pane(self, name: str) -> None:
        self.pane_focus.show(name)

    def action_focus_article(self) -> None:
        self.set_focus(self.article)

    def action_toggle_width(self) -> None:
        self.article.full_width = not self.article.full_width

    def action_toggle_panes(self) -> None:
        self.pane_focus.toggle()

    def on_descendant_focus(self, event) -> None:
        self.pane_focus.descendant_focused(event.widget)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.pane_focus.highlighted(event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.pane_focus.selected(event)

    # -- workers ------------------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == index_saver.GROUP and event.state == WorkerState.ERROR:
            index_saver.index_failed(self, f"{type(event.worker.error).__name__}: {event.worker.error}")
        self.feed.worker_changed(event)

    def on_model_loaded(self, message: ModelLoaded) -> None:
        self.feed.model_loaded(message.label, message.error)

    def on_analysis_updated(self, message: AnalysisUpdated) -> None:
        analysis = self.analysis = message.analysis
        if self._side is not None:
            self._side.show_analysis(self.document, analysis)
        self.navigator.analysis_updated()
        self.mark_view()
        self.status.show_analysis(analysis, self.document.language)
        if analysis.complete:
            self.exporter.analysis_finished()
            if not self.feed.indexes:  # the analysis process writes the index itself
                index_saver.save_to_index(self, analysis)
        self.refresh_bindings()
        heap.settle()

    def on_session_opened(self, message: SessionOpened) -> None:
        if not self.is_mounted:
            message.session.close()
            return
        self.notes.opened(message.session, restore_position=not self._moved)
        self.refresh_bindings()

    def on_session_failed(self, message: SessionFailed) -> None:
        self.notes.failed(message.error)

    def on_unmount(self) -> None:
        self.retire()

    def retire(self) -> None:
        """Stop the analysis (its process is killed at once), save the reading position and close the notes."""
        self.feed.stop()
        self.notes.close()
        heap.release()

    def save_open_draft(self) -> None:
        self.notes.save_open_draft()

    # -- the article --------------------------------------------------------------------------
    @on(ArticleView.ViewChanged)
    def _view_changed(self, message: ArticleView.ViewChanged) -> None:
        self.mark_view(message.start, message.end)
        self.status.show_view(message.end)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self._moved = True
        self.notes.position_changed()

    @on(ArticleView.Clicked)
    def _clicked(self, message: ArticleView.Clicked) -> None:
        self.navigator.clicked(message.offset)

    # -- keys ---------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return True if self.navigator.search.active or self.navigator.mention_spans() else None
        if action == "quote":
            return True if self.analysis.quotes else None
        return True

    def action_next(self, direction: int) -> None:
        self.navigator.next(direction)

    def action_quote(self, direction: int) -> None:
        self.navigator.quote(direction)

    def action_speaker(self) -> None:
        self.navigator.speaker()

    def goto_first_mention(self, entity_id: str) -> None:
        self.navigator.goto_first_mention(entity_id)

    def action_back(self) -> None:
        if not self.article.back():
            self.notify("No earlier place to go back to", timeout=2)
        self.refresh_bindings()

    def action_search(self) -> None:
        self.search_prompt.begin()

    def on_input_changed(self, event: SearchBar.Changed) -> None:
        self.search_prompt.changed(event)

    def on_input_submitted(self, event: SearchBar.Submitted) -> None:
        self.search_prompt.submitted(event)

    def on_search_bar_cancelled(self) -> None:
        self.search_prompt.cancelled()

    @property
    def searching(self) -> bool:
        """A search is open or showing its hits: escape clears it first."""
        return self.search_prompt.active

    def action_clear(self) -> None:
        """Escape: clear the search, else the selection."""
        if not self.search_prompt.clear():
            self.navigator.clear_selection()
        self.set_focus(self.article)

    def action_highlight(self) -> None:
        self.notes.highlight()

    def action_note(self) -> None:
        self.notes.note()

    def action_delete_note(self) -> None:
        self.notes.delete()

    def action_export(self) -> None:
        self.exporter.export()

    def action_entity_history(self) -> None:
        """`l` in the Entities pane: this entity's other articles and quotes in the library."""
        from reader.ui.screens.entity_history import show_entity_history

        show_entity_history(self)

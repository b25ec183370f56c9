"""The side panel: the five panes by name, with the tabs that switch them on a narrow terminal.

The screen addresses panes by name (`pane("quotes")`), never by position;
`ANALYSIS_PANES` are the four the analysis fills, `PANES` all of them in
tab order. The pane modules load with this one, just after the first paint.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from reader.model import Analysis, Document
from reader.ui.widgets.analysis_panes import AnalysisPane, EntitiesPane, QuotesPane, SourcesPane, TimelinePane
from reader.ui.widgets.notes_pane import NotesPane
from reader.ui.widgets.pane import ItemPane
from reader.ui.widgets.pane_tabs import PaneTabs

ANALYSIS_PANES = ("entities", "quotes", "timeline", "sources")
"""The panes filled from the analysis."""
PANES = (*ANALYSIS_PANES, "notes")
"""Every side pane, in tab order."""


class SidePanel(Vertical):
    """The pane tabs and the panes."""

    def compose(self) -> ComposeResult:
        yield PaneTabs(PANES, id="pane-tabs")
        yield EntitiesPane(id="entities")
        yield QuotesPane(id="quotes")
        yield TimelinePane(id="timeline")
        yield SourcesPane(id="sources")
        yield NotesPane(id="notes")

    def pane(self, name: str) -> ItemPane:
        return self.query_one(f"#{name}", ItemPane)

    def analysis_pane(self, name: str) -> AnalysisPane:
        return self.query_one(f"#{name}", AnalysisPane)

    def show_analysis(self, document: Document, analysis: Analysis) -> None:
        """Fill the analysis panes from a snapshot."""
        for name in ANALYSIS_PANES:
            self.analysis_pane(name).update_from(document, analysis)

    @property
    def notes(self) -> NotesPane:
        return self.query_one("#notes", NotesPane)

    @property
    def panes(self) -> list[ItemPane]:
        """The panes in tab order."""
        return [self.pane(name) for name in PANES]

    def holds(self, widget: object) -> bool:
        """True when `widget` is one of the panes."""
        return isinstance(widget, ItemPane) and widget.parent is self

    def set_current(self, name: str) -> None:
        """Mark pane `name` as the current one (the one shown on a narrow terminal) and its tab."""
        for pane in self.panes:
            pane.set_class(pane.id == name, "-current")
        tabs = self.query_one("#pane-tabs", PaneTabs)
        if tabs.active != f"tab-{name}":
            tabs.active = f"tab-{name}"

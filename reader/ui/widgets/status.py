"""The status line: reading progress and time left, the analysis' progress, which model runs, search hits."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from rich.text import Text
from textual.widgets import Static

from reader.model import Analysis, Document
from reader.navigate import reading_minutes
from reader.ui.themes import themed

BAR_CELLS = 10


@dataclass(slots=True)
class StatusState:
    read_fraction: float = 0.0
    words_left: int = 0
    analysis: str = "Loading the language model…"
    analysing: bool = True
    done: int = 0
    total: int = 0
    model: str = ""
    problem: str = ""
    search: str = ""


def _bar(done: int, total: int) -> str:
    filled = round(BAR_CELLS * done / total) if total else BAR_CELLS
    return "▰" * filled + "▱" * (BAR_CELLS - filled)


class StatusLine(Static):
    """One line under the article; every part is plain `Text`, never markup."""

    COMPONENT_CLASSES = {"status--problem"}

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.state = StatusState()
        self.document = document
        self._words_before = [0, *accumulate(len(document.block_text(b).split()) for b in document.blocks)]

    def show_view(self, end: int) -> None:
        """The view now ends at body offset `end`: how far the reader is, how many words are left."""
        document = self.document
        body_len = max(1, len(document.body))
        block = document.block_index_at(end) + 1 if document.blocks else 0
        words_left = self._words_before[-1] - self._words_before[min(block, len(self._words_before) - 1)]
        self.set(read_fraction=1.0 if end >= body_len - 1 else end / body_len, words_left=words_left)

    def show_analysis(self, analysis: Analysis, language: str) -> None:
        """A new analysis snapshot: its progress, or its counts and problems once complete."""
        if not analysis.complete:
            self.set(analysing=True, analysis="Analysing", done=analysis.blocks_done, total=analysis.blocks_total)
            return
        from reader.language import english_only_error  # not needed before the first paint
        from reader.present import analysis_counts

        problem = "; ".join(analysis.errors)
        if not analysis.entities_available and not english_only_error(language):
            problem = "Entity model unavailable: " + problem
        self.set(analysing=False, analysis=analysis_counts(analysis), done=analysis.blocks_done, problem=problem)

    def set(self, **changes: object) -> None:
        for name, value in changes.items():
            setattr(self.state, name, value)
        self.update(themed(self.render_state()))  # "dim" parts drawn in the theme's readable muted colour

    def render_state(self) -> Text:
        s = self.state
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {round(s.read_fraction * 100):3d}%", style="bold")
        minutes = reading_minutes(s.words_left)
        text.append(f" · {minutes} min left" if minutes else " · end", style="dim")
        if s.search:
            text.append("  │ ", style="dim")
            text.append(s.search, style="bold")
        text.append("  │ ", style="dim")
        if s.analysing:
            text.append(s.analysis + " ")
            if s.total:
                text.append(_bar(s.done, s.total) + f" {s.done}/{s.total}", style="dim")
        else:
            text.append(s.analysis)
        text.append("  │ ", style="dim")
        if s.problem:
            text.append(s.problem, style="bold $reader-error")
        elif s.model:
            text.append("model " + s.model, style="dim")
        return text

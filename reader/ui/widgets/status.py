"""The status line: reading progress and time left, the analysis' progress, which model runs, search hits."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.state = StatusState()

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

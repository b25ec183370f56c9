"""The keys, by section: `HelpScreen(sections) -> None`.

Usage::

    SECTIONS = [
        ("Navigation", [("j / ↓", "cursor down a line"), ("space", "page down")]),
        ("Notes", [("h", "highlight the sentence"), ("a", "add or edit a note")]),
    ]
    self.app.push_screen(HelpScreen(SECTIONS))

Each section is a bold title over a two-column table (key, description)
inside a scrolling container, so any number of sections fits on 80x24.
`escape`, `?` or `q` close; `j`/`k`, the arrows, `space`/`b`, `g`/`G`
scroll. Keys and descriptions are shown literally (never parsed as markup).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

Section = tuple[str, list[tuple[str, str]]]
"""A section title and its rows of (key as displayed, what it does)."""

KEY_COLUMN_MIN = 10


def keys_table(rows: list[tuple[str, str]]) -> Table:
    """A borderless two-column table: keys in bold on the left, descriptions wrapping on the right."""
    table = Table(box=None, show_header=False, expand=True, padding=(0, 2, 0, 0))
    width = max([KEY_COLUMN_MIN, *(cell_len(key) for key, _ in rows)])
    table.add_column("key", style="bold", no_wrap=True, min_width=min(width, 24), max_width=24)
    table.add_column("description", ratio=1)
    for key, description in rows:
        table.add_row(Text(key), Text(description))
    return table


class HelpScreen(ModalScreen[None]):
    """Show the key bindings; dismisses with None."""

    CSS_PATH = "modals.tcss"
    AUTO_FOCUS = "#help-body"

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", key_display="esc/?", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", key_display="space"),
        Binding("b,pageup", "page(-1)", "Page up", key_display="b"),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]

    def __init__(self, sections: list[Section], title: str = "Keys") -> None:
        """Build the screen.

        Args:
            sections: (section title, [(key display, description), ...]) in display order.
            title: The dialog's title.
        """
        super().__init__()
        self.sections = [(name, list(rows)) for name, rows in sections]
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = Text(self.title_text)
            with VerticalScroll(id="help-body"):
                for name, rows in self.sections:
                    yield Static(Text(name), classes="section-title")
                    yield Static(keys_table(rows), classes="section-keys")
        yield Footer()

    @property
    def body(self) -> VerticalScroll:
        """The scrolling container of the sections."""
        return self.query_one("#help-body", VerticalScroll)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        """Scroll by `lines` (negative: up)."""
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        """Scroll a page down (1) or up (-1)."""
        self.body.scroll_relative(y=direction * max(1, self.body.size.height - 1), animate=False)

    def action_top(self) -> None:
        self.body.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.body.scroll_end(animate=False)

"""Where to export: `ExportPrompt(path) -> str | None` and `ExportExists(path) -> "overwrite" | "rename" | None`.

`e` in the reading screen proposes a path in the export directory (the one
given with `--export-dir`, else the last one used, else the documents
folder), never the current directory; the reader can edit it, `enter`
exports, `escape` cancels. When the file exists, `ExportExistsScreen` offers
to overwrite it, to keep both (a new name, `-2`), or to cancel.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from reader.sanitize import clean_line


class ExportPrompt(ModalScreen[str | None]):
    """Asks where to write the export; dismisses with the path typed, or None."""

    CSS_PATH = "modals.tcss"
    AUTO_FOCUS = "#export-path"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = "Export to Markdown"
            yield Static(Text("Write the article, its analysis and your notes to:"))
            yield Input(value=self.path, id="export-path")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self._done()
        else:
            self.dismiss(None)

    def _done(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportExistsScreen(ModalScreen[str | None]):
    """The file exists: "overwrite", "rename" (keep both: a new name) or None (cancel)."""

    CSS_PATH = "modals.tcss"
    AUTO_FOCUS = "#rename"
    BINDINGS = [
        Binding("o", "answer('overwrite')", "Overwrite", id="exists.overwrite"),
        Binding("k", "answer('rename')", "Keep both", id="exists.rename"),
        Binding("escape,c", "answer(None)", "Cancel", key_display="esc", id="exists.cancel"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def __init__(self, path: str, new_name: str) -> None:
        super().__init__()
        self.path = path
        self.new_name = new_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"{clean_line(self.path)} already exists."), id="question")
            with Horizontal(classes="buttons"):
                yield Button("Overwrite", variant="warning", id="overwrite")
                yield Button(Text(f"Keep both: {clean_line(self.new_name)}"), variant="primary", id="rename")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

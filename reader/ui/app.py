"""The reader app: the cleaned article, scrollable, with its metadata header.

`run_app(source)` loads and cleans the article before Textual starts, so a
bad source is one clear line and exit 1; the app itself only reads the
Document.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from reader.model import Document

CSS = """
#article { align-horizontal: center; }
#article > Static { width: 100%; max-width: 88; }
.title { text-style: bold; color: $accent; margin: 1 0 0 0; }
.meta { color: $text-muted; margin: 0 0 1 0; }
.heading { text-style: bold; margin: 1 0 0 0; }
.paragraph { margin: 1 0 0 0; }
"""


class ReaderApp(App[None]):
    """Shows one article."""

    CSS = CSS
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space", "page(1)", "Page down"),
        Binding("b", "page(-1)", "Page up"),
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        doc = self.document
        with VerticalScroll(id="article"):
            yield Static(Text(doc.title or "(untitled)"), classes="title")
            meta = " · ".join(x for x in (doc.byline, doc.site_name, doc.published or "", doc.url or "") if x)
            if meta:
                yield Static(Text(meta), classes="meta")
            for block in doc.blocks:
                text = Text(doc.block_text(block))
                kind = "heading" if block.kind == "heading" else "paragraph"
                if block.kind == "list_item":
                    text = Text("• ") + text
                yield Static(text, classes=kind)
        yield Footer()

    @property
    def article(self) -> VerticalScroll:
        return self.query_one("#article", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.article.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        self.article.scroll_relative(y=direction * max(1, self.article.size.height - 2), animate=False)

    def action_top(self) -> None:
        self.article.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.article.scroll_end(animate=False)


def run_document(document: Document) -> int:
    ReaderApp(document).run()
    return 0


def run_app(source: str, *, published: str | None = None) -> int:
    from reader.load import load_document

    return run_document(load_document(source, published=published))

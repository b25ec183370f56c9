"""The library of read articles: `LibraryScreen(store.articles()) -> Article.id | None`.

Usage::

    def chosen(article_id: int | None) -> None:
        if article_id is not None:
            ...  # store.load_document(article_id), then show it

    self.app.push_screen(LibraryScreen(store.articles()), chosen)

One row per article, in the order given (the store's: last opened first),
with the IDs `reader library` shows (they never change): ID, title, site, published, notes,
last opened ("today 09:12", "yesterday 18:40", else the date). `enter` (or a
click on the highlighted row) opens the row; `escape`, `q` or `L` close
with None. `/` focuses the filter bar: free words narrow the rows by title
or site, and typed terms ask the library index (`reader.index.filters`):
`person:Ada Okafor source:Tidewire since:2026-01 until:2026-03-31` keeps the
articles that mention that person (aliases merged), name that source (or
come from that site) and were published in that range. The index is asked
in a thread worker; the line under the bar says how many rows are kept and
how the filter was read (or what it left out). `enter` or `escape` in the
filter go back to the table. The title takes the
width the other columns leave; on a narrow terminal (80 columns) the site is
shortened and the Published column is left out so titles stay readable.

Every field is untrusted text: it is cleaned (`clean_line`) and passed to the
DataTable as `rich.text.Text`, never as a markup string.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import Worker, WorkerState

from reader.index.filters import LibraryFilter, parse_filter
from reader.library import when_opened
from reader.sanitize import clean_line
from reader.store import Article

EMPTY_TEXT = "No articles read yet"
EMPTY_HINT = "Open an article (reader FILE|URL) and it will be listed here."
NO_MATCH_TEXT = "No article matches the filter"
FILTER_HINT = "Filter: words · person:NAME · source:NAME · since:2026-01-01 · until:DATE  (/)"

HEADERS = ("ID", "Title", "Site", "Published", "Notes", "Last opened")
SITE_MAX = 24
"""Widest the site column gets (cells); longer names end with "…"."""
SITE_MIN = 12
"""Narrowest the site column gets when the title needs the room."""
TITLE_WANTED = 28
"""Below this many cells for the title, the Published column is left out."""
TITLE_MIN = 16
"""Narrowest the title column gets (the table scrolls sideways below that)."""
SCROLLBAR = 2
"""Cells kept free for the vertical scrollbar."""
CHROME = 6
"""Cells around the table before its first layout (dialog margin, border, padding)."""
RIGHT = (0, 4)
"""Right-aligned columns: # and Notes."""


def _cell(value: str, *, right: bool = False) -> Text:
    """A one-line, literal DataTable cell that ends with "…" when its column is too narrow."""
    return Text(value, no_wrap=True, overflow="ellipsis", justify="right" if right else "left", end="")


class LibraryTable(DataTable[Text]):
    """The articles' table: `enter` opens the highlighted row (and says so in the footer)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="library.open")]


class LibraryScreen(ModalScreen[int | None]):
    """Pick an article from the library; dismisses with its `Article.id`, or None."""

    CSS_PATH = "modals.tcss"
    AUTO_FOCUS = "#table"

    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("slash", "filter", "Filter", key_display="/", id="library.filter"),
        Binding("escape,q,L", "close", "Close", key_display="esc/q", id="library.close"),
    ]

    def __init__(self, articles: list[Article], *, now: datetime | None = None) -> None:
        """Build the screen.

        Args:
            articles: The library, in display order (newest first, as `Store.articles()`).
            now: The time "today" and "yesterday" are relative to (tests); default: now.
        """
        super().__init__()
        self.articles = list(articles)
        self.now = (now or datetime.now(timezone.utc)).astimezone()
        self._rows = [self._row(article) for article in self.articles]
        self._layout_now: dict[int, int] = {}
        self._filter = LibraryFilter()
        self._kept: set[int] | None = None
        """The article ids the typed terms keep (None: no typed term)."""
        self._problems: list[str] = []

    def _row(self, article: Article) -> tuple[str, ...]:
        """The six display strings of one article (cleaned of control characters)."""
        title = clean_line(article.title) or clean_line(article.url or article.origin) or "(untitled)"
        return (
            str(article.id),
            title,
            clean_line(article.site),
            clean_line(article.published or "")[:10],
            str(article.notes_count),
            when_opened(article.last_opened, self.now),
        )

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = f"Library ({len(self.articles)})"
            if not self.articles:
                yield Static(Text(f"{EMPTY_TEXT}\n\n{EMPTY_HINT}", justify="center"), id="empty", classes="empty")
            else:
                yield Input(placeholder=FILTER_HINT, id="filter")
                yield Static("", id="filter-status")
                yield LibraryTable(cursor_type="row", zebra_stripes=True, id="table")
                yield Static(NO_MATCH_TEXT, id="no-match", classes="empty")
        yield Footer()

    def on_mount(self) -> None:
        if self.articles:
            self.query_one("#no-match").display = False
            self._populate()

    def on_resize(self) -> None:
        if self.articles:
            self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """Rebuild the table when its width now calls for another title width."""
        if self._layout([self._rows[i] for i in self._visible()]) != self._layout_now:
            self._populate()

    @property
    def table(self) -> DataTable[Text]:
        """The articles' table (only when the library is not empty)."""
        return self.query_one("#table", DataTable)

    def _layout(self, rows: list[tuple[str, ...]]) -> dict[int, int]:
        """The shown columns (index -> width): every column fits its content, the title takes the rest.

        When the title would get fewer than TITLE_WANTED cells, the site is narrowed (down to
        SITE_MIN), then the Published column is left out (80 columns: the title keeps ~30 cells).
        """
        content = [max(cell_len(row[c]) for row in [HEADERS, *rows]) for c in range(len(HEADERS))]
        content[2] = min(content[2], SITE_MAX)
        available = self.table.scrollable_content_region.width or self.app.size.width - CHROME
        layout: dict[int, int] = {}
        for shown in (range(len(HEADERS)), [c for c in range(len(HEADERS)) if c != 3]):
            # One cell of padding either side of every column, and room for a vertical scrollbar.
            fixed = sum(content[c] + 2 for c in shown if c not in (1, 2)) + 2 + 2 + SCROLLBAR
            site = max(min(content[2], SITE_MIN), min(content[2], available - fixed - content[1]))
            title = max(TITLE_MIN, min(content[1], available - fixed - site))
            layout = {c: title if c == 1 else site if c == 2 else content[c] for c in shown}
            if title >= min(content[1], TITLE_WANTED):
                break
        return layout

    def _visible(self) -> list[int]:
        """Indexes of the rows the filter keeps: the free words here, the typed terms from the index."""
        needle = self._filter.words.casefold()
        return [i for i, row in enumerate(self._rows)
                if (self._kept is None or self.articles[i].id in self._kept)
                and (not needle or needle in row[1].casefold() or needle in row[2].casefold())]

    def _say(self, shown: int) -> None:
        """The line under the filter bar: how many rows, how the filter was read, what it left out."""
        flt = self._filter
        if not (flt.words or flt.typed or self._problems):
            line = ""
        else:
            read = [f"“{flt.words}”"] if flt.words else []
            read += [f"person {name}" for name in flt.people] + [f"source {name}" for name in flt.sources]
            if flt.since or flt.until:
                read.append(f"published {flt.since or '…'} – {flt.until or '…'}")
            line = f"{shown} of {len(self.articles)} articles"
            line += (": " + " · ".join(read)) if read else ""
            line += "".join(f"  ({problem})" for problem in self._problems)
        self.query_one("#filter-status", Static).update(Text(clean_line(line), no_wrap=True, overflow="ellipsis"))

    def _populate(self) -> None:
        """(Re)build the table for the current filter and width, keeping the cursor's article."""
        table = self.table
        keep: str | None = None
        if table.row_count:
            keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        visible = self._visible()
        layout = self._layout([self._rows[i] for i in visible])
        table.clear(columns=True)
        for c, width in layout.items():
            table.add_column(_cell(HEADERS[c], right=c in RIGHT), width=width, key=HEADERS[c])
        for i in visible:
            row = self._rows[i]
            table.add_row(*(_cell(row[c], right=c in RIGHT) for c in layout), key=str(self.articles[i].id))
        self._layout_now = layout
        self._say(len(visible))
        self.query_one("#no-match").display = not visible
        table.display = bool(visible)
        if keep is not None and keep in {str(self.articles[i].id) for i in visible}:
            table.move_cursor(row=table.get_row_index(keep), animate=False)

    # -- events and actions ------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter, self._problems = parse_filter(event.value)
        if not self._filter.typed:
            self._kept = None
            self._populate()
            return
        from reader.paths import data_dir

        self._ask_index(event.value, self._filter, data_dir(create=False))

    @work(thread=True, exclusive=True, group="library-filter", exit_on_error=False, description="filter")
    def _ask_index(self, text: str, flt: LibraryFilter, directory: Path) -> tuple[str, set[int]]:
        from reader.index.filters import filter_articles
        from reader.store import Store

        with Store.open(directory) as store:
            return text, filter_articles(store, flt)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "library-filter":
            return
        current = self.query_one("#filter", Input).value
        if event.state == WorkerState.SUCCESS:
            text, kept = event.worker.result
            if text == current:  # an answer to what is typed now, not to an earlier key
                self._kept = kept
                self._populate()
        elif event.state == WorkerState.ERROR:
            self._kept = None
            self._problems = [*self._problems, f"the library index is unavailable: {event.worker.error}"]
            self._populate()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected, "#table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.dismiss(int(event.row_key.value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Open and Filter from the footer when the library is empty."""
        if action in ("open", "filter") and not self.articles:
            return False
        return True

    def action_open(self) -> None:
        """Open the article under the cursor (when the table is not focused)."""
        if self.articles and self.table.row_count:
            key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key.value
            if key is not None:
                self.dismiss(int(key))

    def action_filter(self) -> None:
        """Focus the filter."""
        if self.articles:
            self.query_one("#filter", Input).focus()

    def action_close(self) -> None:
        """Close with None; from the filter, go back to the table first."""
        if self.articles and self.focused is self.query_one("#filter", Input):
            self.table.focus()
            return
        self.dismiss(None)

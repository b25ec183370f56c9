"""The reading queue of `reader feed`: `FeedQueueScreen(items)` lists feed items, `enter` reads one.

One row per `QueueItem`, in the order given (the store's: newest first):
a mark (• unread, blank once read), the date, the site and the title.
`enter` fetches the item's article in a thread worker (`reader.feeds.open_item`:
the library's saved copy, else the page through `reader.load`, else the
full text the feed carried), marks the item read and pushes a
`FeedArticleScreen` for it; `escape` there (with nothing left to clear)
comes back here. A failure (offline, with nothing fetched before) is one
line in the status bar under the table. `u` marks the highlighted item read
or unread at once and writes the mark in a thread worker; when the write
fails the mark goes back and the reader is told (a notification and the
status line).

Every field is untrusted text: cleaned (`clean_line`) and passed to the
DataTable as `rich.text.Text`, never as markup.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.feeds.queue import QueueItem
from reader.model import Document
from reader.sanitize import clean_line
from reader.ui.screens.stacked_reading import StackedReadingScreen

EMPTY_TEXT = "The reading queue is empty: `reader feed add URL` remembers a feed"
UNREAD = "•"
SITE_MAX = 24
"""Widest the site column gets (cells)."""


def _cell(value: str) -> Text:
    return Text(value, no_wrap=True, overflow="ellipsis", end="")


class QueueTable(DataTable[Text]):
    """The items' table: `enter` reads the highlighted item (and says so in the footer)."""

    BINDINGS = [Binding("enter", "select_cursor", "Read", id="feed.read")]


class FeedQueueScreen(Screen[None]):
    """The feed items, newest first; `enter` opens one in a reading screen and marks it read."""

    CSS_PATH = "feed_queue.tcss"
    AUTO_FOCUS = "#queue"

    BINDINGS = [
        Binding("u", "toggle_read", "Read/unread", id="feed.toggle"),
    ]

    def __init__(self, items: list[QueueItem]) -> None:
        super().__init__()
        self.items = list(items)
        self.fetching: int | None = None
        """The id of the item being fetched (one at a time)."""
        self._wanted: dict[int, bool] = {}
        """Item id -> the read mark last asked for with `u` (what the mark worker writes)."""
        self._marks_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        unread = sum(not item.read for item in self.items)
        if self.items:
            table = QueueTable(cursor_type="row", zebra_stripes=True, id="queue")
            table.border_title = f"Reading queue ({unread} unread of {len(self.items)})"
            yield table
        else:
            yield Static(Text(EMPTY_TEXT, justify="center"), id="empty")
        yield Static("", id="queue-status")
        yield Footer()

    def on_mount(self) -> None:
        if not self.items:
            return
        table = self.table
        site = min(SITE_MAX, max((len(clean_line(i.site)) for i in self.items), default=4))
        table.add_column(_cell(" "), width=1, key="mark")
        table.add_column(_cell("Date"), width=10, key="date")
        table.add_column(_cell("Site"), width=max(site, 4), key="site")
        table.add_column(_cell("Title"), key="title")
        for item in self.items:
            table.add_row(*(_cell(value) for value in self._row(item)), key=str(item.id))

    @staticmethod
    def _row(item: QueueItem) -> tuple[str, str, str, str]:
        return (
            " " if item.read else UNREAD,
            clean_line(item.published or "")[:10],
            clean_line(item.site),
            clean_line(item.title) or clean_line(item.link) or "(untitled)",
        )

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#queue", DataTable)

    @property
    def status(self) -> Static:
        return self.query_one("#queue-status", Static)

    def say(self, line: str) -> None:
        """One line in the status bar (literal text, never markup)."""
        self.status.update(Text(clean_line(line), no_wrap=True, overflow="ellipsis"))

    def item(self, item_id: int) -> QueueItem:
        return next(i for i in self.items if i.id == item_id)

    def _cursor_item(self) -> QueueItem | None:
        if not self.items or not self.table.row_count:
            return None
        key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key.value
        return self.item(int(key)) if key is not None else None

    def _set_read(self, item_id: int, read: bool) -> None:
        """Show the item as read (or unread) here; the store is written by the caller."""
        self.items = [replace(i, read=read) if i.id == item_id else i for i in self.items]
        self.table.update_cell(str(item_id), "mark", _cell(" " if read else UNREAD))
        unread = sum(not i.read for i in self.items)
        self.table.border_title = f"Reading queue ({unread} unread of {len(self.items)})"

    # -- reading an item -----------------------------------------------------------------------

    @on(DataTable.RowSelected, "#queue")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.read_item(self.item(int(event.row_key.value)))

    def read_item(self, item: QueueItem) -> None:
        if self.fetching is not None:
            self.say("Still fetching the previous article…")
            return
        self.fetching = item.id
        self.say(f"Fetching {item.title}…")
        from reader.paths import data_dir

        self._fetch(item, data_dir(create=False))  # the library is chosen now, not in the thread

    @work(thread=True, exclusive=True, group="feed-fetch", exit_on_error=False, description="fetch")
    def _fetch(self, item: QueueItem, directory: Path) -> None:
        from reader.feeds.queue import mark_read, open_item
        from reader.library import remembered
        from reader.store import Store

        try:
            with Store.open(directory) as store:
                document = remembered(open_item(store, item), store)
                mark_read(store, item.id)
        except ReaderError as exc:
            self.app.call_from_thread(self._failed, item, str(exc))
            return
        self.app.call_from_thread(self._opened, item, document)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An unexpected error in the fetch is one status line too (the queue stays usable)."""
        if event.worker.group == "feed-mark" and event.state == WorkerState.ERROR:
            self.say(f"Could not change the mark: {type(event.worker.error).__name__}: {event.worker.error}")
        if event.worker.group == "feed-fetch" and event.state == WorkerState.ERROR and self.fetching is not None:
            item = self.item(self.fetching)
            self._failed(item, f"{type(event.worker.error).__name__}: {event.worker.error}")

    def _failed(self, item: QueueItem, error: str) -> None:
        self.fetching = None
        self.say(f"Could not open {item.title!r}: {error}")

    def _opened(self, item: QueueItem, document: Document) -> None:
        self.fetching = None
        self._set_read(item.id, True)
        self.say("")
        self.app.push_screen(FeedArticleScreen(document))

    def action_toggle_read(self) -> None:
        """Mark the highlighted item read, or unread again: shown at once, written by a thread worker."""
        from reader.paths import data_dir

        item = self._cursor_item()
        if item is None:
            return
        with self._marks_lock:
            self._wanted[item.id] = not item.read
        self._set_read(item.id, not item.read)
        self._write_mark(item.id, data_dir(create=False))

    @work(thread=True, group="feed-mark", exit_on_error=False, description="read mark")
    def _write_mark(self, item_id: int, directory: Path) -> None:
        """Write the item's latest wanted mark (under a lock: quick toggles land in order)."""
        from reader.feeds.queue import mark_read
        from reader.store import Store

        with self._marks_lock:
            read = self._wanted[item_id]
            try:
                with Store.open(directory) as store:
                    mark_read(store, item_id, read)
                return
            except ReaderError as exc:
                error = str(exc)
            superseded = self._wanted[item_id] != read  # a newer `u` is on its way (its worker reports itself)
            if not superseded:
                self._wanted[item_id] = not read
        if not superseded:  # outside the lock: the UI thread may be waiting for it in `u`
            self.app.call_from_thread(self._mark_failed, item_id, read, error)

    def _mark_failed(self, item_id: int, read: bool, error: str) -> None:
        """The write failed: the mark goes back to what the store holds, and the reader is told."""
        self._set_read(item_id, not read)
        message = f"Could not mark it {'read' if read else 'unread'}: {error}"
        self.say(message)
        self.notify(message, severity="error", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.items) if action == "toggle_read" else True


class FeedArticleScreen(StackedReadingScreen):
    """A reading screen over the queue: `escape`, once nothing is left to clear, goes back to it."""

    BINDINGS = [Binding("escape", "clear", "Queue", key_display="esc")]

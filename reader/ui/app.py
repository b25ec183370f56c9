"""The reader app: configuration, themes, the command palette and the global keys.

`run_app(source)` loads and cleans the article before Textual starts, so a
bad source is one clear line and exit 1. The app pushes a `ReadingScreen`
for the document; the library (`L`) replaces it with another article.
Nothing on the way to the first paint imports spaCy: the analysis worker
does, off the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from reader.errors import ReaderError
from reader.model import Document
from reader.recovery import Unsaved
from reader.ui.commands import ReaderCommands
from reader.ui.screens.reading import ReadingScreen
from reader.ui.themes import reader_variables

if TYPE_CHECKING:  # pragma: no cover
    from reader.feeds.queue import QueueItem

THEMES = ("textual-dark", "textual-light")
"""What `t` switches between; the palette's "Change theme" offers all of Textual's."""


class ReaderApp(App[None]):
    """Shows one article at a time."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "Keys", key_display="?"),
        Binding("t", "toggle_theme", "Theme", show=False),
        Binding("L", "library", "Library", show=False),
    ]

    def __init__(self, document: Document | None) -> None:
        super().__init__()
        self.document = document
        self.unsaved = Unsaved()
        """Notes the database refused and the recovery files holding them (`q` asks; told on exit)."""
        self._asking_to_quit = False

    def on_mount(self) -> None:
        """SIGTERM, SIGHUP (the terminal closed) and SIGINT quit as `q` does: drafts saved, terminal restored."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, lambda: self.call_next(self.quit_now))
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows
                pass

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus the `$reader-*` colours computed from it (WCAG AA, themes.py)."""
        variables = {**reader_variables(self.current_theme), **super().get_css_variables()}
        self.theme_variables = variables
        return variables

    def get_default_screen(self) -> ReadingScreen:
        """The reading screen is the default one: no blank screen is painted before it."""
        return ReadingScreen(self.document)

    @property
    def reading(self) -> ReadingScreen:
        """The reading screen (under any modal screen)."""
        return next(s for s in reversed(self.screen_stack) if isinstance(s, ReadingScreen))

    @property
    def article(self):
        """The article view of the reading screen."""
        return self.reading.article

    def _save_open_drafts(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.save_open_draft()

    async def action_quit(self) -> None:
        """Quit; a note being edited is saved first (ctrl+q works even inside the editor), and while
        a note the database refused is unsaved, ask first (it is in a recovery file; say where)."""
        from reader.ui.screens.confirm import ConfirmScreen

        if self._asking_to_quit:
            return  # q again on the question: the focused "Stay" decides, not a second q
        self._save_open_drafts()
        if not len(self.unsaved):
            await super().action_quit()
            return

        def answered(quit_anyway: bool | None) -> None:
            self._asking_to_quit = False
            if quit_anyway:
                self.exit()

        self._asking_to_quit = True
        self.push_screen(ConfirmScreen(self.unsaved.question(), yes="Quit", no="Stay"), answered)

    def quit_now(self) -> None:
        """A signal (SIGTERM, SIGHUP, SIGINT): save as `q` does, never ask (the terminal may be gone)."""
        self._save_open_drafts()
        self.exit()

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]
        self.notify(f"Theme: {self.theme} (ctrl+p → Change theme for more)", timeout=2, markup=False)

    def action_help(self) -> None:
        from reader.ui.keys import help_sections
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections()))

    def action_library(self) -> None:
        from reader.store import Store
        from reader.ui.screens.library import LibraryScreen

        try:
            with Store.open() as store:
                articles = store.articles()
        except ReaderError as exc:
            self.notify(f"The library is unavailable: {exc}", severity="error", markup=False)
            return
        self.push_screen(LibraryScreen(articles), self._open_article)

    def _open_article(self, article_id: int | None) -> None:
        if article_id is None:
            return
        from reader.store import Store

        try:
            with Store.open() as store:
                document = store.load_document(article_id)
        except ReaderError as exc:
            self.notify(f"Could not open it: {exc}", severity="error", markup=False)
            return
        if document is None:
            self.notify("That article is no longer in the library", severity="warning")
            return
        self.document = document
        self.call_after_refresh(self._replace_reading, ReadingScreen(document))  # once the library has closed

    def _replace_reading(self, screen: ReadingScreen) -> None:
        """Show `screen` instead of the current reading screen (whose notes and workers are closed)."""
        current = next((s for s in reversed(self.screen_stack) if isinstance(s, ReadingScreen)), None)
        if current is None:  # the feed queue, with no article open yet
            self.push_screen(screen)
        elif current is self.screen_stack[0]:
            current.retire()  # the default screen cannot be switched away; it waits underneath
            self.push_screen(screen)
        else:
            self.switch_screen(screen)


class FeedReaderApp(ReaderApp):
    """`reader feed`: the reading queue first; each item opens in a reading screen above it."""

    def __init__(self, items: list[QueueItem]) -> None:
        super().__init__(None)  # no article until one is chosen
        self.items = items

    def get_default_screen(self):
        from reader.ui.screens.feed_queue import FeedQueueScreen

        return FeedQueueScreen(self.items)


def _run(app: ReaderApp) -> int:
    import sys

    app.run()
    for path in app.unsaved.paths():
        print(f"reader: warning: a note could not be saved to the notes database; it is kept in {path}", file=sys.stderr)
    if app.unsaved.lost:
        print("reader: warning: a note could not be saved anywhere and is lost", file=sys.stderr)
    return 1 if len(app.unsaved) else 0


def run_document(document: Document) -> int:
    return _run(ReaderApp(document))


def run_feed_queue(feed_ids: list[int] | None) -> int:
    """The queue of the given feeds (all remembered ones when None) in the app."""
    from reader.feeds import queue
    from reader.store import Store

    with Store.open() as store:
        items = queue(store, feed_ids)
    return _run(FeedReaderApp(items))


def run_app(source: str, *, published: str | None = None) -> int:
    from reader.load import load_document

    return run_loaded(load_document(source, published=published))


def run_loaded(document: Document) -> int:
    """The app on a freshly loaded document (its date remembered from the library when it has none)."""
    from reader.library import remembered

    return run_document(remembered(document))

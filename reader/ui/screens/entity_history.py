""""This person (organisation, place) across your library": `l` on an entity in the Entities pane.

    show_entity_history(reading_screen)   # the entity highlighted in the pane (else the one selected)

A modal lists the other articles of the library index that mention the
entity (`reader.index.history.entity_history`: its name and aliases, merged
across articles as `reader library person` merges them), newest first: one
row per article (title, date, site, mentions, the words around its first
mention), then a row per quote the entity said there. `enter` on a row
opens that article (its saved copy) in a reading screen pushed above this
one, at that mention or quote; `escape` there comes back. The index is read,
and the article loaded, in thread workers; a failure is one line in the
dialog. Every field is untrusted text, shown as `rich.text.Text`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.index.history import EntityHistory, Place
from reader.model import Document, Entity
from reader.present import plural
from reader.sanitize import clean_line
from reader.ui.text_fit import clip

if TYPE_CHECKING:  # pragma: no cover
    from reader.ui.screens.reading import ReadingScreen

MUTED = "dim"
LOOKING = "Looking across your library…"
NOTHING = "No other article in your library mentions {name}."
HINT = "Articles join the library as you read them, or with `reader library add SOURCE...`."
KINDS = {"person": "person", "organisation": "organisation", "place": "place", "group": "group"}


def current_entity(screen: ReadingScreen) -> Entity | None:
    """The entity highlighted in the Entities pane when it has the focus, else the one selected."""
    pane = screen.pane("entities") if screen.panes else None
    if pane is not None and pane.has_focus:
        item = pane.highlighted_item
        return screen.analysis.entity(item.key) if item is not None and not item.header else None
    return screen.analysis.entity(screen.selection.entity_id)


def show_entity_history(screen: ReadingScreen, entity: Entity | None = None) -> None:
    """Open the modal for `entity` (default: the current one) and, on a choice, the article at that place."""
    entity = entity or current_entity(screen)
    if entity is None:
        screen.notify("Highlight a person in the Entities pane first", timeout=2)
        return

    def chosen(choice: tuple[Document, int, int] | None) -> None:
        from reader.ui.screens.stacked_reading import StackedReadingScreen

        if choice is not None:
            document, start, end = choice
            screen.app.push_screen(StackedReadingScreen(document, (start, end)))

    screen.app.push_screen(EntityHistoryScreen(entity, screen.document), chosen)


def _context(place: Place) -> Text:
    """The words around a first mention, the mention itself in bold."""
    text = Text(clip(clean_line(place.text), 200), style=MUTED)
    start, end = place.mark
    if end > start and end <= len(text.plain) and clean_line(place.text) == place.text:
        text.stylize("bold not dim", start, end)
    return text


class EntityHistoryScreen(ModalScreen["tuple[Document, int, int] | None"]):
    """The entity's other articles and quotes; dismisses with (document, start, end) or None."""

    CSS_PATH = "entity_history.tcss"
    AUTO_FOCUS = "#places"

    BINDINGS = [
        Binding("enter", "open", "Open at the place", show=False),
        Binding("escape,q,l", "close", "Close", key_display="esc/q"),
    ]

    def __init__(self, entity: Entity, document: Document) -> None:
        super().__init__()
        self.entity = entity
        self.document = document
        self.history: EntityHistory | None = None
        self._places: dict[str, tuple[int, int, int]] = {}
        """Option id -> (article id, start, end)."""
        self.opening = False
        self._opening_place: tuple[int, int, int] = (0, 0, 0)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = f"{clean_line(self.entity.name)} across your library"
            yield Static(Text(LOOKING), id="summary")
            yield OptionList(id="places")
            yield Static("", id="history-status")
        yield Footer()

    def on_mount(self) -> None:
        from reader.paths import data_dir

        self.query_one("#places").display = False
        self._look(data_dir(create=False))  # the library is chosen now, not in the thread

    # -- workers --------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="entity-history", exit_on_error=False, description="library")
    def _look(self, directory: Path) -> EntityHistory:
        from reader.index.history import entity_history
        from reader.store import Store

        entity = self.entity
        with Store.open(directory) as store:
            here = store.find_article(self.document)
            return entity_history(store, entity.name, entity.kind, entity.aliases,
                                  exclude=here.id if here is not None else None)

    @work(thread=True, exclusive=True, group="entity-open", exit_on_error=False, description="open")
    def _load(self, directory: Path, article_id: int) -> Document:
        from reader.store import Store

        with Store.open(directory) as store:
            document = store.load_document(article_id)
        if document is None:
            raise ReaderError("that article is no longer in the library")
        return document

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.SUCCESS and worker.group == "entity-history":
            self._show(worker.result)
        elif event.state == WorkerState.SUCCESS and worker.group == "entity-open":
            _aid, start, end = self._opening_place
            self.dismiss((worker.result, start, end))
        elif event.state == WorkerState.ERROR:
            error = worker.error
            message = str(error) if isinstance(error, ReaderError) else f"{type(error).__name__}: {error}"
            if worker.group == "entity-history":
                self.query_one("#summary", Static).update(Text(f"The library is unavailable: {clean_line(message)}"))
            else:
                self.opening = False
                self.say(f"Could not open it: {message}")

    # -- the list -------------------------------------------------------------------------------
    def say(self, line: str) -> None:
        self.query_one("#history-status", Static).update(Text(clean_line(line), no_wrap=True, overflow="ellipsis"))

    def _summary(self, history: EntityHistory) -> Text:
        name = clean_line(self.entity.name)
        if not history.articles:
            return Text(f"{NOTHING.format(name=name)}\n{HINT}")
        line = Text(KINDS.get(self.entity.kind, self.entity.kind), style=MUTED)
        aliases = [clean_line(a) for a in history.aliases if a.casefold() != self.entity.name.casefold()]
        if aliases:
            line.append(" · also " + clip(", ".join(aliases), 80), style=MUTED)
        line.append(f" · {plural(len(history.articles), 'other article')} · {plural(history.quotes, 'quote')}")
        if history.ambiguous:
            line.append(" · the bare name is shared by several people: check each", style="italic")
        return line

    def _show(self, history: EntityHistory) -> None:
        self.history = history
        self.query_one("#summary", Static).update(self._summary(history))
        places = self.query_one("#places", OptionList)
        places.clear_options()
        options: list[Option] = []
        for article in history.articles:
            for n, place in enumerate(article.places):
                key = f"a{article.article_id}-{n}"
                self._places[key] = (article.article_id, place.start, place.end)
                if place.kind == "mention":
                    prompt = Text(clean_line(article.title) or "(untitled)", style="bold")
                    meta = [clean_line(article.published or "")[:10] or "undated", clean_line(article.site),
                            plural(article.mentions, "mention")]
                    prompt.append("  " + " · ".join(m for m in meta if m), style=MUTED)
                    prompt.append("\n")
                    prompt.append_text(_context(place))
                else:
                    prompt = Text("  “" + clip(clean_line(place.text).rstrip(" ,"), 200) + "”", style="italic")
                    if place.cue:
                        prompt.append(f" — {clean_line(place.cue)}", style="not italic " + MUTED)
                options.append(Option(prompt, id=key))
        places.add_options(options)
        places.display = bool(options)
        self.query_one(".dialog").set_class(not options, "-empty")
        if options:
            places.highlighted = 0
            places.focus()

    @on(OptionList.OptionSelected, "#places")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def action_open(self) -> None:
        places = self.query_one("#places", OptionList)
        if places.highlighted is not None:
            self._open(places.get_option_at_index(places.highlighted).id)

    def _open(self, key: str | None) -> None:
        if key not in self._places or self.opening:
            return
        from reader.paths import data_dir

        self.opening = True
        self._opening_place = self._places[key]
        self.say("Opening…")
        self._load(data_dir(create=False), self._opening_place[0])

    def action_close(self) -> None:
        self.dismiss(None)

"""The help screen's key list, built from the widgets' own BINDINGS so it can never drift from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:  # pragma: no cover
    from reader.ui.screens.help import Section

KEY_NAMES = {
    "down": "↓", "up": "↑", "left": "←", "right": "→", "space": "space", "pagedown": "PgDn", "pageup": "PgUp",
    "home": "Home", "end": "End", "slash": "/", "question_mark": "?", "escape": "esc", "backspace": "backspace",
    "enter": "enter", "delete": "del",
}

LONG = {
    "cursor(1)": "cursor down a line", "cursor(-1)": "cursor up a line",
    "page(1)": "page down", "page(-1)": "page up", "top": "top of the article", "bottom": "end of the article",
    "cycle(1)": "next pane (article → Entities → Quotes → Timeline → Sources → Notes)",
    "cycle(-1)": "previous pane",
    "focus_pane('entities')": "Entities pane", "focus_pane('quotes')": "Quotes pane",
    "focus_pane('timeline')": "Timeline pane", "focus_pane('sources')": "Sources pane",
    "focus_pane('notes')": "Notes pane", "focus_article": "back to the article",
    "next(1)": "next mention of the selected entity (next search hit while searching)",
    "next(-1)": "previous mention (previous search hit)",
    "quote(1)": "next quote", "quote(-1)": "previous quote",
    "speaker": "from the quote at the cursor to its speaker's mention, and back again",
    "back": "back to where the last jump started",
    "search": "search the article (smart case)", "clear": "clear the search, then the selection",
    "toggle_width": "full width / readable measure (88 columns)", "toggle_panes": "hide or show the side panes",
    "highlight": "highlight the sentence at the cursor (or the selected quote)",
    "note": "add or edit the note on the highlight at the cursor",
    "export": "export the article, analysis and notes to Markdown",
    "screen.delete_note": "delete the note (Notes pane; asks first)", "screen.note": "edit the note (Notes pane)",
    "quit": "quit", "help": "this help", "toggle_theme": "switch between dark and light themes",
    "library": "the articles you have read",
}


def key_display(binding: Binding) -> str:
    if binding.key_display and "/" in binding.key_display:
        return binding.key_display.replace("/", " / ")
    return " / ".join(KEY_NAMES.get(key, key) for key in binding.key.split(","))


def _rows(bindings: list[Binding], actions: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if actions is not None and not binding.action.startswith(actions):
            continue
        keys = " / ".join(KEY_NAMES.get(key, key) for key in binding.key.split(","))
        rows.append((keys, LONG.get(binding.action, binding.description)))
    return rows


EDITOR = {
    "save": "save the note (it replaces the draft)",
    "cancel": "close without saving: what you typed stays a draft (asks first)",
    "revert": "back to the saved note (ctrl+z undoes that too)",
}

NEVER_LOST = [
    ("drafts", "the draft is saved half a second after each pause, so even a crash loses almost nothing"),
    ("a", "again on the same highlight, now or in a later run: the draft comes back (the Notes pane marks it)"),
    ("disk full", "a note the database cannot take (a full disk) goes to recovered-notes.txt in the data "
                "directory, you are told where, and q asks before quitting"),
]


def help_sections() -> "list[Section]":
    from reader.ui.app import ReaderApp
    from reader.ui.screens.reading import ReadingScreen
    from reader.ui.widgets.article import ArticleView
    from reader.ui.screens.note_editor import NoteEditor
    from reader.ui.widgets.notes_pane import NotesPane

    from reader.ui.screens.feed_queue import FeedArticleScreen, FeedQueueScreen, QueueTable

    screen = [b for b in ReadingScreen.BINDINGS if isinstance(b, Binding)]
    queue = {b.action: key_display(b) for b in (*QueueTable.BINDINGS, *FeedQueueScreen.BINDINGS,
                                                 *FeedArticleScreen.BINDINGS) if isinstance(b, Binding)}
    return [
        ("Reading", _rows([b for b in ArticleView.BINDINGS if isinstance(b, Binding)])
         + _rows(screen, ("toggle_width", "toggle_panes"))),
        ("Panes", _rows(screen, ("cycle", "focus_")) + [("enter / click", "jump to the item's place in the text"),
                                                        ("j / k, ↑ / ↓", "move in a pane (the article follows)")]),
        ("Between mentions", _rows(screen, ("next", "quote", "speaker", "back"))
         + [("click a name", "select that entity")]),
        ("Search", _rows(screen, ("search", "clear"))),
        ("Notes and export", _rows(screen, ("highlight", "note", "export"))
         + _rows([b for b in NotesPane.BINDINGS if isinstance(b, Binding)])),
        ("In the note editor", [(key_display(b), EDITOR.get(b.action, b.description))
                                for b in NoteEditor.BINDINGS if isinstance(b, Binding)] + NEVER_LOST),
        ("Feed queue (reader feed)", [(queue["select_cursor"], "fetch and open the highlighted item (it is marked read)"),
                                      (queue["toggle_read"], "mark the highlighted item read or unread"),
                                      (queue["clear"], "from its article: back to the queue")]),
        ("App", _rows([b for b in ReaderApp.BINDINGS if isinstance(b, Binding)])
         + [("ctrl+p", "command palette: jump to any entity, quote or date; every action; themes")]),
    ]

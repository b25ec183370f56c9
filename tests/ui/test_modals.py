"""The modal screens (confirm, note editor, library, help), each pushed from a tiny host app."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import time

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, TextArea

from reader.store import Article
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import EMPTY_TEXT, LibraryScreen
from reader.ui.screens.note_editor import DISCARD_QUESTION, QUOTE_MAX_CHARS, NoteEditor, excerpt

CLICK = "[@click=app.quit]x[/]"
BOLD = "[bold red]x"


class Host(App[None]):
    """Pushes one screen on mount and records what it dismisses with."""

    def __init__(self, make: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make = make
        self.results: list[Any] = []
        self.modal: Screen[Any] | None = None

    def on_mount(self) -> None:
        self.modal = self.make()
        self.push_screen(self.modal, self.results.append)


def screen_text(app: App[Any]) -> str:
    """Every character on the screen, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


# -- ConfirmScreen ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("y",), True),
        (("n",), False),
        (("escape",), False),
        (("enter",), False),  # the focus starts on the safe button
        (("left", "enter"), True),
        (("tab", "enter"), True),
    ],
)
async def test_confirm_keys(keys, expected):
    app = Host(lambda: ConfirmScreen("Delete this note?", yes="Delete"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused.id == "no"
        assert "Delete this note?" in screen_text(app)
        await press(pilot, *keys)
        assert app.results == [expected]
        assert not isinstance(app.screen, ConfirmScreen)


async def test_confirm_buttons_by_mouse():
    app = Host(lambda: ConfirmScreen("Sure?"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Yes" in text and "Cancel" in text
        await pilot.click("#yes")
        await pilot.pause()
        assert app.results == [True]


async def test_confirm_question_and_labels_are_literal():
    app = Host(lambda: ConfirmScreen(f"Delete {CLICK}?", yes=BOLD, no=CLICK))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert f"Delete {CLICK}?" in text
        assert BOLD in text and CLICK in text
        await pilot.click("#question")
        await pilot.pause()
        assert app.is_running and app.results == []


async def test_confirm_question_loses_terminal_escapes_keeps_lines():
    app = Host(lambda: ConfirmScreen("Delete this note?\n“red\x1b[31m alert\x07”"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = str(app.screen.query_one("#question", Static).render())
        assert question == "Delete this note?\n“red alert”"


# -- NoteEditor ------------------------------------------------------------------


def editor(app: Host) -> TextArea:
    return app.screen.query_one("#note", TextArea)


async def test_note_editor_focus_soft_wrap_and_cursor_at_end():
    app = Host(lambda: NoteEditor("The quoted sentence.", "first line\nsecond"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        area = editor(app)
        assert app.screen.focused is area
        assert area.soft_wrap
        assert area.cursor_location == (1, 6) == area.document.end
        assert "The quoted sentence." in screen_text(app)


async def test_note_editor_saves_with_ctrl_s_stripping_trailing_space():
    app = Host(lambda: NoteEditor("Quoted.", "Old"))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "space", *"note", "enter", "space", "space", "ctrl+s")
        assert app.results == ["Old note"]


async def test_note_editor_saves_an_empty_note():
    app = Host(lambda: NoteEditor("Quoted."))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "ctrl+s")
        assert app.results == [""]


async def test_note_editor_save_button():
    app = Host(lambda: NoteEditor("Quoted."))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *"hi")
        await pilot.click("#save")
        await pilot.pause()
        assert app.results == ["hi"]


async def test_note_editor_escape_when_unchanged_cancels_at_once():
    app = Host(lambda: NoteEditor("Quoted.", "Same"))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "space", "escape")  # trailing white space only: nothing to lose
        assert app.results == [None]
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))


async def test_note_editor_asks_before_discarding_changes():
    app = Host(lambda: NoteEditor("Quoted.", "Draft"))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *"ed", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert DISCARD_QUESTION in screen_text(app)
        await press(pilot, "n")  # keep editing: the words are still there, focus back in the editor
        assert isinstance(app.screen, NoteEditor) and app.results == []
        assert editor(app).text == "Drafted" and app.screen.focused is editor(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")  # escape in the question is "no", too
        assert isinstance(app.screen, NoteEditor) and app.results == []
        await press(pilot, "escape", "y")
        assert app.results == [None]
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))


async def test_note_editor_cancel_button_asks_too_and_enter_keeps_editing():
    app = Host(lambda: NoteEditor("Quoted."))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *"words")
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "enter")  # the focused button is "Keep editing"
        assert isinstance(app.screen, NoteEditor)
        await press(pilot, "ctrl+s")
        assert app.results == ["words"]


async def test_note_editor_shortens_long_quotes():
    quoted = " ".join(f"word{i}" for i in range(200))
    assert len(excerpt(quoted)) <= QUOTE_MAX_CHARS and excerpt(quoted).endswith("…")
    assert excerpt("a\nb\x1b[31m c") == "a b c"
    app = Host(lambda: NoteEditor(quoted))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        quote = app.screen.query_one("#quoted", Static)
        assert quote.size.height <= 4
        assert "word0 word1" in screen_text(app) and "word199" not in screen_text(app)


async def test_note_editor_without_quote_hides_it():
    app = Host(lambda: NoteEditor(""))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#quoted").display
        await press(pilot, *"ok", "ctrl+s")
        assert app.results == ["ok"]


async def test_note_editor_shows_markup_literally():
    app = Host(lambda: NoteEditor(CLICK, BOLD, title=BOLD))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert CLICK in text
        assert text.count(BOLD) == 2  # the title and the note
        await pilot.click("#quoted", offset=(3, 0))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NoteEditor)
        await press(pilot, "ctrl+s")
        assert app.results == [BOLD]


# -- LibraryScreen -----------------------------------------------------------------

NOW = datetime(2026, 1, 9, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    """"today" / "yesterday" are local dates: pin the zone so the library tests hold anywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def article(id: int, title: str, site: str = "", opened: datetime = NOW, notes: int = 0, **kw: Any) -> Article:
    values: dict[str, Any] = dict(
        url=f"https://example.com/{id}", fingerprint=f"fp{id}", published="2026-01-08T10:00:00+00:00",
        origin=f"https://example.com/{id}", first_opened=opened.isoformat(), position=0,
    )
    values.update(kw)
    return Article(id=id, title=title, site=site, last_opened=opened.isoformat(), notes_count=notes, **values)


ARTICLES = [
    article(7, "Russia rejects peace plan", "BBC News", NOW - timedelta(minutes=5), notes=2),
    article(3, "Markets rally on rate cut", "Reuters", NOW - timedelta(days=1)),
    article(5, "A quiet week in Brussels", "Politico Europe", NOW - timedelta(days=30), published=None),
]


def library(articles: list[Article] = ARTICLES) -> Callable[[], LibraryScreen]:
    return lambda: LibraryScreen(articles, now=NOW)


def table(app: Host) -> DataTable[Any]:
    return app.screen.query_one("#table", DataTable)


def cells(app: Host) -> list[list[str]]:
    grid = table(app)
    return [[cell.plain for cell in grid.get_row_at(r)] for r in range(grid.row_count)]


async def test_library_rows_in_the_given_order():
    app = Host(library())
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        rows = cells(app)
        assert [r[0] for r in rows] == ["7", "3", "5"]  # the articles' IDs, as `reader library` shows them
        assert rows[0][1:5] == ["Russia rejects peace plan", "BBC News", "2026-01-08", "2"]
        assert rows[0][5].startswith("today ") and rows[1][5].startswith("yesterday ")
        assert rows[2][3] == "" and rows[2][5].startswith("2025-12-1")
        assert [str(c.label) for c in table(app).ordered_columns] == [
            "ID", "Title", "Site", "Published", "Notes", "Last opened"
        ]
        assert app.screen.focused is table(app)


@pytest.mark.parametrize(("keys", "expected"), [(("enter",), 7), (("down", "down", "enter"), 5)])
async def test_library_enter_opens_the_row(keys, expected):
    app = Host(library())
    async with app.run_test(size=(100, 24)) as pilot:
        await press(pilot, *keys)
        assert app.results == [expected]


@pytest.mark.parametrize("key", ["escape", "q", "L"])
async def test_library_closes_with_none(key):
    app = Host(library())
    async with app.run_test(size=(100, 24)) as pilot:
        await press(pilot, key)
        assert app.results == [None]


async def test_library_filter_by_title_or_site():
    app = Host(library())
    async with app.run_test(size=(100, 24)) as pilot:
        await press(pilot, "slash")
        assert isinstance(app.screen.focused, Input)
        await press(pilot, *"REUT")  # the site, any case
        assert [r[1] for r in cells(app)] == ["Markets rally on rate cut"]
        assert [r[0] for r in cells(app)] == ["3"]  # IDs stay those of `reader library`
        await press(pilot, "enter")  # back to the table
        assert app.screen.focused is table(app)
        await press(pilot, "enter")
        assert app.results == [3]


async def test_library_filter_no_match_and_escape_back_to_table():
    app = Host(library())
    async with app.run_test(size=(100, 24)) as pilot:
        await press(pilot, "slash", *"zzq")  # q is typed, not "close"
        assert app.results == [] and table(app).row_count == 0
        assert "No article matches" in screen_text(app)
        for _ in "zzq":
            await press(pilot, "backspace")
        await press(pilot, *"brussels", "escape")
        assert app.results == [] and app.screen.focused is table(app)
        assert [r[1] for r in cells(app)] == ["A quiet week in Brussels"]
        await press(pilot, "escape")
        assert app.results == [None]


async def test_library_empty_state():
    app = Host(library([]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert EMPTY_TEXT == "No articles read yet"
        assert EMPTY_TEXT in screen_text(app)
        assert not app.screen.query(DataTable)
        await press(pilot, "enter", "slash")
        assert app.results == []
        await press(pilot, "escape")
        assert app.results == [None]


async def test_library_long_titles_fit_80_columns():
    long = article(9, "A very long headline " * 8, "An outlet with a rather long name indeed", NOW)
    app = Host(library([long, *ARTICLES]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert table(app).max_scroll_x == 0
        text = screen_text(app)
        assert "A very long headline A very" in text and "…" in text
        assert "Last opened" in text


async def test_library_published_column_comes_back_on_a_wider_terminal():
    app = Host(library())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        headers = lambda: [str(c.label) for c in table(app).ordered_columns]  # noqa: E731
        assert "Published" not in headers() and "Last opened" in headers()
        await press(pilot, "down")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.pause()
        assert "Published" in headers()
        assert table(app).max_scroll_x == 0
        await press(pilot, "enter")  # the cursor survived the rebuild
        assert app.results == [3]


async def test_library_shows_markup_literally_and_it_does_nothing():
    hostile = [article(4, CLICK, BOLD, NOW), article(8, BOLD + " again", CLICK, NOW)]
    app = Host(library(hostile))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert CLICK in text and BOLD in text and f"{BOLD} again" in text
        assert cells(app)[0][1:3] == [CLICK, BOLD]
        assert all(not cell.spans for row in range(2) for cell in table(app).get_row_at(row))
        await pilot.click("#table", offset=(8, 2))  # on the second row's title: moves the cursor, nothing else
        await pilot.pause()
        assert app.is_running and app.results == [] and table(app).cursor_row == 1
        await pilot.click("#table", offset=(8, 2))  # on the highlighted row: opens it
        await pilot.pause()
        assert app.is_running and app.results == [8]


# -- HelpScreen --------------------------------------------------------------------

SECTIONS = [
    ("Navigation", [("j / ↓", "cursor down a line"), ("k / ↑", "cursor up a line"),
                    ("space / b", "page down / up"), ("g / G", "top / bottom")]),
    ("Notes", [("h", "highlight the sentence (or the selected quote)"), ("a", "add or edit the note"),
               ("e", "export the article and its notes to Markdown")]),
    ("Panes", [(str(n), f"focus pane {n}") for n in range(1, 5)] + [("tab", "next pane")]),
    ("App", [("L", "library"), ("?", "this help"), ("q", "quit")]),
]


@pytest.mark.parametrize("key", ["escape", "question_mark", "q"])
async def test_help_closes(key):
    app = Host(lambda: HelpScreen(SECTIONS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Navigation" in text and "cursor down a line" in text and "j / ↓" in text
        await press(pilot, key)
        assert app.results == [None]
        assert not isinstance(app.screen, HelpScreen)


async def test_help_scrolls_on_80x24():
    app = Host(lambda: HelpScreen(SECTIONS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await press(pilot, "j")
        assert body.scroll_y == 1
        await press(pilot, "G")
        assert body.scroll_y == body.max_scroll_y
        assert "quit" in screen_text(app)
        await press(pilot, "g")
        assert body.scroll_y == 0


async def test_help_shows_markup_literally():
    app = Host(lambda: HelpScreen([(BOLD, [(CLICK, BOLD)])], title=CLICK))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert text.count(BOLD) == 2 and text.count(CLICK) == 2
        await pilot.click(".section-keys", offset=(2, 0))
        await pilot.pause()
        assert app.is_running and app.results == []


# -- snapshots (80x24) ------------------------------------------------------------


def _no_blink(pilot: Any) -> None:
    pilot.app.screen.query_one(TextArea).cursor_blink = False


def test_snapshot_note_editor(snap_compare):
    quoted = (
        "“We will not accept a plan that rewards aggression,” the foreign minister said on Thursday, "
        "adding that talks could resume only after a full ceasefire along the whole front line."
    )
    app = Host(lambda: NoteEditor(quoted, "Compare with the statement of 8 January.", title="Edit note"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_no_blink)


def test_snapshot_help(snap_compare):
    assert snap_compare(Host(lambda: HelpScreen(SECTIONS)), terminal_size=(80, 24))

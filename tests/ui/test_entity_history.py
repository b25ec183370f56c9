"""`l` in the Entities pane: the entity's other articles and quotes from the library, and opening one there."""

from __future__ import annotations

import pytest

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.entity_history import EntityHistoryScreen
from reader.ui.screens.stacked_reading import StackedReadingScreen
from tests.library_articles import DREDGING, HARBOUR, analyses, fill
from tests.ui.conftest import on_cursor_line, wait_analysis, wait_workers


@pytest.fixture(autouse=True)
def _hand_made_analyses(monkeypatch):
    """Each invented article gets its hand-made analysis (no model): the entities are known."""
    from reader.analysis import pipeline

    by_title = {document.title: analysis for document, analysis in analyses().values()}
    monkeypatch.setattr(pipeline, "iter_analysis", lambda document, nlp, cancelled=None: iter([by_title[document.title]]))
    from reader.analysis import nlp

    monkeypatch.setattr(nlp, "load_nlp", lambda: None)


@pytest.fixture
def library():
    with Store.open() as store:
        return fill(store)


def _rows(screen: EntityHistoryScreen) -> list[str]:
    places = screen.query_one("#places")
    return [str(places.get_option_at_index(i).prompt) for i in range(places.option_count)]


async def _opened(app: ReaderApp, pilot) -> None:
    """The chosen article is loaded (a worker), its screen pushed and its cursor put at the place."""
    await wait_workers(pilot, "entity-open")
    await pilot.pause()
    assert isinstance(app.screen, StackedReadingScreen)
    await pilot.pause()  # the place is gone to once the article is laid out


async def _history_of(app: ReaderApp, pilot, entity_id: str) -> EntityHistoryScreen:
    await wait_analysis(app, pilot)
    await pilot.press("1")
    await pilot.pause()
    pane = app.reading.pane("entities")
    assert pane.has_focus
    pane.highlight_key(entity_id)
    await pilot.press("l")
    await wait_workers(pilot, "entity-history")
    assert isinstance(app.screen, EntityHistoryScreen) and app.screen.history is not None
    return app.screen


async def test_the_modal_lists_the_other_articles_and_their_quotes(library):
    app = ReaderApp(HARBOUR)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _history_of(app, pilot, "e1")
        rows = _rows(screen)
        assert len(rows) == 4  # two other articles, each with its first mention and one quote
        assert rows[0].startswith("Ferry fares rise") and "2026-03-01 · Coast Weekly · 2 mentions" in rows[0]
        assert "Ada Okafor defended the new ferry fares" in rows[0]
        assert rows[1] == "  “Fuel costs leave us no choice” — said"
        assert rows[2].startswith("Dredging starts")  # the bare "Okafor" there is the same person
        assert "Okafor stood at the end of the pier" in rows[2]
        assert rows[3].startswith("  “The channel will be deeper by June”")
        prompt = screen.query_one("#places").get_option_at_index(2).prompt
        bold = [prompt.plain[span.start:span.end] for span in prompt.spans if "bold" in str(span.style)]
        assert bold == ["Okafor"]  # the name where it stands in the words around it
        assert not any("Harbour plan approved" in row for row in rows)  # not the article being read
        summary = str(screen.query_one("#summary").render())
        assert "2 other articles · 2 quotes" in summary


async def test_enter_opens_the_article_at_the_quote_and_escape_comes_back(library):
    app = ReaderApp(HARBOUR)
    async with app.run_test(size=(140, 40)) as pilot:
        first = app.reading
        await _history_of(app, pilot, "e1")
        for _ in range(3):
            await pilot.press("down")
        await pilot.press("enter")
        await _opened(app, pilot)
        opened = app.screen
        assert opened.document.title == "Dredging starts"
        quote_at = DREDGING.body.index("The channel will be deeper")
        assert on_cursor_line(app, quote_at)
        assert opened.article.current == (quote_at, quote_at + len("The channel will be deeper by June,"))
        await wait_analysis(app, pilot)
        await pilot.pause()
        assert on_cursor_line(app, quote_at)  # the remembered position did not take it away
        await pilot.press("escape", "escape")  # the selection first, then back
        await pilot.pause()
        assert app.screen is first


async def test_enter_on_an_article_row_opens_it_at_the_first_mention(library):
    app = ReaderApp(HARBOUR)
    async with app.run_test(size=(140, 40)) as pilot:
        await _history_of(app, pilot, "e1")
        await pilot.press("down", "down", "enter")
        await _opened(app, pilot)
        mention = DREDGING.body.index("Okafor stood")
        assert on_cursor_line(app, mention)
        await wait_analysis(app, pilot)
        await pilot.pause()
        assert app.screen.selection.entity_id == "e1"  # n walks Okafor's mentions here


async def test_an_entity_nowhere_else_says_so(library):
    with Store.open() as store:  # Tomas Brandt's other article leaves the library
        assert store.delete_article(library["depot"])
    app = ReaderApp(HARBOUR)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _history_of(app, pilot, "e2")
        assert "No other article in your library mentions Tomas Brandt." in str(screen.query_one("#summary").render())
        assert not screen.query_one("#places").display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EntityHistoryScreen)


async def test_the_palette_offers_each_entity_across_the_library(library):
    from reader.ui.commands import ReaderCommands

    app = ReaderApp(HARBOUR)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_analysis(app, pilot)
        provider = ReaderCommands(app.screen)
        commands = {text: run for text, run, _key in provider._commands()}
        assert {"Across library: Ada Okafor", "Across library: Tomas Brandt"} <= set(commands)
        commands["Across library: Tomas Brandt"]()
        await wait_workers(pilot, "entity-history")
        assert isinstance(app.screen, EntityHistoryScreen)
        assert [a.title for a in app.screen.history.articles] == ["Tram depot sold"]

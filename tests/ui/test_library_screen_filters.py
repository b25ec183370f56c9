"""The library screen's filter bar: typed terms (person, source, dates) asked of the index, free words here."""

from __future__ import annotations

from textual.widgets import Input

from reader.store import Store
from reader.ui.screens.library import LibraryScreen
from tests.library_articles import fill
from tests.ui.conftest import wait_workers
from tests.ui.test_modals import Host, cells, press, screen_text


def _host() -> Host:
    with Store.open() as store:
        fill(store)
        articles = store.articles()
    return Host(lambda: LibraryScreen(articles))


def _titles(app: Host) -> list[str]:
    return sorted(row[1] for row in cells(app))


def _status(app: Host) -> str:
    return str(app.screen.query_one("#filter-status").render())


async def _filter(app: Host, pilot, text: str, expected: list[str]) -> None:
    app.screen.query_one("#filter", Input).value = text
    await wait_workers(pilot, "library-filter")  # the index is asked off the UI thread
    assert _titles(app) == expected


async def test_typed_terms_narrow_the_list():
    app = _host()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert len(cells(app)) == 4
        await press(pilot, "slash", *"person:okafor")  # typed as a person would, lower case
        await wait_workers(pilot, "library-filter")
        assert _titles(app) == ["Dredging starts", "Ferry fares rise", "Harbour plan approved"]
        assert _status(app) == "3 of 4 articles: person okafor"
        await _filter(app, pilot, "person:Ada Okafor source:Tidewire", ["Harbour plan approved"])
        await _filter(app, pilot, "source:Norland", ["Dredging starts"])  # a cited agency, by its first word
        await _filter(app, pilot, "source:valley post", ["Dredging starts", "Tram depot sold"])  # the site
        await _filter(app, pilot, "since:2026-01 until:2026-02", ["Dredging starts", "Harbour plan approved"])
        assert "published 2026-01 – 2026-02" in _status(app)
        await _filter(app, pilot, "ferry person:Ada Okafor", ["Ferry fares rise"])  # free words and a term
        await _filter(app, pilot, 'person:"Tomas Brandt" depot', ["Tram depot sold"])
        await _filter(app, pilot, "person:Nobody Atall", [])
        assert "No article matches" in screen_text(app)
        await _filter(app, pilot, "", ["Dredging starts", "Ferry fares rise", "Harbour plan approved",
                                       "Tram depot sold"])
        assert _status(app) == ""


async def test_a_malformed_date_is_said_and_left_out():
    app = _host()
    async with app.run_test(size=(120, 30)) as pilot:
        await _filter(app, pilot, "since:2026-13 person:Brandt", ["Harbour plan approved", "Tram depot sold"])
        assert "since: wants a date like 2026, 2026-01 or 2026-01-09, not '2026-13'" in _status(app)


async def test_a_chosen_filtered_row_opens_that_article():
    app = _host()
    async with app.run_test(size=(120, 30)) as pilot:
        await press(pilot, "slash")
        await _filter(app, pilot, "until:2025", ["Tram depot sold"])
        await press(pilot, "enter", "enter")  # back to the table, then open
        with Store.open() as store:
            [depot] = [a.id for a in store.articles() if a.title == "Tram depot sold"]
        assert app.results == [depot]


def test_the_help_lists_the_filter_terms_and_the_entities_key():
    from reader.ui.keys import help_sections

    sections = dict(help_sections())
    terms = [key for key, _ in sections["Library (L)"]]
    assert terms[:4] == ["/", "person:NAME", "source:NAME", "since:DATE / until:DATE"]
    assert ("l (Entities pane)", "this entity across your library: its other articles and quotes (enter opens one there)"
            ) in sections["Panes"]

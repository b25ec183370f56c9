"""The reading queue in the app: a local feed file whose links point at a loopback server (started here)."""

from __future__ import annotations

import pytest

from reader import fetch as fetch_module
from reader.feeds import add_feed, queue, refresh
from reader.store import Store
from reader.ui.app import FeedReaderApp
from reader.ui.screens.feed_queue import UNREAD, FeedArticleScreen, FeedQueueScreen
from tests.loopback import serving
from tests.ui.conftest import wait_workers

PARAGRAPH = "The lighthouse keepers voted to paint the tower green again after a long and friendly meeting."
PAGE = (f"<!doctype html><html lang='en'><head><title>Green tower</title></head><body><article>"
        f"<h1>Green tower</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")


def rss(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Weekly</title>
<link>{base}/</link>
<item><title>Old bridge reopens</title><link>{base}/bridge</link><guid>bridge-1</guid>
<pubDate>Mon, 13 Oct 2025 09:00:00 +0000</pubDate><description>Soon.</description></item>
<item><title>Green tower</title><link>{base}/tower</link><guid>tower-1</guid>
<pubDate>Tue, 14 Oct 2025 18:30:00 +0000</pubDate><description>Only a summary.</description></item>
</channel></rss>"""


@pytest.fixture
def base(monkeypatch):
    monkeypatch.setattr(fetch_module, "TRUST_ENV", False)
    with serving(lambda path, _base: (PAGE.encode(), "text/html; charset=utf-8") if path == "/tower" else None) as (
            _httpd, url):
        yield url


@pytest.fixture(autouse=True)
def _no_model(no_model):
    """The queue is what is tested here: the analysis runs without spaCy."""


def _feed(tmp_path, base: str) -> list[int]:
    path = tmp_path / "coast.xml"
    path.write_text(rss(base), encoding="utf-8")
    with Store.open() as store:
        feed_id = add_feed(store, str(path))
        assert refresh(store, [str(path)]) == []
    return [feed_id]


def _marks(screen: FeedQueueScreen) -> list[tuple[str, str]]:
    table = screen.table
    return [(str(table.get_cell_at((r, 0))), str(table.get_cell_at((r, 3)))) for r in range(table.row_count)]


async def test_queue_lists_newest_first_enter_reads_and_marks_read(tmp_path, base):
    feed_ids = _feed(tmp_path, base)
    with Store.open() as store:
        app = FeedReaderApp(queue(store, feed_ids))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, FeedQueueScreen)
        assert _marks(screen) == [(UNREAD, "Green tower"), (UNREAD, "Old bridge reopens")]
        await pilot.press("enter")
        await wait_workers(pilot, "feed-fetch")  # the fetch, then the screen it pushes
        assert isinstance(app.screen, FeedArticleScreen)
        assert PARAGRAPH in app.screen.document.body and "Only a summary" not in app.screen.document.body
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert _marks(screen)[0] == (" ", "Green tower")
    with Store.open() as store:
        assert [(i.title, i.read) for i in queue(store, feed_ids)] == [("Green tower", True),
                                                                      ("Old bridge reopens", False)]


async def test_an_item_that_cannot_be_fetched_is_one_status_line(tmp_path, base):
    feed_ids = _feed(tmp_path, base)
    with Store.open() as store:
        app = FeedReaderApp(queue(store, feed_ids))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("down", "enter")  # the bridge page is a 404 and the feed has only a summary
        await wait_workers(pilot, "feed-fetch")
        assert screen.fetching is None
        line = str(screen.status.render())
        assert "Could not open 'Old bridge reopens'" in line and "\n" not in line
        assert app.screen is screen and _marks(screen)[1] == (UNREAD, "Old bridge reopens")


async def test_an_empty_queue_says_how_to_fill_it():
    app = FeedReaderApp([])
    async with app.run_test(size=(100, 30)):
        assert "reader feed add URL" in str(app.screen.query_one("#empty").render())


def test_the_help_lists_the_feed_queue_keys():
    from reader.ui.keys import help_sections

    sections = dict(help_sections())
    keys = [key for key, _ in sections["Feed queue (reader feed)"]]
    assert keys == ["enter", "u", "esc"]

"""`u` in the reading queue: the mark changes at once, a thread worker writes it, a failed write is undone and said."""

from __future__ import annotations

import importlib
import threading

import pytest

from reader.errors import ReaderError
from reader.feeds import add_feed, queue, refresh
from reader.store import Store
from reader.ui.app import FeedReaderApp
from reader.ui.screens.feed_queue import UNREAD
from tests.ui.conftest import wait_workers
from tests.ui.test_feed_queue import _marks, rss


@pytest.fixture(autouse=True)
def _no_model(no_model):
    """Nothing is analysed here."""


def _feed(tmp_path) -> list[int]:
    path = tmp_path / "coast.xml"
    path.write_text(rss("http://127.0.0.1:9"), encoding="utf-8")  # the links are never fetched
    with Store.open() as store:
        feed_id = add_feed(store, str(path))
        assert refresh(store, [str(path)]) == []
    return [feed_id]


def _stored(feed_ids: list[int]) -> list[bool]:
    with Store.open() as store:
        return [item.read for item in queue(store, feed_ids)]


async def test_u_shows_the_mark_at_once_and_a_worker_writes_it(tmp_path, monkeypatch):
    feed_queue = importlib.import_module("reader.feeds.queue")  # `reader.feeds.queue` is also a function

    feed_ids = _feed(tmp_path)
    written = feed_queue.mark_read
    release = threading.Event()
    ui_threads = set()

    def slow_mark(store, item_id, read=True):
        ui_threads.add(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        written(store, item_id, read)

    monkeypatch.setattr(feed_queue, "mark_read", slow_mark)
    with Store.open() as store:
        app = FeedReaderApp(queue(store, feed_ids))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("u")
        assert _marks(screen)[0] == (" ", "Green tower")  # before the write has happened
        assert "1 unread of 2" in screen.table.border_title
        assert _stored(feed_ids) == [False, False]
        release.set()
        await wait_workers(pilot, "feed-mark")
        assert _stored(feed_ids) == [True, False]
        await pilot.press("u", "down", "u")  # quick toggles land in the order they were asked
        await wait_workers(pilot, "feed-mark")
        assert _stored(feed_ids) == [False, True]
        assert _marks(screen) == [(UNREAD, "Green tower"), (" ", "Old bridge reopens")]
    assert ui_threads == {False}  # never written on the UI thread


async def test_a_failed_write_puts_the_mark_back_and_says_so(tmp_path, monkeypatch):
    feed_queue = importlib.import_module("reader.feeds.queue")  # `reader.feeds.queue` is also a function

    def broken(store, item_id, read=True):
        raise ReaderError("the disk is full (test)")

    feed_ids = _feed(tmp_path)
    with Store.open() as store:
        app = FeedReaderApp(queue(store, feed_ids))
    monkeypatch.setattr(feed_queue, "mark_read", broken)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("u")
        await wait_workers(pilot, "feed-mark")
        assert str(screen.status.render()) == "Could not mark it read: the disk is full (test)"
        assert _marks(screen)[0] == (UNREAD, "Green tower")
        assert any("the disk is full (test)" in n.message for n in app._notifications)
    assert _stored(feed_ids) == [False, False]

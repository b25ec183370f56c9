"""Feeds: a local RSS file and a loopback HTTP server (started and stopped here); offline reading."""

from __future__ import annotations

import pytest

from reader import fetch as fetch_module
from reader.cli import main
from reader.errors import ReaderError
from reader.feeds import mark_read, open_item, parse_feed, queue, read_feed, refresh, save_feed
from reader.store import Store
from tests.loopback import serving

PARAGRAPH = "The night ferry will keep running through the winter, the harbour council decided on Tuesday evening."
PAGE = (f"<!doctype html><html lang='en'><head><title>Night ferry saved</title></head><body><article>"
        f"<h1>Night ferry saved</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")


def rss(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<link>{base}/</link>
<item><title>Night ferry saved</title><link>{base}/ferry</link><guid>{base}/ferry</guid>
<pubDate>Tue, 14 Oct 2025 18:30:00 +0000</pubDate><description>Only a summary.</description></item>
<item><title>Old pier \x1b[31mclosed</title><link>{base}/pier</link><guid>pier-1</guid>
<pubDate>Mon, 13 Oct 2025 09:00:00 +0000</pubDate><description>Closed.</description></item>
<item><title>Bad link</title><link>javascript:alert(1)</link><guid>bad-1</guid></item>
</channel></rss>"""


def route(path: str, base: str) -> tuple[bytes, str] | None:
    if path == "/feed.xml":
        return rss(base).encode(), "application/rss+xml"
    if path == "/ferry":
        return PAGE.encode(), "text/html; charset=utf-8"
    return None


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setattr(fetch_module, "TRUST_ENV", False)
    with serving(route) as (httpd, base):
        yield httpd, base


def test_parse_feed_keeps_safe_links_and_clean_titles():
    parsed = parse_feed(rss("https://harbour.example").encode(), "https://harbour.example/feed.xml")
    assert parsed.title == "Harbour News" and len(parsed.items) == 3
    first, second, bad = parsed.items
    assert first.link == "https://harbour.example/ferry" and first.published == "2025-10-14T18:30:00+00:00"
    assert "\x1b" not in second.title and bad.link == ""
    with pytest.raises(ReaderError):
        parse_feed(b"<html><body>not a feed</body></html>", "x")


def test_queue_newest_first_read_marks_survive_refresh(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss("https://harbour.example"), encoding="utf-8")
    with Store(tmp_path / "db.sqlite3") as store:
        assert refresh(store, [str(feed)]) == []
        items = queue(store, None)
        assert items == []  # not subscribed: `reader feed` shows only remembered feeds
        from reader.feeds import add_feed

        feed_id = add_feed(store, str(feed))
        items = queue(store, None)
        dated = [i for i in items if i.published]
        assert [i.title for i in dated] == ["Night ferry saved", "Old pier closed"]  # newest first
        assert items[0].title == "Bad link"  # undated: as new as when it was first seen
        mark_read(store, dated[0].id)
        save_feed(store, str(feed), read_feed(str(feed)))
        again = queue(store, [feed_id])
        assert [i.read for i in again] == [False, True, False]


def test_open_item_fetches_full_text_then_works_offline(tmp_path, server):
    httpd, base = server
    with Store(tmp_path / "db.sqlite3") as store:
        assert refresh(store, [f"{base}/feed.xml"]) == []
        item = next(i for i in queue(store, [1]) if i.title == "Night ferry saved")
        document = open_item(store, item)
        assert PARAGRAPH in document.body and "Only a summary" not in document.body
        store.open_article(document)  # read once: the library keeps the copy
        httpd.shutdown()
        problems = refresh(store, [f"{base}/feed.xml"])
        assert problems and "showing what was fetched before" in problems[0]
        assert PARAGRAPH in open_item(store, item).body  # offline, from the saved copy
        pier = next(i for i in queue(store, [1]) if i.title == "Old pier closed")
        with pytest.raises(ReaderError):
            open_item(store, pier)


def test_cli_feed_add_and_list(tmp_path, server, capsys):
    _httpd, base = server
    assert main(["feed", "add", f"{base}/feed.xml"]) == 0
    assert "3 items" in capsys.readouterr().out
    assert main(["feed", "--list"]) == 0
    out = capsys.readouterr().out
    assert out.index("Night ferry saved") < out.index("Old pier closed")
    assert main(["feed", "remove", f"{base}/feed.xml"]) == 0
    assert main(["feed", "--list"]) == 0
    assert "empty" in capsys.readouterr().out
    assert main(["feed", str(tmp_path / "missing.xml"), "--list"]) == 1

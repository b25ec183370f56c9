"""Parsing an RSS or Atom document into plain items (feedparser; it never fetches here)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.urls import is_web_url

MAX_ITEMS = 500
"""Items kept from one feed document (a feed is a list of recent links, not an archive)."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    guid: str
    link: str
    title: str
    site: str
    published: str | None
    summary: str = ""
    content: str = ""
    """The entry's full HTML when the feed carries it (else empty)."""


@dataclass(slots=True)
class ParsedFeed:
    url: str
    title: str
    site: str
    items: list[FeedItem] = field(default_factory=list)


def _iso(parsed: object) -> str | None:
    if not parsed:
        return None
    try:
        stamp = calendar.timegm(parsed)  # feedparser gives UTC struct_time
    except (TypeError, ValueError, OverflowError):
        return None
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).isoformat(timespec="seconds")


def _site(link: str, fallback: str) -> str:
    host = urlsplit(link).hostname or ""
    return host.removeprefix("www.") or fallback


def parse_feed(data: bytes, url: str = "") -> ParsedFeed:
    """Items of an RSS/Atom document; a ReaderError when it is not a feed."""
    try:
        import feedparser
    except ImportError:
        raise ReaderError('reading feeds needs feedparser: pip install "reader[feeds]"') from None

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True, response_headers={
        "content-location": url or "", "content-type": "application/xml"})
    if not parsed.get("version") and not parsed.entries:
        raise ReaderError(f"{url or 'the input'} is not an RSS or Atom feed")
    meta = parsed.get("feed", {})
    title = clean_line(str(meta.get("title", "")))
    home = str(meta.get("link", "")) or url
    site = _site(home, title)
    items: list[FeedItem] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = str(entry.get("link", ""))
        if not is_web_url(link):
            link = ""
        guid = str(entry.get("id") or link or entry.get("title", ""))
        if not guid:
            continue
        contents = entry.get("content") or []
        content = max((str(c.get("value", "")) for c in contents), key=len, default="")
        items.append(FeedItem(
            guid=guid[:2000],
            link=link,
            title=clean_line(str(entry.get("title", ""))) or link or "(untitled)",
            site=_site(link, site) if link else site,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            summary=clean_line(str(entry.get("summary", "")))[:2000],
            content=content,
        ))
    return ParsedFeed(url=url, title=title or site, site=site, items=items)


def read_feed(source: str) -> ParsedFeed:
    """Read a feed from a file or an http(s) URL, with the loader's limits."""
    from reader.load import is_url, load_bytes

    loaded = load_bytes(source)
    url = source if is_url(source) else ""
    return parse_feed(loaded.data, getattr(loaded, "url", None) or url)

"""Feeds: RSS and Atom read with feedparser, kept as a reading queue in the store.

API
---
    parse_feed(data: bytes, url) -> ParsedFeed          # title, site, items (no network)
    read_feed(source) -> ParsedFeed                     # a file or an http(s) URL (bounded fetch)
    add_feed(store, url) -> int                         # remember a feed (`reader feed add URL`)
    remove_feed(store, url) -> bool
    save_feed(store, source, parsed) -> int             # store its items, keep read marks
    refresh(store, sources) -> list[str]                # fetch each; failures are kept as lines, offline
    queue(store, feed_ids=None) -> list[QueueItem]      # every stored item, newest first
    mark_read(store, item_id)
    open_item(store, item) -> Document                  # the full article: saved copy, page, or feed content
"""

from reader.feeds.parse import FeedItem, ParsedFeed, parse_feed, read_feed
from reader.feeds.queue import (
    QueueItem, add_feed, feeds, mark_read, open_item, queue, refresh, remove_feed, save_feed,
)

__all__ = [
    "FeedItem", "ParsedFeed", "QueueItem", "add_feed", "feeds", "mark_read", "open_item", "parse_feed", "queue",
    "read_feed", "refresh", "remove_feed", "save_feed",
]

"""The reading queue: feeds remembered in the store, their items, read marks, and opening one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from reader.errors import ReaderError
from reader.feeds.parse import ParsedFeed, read_feed

if TYPE_CHECKING:  # pragma: no cover
    from reader.model import Document
    from reader.store import Store


@dataclass(frozen=True, slots=True)
class QueueItem:
    id: int
    feed_id: int
    feed_title: str
    link: str
    title: str
    site: str
    published: str | None
    summary: str
    read: bool
    has_content: bool


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def add_feed(store: "Store", url: str, *, subscribe: bool = True) -> int:
    """Know a feed's URL or path (subscribed: shown by `reader feed`); returns its id."""
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO feeds (url, added) VALUES (?, ?)", (url, _now()))
        if subscribe:
            conn.execute("UPDATE feeds SET subscribed = 1 WHERE url = ?", (url,))
        return int(conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0])


def remove_feed(store: "Store", url: str) -> bool:
    with store.transaction() as conn:
        return conn.execute("DELETE FROM feeds WHERE url = ? AND subscribed = 1", (url,)).rowcount > 0


def feeds(store: "Store", *, subscribed: bool = True) -> list[tuple[int, str, str, str | None]]:
    """(id, url, title, last fetched) of the subscribed feeds (or of every feed read)."""
    where = " WHERE subscribed = 1" if subscribed else ""
    return [tuple(r) for r in store.query(f"SELECT id, url, title, fetched FROM feeds{where} ORDER BY id")]


def save_feed(store: "Store", source: str, parsed: ParsedFeed) -> int:
    """Store a feed's items (new ones added, known ones updated, read marks kept); returns the feed id."""
    feed_id = add_feed(store, source, subscribe=False)
    now = _now()
    with store.transaction() as conn:
        conn.execute("UPDATE feeds SET title = ?, site = ?, fetched = ? WHERE id = ?",
                     (parsed.title, parsed.site, now, feed_id))
        for item in parsed.items:
            conn.execute(
                "INSERT INTO feed_items (feed_id, guid, link, title, site, published, summary, content, seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO UPDATE SET "
                "link = excluded.link, title = excluded.title, site = excluded.site, "
                "published = COALESCE(excluded.published, feed_items.published), "
                "summary = excluded.summary, content = excluded.content",
                (feed_id, item.guid, item.link, item.title, item.site, item.published, item.summary,
                 item.content, now),
            )
    return feed_id


def refresh(store: "Store", sources: list[str], reader: Callable[[str], ParsedFeed] = read_feed) -> list[str]:
    """Fetch and store each feed; a feed that cannot be read keeps its stored items (one line each)."""
    problems: list[str] = []
    for source in sources:
        try:
            save_feed(store, source, reader(source))
        except ReaderError as exc:
            problems.append(f"{source}: {exc} (showing what was fetched before)")
    return problems


def queue(store: "Store", feed_ids: list[int] | None = None) -> list[QueueItem]:
    """The stored items of the given feeds (all when None), newest first."""
    sql = ("SELECT i.id, i.feed_id, f.title, i.link, i.title, i.site, i.published, i.summary, i.read, "
           "length(i.content) > 0 FROM feed_items i JOIN feeds f ON f.id = i.feed_id")
    params: tuple = ()
    if feed_ids is None:
        sql += " WHERE f.subscribed = 1"
    else:
        if not feed_ids:
            return []
        sql += f" WHERE i.feed_id IN ({', '.join('?' * len(feed_ids))})"
        params = tuple(feed_ids)
    rows = store.query(sql + " ORDER BY COALESCE(i.published, i.seen) DESC, i.id DESC", params)
    return [QueueItem(*row[:8], bool(row[8]), bool(row[9])) for row in rows]


def mark_read(store: "Store", item_id: int, read: bool = True) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE feed_items SET read = ? WHERE id = ?", (int(read), item_id))


def open_item(store: "Store", item: QueueItem) -> "Document":
    """The item's full article: the library's saved copy, else the page fetched and cleaned,
    else (offline) the full content the feed carried. A summary alone is not taken for the article."""
    from reader.identity import canonical_url

    url = canonical_url(item.link) if item.link else None
    if url:
        rows = store.query("SELECT id FROM articles WHERE url = ?", (url,))
        if rows:
            saved = store.load_document(int(rows[0][0]))
            if saved is not None:
                return saved
    failure: ReaderError | None = None
    if item.link:
        from reader.load import load_document

        try:
            return load_document(item.link)
        except ReaderError as exc:
            failure = exc
    content = store.query("SELECT content FROM feed_items WHERE id = ?", (item.id,))
    if content and content[0][0]:
        from reader.clean import clean_text

        document = clean_text(content[0][0], origin=item.link or "feed", url=item.link or None,
                              published=item.published)
        if document.blocks:
            document.title = document.title or item.title
            return document
    if failure is not None:
        raise failure
    raise ReaderError(f"{item.title!r} has no link to fetch and no article text in the feed")

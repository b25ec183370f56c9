"""The library of read articles, for `reader library [open N]` and the app's `L` screen.

API
---
- `list_articles(store) -> list[Article]`: newest (last opened) first, with
  notes counts.
- `format_library(rows, *, width=None, now=None) -> str`: a plain-text table
  (ID, title, site, date, notes, last opened) safe to print: every field
  passes `clean_line`, so no title can send escape codes to the terminal.
- `article_by_id(store, id) -> Article` (ReaderError when there is none).
- `reopen(store, id) -> (Article, Document)`: the saved copy of the article,
  which opens offline and matches the notes' offsets; falls back to loading
  `article.origin` when no copy was saved.
- `notes_for(document, store=None) -> list[Note]`: the notes of a document
  (re-anchored, read-only: nothing is recorded), for `reader export`.
- `remembered(document) -> Document`: what the user told the library about
  this article before (the `--published` date, the URL) filled in where the
  source has none, so a pasted file reopened without them keeps its date.

An article's ID is its library row's id: given once, it never changes as
other articles are opened (the listing order does).
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import datetime, timezone

from reader.errors import ReaderError
from reader.model import Document
from reader.notes import Note, anchor_notes
from reader.sanitize import clean_line
from reader.store import Article, Store

EMPTY_MESSAGE = "The library is empty: open an article with `reader FILE|URL` and it will be listed here."


def list_articles(store: Store) -> list[Article]:
    return store.articles()


def article_by_id(store: Store, article_id: int) -> Article:
    article = store.article(article_id)
    if article is None:
        if not store.articles():
            raise ReaderError("the library is empty")
        raise ReaderError(f"no article with ID {article_id} (see `reader library`)")
    return article


def reopen(store: Store, article_id: int) -> tuple[Article, Document]:
    """The article with this ID and its Document (the saved copy, else loaded again from its origin)."""
    article = article_by_id(store, article_id)
    document = store.load_document(article.id)
    if document is None:
        if not article.origin or article.origin == "-":
            raise ReaderError(f"article {article_id} has no saved copy and came from standard input")
        from reader.load import load_document

        document = load_document(article.origin, published=article.published)
    return article, document


def remembered(document: Document, store: Store | None = None) -> Document:
    """`document` with the date and URL the library holds for it where the source gives none.

    Best effort: a library that cannot be read changes nothing (the article still opens).
    """
    if document.published and document.url:
        return document
    try:
        if store is None:
            with Store.open() as opened:
                article = opened.find_article(document)
        else:
            article = store.find_article(document)
    except ReaderError:
        return document
    if article is not None:
        document.published = document.published or article.published or None
        document.url = document.url or article.url or None
    return document


def notes_for(document: Document, store: Store | None = None) -> list[Note]:
    """The stored notes of `document`, re-anchored in its body ([] when it was never opened)."""
    own = store is None
    store = Store.open() if store is None else store
    try:
        article = store.find_article(document)
        return anchor_notes(document.body, store.notes(article.id)) if article else []
    finally:
        if own:
            store.close()


# -- formatting -------------------------------------------------------------


def _cells(text: str) -> int:
    """Terminal cells `text` takes (wide East Asian characters count 2, combining marks 0)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text
    )


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells (with an ellipsis) and padded to exactly `width`."""
    if _cells(text) > width:
        out, used = [], 0
        for char in text:
            size = _cells(char)
            if used + size > width - 1:
                break
            out.append(char)
            used += size
        text = "".join(out).rstrip() + "…"
    return text + " " * max(0, width - _cells(text))


def _local(iso: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone()


def when_opened(iso: str, now: datetime) -> str:
    value = _local(iso)
    if value is None:
        return ""
    days = (now.date() - value.date()).days
    if days == 0:
        return f"today {value:%H:%M}"
    if days == 1:
        return f"yesterday {value:%H:%M}"
    return f"{value:%Y-%m-%d %H:%M}"


def format_library(rows: list[Article], *, width: int | None = None, now: datetime | None = None) -> str:
    """The listing (each article with its ID) as text lines ending with a newline."""
    if not rows:
        return EMPTY_MESSAGE + "\n"
    width = width or shutil.get_terminal_size((100, 24)).columns
    now = (now or datetime.now(timezone.utc)).astimezone()
    table = [
        (
            str(a.id),
            clean_line(a.title) or clean_line(a.url or a.origin) or "(untitled)",
            clean_line(a.site),
            clean_line(a.published or "")[:10],
            str(a.notes_count),
            when_opened(a.last_opened, now),
        )
        for a in rows
    ]
    header = ("ID", "Title", "Site", "Date", "Notes", "Last opened")
    widths = [max(_cells(r[c]) for r in [header, *table]) for c in range(len(header))]
    widths[2] = min(widths[2], 24)
    fixed = sum(widths) - widths[1] + 2 * (len(header) - 1)
    widths[1] = max(12, min(widths[1], width - fixed))
    right = {0, 4}

    def line(cells: tuple[str, ...]) -> str:
        parts = []
        for c, text in enumerate(cells):
            fitted = _fit(text, widths[c])
            if c in right:
                fitted = " " * (widths[c] - _cells(fitted.rstrip())) + fitted.rstrip()
            parts.append(fitted)
        return "  ".join(parts).rstrip()

    return "\n".join(line(r) for r in [header, *table]) + "\n"

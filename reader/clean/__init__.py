"""Cleaning: decoded text -> `Document` (HTML through readability, plain text line by line)."""

from __future__ import annotations

from reader.decode import looks_like_html
from reader.model import Document
from reader.sanitize import clean_block, clean_line


def normalise_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time from the many forms pages use; None when unreadable."""
    from reader.clean.dates import to_iso

    return to_iso(value) if value else None


def _sanitise(document: Document) -> Document:
    """Metadata fields become single safe lines (the body was cleaned before blocks were cut)."""
    document.title = clean_line(document.title)
    document.byline = clean_line(document.byline)
    document.site_name = clean_line(document.site_name)
    document.description = clean_line(document.description)
    document.authors = [clean_line(a) for a in document.authors if clean_line(a)]
    document.image_credits = [clean_line(c) for c in document.image_credits if clean_line(c)]
    document.listed_sources = [clean_line(s) for s in document.listed_sources if clean_line(s)]
    if document.url:
        document.url = clean_line(document.url) or None
    return document


def clean_text(text: str, *, origin: str = "", url: str | None = None, published: str | None = None) -> Document:
    """Clean decoded text into a Document, telling HTML from plain text by the content."""
    text = clean_block(text)
    if looks_like_html(text):
        from reader.clean.html import clean_html

        document = clean_html(text, url=url)
        document.content_type = "html"
    else:
        from reader.clean.pasted import clean_pasted

        document = clean_pasted(text)
        document.content_type = "text"
    document.origin = origin
    if url and not document.url:
        document.url = url
    document.published = normalise_date(document.published) or normalise_date(published)
    return _sanitise(document)

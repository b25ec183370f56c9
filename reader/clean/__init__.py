"""Cleaning: decoded text -> `Document` (HTML through readability, plain text line by line)."""

from __future__ import annotations

from reader.decode import looks_like_html
from reader.language import detect_language, normalise_code
from reader.model import Document, Link
from reader.sanitize import clean_block, clean_line, has_unsafe


def normalise_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time from the many forms pages use; None when unreadable."""
    from reader.clean.dates import to_iso

    return to_iso(value) if value else None


def _resanitise_body(document: Document) -> Document:
    """Clean the blocks again when parsing brought back unsafe characters (`&#x1b;`, `&#x202e;` ...).

    The raw text was cleaned before parsing, but character references are only
    decoded by the parser; blocks are rebuilt from their cleaned text, links
    re-found in them.
    """
    if not has_unsafe(document.body):
        return document
    parts = [(b.kind, " ".join(clean_block(document.block_text(b)).split()), b.level) for b in document.blocks]
    rebuilt = Document.from_blocks(parts)
    new_index: dict[int, int] = {}
    for old, (_, text, _) in enumerate(parts):
        if text:
            new_index[old] = len(new_index)
    links: list[Link] = []
    for link in document.links:
        anchor = " ".join(clean_block(link.text).split())
        target = new_index.get(document.block_index_at(link.start))
        if not anchor or target is None:
            continue
        block = rebuilt.blocks[target]
        pos = rebuilt.body.find(anchor, block.start, block.end)
        if pos >= 0:
            links.append(Link(clean_line(link.url), anchor, pos, pos + len(anchor)))
    document.body, document.blocks, document.links = rebuilt.body, rebuilt.blocks, links
    return document


def _language(document: Document, declared: str) -> str:
    """The language the body is written in; the page's own declaration when the text cannot tell."""
    detected = detect_language(document.title + "\n" + document.body)
    return detected or normalise_code(declared)


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
        from reader.clean.charrefs import neutralise_char_refs
        from reader.clean.article import clean_html

        document = clean_html(neutralise_char_refs(text), url=url)
        document.content_type = "html"
    else:
        from reader.clean.pasted import clean_pasted

        document = clean_pasted(text)
        document.content_type = "text"
    document.origin = origin
    if url and not document.url:
        document.url = url
    document.published = normalise_date(document.published) or normalise_date(published)
    document = _sanitise(_resanitise_body(document))
    document.language = _language(document, document.language)
    from reader.clean.walls import check_wall

    check_wall(text, document)
    return document

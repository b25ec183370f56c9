"""The publication date: what the page declares, checked against htmldate (trafilatura's date module).

The declared date (JSON-LD `datePublished`, `article:published_time` and
their kin) comes first, with its time and offset. htmldate, asked for the
original date, reads the rest of the page (its markup, its URL, dates in
its text) and answers when nothing is declared. When the two disagree, the
declared date stands unless the page stamps its publication and
modification dates alike (a template that writes the build date into both)
and htmldate found an earlier one in the page.
"""

from __future__ import annotations

import logging

from lxml import html as lxml_html

from reader.clean.dates import to_iso


def htmldate_original(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """htmldate's original (publication) date of the page as YYYY-MM-DD, or None."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(tree, original_date=True, url=url)
    except Exception:  # htmldate is a heuristic reader of untrusted pages; a failure is "no date"
        return None
    return to_iso(found) if found else None


def publication_date(tree: lxml_html.HtmlElement, declared: str | None, modified: str | None,
                     url: str | None = None) -> str | None:
    """ISO 8601 publication date: the declared one (with its time zone) or htmldate's, as above."""
    published = to_iso(declared) if declared else None
    changed = to_iso(modified) if modified else None
    if published and not (changed and changed[:10] == published[:10]):
        return published
    found = htmldate_original(tree, url)
    if published and found and found[:10] < published[:10]:
        return found
    return published or found

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

import datetime as dt
import logging
import re

from lxml import html as lxml_html

from reader.clean.dates import TEXT_DATES, to_iso

_ISO_VALUE = re.compile(r"^\s*(?:19|20)\d{2}-[01]\d-[0-3]\d")


def time_element(tree: lxml_html.HtmlElement) -> tuple[str, str]:
    """The page's own `<time>` date: (its value, the date its text shows), "" for what it lacks.

    The value is the first valid `datetime` attribute (an ISO date: HTML
    allows no other form, and `02-12-2025` could be either day); when no
    `<time>` has one, the first whose text writes a date with its month's
    name ("9 February 2024") gives it.
    """
    written = ""
    for el in tree.iter("time"):
        value = (el.get("datetime") or "").strip()
        text = " ".join(el.text_content().split())[:160]
        shown = to_iso(text) if any(p.search(text) for p in TEXT_DATES) else None
        if _ISO_VALUE.match(value):
            return value, shown or ""
        if shown and not written:
            written = shown
    return written, written


def local_day(published: str | None, shown: tuple[str, str]) -> str | None:
    """The publication date as the page shows it: a `<time>` whose text is the day before or after its
    value's day (a UTC time stamp past midnight) gives its own day, the page's local date."""
    value, day = shown
    stamp = to_iso(value) if value else None
    if not published or not day or not stamp or len(stamp) <= 10 or published[:10] != stamp[:10]:
        return published
    try:
        gap = abs((dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(published[:10])).days)
    except ValueError:
        return published
    return day[:10] if gap == 1 else published


FULL_SEARCH_CHARS = 2_000_000
"""Text length (about 300,000 words, far past any article page) above which htmldate reads only the
page's markup (meta tags, JSON-LD, `<time>`, URL) and skips its scan of the whole text: that scan
runs a dozen patterns over every line and took most of a 50 MB page's cleaning time."""


def htmldate_original(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """htmldate's original (publication) date of the page as YYYY-MM-DD, or None."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    extensive = len(tree.text_content()) <= FULL_SEARCH_CHARS
    try:
        found = find_date(tree, original_date=True, url=url, extensive_search=extensive)
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

"""The dates a page shows its reader beside the headline: the article's header (dateline, byline).

Declared dates (JSON-LD, meta tags) are written for search engines and are
often a CMS's bookkeeping: a first-draft date years before the article a
reader sees, a build date stamped on every page. The date printed next to
the headline is the one the publisher presents as the article's. This module
reads the text just before and after the page's `<h1>` (a few hundred
characters: the header, not the body) and returns the dates written there,
each with its label ("Published", "Updated", or none) and the `<time>`
value that carries it when there is one (it gives the time zone).

The walk is one pass over the page's elements up to the end of the window
after the headline; the text examined is bounded, so the date patterns run
on a few hundred characters whatever the page's size.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from reader.clean.dates import TEXT_DATES, to_iso

BEFORE_CHARS = 200
"""Text before the headline that still belongs to its header (a kicker, a dateline above the title)."""
AFTER_CHARS = 400
"""Text after the headline that still belongs to its header (standfirst, byline, date line)."""
_SKIP = {"script", "style", "noscript", "template", "svg", "button", "select", "option"}
_NUMERIC = re.compile(r"\b(?:(?:19|20)\d{2}-[01]\d-[0-3]\d|(?:19|20)\d{2}/[01]?\d/[0-3]?\d|[0-3]?\d([/.-])[0-3]?\d\1(?:19|20)\d{2})\b")
_DAY_MONTH = re.compile(r"^([0-3]?\d)[/.-]([0-3]?\d)[/.-]")
_ISO_STAMP = re.compile(r"^\s*(?:19|20)\d{2}-[01]\d-[0-3]\d")
"""A `<time datetime>` value is read only in the ISO form HTML requires (`02-12-2025` could be either day)."""
_UPDATED = re.compile(r"\b(?:updated|modified|revised|edited|refreshed|reviewed)\b", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|written|created|released|first)\b", re.I)
LABEL_CHARS = 30
"""How far before a date its label may be: "Last updated on:" and a separator."""


@dataclass(frozen=True)
class ShownDate:
    """A date written in the article's header: ISO value, its label, and where it sits."""

    value: str
    label: str  # "published", "updated" or ""
    after_headline: bool
    ambiguous: bool = False  # `03/04/2026`: day and month could be read either way


def _headline(tree: lxml_html.HtmlElement, title: str) -> etree._Element | None:
    """The `<h1>` holding the title (the page's headline); else the first `<h1>` with words in it."""
    folded = _fold(title)
    first = None
    for el in tree.iter("h1"):
        text = _fold(el.text_content())
        if not text:
            continue
        if folded and (text in folded or folded in text):
            return el
        first = first if first is not None else el
    return first


def _fold(text: str) -> str:
    return re.sub(r"\W", "", text.casefold())


def _label(before: str) -> str:
    near = before[-LABEL_CHARS:]
    updated, published = list(_UPDATED.finditer(near)), list(_PUBLISHED.finditer(near))
    if updated and (not published or updated[-1].start() > published[-1].start()):
        return "updated"
    return "published" if published else ""


@dataclass(frozen=True)
class HeaderText:
    """The text around the headline: before it and after it, with each `<time>` value and its offset."""

    before: str = ""
    after: str = ""
    stamps_before: tuple[tuple[int, str], ...] = ()
    stamps_after: tuple[tuple[int, str], ...] = ()


def _dates_in(text: str, stamps: tuple[tuple[int, str], ...], after: bool) -> list[tuple[int, int, ShownDate]]:
    """Dates written in `text` with their spans, a `<time>` value standing for the date its text shows."""
    found: list[tuple[int, int, ShownDate]] = []
    spans = [m for p in (*TEXT_DATES, _NUMERIC) for m in p.finditer(text)]
    for match in sorted(spans, key=lambda m: m.start()):
        if any(s < match.end() and match.start() < e for s, e, _ in found):
            continue
        value = to_iso(match.group(0))
        if not value:
            continue
        for pos, stamp in stamps:
            if abs(pos - match.start()) <= LABEL_CHARS and stamp[:10] == value[:10]:
                value = stamp
                break
        pair = _DAY_MONTH.match(match.group(0))
        ambiguous = bool(pair) and pair[1] != pair[2] and max(int(pair[1]), int(pair[2])) <= 12
        found.append((match.start(), match.end(),
                      ShownDate(value, _label(text[: match.start()]), after, ambiguous)))
    for pos, stamp in stamps:  # a `<time>` whose text writes no date ("2 hours ago"): its value
        if not any(abs(pos - p) <= LABEL_CHARS and d.value[:10] == stamp[:10] for p, _, d in found):
            found.append((pos, pos, ShownDate(stamp, _label(text[:pos]), after)))
    return sorted(found, key=lambda f: f[0])


def header_text(tree: lxml_html.HtmlElement, title: str = "") -> HeaderText:
    """The text just before and after the page's headline (empty when the page has no `<h1>`): one walk."""
    headline = _headline(tree, title)
    if headline is None:
        return HeaderText()
    before: deque[str] = deque()
    before_len = dropped = 0  # characters seen before the headline; those no longer kept
    after: list[str] = []
    after_len = 0
    stamps: tuple[list[tuple[int, str]], list[tuple[int, str]]] = ([], [])
    state = 0  # 0 before the headline, 1 inside it, 2 after it
    skipping = 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                skipping += 1
            if el is headline:
                state = 1
            if skipping:
                continue
            if tag == "time" and state != 1:
                value = el.get("datetime") or ""
                stamp = (to_iso(value) or "") if _ISO_STAMP.match(value) else ""
                if stamp:
                    (stamps[0] if state == 0 else stamps[1]).append((before_len if state == 0 else after_len, stamp))
            piece = el.text if tag else None
        else:
            if tag in _SKIP:
                skipping -= 1
            if el is headline:
                state = 2
            piece = el.tail if not skipping else None
        if not piece or not piece.strip():
            continue
        piece = " ".join(piece.split()) + "\n"  # one line per text node: where names end
        if state == 0:
            before.append(piece)
            before_len += len(piece)
            while before_len - dropped - len(before[0]) >= BEFORE_CHARS:
                dropped += len(before.popleft())
        elif state == 2:
            after.append(piece)
            after_len += len(piece)
            if after_len >= AFTER_CHARS:
                break
    text_before = "".join(before)
    cut = max(0, len(text_before) - BEFORE_CHARS)
    return HeaderText(text_before[cut:], "".join(after)[:AFTER_CHARS],
                      tuple((p - dropped - cut, s) for p, s in stamps[0] if p - dropped >= cut), tuple(stamps[1]))


def dated_spans(header: HeaderText) -> tuple[list[tuple[int, int, ShownDate]], list[tuple[int, int, ShownDate]]]:
    """The dates of the text before the headline and of the text after it, with their spans."""
    return _dates_in(header.before, header.stamps_before, False), _dates_in(header.after, header.stamps_after, True)


def header_dates(tree: lxml_html.HtmlElement, title: str = "", header: HeaderText | None = None) -> list[ShownDate]:
    """The dates written in the headline's neighbourhood, in page order; [] when the page has no `<h1>`."""
    before, after = dated_spans(header if header is not None else header_text(tree, title))
    return [d for _, _, d in before + after]


DAY_TOLERANCE = 1
"""A shown date a day from the declared one is the same date in another time zone: the declared one stands."""


def _gap(a: str, b: str) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def shown_publication(published: str | None, modified: str | None, shown: list[ShownDate]) -> str | None:
    """The publication date, the header's own when the page shows one that the metadata does not give.

    Only header dates not labelled "Updated" count, and not `03/04/2026`
    forms whose day and month could be swapped. When one of them is within a
    day of `published` (the declared date or htmldate's; a day's gap only when
    `published` has a time, which a time zone can shift), or is the declared
    modification date (a revision shown without its label), `published`
    stands: it carries the time and zone. Otherwise the first such header
    date is the article's: the reader sees it under the headline, and the
    declared or guessed one is a CMS's first-draft stamp, a build date or a
    date from elsewhere on the page.
    """
    dates = [d for d in shown if d.label != "updated" and not d.ambiguous]
    if not dates:
        return published
    tolerance = DAY_TOLERANCE if published and len(published) > 10 else 0  # a zone shifts a time, not a bare day
    if published and any((_gap(d.value, published) or 0) <= tolerance
                         or (modified and d.value[:10] == modified[:10]) for d in dates):
        return published
    return dates[0].value

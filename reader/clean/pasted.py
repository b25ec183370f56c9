"""Plain text pasted from a browser, junk and all -> a clean `Document`.

Rules find the metadata: the title (looked for only before the article's
run of prose, one- and two-word menu items skipped), breadcrumbs that
repeat it truncated, bylines and date lines at the top, photo credits and
their captions, a closing "Sources: X, Y." line (a source list, never a
credit). The learned line model (`paste_model`, over `paste_lines`
features) then decides which of the other units are article text, except
that a paragraph of prose, a one-sentence paragraph (`_declarative`) or a
heading inside the article's run of prose is always kept, whatever its
neighbours ("Also read", a share bar) look like; a short paste
(`SHORT_PASTE` units or fewer) is left to the rules, and a paste with a
paragraph of prose is never left empty. List markers and headings are then
recognised, and hard-wrapped paragraphs were joined back together by
`split_units`.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.clean.dates import find_date
from reader.clean.paste_lines import (
    ALL_NAMES,
    LIST_MARK,
    TERMINAL,
    Unit,
    line_features,
    main_run,
    split_units,
)
from reader.clean.paste_model import LineModel, load_model
from reader.clean.paste_rules import BYLINE, CREDIT, SOURCES_LINE, WIDGET
from reader.model import BlockKind, Document

__all__ = ["BYLINE", "CREDIT", "SOURCES_LINE", "WIDGET", "clean_pasted"]

def _is_title_like(unit: Unit) -> bool:
    return 3 <= unit.words <= 30 and len(unit.text) <= 220 and not unit.text.endswith((".", "。", "！", "？"))


def _sentence(unit: Unit) -> bool:
    """A sentence: eight words or more ending in a full stop (headlines end bare, with "?" or an ellipsis)."""
    end = unit.text.rstrip(" \"”’»)」』")
    return unit.words >= 8 and end.endswith((".", "。")) and not end.endswith("..")


def _prefix_repeat(line: str, title: str) -> bool:
    """A breadcrumb: the line ends with an ellipsis and its words end with a prefix of the title."""
    stem = line.rstrip(".… ").strip()
    if not stem or len(stem) == len(line.strip()):
        return False
    words = title.split()
    for n in range(len(words), 2, -1):
        if stem.endswith(" ".join(words[:n])):
            return True
    return False


SHORT_PASTE = 8
"""A paste of at most this many units is a reader's own selection: no prose of it is judged junk by the model."""


def clean_pasted(text: str, model: LineModel | None = None) -> Document:
    """Line-level cleaning of a pasted page into title, metadata and body blocks."""
    units = split_units(text)
    meta: dict = {"authors": [], "image_credits": [], "listed_sources": []}
    counts = Counter(u.text.lower() for u in units)

    for u in units:
        if WIDGET.match(u.text) or (counts[u.text.lower()] > 1 and u.short and u.unpunctuated):
            u.drop = True

    # The title: the first title-like line before the article's run of prose (a paste that starts with that
    # run has no title: its prose is never navigation); a line before it that repeats it truncated is a breadcrumb.
    live = [u for u in units if not u.drop]
    body_start = main_run(live)[0] if any(u.prose for u in live) else len(live)
    title_unit = None
    looked = 0  # lines of three words or more looked at: one- and two-word menu items do not count
    for i, u in enumerate(live):
        if i >= body_start or (i >= body_start - 2 and _sentence(u)):
            break  # the body's run, or its opening sentence (at most a heading before the run) is no navigation
        if u.words < 3 and i + 1 < body_start:
            continue
        looked += 1
        if looked > 6:
            break
        if SOURCES_LINE.match(u.text):
            continue
        later = live[i + 1] if i + 1 < len(live) else None
        if later is not None and _prefix_repeat(u.text, later.text):
            u.drop = True
            continue
        if _is_title_like(u):
            title_unit = u
            break
    if title_unit is not None:
        title_unit.drop = True
        meta["title"] = title_unit.text
        for u in live[: live.index(title_unit)]:
            u.drop = True  # navigation above the title
        for u in units:
            if not u.drop and u is not title_unit and u.text == title_unit.text:
                u.drop = True

    live = [u for u in units if not u.drop]
    body_end = main_run(live)[1] if any(u.prose for u in live) else -1
    for i, u in enumerate(live):
        match = SOURCES_LINE.match(u.text)
        if match and (i >= len(live) - 4 or i > body_end) and u.words <= 20:  # after the article: its source list
            u.drop = True
            meta["listed_sources"] += [s.strip(" .") for s in re.split(r"[,;]| and ", match["names"]) if s.strip(" .")]
            continue
        if u.words <= 14 and not u.text.endswith(".") and not match and CREDIT.search(u.text):  # the regex last: it is slow on long lines
            u.drop = True
            meta["image_credits"].append(u.text)
            for j in (i - 1, i + 1):
                if 0 <= j < len(live):
                    near = live[j]
                    if not near.drop and near.words <= 25 and near.unpunctuated and not _heading_before_paragraph(live, j):
                        near.drop = True  # its caption
            continue
        if i <= 3 and not meta["authors"]:
            byline = BYLINE.match(u.text)
            if byline and u.words <= 20 and byline["names"][:1].isupper():  # not "By the time the ferry ..."
                u.drop = True
                meta["byline"] = u.text
                meta["authors"] = [a.strip() for a in re.split(r",| and | & ", byline["names"]) if a.strip()]
                continue
        if i <= 3 and "published" not in meta and u.words <= 12 and find_date(u.text):
            u.drop = True
            meta["published"] = find_date(u.text)

    # Recirculated headlines right after a widget marker: title-like lines followed by another title-like line.
    for i, u in enumerate(units):
        if u.drop and WIDGET.match(u.text):
            j = i + 1
            while j + 1 < len(units) and not units[j].drop and units[j].short and units[j].unpunctuated and \
                    units[j + 1].short and units[j + 1].unpunctuated and not units[j + 1].drop:
                units[j].drop = True
                j += 1

    if len(units) > SHORT_PASTE:
        _learned_verdicts(units, model or load_model())
    live = [u for u in units if not u.drop]
    if not live:  # a paste with a paragraph of prose is never refused: when every line looked like junk, keep the prose
        live = [u for u in units if u.prose and not SOURCES_LINE.match(u.text)]
    parts: list[tuple[BlockKind, str, int]] = []
    for i, u in enumerate(live):
        if LIST_MARK.match(u.text):
            parts.append(("list_item", LIST_MARK.sub("", u.text, count=1), 0))
        elif _heading_before_paragraph(live, i):
            parts.append(("heading", u.text, 2))
        else:
            parts.append(("paragraph", u.text, 0))
    return Document.from_blocks(parts, content_type="text", **meta)




def _learned_verdicts(units: list[Unit], model: LineModel) -> None:
    """The line model's verdicts on the units the rules left (their junk marks are also its features)."""
    start, end = main_run(units) if any(u.prose for u in units) else (0, -1)
    rows = line_features(units)
    verdicts = model.keep(rows)
    for i, u in enumerate(units):
        if start <= i <= end and not u.drop and (u.prose or _heading_before_paragraph(units, i)
                                                 or _declarative(u, rows[i])):
            verdicts[i] = True  # the article is one long run of prose: no paragraph, sentence or heading of it is junk
    for u, keep in zip(units, verdicts):
        u.drop = u.drop or not keep  # a line the rules took for junk or metadata stays out of the body


_CAPITALS, _LINK, _LIST, _REPEATS = (ALL_NAMES.index(n) for n in ("capital_share", "linkish", "list_item", "log_repeats"))


def _declarative(u: Unit, row: list[float]) -> bool:
    """A one-sentence paragraph as articles write them, whatever the lines around it look like.

    Six words or more, opening with a capital (or a quote) and ending with a full stop; no "?" or "!"
    (questions, prompts and calls to action), mostly lower-case words (not a title-cased teaser), no
    link, not a list item, said once in the paste, no widget or credit pattern. Read from its feature
    row (`paste_lines.ALL_NAMES`), so nothing is scanned twice.
    """
    text = u.text.rstrip()
    return (u.words >= 6 and (text[:1].isupper() or text[:1] in "\"“‘«") and text.rstrip("\"”’»)").endswith(".")
            and not text.endswith("..") and "?" not in text and "!" not in text and row[_CAPITALS] <= 0.5
            and not (row[_LINK] or row[_LIST] or row[_REPEATS]) and not WIDGET.match(text) and not CREDIT.search(text))


def _heading_before_paragraph(live: list[Unit], i: int) -> bool:
    u = live[i]
    if not (u.short and u.unpunctuated and u.words <= 10) or LIST_MARK.match(u.text):
        return False
    nxt = live[i + 1] if i + 1 < len(live) else None
    return nxt is not None and nxt.words >= 8 and nxt.text.rstrip().endswith(TERMINAL)

"""From the chosen candidate's parts to a `Document`: widget lines dropped, title, bylines and sources taken out.

The parts are `(kind, text, level, links)`; what remains becomes the blocks
of the body, each link kept at its offset.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import html as lxml_html

from reader.clean.blocktext import Part
from reader.clean.choose import restyle
from reader.clean.pasted import BYLINE, CREDIT, SOURCES_LINE, WIDGET
from reader.model import Document, Link

PROMPT = re.compile(
    r"^(?:(?:click|tap) here|sign up|subscribe|follow us|share (?:this|on)|read (?:more|also|next)|also read|"
    r"related:|more:|see also|advertisement|listen to (?:this )?article|download (?:the|our) app|"
    r"this (?:article|story) (?:was|has been|is) (?:originally|first)|copyright|all rights reserved|©)",
    re.I,
)


END_MATTER = re.compile(
    r"^\(?(?:(?:additional )?reporting by|editing by|writing by|compiled by|produced by|graphics? by|"
    r"write to .{3,60} at |follow .{0,60}(?:coverage|on twitter|on facebook|@)|filed under|text size$|font size$|"
    r"something to consider|if you (?:enjoyed|value|like) (?:this|our)|support (?:our|independent) journalism|"
    r"this (?:article|story) (?:originally appeared|was (?:first )?published|has been updated)|"
    r"our (?:standards|editorial (?:standards|guidelines)|ethics policy)\b)"
    r"|contributed (?:reporting|to this report)",
    re.I,
)
_DATE_ONLY = re.compile(
    r"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4}|"
    r"\d{4}-\d{2}-\d{2})",
)


def _is_junk(kind: str, text: str) -> bool:
    """A widget, prompt, end-matter, date or credit line (the word counts are tested before the searches)."""
    words = len(text.split())
    if WIDGET.match(text) or words <= 25 and PROMPT.match(text):
        return True
    if words <= 40 and END_MATTER.search(text):
        return True
    if words <= 12 and _DATE_ONLY.match(text) or text.lower().strip(" :") in ("updated", "published", "posted"):
        return True
    return words <= 10 and not text.endswith(".") and CREDIT.search(text) is not None


def _is_byline(text: str, authors: set[str]) -> bool:
    """A byline kept by readability: "By Jane Doe", an author's name alone, or a name in capitals."""
    words = text.split()
    if len(words) > 12:
        return False
    if BYLINE.match(text) or text.lower() in authors:
        return True
    rest = text.lower()
    for name in sorted(authors, key=len, reverse=True):
        rest = rest.replace(name, " ")
    if authors and rest != text.lower() and not re.sub(r"\b(?:and|by)\b|[,&]", " ", rest).strip():
        return True  # "Jane Doe and John Roe": the authors' names alone
    return 2 <= len(words) <= 4 and text.isupper() and text.replace(" ", "").replace(".", "").replace("-", "").isalpha()


KEY_POINTS = re.compile(r"key-?(?:points|events|facts|takeaways)|takeaways|highlights|at-a-glance|tl-?dr|summary-list", re.I)
_TIME_ONLY = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?)$", re.I)


@lru_cache(maxsize=16384)
def _names_key_points(attrs: str) -> bool:
    """Once per distinct class-and-id string: a page repeats its classes on many elements."""
    return KEY_POINTS.search(attrs) is not None


def key_points(tree: lxml_html.HtmlElement) -> list[Part]:
    """A live blog's or explainer's "Key points" list, which readability tends to leave out."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.get("class") is None and el.get("id") is None:
            continue
        if not _names_key_points(f"{el.get('class', '')} {el.get('id', '')}") or not el.xpath(".//li"):
            continue
        heading = el.xpath(".//h2 | .//h3 | .//h4")
        parts: list[Part] = []
        if heading:
            parts.append(("heading", " ".join(heading[0].text_content().split()), 2, []))
        for li in el.xpath(".//li"):
            text = " ".join(li.text_content().split())
            if text:
                parts.append(("list_item", text, 0, []))
        return parts
    return []


def _merge_timestamps(parts: list) -> list:
    """A live blog's bare entry time ("14:20") joins the entry's heading: "14:20 · Airport reopens"."""
    out: list = []
    for part in parts:
        if out and part[0] == "heading" and out[-1][0] == "paragraph" and _TIME_ONLY.match(out[-1][1]):
            stamp = out.pop()[1]
            part = ("heading", f"{stamp} · {part[1]}", part[2], part[3])
        out.append(part)
    return out


def _strip_title(parts: list[Part], title: str) -> list[Part]:
    """The headline repeated at the top of the body is the title, not a block; so is a line that is the
    headline word for word further down (a sticky header, a share box's caption, a print footer)."""
    norm = " ".join(title.split()).lower()
    while parts and parts[0][0] in ("heading", "paragraph") and norm and (
        parts[0][1].lower() == norm or (norm in parts[0][1].lower() and len(parts[0][1]) < 2 * len(norm))
    ):
        parts.pop(0)
    if norm:
        parts = [p for p in parts if p[1].lower() != norm]
    return parts


def _listed_sources(parts: list[Part]) -> tuple[list[Part], list[str]]:
    listed: list[str] = []
    for part in parts[-4:]:
        match = SOURCES_LINE.match(part[1])
        if match and len(part[1].split()) <= 20:
            listed += [n.strip(" .") for n in re.split(r"[,;]| and ", match["names"]) if n.strip(" .")]
            parts.remove(part)
    return parts, listed


def article_parts(parts: list[Part], meta: dict[str, Any], points: list[Part]) -> list[Part]:
    """A candidate's parts without the page's chrome: widget lines, the headline, bylines, the key points.

    Candidates are compared on these (a headline or a "Key points" box one of them kept is not
    a disagreement about the article); `assemble` puts the key points back in front.
    """
    listed = {p[1] for p in points}
    parts = _strip_title([p for p in parts if not _is_junk(p[0], p[1]) and p[1] not in listed], meta.get("title", ""))
    authors = {a.lower() for a in meta.get("authors", [])}
    head = [p for p in parts[:4] if _is_byline(p[1], authors)]
    return [p for p in parts if p not in head]


def assemble(parts: list[Part], meta: dict[str, Any], credits: list[str], points: list[Part]) -> Document:
    """The Document of `parts` with the page's metadata `meta`."""
    parts = _merge_timestamps([p for p in parts if not _is_junk(p[0], p[1])])
    if points and not any(p[1] == points[-1][1] for p in parts):
        parts = points + parts
    elif points:
        parts = restyle(parts, points)
    title = meta.get("title", "")
    parts = _strip_title(parts, title)
    parts, meta["listed_sources"] = _listed_sources(parts)
    authors = {a.lower() for a in meta.get("authors", [])}
    head = [p for p in parts[:4] if _is_byline(p[1], authors)]
    parts = [p for p in parts if p not in head]
    if not title and parts and parts[0][0] == "heading":
        title = parts.pop(0)[1]
    kept = [p for p in parts if p[1].strip()]
    document = Document.from_blocks([(k, t, lvl) for k, t, lvl, _ in kept], **{**meta, "title": title})
    document.image_credits = credits
    for block, (_, text, _, links) in zip(document.blocks, kept):
        shift = block.start + (len(text) - len(text.lstrip()))
        for url, anchor, start, end in links:
            document.links.append(Link(url, anchor, shift + start, shift + end))
    return document

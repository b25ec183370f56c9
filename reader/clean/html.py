"""HTML -> `Document`: readability-lxml finds the article, our post-cleaning finishes it.

Before readability: scripts, styles, forms, navigation, cookie banners,
share bars, related-story boxes, comments and ads are pruned by tag, role
and class/id; figure captions and photo credits are taken out (credits kept
as metadata). After readability: the content is walked into blocks
(headings, paragraphs, blockquotes, list items) and widget lines it kept
("Also read", "Advertisement"...) are dropped. Links whose anchor text is in
the body are kept with body offsets.
"""

from __future__ import annotations

import re
from copy import deepcopy
from itertools import islice
from typing import Callable

from lxml import etree
from lxml import html as lxml_html

from reader.clean.metadata import extract_metadata
from reader.clean.pasted import BYLINE, CREDIT, SOURCES_LINE, WIDGET
from reader.errors import ReaderError
from reader.model import BlockKind, Document, Link
from reader.urls import is_web_url

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "button", "input", "select",
             "textarea", "svg", "canvas", "nav", "footer", "aside", "dialog", "menu", "object", "embed")
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|signup|sign-up|related|recirc|recommend|"
    r"read-?more|also-?read|more-stories|outbrain|taboola|promo|sponsor|advert|ads?|ad-slot|adunit|dfp|"
    r"cookie|consent|gdpr|banner|comments?|disqus|breadcrumbs?|byline|author-bio|tags?|topics|"
    r"toolbar|popup|modal|paywall|subscription|most-popular|trending|sidebar|skip-link|visually-hidden|"
    r"sr-only|caption|credit|figcaption)(?:$|[\s_-])",
    re.I,
)
_KEEP_CLASS = re.compile(r"(?:^|[\s_-])(?:article-?body|story-?body|entry-content|post-content|content-body)(?:$|[\s_-])", re.I)
BLOCK_TAGS = {"p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
              "h5": "heading", "h6": "heading", "li": "list_item", "blockquote": "blockquote",
              "pre": "paragraph", "dd": "paragraph", "dt": "paragraph"}
CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tr", "td",
              "th", "figure", "header", "span", "center", "font", "body", "html"}
PROMPT = re.compile(
    r"^(?:(?:click|tap) here|sign up|subscribe|follow us|share (?:this|on)|read (?:more|also|next)|also read|"
    r"related:|more:|see also|advertisement|listen to (?:this )?article|download (?:the|our) app|"
    r"this (?:article|story) (?:was|has been|is) (?:originally|first)|copyright|all rights reserved|©)",
    re.I,
)


LARGE_PAGE_CHARS = 4_000_000
"""Bigger pages skip readability (its scoring and re-parsing cost several times our own pass and
double the memory); at that size the pruned body is the article."""

MAX_DEPTH = 120
"""Deeper subtrees are flattened to their text: no recursion limit is ever reached, and no article nests this deep."""


def _flatten_deep(tree: lxml_html.HtmlElement) -> None:
    stack = [(tree, 0)]
    while stack:
        el, depth = stack.pop()
        if depth >= MAX_DEPTH:
            text = " ".join(t for t in el.itertext() if t and t.strip())
            tail = el.tail
            for child in list(el):
                el.remove(child)
            el.text = text
            el.tail = tail
            continue
        stack.extend((child, depth + 1) for child in el if isinstance(child.tag, str))


def parse_html(text: str) -> lxml_html.HtmlElement:
    try:
        parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        tree = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReaderError(f"unreadable HTML: {exc}") from None
    if tree is None:
        raise ReaderError("unreadable HTML: empty document")
    _flatten_deep(tree)
    return tree


HIDDEN_ROLES = {"navigation", "complementary", "banner", "contentinfo", "dialog"}


def _elements(tree: lxml_html.HtmlElement, keep: Callable[[lxml_html.HtmlElement], bool]) -> list[lxml_html.HtmlElement]:
    """The elements `keep` accepts, in document order.

    A walk instead of `//*[predicate]` XPath, which libxml2 evaluates in
    quadratic time on big pages (3 s for an 8 MB page, minutes for 50 MB).
    """
    return [el for el in tree.iter() if isinstance(el.tag, str) and keep(el)]


def _has_class_or_id(el: lxml_html.HtmlElement) -> bool:
    return el.get("class") is not None or el.get("id") is not None


def _attr_text(el: lxml_html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')} {el.get('aria-label', '')}"


CREDIT_PREFIX = re.compile(r"^(?:(?:photo(?:graph)?|image|picture|credit)s?\s*(?:credit)?\s*:|(?:photo(?:graph)?|picture)\s+by)\s*", re.I)


def _credits_and_captions(tree: lxml_html.HtmlElement) -> list[str]:
    """Take figure captions and credits out of the tree; return the credits."""
    credits: list[str] = []
    for el in _elements(tree, lambda e: e.tag == "figcaption" or "credit" in e.get("class", "") or "caption" in e.get("class", "")):
        if el.getparent() is None or el.tag in ("html", "body", "article", "main") or len(el.text_content()) > 600:
            continue
        for credit_el in el.xpath(".//*[contains(@class,'credit') or contains(@class,'copyright')]"):
            text = " ".join(credit_el.text_content().split())
            if text:
                credits.append(text)
            credit_el.drop_tree()
        text = " ".join(el.text_content().split())
        if END_MATTER.search(text):
            continue  # "Reporting by ...; editing by ..." credits the story, not a picture
        if "credit" in el.get("class", "").lower() and text:
            credits.append(text)
        else:
            for line in re.split(r"(?<=[.)])\s+", text):
                if CREDIT.search(line) and len(line.split()) <= 14:
                    credits.append(re.sub(r"^(?:photo|image|credit)s?\s*:\s*", "", line, flags=re.I).strip(" ()."))
        el.drop_tree()
    seen: list[str] = []
    for credit in credits:
        credit = CREDIT_PREFIX.sub("", credit.strip(" ()")).strip(" ()")
        if credit and credit not in seen:
            seen.append(credit)
    return seen


def _prune(tree: lxml_html.HtmlElement) -> None:
    for el in list(tree.iter(*DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in _elements(tree, lambda e: e.get("hidden") is not None or e.get("aria-hidden") == "true" or e.get("role") in HIDDEN_ROLES):
        if el.getparent() is not None:
            el.drop_tree()
    for el in _elements(tree, _has_class_or_id):
        if el.getparent() is None or el.tag in ("html", "body", "article", "main"):
            continue
        attrs = _attr_text(el)
        if BOILERPLATE.search(attrs) and not _KEEP_CLASS.search(attrs):
            if len(el.text_content()) > 1000 and len(el.xpath(".//p")) >= 3:
                continue  # a big container of paragraphs is the article, whatever it is called
            el.drop_tree()


def _text_of(el: lxml_html.HtmlElement, links: list[tuple[str, str, int]], base: int) -> str:
    """The element's text with white space folded; records its links' offsets (relative to `base`)."""
    pieces: list[str] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def walk(node: lxml_html.HtmlElement) -> None:
        if not isinstance(node.tag, str):
            add(node.tail)
            return
        if node.tag == "br":
            add(" ")
        start = length
        add(node.text)
        for child in node:
            walk(child)
        if node.tag == "a" and is_web_url(node.get("href", "")):
            links.append((node.get("href"), "", start))
            links[-1] = (node.get("href"), "".join(pieces)[start:], start)
        add(node.tail if node is not el else None)

    walk(el)
    return "".join(pieces)


KEY_POINTS = re.compile(r"key-?(?:points|events|facts|takeaways)|takeaways|highlights|at-a-glance|tl-?dr|summary-list", re.I)
_TIME_ONLY = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d{1,2}\s*[ap]\.?m\.?)$", re.I)


def _key_points(tree: lxml_html.HtmlElement) -> list[tuple[BlockKind, str, int, list[tuple[str, str]]]]:
    """A live blog's or explainer's "Key points" list, which readability tends to leave out."""
    for el in _elements(tree, _has_class_or_id):
        if not KEY_POINTS.search(_attr_text(el)) or not el.xpath(".//li"):
            continue
        heading = el.xpath(".//h2 | .//h3 | .//h4")
        parts: list[tuple[BlockKind, str, int, list[tuple[str, str]]]] = []
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


def _is_caption(el: lxml_html.HtmlElement, text: str) -> bool:
    """A short unpunctuated line sitting with an image is its caption."""
    if not text or len(text.split()) > 30 or text.endswith((".", "!", "?", "\"", "”", ":")):
        return False
    if el.xpath(".//img | .//picture"):
        return True
    prev = el.getprevious()
    parent = el.getparent()
    near = [prev] if prev is not None else []
    if parent is not None and sum(1 for _ in islice(parent, 4)) <= 3:  # len() walks every child: O(n) each
        near.append(parent)
    return any(n.tag in ("img", "picture") or n.xpath(".//img | .//picture") for n in near if isinstance(n.tag, str))


def _blocks(content: lxml_html.HtmlElement) -> list[tuple[BlockKind, str, int, list[tuple[str, str]]]]:
    out: list[tuple[BlockKind, str, int, list[tuple[str, str]]]] = []

    def emit(kind: BlockKind, el: lxml_html.HtmlElement, level: int = 0) -> None:
        raw_links: list[tuple[str, str, int]] = []
        raw = _text_of(el, raw_links, 0)
        text = " ".join(raw.split())
        if kind != "heading" and _is_caption(el, text):
            return
        if text:
            out.append((kind, text, level, [(url, " ".join(t.split())) for url, t, _ in raw_links if t.strip()]))

    def walk(el: lxml_html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in BLOCK_TAGS:
            kind = BLOCK_TAGS[tag]
            if tag == "li" and el.xpath("./p | ./ul | ./ol | ./div/p"):
                for child in el:
                    walk(child)
                return
            if tag == "blockquote" and el.xpath("./p"):
                for p in el.xpath("./p"):
                    emit("blockquote", p)
                return
            emit(kind, el, int(tag[1]) if kind == "heading" else 0)  # type: ignore[arg-type]
            return
        # Text directly inside a container (no <p>) is a paragraph of its own.
        if el.text and el.text.strip():
            holder = lxml_html.Element("p")
            holder.text = el.text
            emit("paragraph", holder)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail and child.tail.strip():
                holder = lxml_html.Element("p")
                holder.text = child.tail
                emit("paragraph", holder)

    walk(content)
    return out


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
    if WIDGET.match(text) or PROMPT.match(text) and len(text.split()) <= 25:
        return True
    words = len(text.split())
    if END_MATTER.search(text) and words <= 40:
        return True
    if _DATE_ONLY.match(text) and words <= 12:
        return True
    if CREDIT.search(text) and len(text.split()) <= 10 and not text.endswith("."):
        return True
    return False


def _is_byline(text: str, authors: set[str]) -> bool:
    """A byline kept by readability: "By Jane Doe", an author's name alone, or a name in capitals."""
    words = text.split()
    if len(words) > 12:
        return False
    if BYLINE.match(text) or text.lower() in authors:
        return True
    return 2 <= len(words) <= 4 and text.isupper() and text.replace(" ", "").replace(".", "").replace("-", "").isalpha()


_SCRIPT_OPEN = re.compile(r"<(script|style|noscript|template)\b", re.I)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|li|tr|blockquote|section|article|header|footer)\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"<[^<>]*>")
"""`[^<>]`, not `[^>]`: a scan for the end of a tag stops at the next `<`, so thousands of unclosed
`<` cost one pass over the page, not one pass each."""


def _drop_scripts(html: str) -> str:
    """`html` without script, style, noscript and template elements (an unclosed one runs to the end).

    One pass: each closing tag is searched from its opening tag on, never again
    from the start (a lazy `<script>.*?</script>` regex rescans the rest of the
    page for every unclosed opening tag).
    """
    out: list[str] = []
    pos = 0
    while True:
        opening = _SCRIPT_OPEN.search(html, pos)
        if opening is None:
            out.append(html[pos:])
            break
        out.append(html[pos : opening.start()])
        out.append(" ")
        closing = re.compile(rf"</{opening.group(1)}\s*>", re.I).search(html, opening.end())
        if closing is None:
            break
        pos = closing.end()
    return "".join(out)


def _raw_text(html: str) -> str:
    """The text of markup the parser could not hold (say, nested thousands deep): tags stripped, blocks kept."""
    import html as html_lib

    text = _BLOCK_TAG.sub("\n\n", _drop_scripts(html))
    return html_lib.unescape(_ANY_TAG.sub(" ", text))


def clean_html(html: str, url: str | None = None) -> Document:
    """Clean an HTML page into a Document with metadata and body blocks."""
    from readability import Document as Readability

    tree = parse_html(html)
    if len(tree.text_content().strip()) * 5 < len(_raw_text(html[:2_000_000]).strip()) and len(html) > 50_000:
        # libxml2 dropped most of the page (it stops at a nesting depth): read its text line by line instead.
        from reader.clean.pasted import clean_pasted

        document = clean_pasted(re.sub(r"[ \t]+", " ", _raw_text(html)))
        document.title = document.title or " ".join(tree.xpath("string(//title)").split())
        return document
    meta = extract_metadata(tree)
    credits = _credits_and_captions(tree)
    key_points = _key_points(tree)
    large = len(html) > LARGE_PAGE_CHARS
    pruned = tree if large else deepcopy(tree)
    _prune(pruned)
    content = None
    if not large:
        try:
            summary = Readability(pruned, url=url).summary(html_partial=True)
            content = lxml_html.fragment_fromstring(summary, create_parent="div") if summary.strip() else None
        except Exception:  # readability gives up on some pages; the pruned body is our fallback
            content = None
    if content is None or not content.text_content().strip():
        if tree.xpath("//frameset"):
            raise ReaderError("a frameset page has no article of its own: open one of its frames instead")
        content = pruned.find("body")
        if content is None:
            content = lxml_html.Element("div")
    parts = _merge_timestamps([(k, t, lvl, ls) for k, t, lvl, ls in _blocks(content) if not _is_junk(k, t)])
    if key_points and not any(t == key_points[-1][1] for _, t, _, _ in parts):
        parts = key_points + parts
    title = meta.get("title", "")
    norm_title = " ".join(title.split()).lower()
    while parts and parts[0][0] == "heading" and norm_title and (
        parts[0][1].lower() == norm_title or (norm_title in parts[0][1].lower() and len(parts[0][1]) < 2 * len(norm_title))
    ):
        parts.pop(0)
    listed: list[str] = []
    for part in parts[-4:]:
        match = SOURCES_LINE.match(part[1])
        if match and len(part[1].split()) <= 20:
            listed += [n.strip(" .") for n in re.split(r"[,;]| and ", match["names"]) if n.strip(" .")]
            parts.remove(part)
    meta["listed_sources"] = listed
    authors = {a.lower() for a in meta.get("authors", [])}
    head = [p for p in parts[:4] if _is_byline(p[1], authors)]
    parts = [p for p in parts if p not in head]
    if not title and parts and parts[0][0] == "heading":
        title = parts.pop(0)[1]
    document = Document.from_blocks([(k, t, lvl) for k, t, lvl, _ in parts], **{**meta, "title": title})
    document.image_credits = credits
    kept = [p for p in parts if p[1].strip()]
    for block, (_, text, _, links) in zip(document.blocks, kept):
        cursor = 0
        for href, anchor in links:
            pos = text.find(anchor, cursor)
            if pos >= 0:
                document.links.append(Link(href, anchor, block.start + pos, block.start + pos + len(anchor)))
                cursor = pos + len(anchor)
    return document

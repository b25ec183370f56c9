"""The page tree: parsing (depth-bounded), captions and credits, our own pruning, and HTML walked into parts.

`parse_html` parses with libxml2 and flattens subtrees nested deeper than any
article; `_credits_and_captions` takes figure captions out (credits kept as
metadata); `_prune` drops navigation, share bars, related boxes, comments
and ads by tag, role and class/id (the big-page path and the last resort);
`_blocks` walks HTML into parts (headings, paragraphs, blockquotes, list
items) with their links; `_raw_text` reads markup the parser could not hold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Callable

from lxml import etree
from lxml import html as lxml_html

from reader.clean.assemble import END_MATTER
from reader.clean.blocktext import Part, element_text
from reader.clean.pasted import CREDIT
from reader.errors import ReaderError
from reader.model import BlockKind

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


LARGE_PAGE_CHARS = 4_000_000
"""Bigger pages skip readability (its scoring and re-parsing cost several times our own pass and
double the memory); at that size the pruned body is the article."""

MAX_DEPTH = 120
"""Deeper subtrees are flattened to their text: no recursion limit is ever reached, and no article nests this deep."""


_AT_MAX_DEPTH = etree.XPath("/".join(["*"] * MAX_DEPTH))
"""The elements `MAX_DEPTH` levels below the root: libxml2 steps down level by level, once per element."""


def _flatten_deep(tree: lxml_html.HtmlElement) -> None:
    for el in _AT_MAX_DEPTH(tree):
        text = " ".join(t for t in el.itertext() if t and t.strip())
        tail = el.tail
        for child in list(el):
            el.remove(child)
        el.text = text
        el.tail = tail


_CLASSES = etree.ElementDefaultClassLookup(element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
                                          pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
"""lxml.html's element classes chosen in C: its own lookup is a Python call for every element Python touches
(a tenth of the cleaning time); only its form-field classes (`FormElement` ...), which nothing here uses, go."""


def parse_html(text: str) -> lxml_html.HtmlElement:
    try:
        parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(_CLASSES)
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
    return [el for el in tree.iter(etree.Element) if keep(el)]  # elements only: comments and PIs skipped in C


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


@lru_cache(maxsize=16384)
def _is_boilerplate(attrs: str) -> bool:
    """`attrs` (`_attr_text`) names a boilerplate region; once per distinct string (pages repeat their classes)."""
    return BOILERPLATE.search(attrs) is not None and not _KEEP_CLASS.search(attrs)


CHROME_TAGS = frozenset({"nav", "footer", "aside", "dialog", "menu", "form"})
"""Tags dropped as the page's chrome that may also, by a markup slip or a layout choice, wrap the article
(an unclosed `<nav>`, an ASP.NET `<form>` around the whole body, a pop-up `<aside>` holding the page)."""
WRAPPER_SHARE = 0.5
"""An element holding more than this share of the page's text is no sidebar, menu or footer: it is kept."""


def _wraps_page(el: lxml_html.HtmlElement, page_chars: int) -> bool:
    """True when `el` holds most of the page's text: chrome is by definition a minority of a page."""
    return page_chars > 0 and len(el.text_content()) > WRAPPER_SHARE * page_chars


def _prune(tree: lxml_html.HtmlElement) -> None:
    body = tree.find("body")
    page_chars = len((tree if body is None else body).text_content())
    for el in list(tree.iter(*DROP_TAGS)):
        if el.getparent() is not None and not (el.tag in CHROME_TAGS and _wraps_page(el, page_chars)):
            el.drop_tree()
    hidden, named = [], []
    for el in tree.iter(etree.Element):  # one walk for both lists (elements named inside a hidden one are
        # then looked at in the dropped subtree, which changes nothing in the page)
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or el.get("role") in HIDDEN_ROLES:
            hidden.append(el)
        if el.get("class") is not None or el.get("id") is not None:
            named.append(el)
    for el in hidden:
        if el.getparent() is not None and not (el.get("role") in HIDDEN_ROLES and _wraps_page(el, page_chars)):
            el.drop_tree()
    for el in named:
        if el.getparent() is None or el.tag in ("html", "body", "article", "main"):
            continue
        if _is_boilerplate(_attr_text(el)):
            if len(el.text_content()) > 1000 and len(el.xpath(".//p")) >= 3:
                continue  # a big container of paragraphs is the article, whatever it is called
            el.drop_tree()


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


def _blocks(content: lxml_html.HtmlElement) -> list[Part]:
    out: list[Part] = []

    def emit(kind: BlockKind, el: lxml_html.HtmlElement, level: int = 0) -> None:
        text, links = element_text(el)
        if kind != "heading" and _is_caption(el, text):
            return
        if text:
            out.append((kind, text, level, links))

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




def pruned_body(pruned: lxml_html.HtmlElement) -> list[Part]:
    """Our own pruning alone (the big-page path and the last resort): the pruned page's body as parts."""
    content = pruned.find("body")
    return _blocks(content) if content is not None else []

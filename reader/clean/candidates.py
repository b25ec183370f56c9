"""The article candidates: trafilatura (with its own fallbacks) and readability-lxml, each as parts.

A candidate is the list of parts `(kind, text, level, links)` our block
model is built from. trafilatura's unserialised XML body (`<p>`, `<head>`,
`<list>/<item>`, `<quote>`, `<table>/<row>/<cell>`, links as `<ref>`) is
mapped onto headings, paragraphs, list items and blockquotes; readability's
HTML summary is walked by `html._blocks`. trafilatura also gives its
metadata (title, author, and the date from htmldate) as one more source.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lxml import etree

from reader.clean.blocktext import Part, element_text

_BLOCKS = {"p": "paragraph", "head": "heading", "quote": "blockquote", "item": "list_item", "code": "paragraph"}
_NESTED = frozenset({"list", "table", "quote"})


@dataclass
class Candidate:
    name: str
    parts: list[Part]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return sum(len(p[1].split()) for p in self.parts)


def _emit(out: list[Part], kind: str, el: etree._Element, level: int = 0, skip: frozenset[str] = frozenset()) -> None:
    text, links = element_text(el, skip)
    if text:
        out.append((kind, text, level, links))


def _level(el: etree._Element) -> int:
    rend = el.get("rend") or ""
    return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 2


def xml_parts(body: etree._Element) -> list[Part]:
    """trafilatura's XML body as parts, in document order (iterative: any depth)."""
    out: list[Part] = []
    stack: list[tuple[etree._Element, str]] = [(child, "") for child in reversed(body)]
    while stack:
        el, inside = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("list", "div", "main", "body"):
            stack.extend((child, inside) for child in reversed(el))
        elif tag == "quote":
            if any(isinstance(c.tag, str) and c.tag in ("p", "list", "head") for c in el):
                if el.text and el.text.strip():
                    out.append(("blockquote", " ".join(el.text.split()), 0, []))
                stack.extend((child, "quote") for child in reversed(el))
            else:
                _emit(out, "blockquote", el)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [element_text(cell) for cell in row if cell.tag == "cell"]
                text, links, pos = [], [], 0
                for cell_text, cell_links in cells:
                    if not cell_text:
                        continue
                    if text:
                        pos += 1
                    links += [(u, a, s + pos, e + pos) for u, a, s, e in cell_links]
                    text.append(cell_text)
                    pos += len(cell_text)
                if text:
                    out.append(("paragraph", " ".join(text), 0, links))
        elif tag == "item" and any(isinstance(c.tag, str) and c.tag in _NESTED for c in el):
            _emit(out, "list_item", el, skip=_NESTED)
            stack.extend((child, inside) for child in reversed(el) if isinstance(child.tag, str) and child.tag in _NESTED)
        elif tag in _BLOCKS:
            kind = "blockquote" if inside == "quote" else _BLOCKS[tag]
            _emit(out, kind, el, _level(el) if kind == "heading" else 0)
        elif tag and tag != "graphic":
            _emit(out, "paragraph", el)
    return out


logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def trafilatura_candidate(tree: etree._Element, url: str | None) -> Candidate:
    """trafilatura's article (its own readability and jusText fallbacks included) and its metadata."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_links=True, include_formatting=True,
            include_comments=False, include_tables=True, include_images=False,
        )
    except Exception:  # a library failure is one candidate fewer, never a refused page
        doc = None
    if doc is None:
        return Candidate("trafilatura", [])
    meta = {"title": doc.title or "", "author": doc.author or "", "date": doc.date or "",
            "sitename": doc.sitename or ""}
    body = doc.body
    return Candidate("trafilatura", xml_parts(body) if body is not None else [], meta)


@cache
def _pruned_readability():
    """readability-lxml's `Document` for a page we have already pruned: its cleaning pass skipped.

    readability's `_parse` runs lxml's Cleaner over a copy of its input (scripts,
    styles, comments, `<link>`s, style and event attributes out: the scripts,
    styles and comments are already gone from our pruned copy, and the rest
    never counts in its scoring), one of the costliest steps of the whole
    extraction. This keeps everything else `_parse` does: hidden elements
    dropped, a fresh tree for each of its attempts, links made absolute. Its
    input is a function that builds that fresh pruned tree (readability
    changes the tree it scores, and retries on only a few pages: building
    the tree again then is cheaper than keeping a spare copy for every page).
    """
    from readability.readability import REGEXES

    from reader.clean.readability_fast import base

    Readability = base()  # readability's Document, with faster copies of some of its methods when checked

    class PrunedReadability(Readability):
        def _parse(self, input):  # noqa: A002 - readability's own signature
            doc = input()
            for elem in doc.xpath("//*[@hidden]"):
                elem.drop_tree()
            for elem in doc.xpath("//*[@style]"):
                if REGEXES["displayNoneRe"].search(elem.get("style")):
                    elem.drop_tree()
            self.encoding = "utf-8"
            if self.url:
                doc.make_links_absolute(self.url, resolve_base_href=True, handle_failures=self.handle_failures)
            else:
                doc.resolve_base_href(handle_failures=self.handle_failures)
            return doc

    return PrunedReadability


def readability_candidate(tree: etree._Element, url: str | None) -> Candidate:
    """readability-lxml's article, from a copy of the page pruned of navigation, share bars, related boxes
    and ads (`html._prune`), walked into parts."""
    from copy import deepcopy

    from lxml import html as lxml_html

    from reader.clean.html import _blocks, _prune

    def pruned_copy() -> etree._Element:
        copy = deepcopy(tree)
        _prune(copy)
        return copy

    try:
        summary = _pruned_readability()(pruned_copy, url=url).summary(html_partial=True)
        content = lxml_html.fragment_fromstring(summary, create_parent="div") if summary.strip() else None
    except Exception:  # readability gives up on some pages: one candidate fewer
        content = None
    return Candidate("readability", _blocks(content) if content is not None else [])

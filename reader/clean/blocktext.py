"""An element's text with its links, white space folded, in one linear pass.

Shared by both candidates (an lxml HTML element, whose links are `<a href>`,
and trafilatura's XML body, whose links are `<ref target>`). The text is
gathered once into pieces; each link remembers where its text starts and
ends in the raw text, and folding white space maps those raw offsets onto
the folded text by bisection, so 100,000 links in one paragraph cost no more
than the paragraph itself (rebuilding the text per link was quadratic).
"""

from __future__ import annotations

from typing import Iterable

from lxml import etree

Part = tuple[str, str, int, list[tuple[str, str, int, int]]]
"""(kind, text, level, links): each link is (url, anchor, start, end), offsets into the part's text."""

_HTTP = ("http://", "https://")


def _link_target(node: etree._Element) -> str | None:
    if node.tag == "a":
        href = node.get("href") or ""
    elif node.tag == "ref":
        href = node.get("target") or ""
    else:
        return None
    href = href.strip()
    return href if href.startswith(_HTTP) else None


def raw_text(el: etree._Element, skip: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, int, int]]]:
    """The text of `el` (its tail excluded) and its http(s) links as (url, raw start, raw end).

    Children whose tag is in `skip` are left out (their tails kept). `<br>` and
    `<lb>` count as a space. Iterative: no recursion limit on deep markup.
    """
    pieces: list[str] = []
    length = 0
    links: list[tuple[str, int, int]] = []
    open_links: list[tuple[int, str, int]] = []  # (index into links placeholder, url, start)
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            url = _link_target(node)
            if url is not None:
                start = open_links.pop()[2]
                links.append((url, start, length))
            if node is not el and node.tail:
                pieces.append(node.tail)
                length += len(node.tail)
            continue
        if not isinstance(node.tag, str):  # comment or processing instruction: its tail only
            if node.tail:
                pieces.append(node.tail)
                length += len(node.tail)
            continue
        if node is not el and node.tag in skip:
            if node.tail:
                pieces.append(node.tail)
                length += len(node.tail)
            continue
        if node.tag in ("br", "lb"):
            pieces.append(" ")
            length += 1
        if _link_target(node) is not None:
            open_links.append((len(links), "", length))
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(pieces), links


def fold(raw: str, links: Iterable[tuple[str, int, int]]) -> tuple[str, list[tuple[str, str, int, int]]]:
    """`raw` with runs of white space made one space (trimmed), and the links' offsets mapped onto it.

    The text is folded segment by segment between link boundaries, noting the
    folded length at each boundary: linear in the text plus the links.
    """
    links = list(links)
    if not links:
        return " ".join(raw.split()), []
    cuts = sorted({0, len(raw), *(s for _, s, _ in links), *(e for _, _, e in links)})
    out: list[str] = []
    length = 0
    pending = False  # white space seen since the last word: one space before the next word
    at: dict[int, tuple[int, bool]] = {}
    for a, b in zip(cuts, cuts[1:]):
        at[a] = (length, pending)
        segment = raw[a:b]
        words = segment.split()
        if segment[:1].isspace():
            pending = True
        if words:
            if pending and length:
                out.append(" ")
                length += 1
            piece = " ".join(words)
            out.append(piece)
            length += len(piece)
            pending = segment[-1:].isspace()
    at[len(raw)] = (length, pending)
    text = "".join(out)
    found: list[tuple[str, str, int, int]] = []
    for url, raw_start, raw_end in links:
        start, space = at[raw_start]
        end = at[raw_end][0]
        if space and start:
            start += 1
        while start < end and text[start] == " ":
            start += 1
        if end > start:
            found.append((url, text[start:end], start, end))
    return text, found


def element_text(el: etree._Element, skip: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str, int, int]]]:
    """Folded text of `el` and its links (url, anchor, start, end) with offsets into that text."""
    raw, links = raw_text(el, skip)
    return fold(raw, links)

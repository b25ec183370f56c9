"""HTML -> `Document`: the article chosen and merged from well-kept extractors' candidates.

trafilatura (with its own fallbacks) and readability-lxml each propose the
article as parts; `choose` picks the base by agreement and puts back the
passages one skipped inside the article; `assemble` drops widget lines,
takes the title, bylines and sources out and builds the `Document` (blocks,
offsets, links, image credits). Pages too big for the extractors, and pages
where both find nothing, get our own pruning of the page.
"""

from __future__ import annotations

import re

from reader.clean import html as page
from reader.clean.assemble import article_parts, assemble, key_points
from reader.clean.candidates import Candidate, readability_candidate, trafilatura_candidate
from reader.clean.choose import choose, is_navigation, marked_article_words, prose_words
from reader.clean.edges import is_fragment, may_be_fragment
from reader.clean.metadata import extract_metadata
from reader.clean.rawguard import cap_attributes
from reader.errors import ReaderError
from reader.model import Document

LARGE_PAGE_ELEMENTS = 60_000
"""Pages with more elements skip the extractors too (their passes are superlinear on huge trees)."""


def _count_elements(tree) -> int:
    count = 0
    for _ in tree.iter():
        count += 1
        if count > LARGE_PAGE_ELEMENTS:
            break
    return count


def _parser_dropped_text(tree, html: str) -> bool:
    """True when the tree holds under a fifth of the text of `html` with its tags stripped.

    The stripped text is never longer than `html`, so a tree holding a fifth of
    `html`'s length (every page but a truncated one) is answered without it.
    """
    held = len(tree.text_content().strip()) * 5
    return held < len(html) and held < len(page._raw_text(html).strip())


def clean_html(html: str, url: str | None = None) -> Document:
    """Clean an HTML page into a Document with metadata and body blocks."""
    html = cap_attributes(html)
    tree = page.parse_html(html)
    if len(html) > 50_000 and _parser_dropped_text(tree, html[:2_000_000]):
        # libxml2 dropped most of the page (it stops at a nesting depth): read its text line by line instead.
        from reader.clean.pasted import clean_pasted

        document = clean_pasted(re.sub(r"[ \t]+", " ", page._raw_text(html)))
        document.title = document.title or " ".join(tree.xpath("string(//title)").split())
        return document
    meta = extract_metadata(tree)
    credits = page._credits_and_captions(tree)
    points = key_points(tree)
    if len(html) > page.LARGE_PAGE_CHARS or _count_elements(tree) > LARGE_PAGE_ELEMENTS:
        page._prune(tree)
        chosen = Candidate("pruned", page.pruned_body(tree))
    else:
        prose = prose_words(tree)
        traf, read = trafilatura_candidate(tree, url), readability_candidate(tree, url)
        traf.parts, read.parts = article_parts(traf.parts, meta, points), article_parts(read.parts, meta, points)
        marked = marked_article_words(page._elements(tree, lambda el: el.get("itemprop") == "articleBody"))
        chosen = choose(traf, read, prose, marked)
        if chosen.parts and may_be_fragment(chosen.parts, prose, tree):
            page._prune(tree)  # nothing after this reads the unpruned page
            pruned = page.pruned_body(tree)
            if is_fragment(chosen.parts, pruned):
                chosen = Candidate("pruned", pruned)
        if not chosen.parts:
            page._prune(tree)
            chosen = Candidate("pruned", page.pruned_body(tree))
            if is_navigation(chosen.parts, prose):
                chosen = Candidate("none", [])
    if not chosen.parts and tree.xpath("//frameset"):
        raise ReaderError("a frameset page has no article of its own: open one of its frames instead")
    return assemble(chosen.parts, meta, credits, points)

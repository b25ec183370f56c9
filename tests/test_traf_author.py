"""`reader.clean.traf_author.extract_author` gives trafilatura's own `extract_author` answer (invented pages)."""

from __future__ import annotations

import pytest
from trafilatura.metadata import extract_author as library_author

from reader.clean import traf_author
from reader.clean.html import parse_html

PAGES = [
    # a plain byline class
    '<html><body><p>Story text here.</p><span class="author">Mira Okonkwo</span></body></html>',
    # the match holds a date the library deletes: its tail text joins the name
    '<html><body><div class="byline">By <a href="/p/tl">Tomas Lind</a> <time>May 3</time>and staff'
    '</div><p>Body.</p></body></html>',
    # a match inside a comments region is skipped, the next one is taken
    '<html><body><div id="comments"><span class="author">Commenter Name</span></div>'
    '<p class="author-name">Ada Perel</p></body></html>',
    # a sidebar region deleted inside the match, with tails on both sides
    '<html><body><div itemprop="author">Jon <span class="sidebar">skip this</span>Varga'
    '<span class="category">News</span> tail</div></body></html>',
    # too long a text: the next expression's match
    '<html><body><div class="author">' + "word " * 40 + '</div><h3 id="authorbox">Lena Ruiz</h3></body></html>',
    # only the last resort expression matches
    '<html><body><section data-component="Byline">Pat Quinn</section></body></html>',
    # an <author> element, quotes in class values, a figure with a caption inside the byline
    '<html><body><p class="x\'y &quot;z">t</p><author>Ines Moreau</author>'
    '<div class="byline"><figure>photo</figure>Kai Berg</div></body></html>',
    # nothing to find
    '<html><body><p>No byline on this page at all.</p></body></html>',
    # text too short everywhere
    '<html><body><span class="author">Al</span></body></html>',
    # a <rel> element: the library's own path
    '<html><body><span><rel>me</rel>Rae Sol</span><p class="byline">Rae Sol</p></body></html>',
]


@pytest.mark.parametrize("page", PAGES)
def test_same_answer_as_the_library(page):
    assert traf_author.extract_author(parse_html(page)) == library_author(parse_html(page))


def test_the_page_is_left_unchanged():
    page = PAGES[1]
    tree = parse_html(page)
    before = tree.text_content()
    traf_author.extract_author(tree)
    assert tree.text_content() == before


def test_other_library_expressions_take_the_library_path(monkeypatch):
    calls = []
    (author, *rest), _ = traf_author._library()
    monkeypatch.setattr(traf_author, "_library", lambda: ((lambda tree: calls.append(tree) or "X", *rest), False))
    assert traf_author.extract_author(parse_html(PAGES[0])) == "X" and calls

"""The author named beside the header's date, on invented pages without a "By" line."""

from __future__ import annotations

import lxml.html

from reader.clean import clean_text
from reader.clean.header_names import header_names, lower_case_words
from reader.clean.shown_dates import header_text

BODY = "".join(
    f"<p>The ropewalk at Hallin spun its {n}th coil of hemp this season, and the foreman kept a tally on the wall "
    f"so that every crew could see how far the order had come since the thaw.</p>" for n in range(1, 7)
)
TITLE = "Ropewalk at Hallin doubles its order"


def page(header: str, nav: str = "") -> str:
    return (f"<html><head><title>{TITLE}</title></head><body><nav>{nav}</nav><article><h1>{TITLE}</h1>"
            f"{header}{BODY}</article></body></html>")


def names(html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    return header_names(header_text(tree, TITLE), lower_case_words(tree.text_content()))


def test_a_name_beside_the_date_is_the_author():
    assert names(page("<div class='meta'><span>Ilse Marten</span><span>12.03.2026</span></div>")) == ["Ilse Marten"]
    assert names(page("<p>March 12, 2026 · Tomas Okafor on behalf of the crew</p>")) == ["Tomas Okafor"]
    assert names(page("<p><span>Ilse Marten</span> | <span>Senior Writer</span> | March 12, 2026</p>")) == \
        ["Ilse Marten"]
    assert clean_text(page("<div><span>Ilse Marten</span><time datetime='2026-03-12'>March 12, 2026</time></div>"))\
        .authors == ["Ilse Marten"]


def test_interface_words_and_reviewers_beside_the_date_are_no_author():
    assert names(page("<p><a href='/signup'>Start Free Trial</a> March 12, 2026</p><p>start your free trial</p>")) == []
    assert names(page("<p>Reviewed by Tomas Okafor</p><p>March 12, 2026</p>")) == []
    assert names(page("<p>Hallin</p><p>March 12, 2026</p>")) == []  # one word: a place, a site, a first name


def test_a_byline_or_declared_author_comes_first():
    html = page("<p>By Ilse Marten</p><p><span>Tomas Okafor</span> March 12, 2026</p>")
    assert clean_text(html).authors == ["Ilse Marten"]

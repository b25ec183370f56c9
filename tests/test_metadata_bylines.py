"""Visible bylines on invented pages: co-authors, labels in headings, "By Topic" menus that are no byline."""

from __future__ import annotations

import lxml.html

from reader.clean.authors import visible_bylines


def tree(body: str):
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def test_a_byline_lists_every_co_author_and_stops_at_the_date():
    assert visible_bylines(tree("<p>Written by Ilse Marten and Tomas Okafor, March 3, 2026</p>")) == \
        ["Ilse Marten", "Tomas Okafor"]
    assert visible_bylines(tree("<p>By Ilse Marten, Jon Ebbe &amp; Li Wen · 4 min read</p>")) == \
        ["Ilse Marten", "Jon Ebbe", "Li Wen"]
    assert visible_bylines(tree("<p>By Ilse Marten with Tomas Okafor</p>")) == ["Ilse Marten", "Tomas Okafor"]


def test_a_role_after_the_name_is_not_a_co_author():
    assert visible_bylines(tree("<p>By Ilse Marten, Home Security Expert</p>")) == ["Ilse Marten"]
    assert visible_bylines(tree("<p>By Ilse Marten | Senior Writer | May 2, 2026</p>")) == ["Ilse Marten"]


def test_a_menu_heading_that_begins_with_by_is_no_byline():
    menu = ("<header><div>By Region</div><ul><li><a href='/north'>North</a></li></ul>"
            "<nav><a href='/topics'>By Topic</a></nav></header>")
    assert visible_bylines(tree(menu + "<article><p>By Ilse Marten</p></article>")) == ["Ilse Marten"]
    assert visible_bylines(tree(menu)) == []


def test_an_author_label_in_a_heading_names_the_author_in_the_next_element():
    box = "<div class='meta'><h3>Author</h3><p>Ilse Marten</p></div>"
    assert visible_bylines(tree(box)) == ["Ilse Marten"]
    assert visible_bylines(tree("<h2>Written by Ilse Marten</h2><p>Ilse writes about orchards.</p>")) == ["Ilse Marten"]
    assert visible_bylines(tree("<p><strong>Contributors:</strong> Ilse Marten</p>")) == ["Ilse Marten"]


def test_an_author_heading_followed_by_a_word_is_a_section_title():
    assert visible_bylines(tree("<h2>Author Spotlight</h2><div><a href='/team'>Our team</a></div>")) == []


def test_the_byline_keeps_the_letters_after_a_name_and_the_authors_are_names():
    from reader.clean import clean_text
    from reader.clean.authors import clean_authors

    body = "".join(f"<p>The clinic at Hallin reopened its {n}th ward after the winter, and the nurses "
                   f"counted the beds twice before the first patients arrived from the valley.</p>" for n in range(6))
    html = (f"<html><head><meta name='author' content='Ilse Marten, MD, MPH; Tomas Okafor, Ph.D.'></head>"
            f"<body><article><h1>Hallin clinic reopens</h1>{body}</article></body></html>")
    doc = clean_text(html)
    assert doc.authors == ["Ilse Marten", "Tomas Okafor"]
    assert doc.byline == "By Ilse Marten, MD, MPH; Tomas Okafor, Ph.D."
    credits: dict[str, str] = {}
    assert clean_authors(["Ilse Marten, CFP®, and Jon Ebbe"], credits) == ["Ilse Marten", "Jon Ebbe"]
    assert credits == {"Ilse Marten": "Ilse Marten, CFP®"}

"""Body extraction from candidates (trafilatura, readability-lxml): choice, merge, structure, refusals.

Every page and sentence here is invented.
"""

from __future__ import annotations

import pytest
from lxml import etree

from reader.clean import clean_text
from reader.clean.candidates import Candidate, xml_parts
from reader.clean.choose import choose, is_navigation, merge, prose_words, restyle
from reader.clean.html import parse_html
from reader.clean.rawguard import MAX_ATTRIBUTES, cap_attributes
from reader.errors import ReaderError
from reader.load import load_document

P = [
    "The river ferry resumed its dawn crossings on Monday after a week of repairs to the landing stage.",
    "Passengers queued along the quay before six, and the first boat left full, its captain said.",
    "Engineers had replaced two rotten piles and a section of the walkway that storms had loosened.",
    "The operator said the evening timetable would return to normal once the new ramp is tested.",
    "Cyclists, who were barred during the repairs, may board again from Wednesday at no extra charge.",
]
BIO = "Mira Holt writes about transport and the coast for the paper and has lived by the river for twenty years."


def para(text: str) -> tuple:
    return ("paragraph", text, 0, [])


def test_candidates_disagreeing_keep_trafilatura():
    traf = Candidate("trafilatura", [para(t) for t in P[:4]])
    read = Candidate("readability", [para("Comments are closed on this story, which is about something else entirely.")])
    assert [p[1] for p in choose(traf, read).parts] == P[:4]


def test_readability_is_the_base_when_it_holds_trafilatura():
    traf = Candidate("trafilatura", [para(t) for t in P[1:4]])
    read = Candidate("readability", [("heading", "Back on the water", 2, [])] + [para(t) for t in P])
    chosen = choose(traf, read)
    assert chosen.name == "readability"
    assert [p[1] for p in chosen.parts] == ["Back on the water", *P]


def test_a_paragraph_one_candidate_dropped_is_put_back_but_not_its_edges():
    base = [para(P[0]), para(P[1]), para(P[3]), para(P[4])]
    other = [para("Sign in to our newsletter today."), para(P[0]), para(P[1]), para(P[2]), para(P[3]), para(BIO)]
    assert [p[1] for p in merge(base, other)] == P  # the inner gap filled; the newsletter and bio at the edges left out


def test_a_paragraph_takes_the_block_kind_the_page_gave_it():
    parts = restyle([para("Back on the water"), para(P[0])], [("heading", "Back on the water", 3, [])])
    assert parts[0][:3] == ("heading", "Back on the water", 3)
    assert parts[1][0] == "paragraph"


PAGE = """<!doctype html><html lang="en"><head><title>Dawn ferry is back | River Courier</title>
<meta property="og:title" content="Dawn ferry is back"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<main><article><h1>Dawn ferry is back</h1>
<p>{0}</p><p>{1} Read the <a href="https://ferry.example/timetable">new timetable</a> online.</p>
<h2>Repairs</h2><p>{2}</p><ul><li>{3}</li><li>{4}</li></ul>
<blockquote><p>We are glad to be running again, and we thank everyone for their patience.</p></blockquote>
</article>
<div class="author-bio"><img src="/holt.jpg" alt=""><p>{5}</p></div>
<aside class="related"><h3>More local news</h3><ul><li><a href="/a">Library hours change</a></li>
<li><a href="/b">Market moves to the square</a></li></ul></aside></main>
<footer>Copyright River Courier</footer></body></html>"""


@pytest.fixture(scope="module")
def article():
    return clean_text(PAGE.format(*P, BIO))


def test_article_beside_a_bio_box_keeps_every_block_and_no_bio(article):
    assert article.title == "Dawn ferry is back"
    for sentence in P:
        assert sentence in article.body
    assert BIO not in article.body
    assert "Library hours change" not in article.body and "Home" not in article.body


def test_blocks_keep_their_kinds_and_links_their_offsets(article):
    kinds = {article.block_text(b): b.kind for b in article.blocks}
    assert kinds["Repairs"] == "heading"
    assert kinds[P[3]] == "list_item"
    assert kinds["We are glad to be running again, and we thank everyone for their patience."] == "blockquote"
    link = next(link for link in article.links if link.url == "https://ferry.example/timetable")
    assert article.body[link.start : link.end] == "new timetable"


NAVIGATION = ("<!doctype html><html><head><title>Sections | River Courier</title></head><body><ul>"
              + "".join(f'<li><a href="/s{i}">Section number {i}</a></li>' for i in range(40))
              + "</ul><p><a href='/login'>Log in</a></p></body></html>")


def test_a_page_of_links_only_has_no_article(tmp_path):
    path = tmp_path / "sections.html"
    path.write_text(NAVIGATION, encoding="utf-8")
    with pytest.raises(ReaderError, match="no article text"):
        load_document(str(path))


def test_navigation_is_told_from_prose():
    tree = parse_html(PAGE.format(*P, BIO))
    prose = prose_words(tree)
    assert not is_navigation([para(t) for t in P], prose)
    assert is_navigation([para("Library hours change Market moves to the square")], prose)


def test_trafilatura_xml_maps_onto_blocks():
    body = etree.fromstring(
        "<body><head rend='h3'>Repairs</head><p>Read the <ref target='https://x.example/t'>timetable</ref> now.</p>"
        "<list><item>First item</item><item>Second item</item></list><quote>Glad to be back.</quote>"
        "<table><row><cell>Monday</cell><cell>06:00</cell></row></table></body>"
    )
    parts = xml_parts(body)
    assert [(p[0], p[1], p[2]) for p in parts] == [
        ("heading", "Repairs", 3), ("paragraph", "Read the timetable now.", 0), ("list_item", "First item", 0),
        ("list_item", "Second item", 0), ("blockquote", "Glad to be back.", 0), ("paragraph", "Monday 06:00", 0)]
    assert parts[1][3] == [("https://x.example/t", "timetable", 9, 18)]


def test_a_tag_with_a_million_attributes_is_cut_in_one_pass():
    html = "<p " + " ".join(f"a{i}=1" for i in range(200_000)) + ">Text</p>"
    cut = cap_attributes(html)
    assert cut.endswith(">Text</p>") and cut.count("=") == MAX_ATTRIBUTES


def test_extras_outside_the_marked_article_body_are_left_out():
    from collections import Counter

    article = [para(f"{t} Paragraph {n} of the ferry story goes on with invented words.") for n, t in enumerate(P * 3)]
    extra = [para(f"Readers also liked story {n} about lighthouse keepers, their cats and a northern cape in winter.")
             for n in range(12)]
    marked = Counter(w for p in article for w in p[1].lower().replace(",", " ").replace(".", " ").split())
    traf, read = Candidate("trafilatura", article + extra), Candidate("readability", article)
    assert choose(traf, read, None, marked).name == "readability"
    assert choose(traf, read, None, None).name == "trafilatura"  # no article markup: trafilatura's extras stand


def test_the_readability_candidate_drops_hidden_text_and_makes_links_absolute():
    from reader.clean.candidates import readability_candidate

    prose = " ".join(f"The harbour master counted crate {n} twice before the tide turned at dawn." for n in range(12))
    page = (f"<html><body><div class='story'><p>{prose} <a href='/tides'>Tide table</a></p>"
            f"<p hidden>A hidden note for the editors only.</p>"
            f"<p style='display: none'>A collapsed note nobody sees.</p><p>{prose}</p></div></body></html>")
    tree = parse_html(page)
    parts = readability_candidate(tree, "https://example.org/news/crates").parts
    text = " ".join(p[1] for p in parts)
    assert "crate 11" in text and "hidden note" not in text and "collapsed note" not in text
    assert ("https://example.org/tides", "Tide table") in [(u, a) for p in parts for u, a, _, _ in p[3]]
    assert "hidden note" in tree.text_content()  # the page itself is left as it was for the other steps

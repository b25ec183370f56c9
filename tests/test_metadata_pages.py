"""Article metadata from small authored pages: titles, authors and the publication date."""

from __future__ import annotations

import json

import pytest

from reader.clean import clean_text
from reader.clean.authors import choose_authors, clean_authors, visible_bylines
from reader.clean.titles import decode_entities, strip_site_suffix

BODY = "".join(
    f"<p>The ferry to Skarholm left at dawn on day {n}, and the harbour master counted the crates twice "
    f"before the tide turned; the islanders had waited for the new lenses since the storm in spring.</p>"
    for n in range(1, 7)
)


def page(head: str = "", before: str = "", after: str = "", h1: str | None = "Lenses reach Skarholm") -> str:
    heading = f"<h1>{h1}</h1>" if h1 is not None else ""
    return (f"<html lang='en'><head>{head}</head><body><header><a href='/'>The Lantern Gazette</a></header>"
            f"<article>{heading}{before}{BODY}{after}</article></body></html>")


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_an_article_with_a_bio_box_gives_the_name_alone():
    bio = ("<div class='author-box'><h4>About the author</h4><p>Mara Lindqvist is a reporter who has covered "
           "the northern islands for ten years and writes about shipping.</p></div>")
    doc = clean_text(page(before="<p class='meta'>By <a href='/people/mara'>Mara Lindqvist</a> | Senior Writer</p>",
                          after=bio))
    assert doc.authors == ["Mara Lindqvist"]
    assert doc.byline == "By Mara Lindqvist"


def test_a_bio_given_as_the_author_is_cut_to_the_name():
    head = "<meta name='author' content='Mara Lindqvist is a reporter who covers the northern islands and shipping'>"
    assert clean_text(page(head=head)).authors == ["Mara Lindqvist"]


def test_two_dates_the_published_one_is_kept_with_its_offset():
    head = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Lenses reach Skarholm",
               "datePublished": "2026-03-04T09:15:00+01:00", "dateModified": "2026-05-01T18:00:00+02:00"})
    doc = clean_text(page(head=head, before="<p>Updated May 1, 2026</p>"))
    assert doc.published == "2026-03-04T09:15+01:00"


def test_two_dates_in_meta_tags_the_published_one_wins():
    head = ("<meta property='article:modified_time' content='2026-05-01T18:00:00Z'>"
            "<meta property='article:published_time' content='2026-03-04T07:30:00-05:00'>")
    assert clean_text(page(head=head)).published == "2026-03-04T07:30-05:00"


def test_without_declared_dates_htmldate_reads_the_page():
    doc = clean_text(page(before="<p class='date'>Published on March 4, 2026</p>"))
    assert (doc.published or "")[:10] == "2026-03-04"


def test_json_ld_author_list_persons_graph_and_references():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "The Lantern Gazette"},
        {"@type": "NewsArticle", "headline": "Lenses reach Skarholm", "datePublished": "2026-03-04",
         "author": [{"@type": "Person", "name": "Ana Petrov"}, {"@id": "#jon"},
                    {"@type": "Person", "name": "https://example.org/people/ana-petrov"},
                    {"@type": "Organization", "name": "Lantern Staff"}, {"@type": "Person", "name": "Ana Petrov"}]},
        {"@type": "Person", "@id": "#jon", "name": "Jon Ebbe"},
    ]}
    doc = clean_text(page(head=ld(graph)))
    assert doc.authors == ["Ana Petrov", "Jon Ebbe"]


def test_an_organisation_is_the_author_only_when_no_person_is_named():
    assert choose_authors([["Lantern Staff"], ["By Ana Petrov"]]) == ["Ana Petrov"]
    assert choose_authors([["Lantern Staff"], []]) == ["Lantern Staff"]
    assert choose_authors([["The Lantern Gazette"], ["Ana Petrov"]], ["The Lantern Gazette"]) == ["Ana Petrov"]


@pytest.mark.parametrize("value, names", [
    ("By Ana Petrov and Jon Ebbe", ["Ana Petrov", "Jon Ebbe"]),
    ("Ana Petrov, MD; Jon Ebbe", ["Ana Petrov", "Jon Ebbe"]),
    ("https://example.org/author/ana-petrov", []),
    ("1234567890", []),
    ("Ana Petrov Senior Editor", ["Ana Petrov"]),
    ("ana.petrov@example.org", []),
])
def test_clean_authors(value, names):
    assert clean_authors([value]) == names


def test_a_by_label_beside_the_name_and_a_sentence_starting_by_is_no_byline():
    import lxml.html

    tree = lxml.html.fromstring("<div><p>By the harbour the crates waited.</p>"
                                "<div><span>Written by:</span><img src='x.png'><b>Jon Ebbe</b></div></div>")
    assert visible_bylines(tree) == ["Jon Ebbe"]


def test_html_entities_in_titles_are_decoded_even_when_escaped_twice():
    head = "<meta property='og:title' content='Lenses &amp;#8211; at last &amp;amp; on time'>"
    doc = clean_text(page(head=head, h1=None))
    assert doc.title == "Lenses – at last & on time"
    assert decode_entities("Skarholm&#8217;s lenses") == "Skarholm’s lenses"


def test_the_site_name_suffix_is_stripped_when_it_is_the_site():
    head = ("<title>Lenses reach Skarholm | The Lantern Gazette</title>"
            "<meta property='og:site_name' content='The Lantern Gazette'>")
    doc = clean_text(page(head=head, h1=None))
    assert doc.title == "Lenses reach Skarholm" and doc.site_name == "The Lantern Gazette"
    assert strip_site_suffix("Lenses - a history - Gazette", ["Other Site"]) == ("Lenses - a history - Gazette", "")
    assert strip_site_suffix("Lenses reach Skarholm - lanterngazette.org", ["lanterngazette.org"])[0] == \
        "Lenses reach Skarholm"


def test_the_headline_is_preferred_when_it_agrees_with_the_declared_title():
    head = ("<title>Skarholm lenses | The Lantern Gazette</title><meta property='og:title' content='Skarholm lenses at last'>"
            "<meta property='og:site_name' content='The Lantern Gazette'>")
    doc = clean_text(page(head=head, h1="Skarholm lenses arrive at last"))
    assert doc.title == "Skarholm lenses arrive at last"


def test_a_headline_that_disagrees_or_is_the_site_name_is_not_the_title():
    head = ("<meta property='og:title' content='Lenses reach Skarholm at last'>"
            "<meta property='og:site_name' content='The Lantern Gazette'>")
    assert clean_text(page(head=head, h1="The Lantern Gazette")).title == "Lenses reach Skarholm at last"
    assert clean_text(page(head=head, h1="Weather for the weekend")).title == "Lenses reach Skarholm at last"


def test_the_article_object_is_read_ahead_of_the_web_page_that_holds_it():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "headline": "Lenses reach Skarholm", "datePublished": "2026-03-01T08:00:00+00:00"},
        {"@type": "NewsArticle", "headline": "Lenses reach Skarholm", "datePublished": "2026-03-04T09:15:00+01:00",
         "author": {"@type": "Person", "name": "Mara Lindqvist"}}]}
    doc = clean_text(page(head=ld(graph)))
    assert doc.authors == ["Mara Lindqvist"]
    assert doc.published == "2026-03-04T09:15+01:00"


def test_an_author_given_as_a_labelled_pair_of_meta_tags():
    head = "<meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='Mara Lindqvist'>"
    assert clean_text(page(head=head)).authors == ["Mara Lindqvist"]


def test_an_open_graph_published_time_is_a_declared_date():
    head = "<meta name='date' content='01/07/16'><meta property='og:published_time' content='2026-03-04T07:30:00-05:00'>"
    assert clean_text(page(head=head)).published == "2026-03-04T07:30-05:00"


def test_a_time_element_gives_the_date_from_a_valid_value_or_its_written_text():
    ambiguous = "<p><time datetime='02-12-2026'>02-12-2026</time></p><p><time datetime='2026-12-02'>2 December</time></p>"
    assert (clean_text(page(before=ambiguous)).published or "")[:10] == "2026-12-02"
    written = "<p class='when'><time>9 February 2026</time></p>"
    head = "<meta property='article:modified_time' content='2026-02-12T17:00:00+00:00'>"
    assert (clean_text(page(head=head, before=written)).published or "")[:10] == "2026-02-09"


def test_a_utc_stamp_past_midnight_gives_the_day_the_page_shows():
    stamp = "<p><time datetime='2026-02-24T04:13:00Z'>February 23, 2026</time></p>"
    assert clean_text(page(before=stamp)).published == "2026-02-23"
    same_day = "<p><time datetime='2026-02-24T14:13:00Z'>February 24, 2026</time></p>"
    assert clean_text(page(before=same_day)).published == "2026-02-24T14:13Z"


def test_a_month_before_a_surname_is_a_first_name_and_a_month_alone_is_none():
    from reader.clean.authors import looks_like_name

    assert looks_like_name("April Lindqvist") and looks_like_name("June Okafor")
    assert not looks_like_name("April") and not looks_like_name("Sept.")
    doc = clean_text(page(before="<p class='meta'>By <a rel='author' href='/people/april'>April Lindqvist</a></p>"))
    assert doc.authors == ["April Lindqvist"]


def test_scholarly_citation_authors_are_all_read():
    head = "".join(f"<meta name='citation_author' content='{n}'>" for n in ("Mara Lindqvist", "Tomas Okafor"))
    assert clean_text(page(head=head)).authors == ["Mara Lindqvist", "Tomas Okafor"]


def test_a_link_to_the_authors_page_names_the_author_when_nothing_else_does():
    card = "<div class='card'><a href='/blog/authors/mara-lindqvist'><span>Mara Lindqvist</span></a></div>"
    assert clean_text(page(before=card)).authors == ["Mara Lindqvist"]

"""The date a page shows under its headline, against the dates its metadata declares (invented pages)."""

from __future__ import annotations

import json

import lxml.html

from reader.clean import clean_text
from reader.clean.shown_dates import ShownDate, header_dates, shown_publication

BODY = "".join(
    f"<p>The orchard co-operative at Vellmar pressed its {n}th barrel of cider before the frost, and the growers "
    f"argued late into the evening over how much of the harvest to keep back for the winter market.</p>"
    for n in range(1, 7)
)
FOOTER = "<footer><p>Copyright 2026 The Vellmar Courier. Posted 01/01/2026.</p></footer>"


def page(head: str = "", header: str = "", above: str = "") -> str:
    return (f"<html lang='en'><head>{head}</head><body><nav><a href='/'>The Vellmar Courier</a></nav>"
            f"<article>{above}<h1>Cider presses run late at Vellmar</h1>{header}{BODY}</article>{FOOTER}</body></html>")


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_the_date_under_the_headline_beats_a_declared_first_draft_date():
    head = ld({"@type": "NewsArticle", "headline": "Cider presses run late at Vellmar",
               "datePublished": "2019-02-01T10:00:00+01:00", "dateModified": "2026-03-02T08:00:00+01:00"})
    doc = clean_text(page(head=head, header="<p class='byline'>By Ilse Marten · October 14, 2025</p>"))
    assert (doc.published or "")[:10] == "2025-10-14"


def test_an_updated_date_in_the_header_leaves_the_publication_date():
    head = ld({"@type": "NewsArticle", "headline": "Cider presses run late at Vellmar",
               "datePublished": "2025-09-03T10:00:00+02:00", "dateModified": "2026-01-20T08:00:00+01:00"})
    doc = clean_text(page(head=head, header="<p>By Ilse Marten | Last updated: January 20, 2026</p>"))
    assert doc.published == "2025-09-03T10:00+02:00"
    unlabelled = page(head=head, header="<p>By Ilse Marten</p><p>January 20, 2026</p>")
    assert clean_text(unlabelled).published == "2025-09-03T10:00+02:00"  # the declared revision date, shown bare


def test_a_shown_date_a_day_off_is_the_declared_one_in_another_zone():
    head = "<meta property='article:published_time' content='2026-02-24T02:30:00Z'>"
    doc = clean_text(page(head=head, header="<p>Published February 23, 2026</p>"))
    assert doc.published == "2026-02-24T02:30Z"


def test_without_declared_dates_the_header_date_beats_a_date_elsewhere_on_the_page():
    doc = clean_text(page(above="<p class='kicker'>March 4, 2025</p>"))
    assert (doc.published or "")[:10] == "2025-03-04"


def test_a_day_month_pair_that_reads_both_ways_is_not_taken_from_the_header():
    tree = lxml.html.fromstring(page(header="<p>By Ilse Marten 03/04/2025</p>"))
    shown = header_dates(tree, "Cider presses run late at Vellmar")
    assert [d.ambiguous for d in shown] == [True]
    assert shown_publication("2025-04-03", None, shown) == "2025-04-03"
    assert header_dates(lxml.html.fromstring(page(header="<p>By Ilse Marten 25/04/2025</p>")))[0].value == "2025-04-25"


def test_a_time_element_in_the_header_gives_its_zone_and_labels_are_read():
    header = ("<p>Posted <time datetime='2025-11-05T07:45:00-05:00'>November 5, 2025</time>"
              " · Updated <time datetime='2025-12-01T09:00:00-05:00'>December 1, 2025</time></p>")
    shown = header_dates(lxml.html.fromstring(page(header=header)), "Cider presses run late at Vellmar")
    assert shown == [ShownDate("2025-11-05T07:45-05:00", "published", True),
                     ShownDate("2025-12-01T09:00-05:00", "updated", True)]
    assert shown_publication("2019-01-01", None, shown) == "2025-11-05T07:45-05:00"


def test_a_page_without_a_headline_shows_no_header_dates():
    assert header_dates(lxml.html.fromstring("<html><body><p>May 2, 2025</p></body></html>")) == []


def test_a_day_gap_is_a_time_zone_only_when_the_other_date_has_a_time():
    shown = [ShownDate("2025-12-18", "", True)]
    assert shown_publication("2025-12-17T23:30-05:00", None, shown) == "2025-12-17T23:30-05:00"
    assert shown_publication("2025-12-17", None, shown) == "2025-12-18"

"""Each authored sample page cleans to its article: metadata right, body start and end, no boilerplate."""

from __future__ import annotations

import pytest

from reader.load import load_document
from tests.conftest import SAMPLES

SAMPLES_TABLE = {
    "harbour-council-ferry-vote.html": dict(
        title="Harbour council votes to keep night ferry after packed meeting",
        authors=["Fiona MacLeay"], site="The Northern Courier", published="2025-10-16T18:42+01:00",
        first="Councillors in Port Elling voted 9-4", last="with a Sunday service at 10pm during the summer timetable.",
        credits=["Ewan Strachan / Courier Pictures"], headings=["Islanders' campaign", "Opposition warns of cuts elsewhere"],
        junk=["We use cookies", "Share on Facebook", "Advertisement", "Also read", "Skerry school roof",
              "morning briefing", "islandlass", "Most read", "All rights reserved", "Photo:", "gtag", "Subscribe from"],
    ),
    "varda-strait-tunnel-longread.html": dict(
        title="The tunnel that nobody wanted, until everybody did",
        authors=["Tomasz Weller"], site="Meridian Review", published="2025-03-08T06:00Z",
        first="How a fishing town, a stubborn engineer", last="I would not trade it for anything.\"",
        credits=["Lena Hartvig for Meridian Review", "Strait Line archive"],
        headings=["A town at the end of the road", "Under the strait", "An engineer's footnote"],
        junk=["partners use cookies", "Advertisement", "Also read", "The bridges that bankrupted", "Listen to this article",
              "Sign up to The Long Read", "Photograph:", "Comments are closed", "Recommended for you", "contributing writer"],
        min_words=5000,
    ),
    "storm-live-updates.html": dict(
        title="Storm Ilse live: flights cancelled, rail lines closed as gusts hit 140 km/h",
        authors=["Priya Natarajan", "Oskar Lind"], site="Daily Meridian", published="2025-11-12T06:05+01:00",
        first="Key points", last="throughout the day.",
        credits=["Karin Moe / Meridian Images"], headings=["Key points", "14:20 · Airport says runway will reopen on Thursday"],
        junk=["214 partners", "Advertisement", "Also read", "How are storms named", "Share this live blog", "Trending",
              "Lottery winner", "Subscribe"],
    ),
    "cafe-cup-levy-windows1252.html": dict(
        title="Café owners fear €2.40 coffee cup levy will sink small businesses",
        authors=["Hélène Duquesne"], site="Lowland Gazette", published="2024-07-23",
        first="BREMPORT – Independent café owners", last="it had more than 3,200 signatures.",
        credits=["Jürgen Stahl"], headings=[],
        junk=["Business headlines", "Harbour rents", "Related:", "Print this story", "Email to a friend", "Copyright",
              "Anaïs Ferreira in her café", "_gaq"],
    ),
    "wire-rail-strike-talks.html": dict(
        title="Rail unions and operators agree to resume talks as strike enters second week",
        authors=["Marta Kowalczyk", "Lukas Brenner"], site="Continental Wire Service", published="2025-02-19T16:10Z",
        first="BERLIN, Feb 19 (Continental Wire) — Rail unions", last="the coach operator FlixLine said last week.",
        credits=[], headings=[], listed=["Continental Wire", "Reuters", "dpa"],
        junk=["Skip to main content", "Advertisement", "Read more", "Explainer: why", "Sources:", "Reporting by",
              "Our Standards", "More from Europe", "quotes delayed", "Share on LinkedIn"],
    ),
    "library-reopens-regional.html": dict(
        title="Aldvik library reopens after two-year renovation",
        authors=["Sigrid Holt"], site="Aldvik Weekly", published="2025-09-06T09:00+02:00",
        first="The public library on Torget reopened on Saturday", last="free for all residents of the municipality.",
        credits=[], headings=["Over budget, but popular"],
        junk=["light rain", "e-edition", "Posted on", "Share this:", "Related", "Swimming pool", "Tagged", "Leave a Reply",
              "For books?", "Recent Posts", "WordPress"],
        links=[("https://aldvik.kommune.example/library-accounts", "on its website")],
    ),
}


@pytest.fixture(scope="module", params=sorted(SAMPLES_TABLE))
def sample(request):
    return request.param, load_document(str(SAMPLES / request.param)), SAMPLES_TABLE[request.param]


def test_metadata(sample):
    _, doc, want = sample
    assert doc.content_type == "html"
    assert doc.title == want["title"]
    assert doc.authors == want["authors"]
    assert doc.site_name == want["site"]
    assert doc.published == want["published"]
    assert doc.image_credits == want["credits"]
    assert doc.listed_sources == want.get("listed", [])
    assert doc.url and doc.url.startswith("https://") or doc.url is None or doc.url.startswith("http://")


def test_body_start_end_and_headings(sample):
    _, doc, want = sample
    assert doc.body.startswith(want["first"])
    assert doc.body.endswith(want["last"])
    headings = [doc.block_text(b) for b in doc.blocks if b.kind == "heading"]
    for heading in want["headings"]:
        assert heading in headings
    assert doc.title not in headings
    assert doc.word_count >= want.get("min_words", 150)


def test_no_boilerplate(sample):
    _, doc, want = sample
    for junk in want["junk"]:
        assert junk not in doc.body, junk


def test_links_have_valid_offsets(sample):
    _, doc, want = sample
    for link in doc.links:
        assert doc.body[link.start : link.end] == link.text
        assert link.url.startswith(("http://", "https://"))
    for url, text in want.get("links", []):
        assert any(l.url == url and l.text == text for l in doc.links)


def test_gzip_copy_matches_plain():
    plain = load_document(str(SAMPLES / "library-reopens-regional.html"))
    zipped = load_document(str(SAMPLES / "library-reopens-regional.html.gz"))
    assert zipped.body == plain.body and zipped.title == plain.title


def test_windows1252_is_really_encoded_that_way():
    raw = (SAMPLES / "cafe-cup-levy-windows1252.html").read_bytes()
    assert b"charset=windows-1252" in raw
    assert "Café".encode("cp1252") in raw and "€".encode("cp1252") in raw
    raw.decode("cp1252")

"""The cleaner's cheap paths give the answers of the full ones (our own small pages)."""

from __future__ import annotations

from reader.clean import article
from reader.clean import html as page
from reader.clean.assemble import _is_junk
from reader.clean.candidates import readability_candidate

PARAGRAPH = "The river rose two metres overnight and the ferry between the two villages stopped running."


def test_a_tree_holding_the_page_text_is_answered_without_stripping_the_raw_page(monkeypatch):
    html = f"<html><body><p>{PARAGRAPH}</p></body></html>"
    monkeypatch.setattr(page, "_raw_text", lambda _: (_ for _ in ()).throw(AssertionError("stripped")))
    assert not article._parser_dropped_text(page.parse_html(html), html)


def test_a_tree_that_lost_most_of_the_page_text_is_still_caught():
    html = "<html><body><p>short</p></body></html>" + f"<p>{PARAGRAPH}</p>" * 50
    tree = page.parse_html("<html><body><p>short</p></body></html>")
    assert article._parser_dropped_text(tree, html)


def test_junk_lines_by_their_length_and_pattern():
    assert _is_junk("paragraph", "Photo: Jane Roe / Example Wire")
    assert not _is_junk("paragraph", "Photo: " + " ".join(["word"] * 12))  # too long to be a credit line
    assert _is_junk("paragraph", "Reporting by Jane Roe; editing by John Doe")
    assert not _is_junk("paragraph", PARAGRAPH)


def test_readability_builds_a_fresh_pruned_tree_when_it_retries():
    # An article too short for readability's first (ruthless) pass: it retries on a new tree.
    html = f"<html><body><nav><a href='/'>Home</a></nav><div class='sidebar-note'><p>Short note.</p></div><div><p>{PARAGRAPH}</p></div></body></html>"
    tree = page.parse_html(html)
    first = readability_candidate(tree, None)
    again = readability_candidate(tree, None)
    assert PARAGRAPH in [p[1] for p in first.parts]
    assert first.parts == again.parts
    assert tree.find(".//nav") is not None  # the page's own tree is left as it was

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


def _depth(el) -> int:
    return 1 + max((_depth(child) for child in el if isinstance(child.tag, str)), default=0)


def test_subtrees_nested_past_the_bound_become_their_text_and_the_rest_stays():
    deep = "<div>" * 150 + "<p>deep <b>words</b> here</p>" + "</div>" * 150
    tree = page.parse_html(f"<html><body><p>{PARAGRAPH}</p>{deep}<section><p>after</p></section></body></html>")
    assert _depth(tree) == page.MAX_DEPTH + 1  # the root counts one level
    flattened = tree.xpath("/".join(["*"] * page.MAX_DEPTH))
    assert [" ".join(el.text.split()) for el in flattened] == ["deep words here"]
    assert tree.find(".//section/p").text == "after"


def test_a_page_within_the_bound_is_left_as_parsed():
    nested = "<div>" * 100 + "<p>inside <b>bold</b></p>" + "</div>" * 100
    tree = page.parse_html(f"<html><body>{nested}</body></html>")
    assert tree.find(".//b").text == "bold"


def test_parsed_elements_are_lxml_html_elements_form_fields_included():
    from lxml import html as lxml_html

    tree = page.parse_html("<html><body><form><label>Name</label><input name='q'></form><p>text</p></body></html>")
    assert all(isinstance(el, lxml_html.HtmlElement) for el in tree.iter())
    tree.find(".//form").drop_tree()
    assert tree.text_content() == "text"

"""htmldate's scan of the whole text is skipped on a page far larger than any article (it stays bounded)."""

from __future__ import annotations

import lxml.html

from reader.clean import published


def _page(meta: str = "") -> lxml.html.HtmlElement:
    text = "<p>The orchard opened on 14 March 2024, and the first pickers came at dawn.</p>" * 3
    return lxml.html.fromstring(f"<html><head>{meta}</head><body><article>{text}</article></body></html>")


def test_a_date_only_in_the_text_is_found_on_an_ordinary_page_not_on_a_huge_one(monkeypatch) -> None:
    assert published.htmldate_original(_page(), None) == "2024-03-14"
    monkeypatch.setattr(published, "FULL_SEARCH_CHARS", 50)
    assert published.htmldate_original(_page(), None) is None


def test_a_huge_page_still_gets_the_date_its_markup_declares(monkeypatch) -> None:
    monkeypatch.setattr(published, "FULL_SEARCH_CHARS", 50)
    meta = "<meta property='article:published_time' content='2024-03-12T08:00:00+00:00'>"
    assert published.htmldate_original(_page(meta), None) == "2024-03-12"

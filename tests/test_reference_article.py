"""The reference article, pasted junk and all, cleans to exactly its headings and paragraphs."""

from __future__ import annotations

import pytest

HEADINGS = ["Peacekeeping dispute", "Moscow’s warning", "‘Axis of war’", "Fragile talks", "Messages from Paris"]
FIRST = "Efforts to outline a post-war security framework for Ukraine have met a sharp response from Moscow."
LAST = "French President Emmanuel Macron described the declaration as “a significant step” toward ending the war."
JUNK = [
    "Homepage", "Others are reading now", "Also read", "Ads by MGDK", "Golden Brown", "Shutterstock",
    "Sources:", "Ziare", "Russian Foreign Ministry spokesperson Maria Zakharova\n",
]


def test_title_and_metadata(reference_document):
    doc = reference_document
    assert doc.title == "Russia rejects peace plan: Western troops in Ukraine would be targets"
    assert doc.image_credits == ["Golden Brown / Shutterstock.com"]
    assert doc.listed_sources == ["Associated Press", "Ziare"]
    assert doc.published == "2026-01-09"
    assert doc.content_type == "text"


def test_headings_in_order(reference_document):
    doc = reference_document
    assert [doc.block_text(b) for b in doc.blocks if b.kind == "heading"] == HEADINGS


def test_paragraphs(reference_document):
    doc = reference_document
    paragraphs = [doc.block_text(b) for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[0] == FIRST
    assert paragraphs[-1] == LAST
    assert len(paragraphs) == 19
    assert all(p.endswith((".", "”", "\"")) for p in paragraphs)
    assert doc.title not in doc.body


@pytest.mark.parametrize("junk", JUNK)
def test_no_junk(reference_document, junk):
    assert junk not in reference_document.body + "\n"


def test_blocks_are_exact_slices(reference_document):
    doc = reference_document
    for block in doc.blocks:
        text = doc.block_text(block)
        assert text == text.strip() and text
    assert doc.body == "\n\n".join(doc.block_text(b) for b in doc.blocks)

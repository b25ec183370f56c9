"""Quote finding and entity grouping grow linearly with their input (issue #14).

No timed assertion: each test runs one input at two sizes and compares
counts of work, under a generous pytest-timeout guard (a quadratic
regression runs for minutes, not seconds).
"""

from __future__ import annotations

import sys

import pytest

from reader.analysis.entities import group_entities
from reader.analysis.nlp import ParsedBlock, parse_blocks
from reader.analysis.quotes import extract as quote_extract
from reader.analysis.quotes import extract_quotes
from reader.model import Document


def _short_quotes(n: int) -> Document:
    """One paragraph of n short quotes and no sentence break the splitter sees."""
    return Document.from_blocks([("paragraph", '"a," she said. ' * n, 0)])


def _scanned(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(quotes found, characters handed to the cue and channel searches) for n quotes."""
    scanned = [0]

    def counting(func, lo: int, hi: int):
        def wrapper(*args, **kwargs):
            scanned[0] += max(0, args[hi] - args[lo])
            return func(*args, **kwargs)

        return wrapper

    with monkeypatch.context() as patch:
        patch.setattr(quote_extract, "find_after", counting(quote_extract.find_after, 1, 2))
        patch.setattr(quote_extract, "find_before", counting(quote_extract.find_before, 1, 2))
        patch.setattr(quote_extract, "channel_in", counting(quote_extract.channel_in, 1, 2))
        document = _short_quotes(n)
        found = extract_quotes(document, list(parse_blocks(document, None)), [])
    return len(found), scanned[0]


@pytest.mark.timeout(120)
def test_quote_finding_is_linear_in_one_long_paragraph(monkeypatch):
    small_found, small = _scanned(1000, monkeypatch)
    large_found, large = _scanned(4000, monkeypatch)
    assert (small_found, large_found) == (1000, 4000)
    assert large <= 5 * small  # four times the quotes: about four times the scanning, not sixteen


def _many_mentions(n: int) -> tuple[Document, list[ParsedBlock]]:
    """n name mentions in one paragraph: two people sharing a surname, lone surnames, a company."""
    names = [("Dana Quill", "PERSON"), ("Omar Quill", "PERSON"), ("Quill", "PERSON"), ("Lena Marsh", "PERSON"),
             ("Marsh", "PERSON"), ("Vexa Corp", "ORG"), ("Vexa", "ORG")]
    text, ents = "", []
    for i in range(n):
        name, label = names[i % len(names)]
        ents.append((len(text), len(text) + len(name), label))
        text += name + " spoke. "
    document = Document.from_blocks([("paragraph", text, 0)])
    return document, [ParsedBlock(0, 0, document.body, None, [], ents)]


def _traced_lines(n: int) -> int:
    document, parsed = _many_mentions(n)
    count = [0]

    def trace(frame, event, arg):
        count[0] += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        entities = group_entities(document, parsed)
    finally:
        sys.settrace(previous)
    assert sum(len(e.mentions) for e in entities) == n
    return count[0]


@pytest.mark.timeout(120)
def test_entity_grouping_is_linear_in_many_mentions():
    small, large = _traced_lines(1000), _traced_lines(4000)
    assert large <= 5 * small  # lines run: linear growth is about 4x, a quadratic step makes it 6x and more

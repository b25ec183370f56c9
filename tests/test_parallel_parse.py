"""Both cores on one huge paragraph: the parsing helper shares a block's windows, and the result is the serial parse."""

from __future__ import annotations

import pytest

from reader.analysis.bounded import WINDOW_CHARS, split_windows
from reader.model import Document


def _document() -> Document:
    sentence = "The harbour office in Marlow said on Tuesday that the ferry would run again. "
    huge = (sentence * (3 * WINDOW_CHARS // len(sentence) + 1)).strip()
    return Document.from_blocks([("heading", "Ferries return", 1), ("paragraph", "A short opening line.", 0),
                                 ("paragraph", huge, 0), ("paragraph", "A short closing line.", 0)])


def _shape(block) -> tuple:
    return (block.index, block.start, block.sentences, block.ents, [(t.idx, t.text, t.pos_, t.dep_) for t in block.doc])


@pytest.mark.timeout(240)
def test_one_huge_paragraph_is_parsed_on_both_sides_exactly_as_serially(nlp):
    from reader.analysis import parallel
    from reader.analysis.nlp import parse_blocks

    document = _document()
    assert len(split_windows(document.block_text(document.blocks[2]))) >= 3
    helper = parallel.ParseHelper()
    try:
        assert helper.conn.poll(120) and helper.conn.recv() == ("ready", True)  # its model is loaded
        together = list(parallel.parse_in_two(document, nlp, helper))
        pieces = sum(len(split_windows(document.block_text(b))) for b in document.blocks)
        helper_took = pieces - helper.claims[parallel._BACK]
    finally:
        helper.close()
    assert helper_took >= 1
    assert [_shape(b) for b in together] == [_shape(b) for b in parse_blocks(document, nlp)]
    assert [b.doc.text for b in together] == [document.block_text(b) for b in document.blocks]

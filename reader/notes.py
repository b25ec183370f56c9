"""Notes and highlights as values, and the pure logic around them (no database here).

A `Note` is a highlight of `body[start:end]` (its `text` is kept too) with an
optional note written by the user (`note`, Markdown allowed; "" for a plain
highlight). The database layer is `reader.store`; this module is what the
app and the export share.

API (for the app)
-----------------
- `sentence_span(document, offset) -> (start, end)`: the sentence around a
  body offset (what `h` highlights when no quote is selected).
- `note_at(notes, offset) -> Note | None`: the note covering an offset
  (innermost / latest), e.g. for `a` on an existing highlight.
- `anchor_notes(body, notes) -> list[Note]`: re-finds each note's text in a
  body that changed since the note was made (see `Store.open_article`);
  notes whose text is gone keep their offsets (clamped) with
  `anchored=False`, so nothing is ever dropped.
- `block_number(document, offset) -> int`: the 1-based number of the block
  ("paragraph") holding an offset; the export links notes to `#^p<N>`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from reader.analysis.sentences import sentence_around, split_sentences
from reader.model import Document


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    """The highlighted text, `body[start:end]` when the note was made."""
    note: str = ""
    """The user's note (Markdown); "" for a plain highlight."""
    created: str = ""
    """UTC ISO 8601 time stamps."""
    updated: str = ""
    anchored: bool = True
    """False when `text` is no longer found in the article's current body."""

    @property
    def is_highlight_only(self) -> bool:
        return not self.note.strip()


def sentence_span(
    document: Document, offset: int, sentences: Sequence[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """The (start, end) body offsets of the sentence around `offset` (never across blocks).

    `sentences` are the analysis' sentences (`Analysis.sentences`: the parsed
    ones when the model ran); without them, or where they do not reach, the
    shared rule-based splitter decides, so `h` marks what the panes show.
    """
    if not document.blocks:
        return (0, len(document.body))
    offset = max(0, min(offset, len(document.body)))
    if sentences:
        found = sentence_around(sentences, offset)
        if found is not None:
            return found
    block = document.blocks[document.block_index_at(offset)]
    text = document.body[block.start : block.end]
    spans = split_sentences(text, block.start)
    found = sentence_around(spans, offset)
    if found is None:  # between two sentences: the next one, else the last
        later = [span for span in spans if span[0] >= offset]
        found = later[0] if later else (spans[-1] if spans else (block.start, block.end))
    return _trim(document.body, *found)


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end)


def note_at(notes: Iterable[Note], offset: int) -> Note | None:
    """The note whose span covers `offset` (the shortest, then the newest)."""
    best: Note | None = None
    for note in notes:
        if note.start <= offset < max(note.end, note.start + 1):
            if best is None or (note.end - note.start, -note.id) < (best.end - best.start, -best.id):
                best = note
    return best


def block_number(document: Document, offset: int) -> int:
    """1-based number of the block holding `offset` (0 when the document has no blocks)."""
    if not document.blocks:
        return 0
    return document.block_index_at(offset) + 1


def _find_nearest(body: str, text: str, near: int) -> int:
    best = -1
    pos = body.find(text)
    while pos != -1:
        if best == -1 or abs(pos - near) < abs(best - near):
            best = pos
        pos = body.find(text, pos + 1)
    return best


def anchor_note(body: str, note: Note) -> Note:
    """`note` with offsets pointing at its text in `body` (nearest occurrence to the old place)."""
    if note.text and body[note.start : note.end] == note.text:
        return note if note.anchored else replace(note, anchored=True)
    if note.text:
        pos = _find_nearest(body, note.text, note.start)
        if pos != -1:
            return replace(note, start=pos, end=pos + len(note.text), anchored=True)
    start = max(0, min(note.start, len(body)))
    end = max(start, min(note.end, len(body)))
    return replace(note, start=start, end=end, anchored=False)


def anchor_notes(body: str, notes: Sequence[Note]) -> list[Note]:
    """Every note re-anchored in `body`; order by position, then creation."""
    return sorted((anchor_note(body, n) for n in notes), key=lambda n: (n.start, n.id))

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

import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

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


# A sentence ends at . ! ? (or …) plus closing quotes/brackets before white space, or at a line break.
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|(?=\n)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev vs etc inc ltd co corp jan feb mar apr "
    "jun jul aug sep sept oct nov dec no fig approx e.g i.e u.s u.k u.n".split()
)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the "." at `text[dot]` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_span(document: Document, offset: int) -> tuple[int, int]:
    """The (start, end) body offsets of the sentence around `offset` (never across blocks)."""
    if not document.blocks:
        return (0, len(document.body))
    offset = max(0, min(offset, len(document.body)))
    block = document.blocks[document.block_index_at(offset)]
    text = document.body[block.start : block.end]
    local = max(0, min(offset - block.start, len(text)))
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.end() - match.start() == 1 and _is_abbreviation(text, match.start()):
            continue
        if local < end:
            return _trim(document.body, block.start + start, block.start + end)
        start = end
    return _trim(document.body, block.start + start, block.end)


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

"""Keep spaCy linear on hostile text: over-long "words" cut, long blocks parsed in windows.

spaCy's tokenizer is quadratic in the length of one whitespace-free run (it
peels prefixes and suffixes one at a time off the rest of the string: 5,000
`[` take seconds, 60,000 minutes). `bound_tokenizer` wraps the pipeline's
tokenizer so that a run longer than `MAX_TOKEN_CHARS` is cut into
pieces of `PIECE_CHARS`; the Doc's text is the input exactly, so every
offset stays a body offset. A run that long is no word, so each piece is
one token (60,000 `[` make 1,875 tokens, not 60,000 for the model to tag). `pipe_windows` parses a block longer than
`WINDOW_CHARS` in windows cut at sentence breaks (else at white space,
else anywhere) and joins the windows' Docs into one, so no block is cut
short and the parser never sees a huge input.
"""

from __future__ import annotations

import re
from collections import deque
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from reader.analysis.sentences import sentence_breaks

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_TOKEN_CHARS = 64
"""A whitespace-free run longer than this is tokenized in pieces (URLs are rarely longer)."""

PIECE_CHARS = 32
"""The pieces of an over-long run, each one token."""

WINDOW_CHARS = 20_000
"""Blocks longer than this (about 3,500 words) are parsed in windows of at most this many characters."""

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


class BoundedTokenizer:
    """The pipeline's tokenizer, with over-long runs tokenized piece by piece."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> "Doc":
        if _LONG_RUN.search(text) is None:
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for match in _LONG_RUN.finditer(text):
            self._add(text[pos : match.start()], words, spaces)
            for at in range(match.start(), match.end(), PIECE_CHARS):
                words.append(text[at : min(at + PIECE_CHARS, match.end())])
                spaces.append(False)
            pos = match.end()
        self._add(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        if not piece:
            return
        if piece[0].isspace() and words and not spaces[-1]:
            # The white space after a cut run belongs to the run's last token, as the tokenizer would do.
            spaces[-1] = True
            piece = piece[1:]
            if not piece:
                return
        for token in self.inner(piece):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def __getattr__(self, name: str) -> Any:  # to_disk, explain, rules ... of the real tokenizer
        return getattr(self.inner, name)


def bound_tokenizer(nlp: "Language") -> None:
    """Wrap `nlp`'s tokenizer (once)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)


def split_windows(text: str, limit: int = WINDOW_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters, at sentence breaks where possible."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = -1
        for _, brk_end in sentence_breaks(text, low, high):
            if brk_end <= high:
                cut = brk_end
        if cut <= start:
            space = max(text.rfind(" ", low, high), text.rfind("\n", low, high))
            cut = space + 1 if space > start else high
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def pipe_windows(nlp: "Language", texts: Iterable[str], *, batch_size: int = 32) -> Iterator["Doc"]:
    """`nlp.pipe` over `texts`, one Doc per text, long texts parsed in windows and joined."""
    counts: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            windows = split_windows(text)
            counts.append(len(windows))
            yield from windows

    docs = iter(nlp.pipe(pieces(), batch_size=batch_size))
    for doc in docs:
        yield join_windows([doc] + [next(docs) for _ in range(counts.popleft() - 1)])


def join_windows(parts: list["Doc"]) -> "Doc":
    """One block's window Docs as one Doc (their texts end to end are the block's text).

    Tensors are not joined: nothing downstream reads them, and Docs sent back
    by the parsing helper (`parallel.py`) come without them.
    """
    if len(parts) == 1:
        return parts[0]
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])

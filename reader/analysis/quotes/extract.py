"""Direct quotes with their speakers: `extract_quotes(document, parsed, entities)`.

Steps (each linear in the body):
1. pair the quotation marks into runs (`marks`);
2. set aside names, titles and scare quotes (`kinds`);
3. find each run's speech clause, after or before it (`cues`, with
   the rarer shapes and the "according to AP" channel in `clauses`),
   and the speaker mention in it (`mentions`, parser view in
   `tokens`); a run with no clause of its own continues the speaker
   of the quote before it in the paragraph, or of the paragraph before
   when it opens its paragraph (a quote split around its clause, or a
   quote that goes on), or takes the clause that ends the paragraph before
   (a colon, or "Smith told CNN." before a quoted paragraph);
4. resolve the mentions to people in text order (`runs`,
   `speakers`).

Works without a spaCy model (patterns only); with one, the tagger rejects
cue words used as nouns and the parser gives the subject of the cue verb
and the verb a partial quote depends on. Never runs spaCy itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.nlp import ParsedBlock
from reader.analysis.quotes.clauses import ACCORDING_ANY, channel_in, governing_clause, is_outlet, transcript_clause
from reader.analysis.quotes.cues import find_after, find_before
from reader.analysis.quotes.hits import BlockHits
from reader.analysis.quotes.sentences import has_sentence_break, sentence_end, sentence_start
from reader.analysis.quotes.kinds import embedded, introduced_as_name, reads_as_speech, title_case, word_count
from reader.analysis.quotes.marks import QuoteSpan, find_quote_spans
from reader.analysis.quotes.mentions import Clause, Mention
from reader.analysis.quotes.tokens import TokenView
from reader.analysis.quotes.runs import QuoteRun, resolve_runs, to_quote
from reader.model import Block, Document, Entity, Quote

_TOLD_LEAD = r"\b(?:told|telling|in\s+an\s+interview\s+with|speaking\s+to|said\s+to)\s+"
_TOLD = re.compile(_TOLD_LEAD + r"((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})")
_TOLD_LEADS = re.compile(_TOLD_LEAD)
"""Every "told X" starts with one of these, and two of them never overlap (see `hits.BlockHits`)."""
_OPENING = ("before", "colon", "transcript")
"""Clauses that introduce a quote: the quote after them is not part of the writer's sentence."""
SCARE_WORDS = 3
"""A run of this many words or fewer inside the writer's sentence, with no speech clause and
only a linking verb above it ("be", "seem", "get": "aims to be "fair to all"") is a scare
quote: kept out of the quotes, no speaker. One with no verb above it stays a quote without
a speaker (news desks quote short phrases of a source that way)."""
_LINKING_VERBS = frozenset("be is are was were been being am become becomes became seem seems seemed "
                           "get gets got getting remain remains remained".split())
CHANNEL_REACH = 300
"""How far (characters) from the quote and its clause an "according to AP" is looked for: the
sentence, but never more, so a paragraph without sentence breaks is not rescanned per quote."""
_ADJACENT = ("after", "inverted", "before", "colon", "according", "dash", "transcript")


def _block_text(body: str, block: Block) -> str:
    return body[block.start : block.end]


def extract_quotes(document: Document, parsed: list[ParsedBlock], entities: list[Entity]) -> list[Quote]:
    """Every direct quote of the parsed blocks, ordered by start; ids q1, q2, ..."""
    body = document.body
    blocks = document.blocks[: len(parsed)]
    if not blocks:
        return []
    views = [TokenView.of(p.doc) for p in parsed]
    texts = [_block_text(body, b) for b in blocks]
    runs = [QuoteRun(span) for span in find_quote_spans(body, blocks)]
    runs = [run for run in runs if not _in_heading(blocks, run.span) and not _is_name(body, blocks, texts, run.span)]
    kept: list[QuoteRun] = []
    channels = _Channels(BlockHits(ACCORDING_ANY, texts), BlockHits(_TOLD_LEADS, texts))
    for k, run in enumerate(runs):
        _find_clause(run, k, runs, blocks, texts, views, channels)
        if _keep(run, body, blocks, texts, views):
            kept.append(run)
    _inherit(kept, runs, blocks, texts, views)
    resolve_runs(kept, document, parsed, entities)
    quotes = [to_quote(i, run, body) for i, run in enumerate(kept, 1)]
    for before, quote in zip(quotes, quotes[1:]):  # a pronoun that names the speaker just quoted says so
        if quote.speaker_evidence.startswith("pronoun") and quote.speaker_id and quote.speaker_id == before.speaker_id:
            quote.speaker_evidence = "pronoun: the previous quote’s speaker"
    return quotes


def _sentence_before(text: str, rel: int) -> str:
    """The words of the sentence before offset `rel` (at most a few hundred characters)."""
    return text[max(sentence_start(text, rel), rel - 300) : rel]


def _in_heading(blocks: list[Block], span: QuoteSpan) -> bool:
    """A heading is the writer's (or the desk's) line, never a quote, whatever its marks:
    a quote there would borrow a speaker from the paragraphs below."""
    return any(blocks[i].kind == "heading" for i in range(span.first_block, span.last_block + 1))


def _is_name(body: str, blocks: list[Block], texts: list[str], span: QuoteSpan) -> bool:
    """A name, title or term in quotation marks ("Coalition of the Willing"), not a quote."""
    block = blocks[span.first_block]
    text = texts[span.first_block]
    rel = span.open_start - block.start
    before = _sentence_before(text, rel)
    inner = body[span.start : span.end]
    if introduced_as_name(before, inner):
        return True
    return title_case(inner) and span.first_block == span.last_block and not _clause_follows(body, span)


_FOLLOWS = re.compile(r"[,\s]*(?:(?:[A-Z][\w.'’-]*\s+|he\s+|she\s+|they\s+|we\s+){1,4}"
                      r"(?:said|says|added|adds|asked|wrote|told|tweeted|replied|explained|continued)|"
                      r"(?:said|says|added|asked|wrote|tweeted|replied|explained|continued))\b")


def _clause_follows(body: str, span: QuoteSpan) -> bool:
    """A speech clause right after a run that ends like speech ("Thank You, America!" she said)."""
    return bool(_FOLLOWS.match(body, span.close_end, span.close_end + 80)) and body[span.end - 1 : span.end] in ",?!"


def _find_clause(run: QuoteRun, k: int, runs: list[QuoteRun], blocks: list[Block], texts: list[str],
                 views: list[TokenView], channels: _Channels) -> None:
    """The run's own speech clause: after it (up to the next run), else before it (back to the
    previous run), else a transcript label, else a colon ending the paragraph before."""
    span = run.span
    first, last = span.first_block, span.last_block
    clause = None
    if span.closed:
        block = blocks[last]
        nxt = runs[k + 1].span if k + 1 < len(runs) else None
        bound = nxt.open_start - block.start if nxt is not None and nxt.first_block == last else len(texts[last])
        inner_end = span.end - block.start
        inner = texts[last][max(0, inner_end - 12) : inner_end].rstrip(" '’\"”\u00a0")
        clause = find_after(texts[last], span.close_end - block.start, bound, views[last], inner[-1:],
                            next_quote=nxt is not None and nxt.first_block == last)
        run.block_start = block.start
    if clause is None or clause.how == "according":
        block = blocks[first]
        prev = runs[k - 1].span if k > 0 else None
        floor = prev.close_end - block.start if prev is not None and prev.last_block == first else 0
        rel = span.open_start - block.start
        before = find_before(texts[first], floor, rel, views[first])
        if before is None and clause is None:
            before = transcript_clause(texts[first], floor, rel, span.start - block.start)
        if before is None and clause is None and not texts[first][floor:rel].strip() and first > 0:
            prev_text = texts[first - 1].rstrip()
            if prev_text.endswith(":"):
                before = find_before(texts[first - 1], 0, len(prev_text), views[first - 1])
                if before is not None:
                    before.how = "colon" if before.how != "partial" else "partial"
                    run.clause, run.block_start = before, blocks[first - 1].start
                    return
        if before is not None:
            if clause is not None and clause.how == "according" and clause.speaker and is_outlet(clause.speaker.text):
                run.channel = clause.speaker
            if clause is None or run.channel is not None:
                clause, run.block_start = before, block.start
    if clause is not None and run.channel is None:
        _find_channel(run, clause, blocks, texts, views, channels)
    run.clause = clause


@dataclass(slots=True)
class _Channels:
    """Where "according to" and the lead words of "told X" occur in each block (one pass each)."""

    according: BlockHits
    told: BlockHits


def _find_channel(run: QuoteRun, clause: Clause, blocks: list[Block], texts: list[str], views: list[TokenView],
                  channels: _Channels) -> None:
    """An outlet the quote was reported through: "according to AP", "told Reuters"."""
    first, last = run.span.first_block, run.span.last_block
    index = first if blocks[first].start == run.block_start else last
    if blocks[index].start != run.block_start:
        return  # the clause is in another paragraph (a colon before the quote)
    text = texts[index]
    base = blocks[index].start
    low = max(0, min(clause.cue_start, run.span.open_start - base))
    high = max(clause.cue_end, run.span.close_end - base)
    start = max(sentence_start(text, low), low - CHANNEL_REACH)
    end = min(sentence_end(text, high, len(text)), high + CHANNEL_REACH)
    found = channel_in(text, start, end, views[index]) if channels.according.starts_in(index, start, end) else None
    if found is None and channels.told.starts_in(index, start, end):
        match = _TOLD.search(text, start, end)
        if match and is_outlet(match.group(1)):
            found = Mention(match.start(1), match.end(1), match.group(1), "name")
    if found is not None and (clause.speaker is None or found.start != clause.speaker.start):
        run.channel = found


def _keep(run: QuoteRun, body: str, blocks: list[Block], texts: list[str], views: list[TokenView]) -> bool:
    """Is the run a quote? With a clause: yes (single marks only with an adjacent one). Without:
    a lower-case run inside a sentence is a partial quote (its governing verb's subject speaks);
    otherwise it must read as speech on its own and have more than three words."""
    span, clause = run.span, run.clause
    inner = body[span.start : span.end]
    n = word_count(inner)
    block = blocks[span.first_block]
    text = texts[span.first_block]
    rel = span.open_start - block.start
    before = _sentence_before(text, rel)
    if clause is not None and clause.speaker is not None:
        if span.single and clause.how not in _ADJACENT:
            return False
        run.partial = clause.how == "partial" or (embedded(before, inner) and clause.how not in _OPENING)
        return n > 0
    if span.single or n < 3:
        return False
    if embedded(before, inner):
        close = span.close_end - block.start if span.last_block == span.first_block else len(text)
        clause = governing_clause(views[span.first_block], rel, close)
        if n <= SCARE_WORDS and clause is not None and clause.cue.casefold() in _LINKING_VERBS:
            return False  # the writer's own words in marks ("to be "tough on crime""): a scare quote
        run.partial = True
        run.clause = clause
        run.block_start = block.start
        return True
    return reads_as_speech(inner, span.closed)


def _inherit(kept: list[QuoteRun], runs: list[QuoteRun], blocks: list[Block], texts: list[str],
             views: list[TokenView]) -> None:
    """Runs without a clause continue the speaker of the quote before them (same or previous
    paragraph), or take the speech clause that ends the paragraph before them."""
    quoted_blocks = {b for r in runs for b in range(r.span.first_block, r.span.last_block + 1)}
    lead = [len(text) - len(text.lstrip()) for text in texts]
    for i, run in enumerate(kept):
        if run.clause is not None and run.clause.speaker is not None:
            continue
        span = run.span
        opens_block = span.open_start - blocks[span.first_block].start <= lead[span.first_block]
        prev = kept[i - 1] if i > 0 else None
        source = (prev.inherited or prev) if prev is not None else None
        if source is not None and source.clause is not None and source.clause.speaker is not None:
            same_block = prev.span.last_block == span.first_block  # type: ignore[union-attr]
            follows = prev.span.last_block == span.first_block - 1 and opens_block \
                and _ends_with_quote(prev, blocks, texts)  # type: ignore[union-attr]
            if same_block or follows:
                run.inherited = source
                continue
        index = span.first_block - 1
        if opens_block and index >= 0 and index not in quoted_blocks:
            text = texts[index].rstrip()
            clause = find_before(text, 0, len(text), views[index], max_gap_words=15)
            if clause is not None:
                run.clause, run.block_start = clause, blocks[index].start


def _ends_with_quote(run: QuoteRun, blocks: list[Block], texts: list[str]) -> bool:
    """The paragraph of `run` ends with the quote or its short clause (so the next paragraph may go on)."""
    block = blocks[run.span.last_block]
    rel = run.span.close_end - block.start
    tail = texts[run.span.last_block][rel : rel + 400].strip()
    return len(tail.split()) <= 30 and not has_sentence_break(tail)

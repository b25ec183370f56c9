"""The choice and merge between the article candidates of one page (trafilatura, readability-lxml).

Measured on developer pages split by site (fit on one half, checked on the
other; `benchmarks/wcxb_adapter.py`):

- **Choice by agreement.** trafilatura is the base (the better extractor on
  unseen sites), unless nearly all its words are also in readability's
  article and readability's is about as long or longer: then both found the
  same article (or trafilatura only a part of it) and readability's, which
  keeps the page's headings and lists (trafilatura's fallbacks flatten them
  to paragraphs), is the base.
- **The page's own article markup.** When readability's article (150 words
  or more) is nearly all inside trafilatura's, and the words trafilatura has
  beyond it are mostly outside the page's `itemprop="articleBody"` element,
  those extras are the page's surroundings: readability's is the base.
  (Measured: the same test against `<article>` or `<main>` lowers one half.)
- **Trafilatura's span.** Also when readability's article holds nearly all
  of trafilatura's between the first and last block the two share, and is a
  fifth longer than that span, readability's is the base (trafilatura's other
  words sit at its edges, where the page's surroundings are).
- **Merge.** The two candidates' blocks are aligned (equal blocks, in page
  order); where the base has nothing between two aligned blocks and the
  other candidate has blocks there, those are a passage the base skipped
  inside the article and are put back (measured: also adding the other's
  blocks where the base has a different passage lowers F1 on both halves). Blocks before the first or after the
  last aligned block are never added (that is where boilerplate sits), nor a
  paragraph whose words the base blocks either side of the gap already hold
  (the same text split or joined differently).
- **The page's own structure.** A base paragraph that the other candidate
  has as a heading, list item or blockquote takes that kind (readability
  walks the page's tags; trafilatura's fallbacks flatten them).
- **Not an article.** A candidate whose words appear on the page almost
  only as link anchors (a menu, a list of headlines) proposes nothing.
- **Edges and fragments** (`edges.py`): trafilatura's blocks beyond both
  ends of readability's article are trimmed when they are not prose; a chosen
  article with a fifth of the pruned page's prose is a fragment.
- **One copy.** A block the base already has is never added again (a page's
  own repeated lines, a recipe's "1 cup" twice, stay as the page has them).
  But a run of three or more blocks in a row, 100 words or more and 15 a
  block on average (prose), each of which the article already had, is the
  same article a second time (pages that carry one copy per screen size)
  and is left out; shorter repeats and repeated short rows (a table's "Yes"
  cells, a training plan's "Rest day" week after week, one clause per
  region) stay.
- **Repeated widgets.** A paragraph of 10 words or more that the chosen
  article carries twice or more and the other candidate never has is a box
  the page repeats per slot (a sign-up form's small print, a deal
  disclaimer): every copy goes.

Every step is linear or n log n in the blocks (the alignment is a longest
increasing subsequence over a dictionary of block keys).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from reader.clean.blocktext import Part
from reader.clean.candidates import Candidate
from reader.clean.edges import trim_edges
from reader.clean.wordcount import word_counts

CONTAINED = 0.85
"""Share of trafilatura's words that must be in readability's article for readability to take over..."""
AS_LONG = 0.9
"""...when readability's article is at least this long against trafilatura's."""
_WORD = re.compile(r"\w+")


def _words(parts: list[Part]) -> Counter[str]:
    return word_counts("\n".join(p[1] for p in parts).lower())  # the words of each part, counted


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """A block's comparison key (its words, lowercased); cached: every block is keyed by several steps."""
    return " ".join(_WORD.findall(text.lower()))[:200]


def align(a: list[Part], b: list[Part]) -> list[tuple[int, int]]:
    """Index pairs (i, j) of equal blocks of `a` and `b`, increasing in both: the longest such chain."""
    first: dict[str, int] = {}
    for j, part in enumerate(b):
        first.setdefault(_key(part[1]), j)
    seq = [(i, first[k]) for i, part in enumerate(a) if (k := _key(part[1])) and k in first]
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int | None] = [None] * len(seq)
    for n, (_, j) in enumerate(seq):
        x = bisect_left(tails, j)
        if x == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[x] = j
            tail_at[x] = n
        back[n] = tail_at[x - 1] if x else None
    chain: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else None
    while n is not None:
        chain.append(seq[n])
        n = back[n]
    return chain[::-1]


RESTATED = 0.9
RESTATED_MIN_WORDS = 15


def _restates(part: Part, around: list[Part]) -> bool:
    """True when a paragraph-sized `part` has nine tenths of its words in the base blocks either side of the gap.

    One extractor splits a paragraph where the other keeps it whole (or joins a
    heading to the paragraph under it): the text is then not equal to any base
    block, yet the base already holds it, and adding it would say it twice.
    """
    words = _words([part])
    total = sum(words.values())
    if total < RESTATED_MIN_WORDS:
        return False
    near = _words(around)
    return sum((words & near).values()) >= RESTATED * total


def merge(base: list[Part], other: list[Part]) -> list[Part]:
    """`base` with the blocks `other` has in the article's interior gaps that `base` left empty."""
    pairs = align(base, other)
    if not pairs:
        return list(base)
    have = {_key(p[1]) for p in base}
    out: list[Part] = []
    bi = oi = 0
    for n, (i, j) in enumerate(pairs):
        gap = base[bi:i]
        out.extend(gap)
        if n and not gap:
            out.extend(p for p in other[oi:j] if _key(p[1]) not in have and not _restates(p, base[i - 1 : i + 1]))
        out.append(base[i])
        bi, oi = i + 1, j + 1
    out.extend(base[bi:])
    return out


def restyle(parts: list[Part], reference: list[Part]) -> list[Part]:
    """`parts` with each paragraph that `reference` has as another kind of block given that kind and level."""
    kinds = {_key(p[1]): (p[0], p[2]) for p in reference if p[0] != "paragraph"}
    out: list[Part] = []
    for kind, text, level, links in parts:
        if kind == "paragraph" and (found := kinds.get(_key(text))):
            kind, level = found
        out.append((kind, text, level, links))
    return out


PROSE_SHARE = 0.4
"""A candidate fewer of whose words than this appear on the page outside link anchors is navigation."""


def prose_words(tree) -> Counter[str]:
    """The page's words outside link anchors (all its text, less the text of every `<a>`): one pass each."""
    body = tree.find("body")
    body = tree if body is None else body
    words = word_counts(body.text_content().lower())
    words.subtract(word_counts(" ".join(a.text_content() for a in body.iter("a")).lower()))
    return words


def is_navigation(parts: list[Part], prose: Counter[str] | None) -> bool:
    """True when the parts' words are nearly all link text on the page (a menu, a list of headlines)."""
    if prose is None:
        return False
    words = _words(parts)
    total = sum(words.values())
    found = sum(min(n, max(0, prose[w])) for w, n in words.items())
    return bool(total) and found < PROSE_SHARE * total


MARKED_MIN_WORDS = 150
HELD = 0.95
"""Share of readability's words that must be in trafilatura's for the article-markup test."""
INSIDE = 0.5
"""trafilatura's extra words count as surroundings when fewer than this share is inside the marked article."""


def marked_article_words(elements) -> Counter[str] | None:
    """The words of the largest of `elements` (the page's `itemprop="articleBody"`), scripts and styles left out."""
    best = None
    for el in elements:
        words = Counter(_WORD.findall(" ".join(el.xpath(".//text()[not(ancestor::script or ancestor::style)]")).lower()))
        if best is None or sum(words.values()) > sum(best.values()):
            best = words
    return best


def _extras_outside(t_words: Counter[str], r_words: Counter[str], marked: Counter[str]) -> bool:
    extras = t_words - r_words
    inside = sum((extras & (marked - r_words)).values())
    return inside < INSIDE * sum(extras.values())


SPAN_MIN_WORDS = 50
SPAN_LONGER = 1.2
"""readability at least this much longer than trafilatura's span (and holding it) is the fuller article."""


def _holds_span(t_parts: list[Part], r_parts: list[Part], r_words: Counter[str], r_total: int) -> bool:
    """True when readability's article holds trafilatura's between their first and last shared block, and a fifth more.

    trafilatura's words beyond that span are at its edges (the page's
    surroundings); readability, a fifth longer than the span, found more of
    the article inside it (headings, lists, passages trafilatura skipped).
    """
    pairs = align(t_parts, r_parts)
    if len(pairs) < 2:
        return False
    span = _words(t_parts[pairs[0][0] : pairs[-1][0] + 1])
    total = sum(span.values())
    return r_total >= SPAN_LONGER * total and sum((span & r_words).values()) >= CONTAINED * total


def choose(traf: Candidate, read: Candidate, prose: Counter[str] | None = None,
           marked: Counter[str] | None = None) -> Candidate:
    """The article of the page from its two candidates (see the module docstring).

    `prose` is from `prose_words`, `marked` from `marked_article_words` (None: the page marks no article body).
    """
    traf, read = (Candidate(c.name, [], c.meta) if is_navigation(c.parts, prose) else c for c in (traf, read))
    t_words, r_words = _words(traf.parts), _words(read.parts)
    t_total, r_total = sum(t_words.values()), sum(r_words.values())
    shared = sum((t_words & r_words).values())
    base, other = traf, read
    if t_total == 0 or shared >= CONTAINED * t_total and r_total >= AS_LONG * t_total:
        base, other = read, traf
    elif marked and r_total >= MARKED_MIN_WORDS and shared >= HELD * r_total and _extras_outside(t_words, r_words, marked):
        base, other = read, traf
    elif r_total >= SPAN_MIN_WORDS and _holds_span(traf.parts, read.parts, r_words, r_total):
        base, other = read, traf
    parts = drop_copies(restyle(merge(base.parts, other.parts), other.parts))
    if base is traf and read.parts:
        parts = trim_edges(parts, read.parts, shared, r_total)
    if other.parts:
        parts = drop_repeated_widgets(parts, other.parts)
    return Candidate(base.name, parts, base.meta)


COPY_BLOCKS = 3
COPY_WORDS = 100
COPY_MEAN = 15
"""A run of repeated blocks at least this long (blocks, words, words a block) is a second copy of the article."""


def drop_copies(parts: list[Part]) -> list[Part]:
    """`parts` without the runs of blocks that all came before (see "One copy" above)."""
    seen: set[str] = set()
    repeated: list[bool] = []
    for part in parts:
        key = _key(part[1])
        repeated.append(bool(key) and key in seen)
        seen.add(key)
    out: list[Part] = []
    i = 0
    while i < len(parts):
        j = i
        while j < len(parts) and repeated[j]:
            j += 1
        if j == i:
            out.append(parts[i])
            i += 1
            continue
        run = parts[i:j]
        words = sum(len(p[1].split()) for p in run)
        if len(run) < COPY_BLOCKS or words < COPY_WORDS or words < COPY_MEAN * len(run):
            out.extend(run)
        i = j
    return out


WIDGET_MIN_WORDS = 10


def drop_repeated_widgets(parts: list[Part], other: list[Part]) -> list[Part]:
    """`parts` without the paragraphs it repeats that `other` never has (see "Repeated widgets" above)."""
    keys = [_key(p[1]) for p in parts]
    counts = Counter(keys)
    if not any(n > 1 for n in counts.values()):
        return parts
    elsewhere = {_key(p[1]) for p in other}
    return [p for p, key in zip(parts, keys) if counts[key] < 2 or key in elsewhere
            or len(p[1].split()) < WIDGET_MIN_WORDS]

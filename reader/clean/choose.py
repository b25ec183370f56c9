"""The choice and merge between the article candidates of one page (trafilatura, readability-lxml).

Measured on developer pages split by site (fit on one half, checked on the
other; `benchmarks/wcxb_adapter.py`):

- **Choice by agreement.** trafilatura is the base (the better extractor on
  unseen sites), unless nearly all its words are also in readability's
  article and readability's is about as long or longer: then both found the
  same article (or trafilatura only a part of it) and readability's, which
  keeps the page's headings and lists (trafilatura's fallbacks flatten them
  to paragraphs), is the base.
- **Merge.** The two candidates' blocks are aligned (equal blocks, in page
  order); blocks the other candidate has between two aligned blocks, and the
  base has not, are a passage the base skipped inside the article and are
  put back (after the base's own blocks of that gap; before the first pair
  only when the base has blocks of its own there). Blocks before the first or after the
  last aligned block are never added (that is where boilerplate sits).
- **The page's own structure.** A base paragraph that the other candidate
  has as a heading, list item or blockquote takes that kind (readability
  walks the page's tags; trafilatura's fallbacks flatten them).
- **Not an article.** A candidate whose words appear on the page almost
  only as link anchors (a menu, a list of headlines) proposes nothing.
- **One copy.** A long block repeated word for word is kept once.

Every step is linear or n log n in the blocks (the alignment is a longest
increasing subsequence over a dictionary of block keys).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from reader.clean.blocktext import Part
from reader.clean.candidates import Candidate

CONTAINED = 0.85
"""Share of trafilatura's words that must be in readability's article for readability to take over..."""
AS_LONG = 0.9
"""...when readability's article is at least this long against trafilatura's."""
_WORD = re.compile(r"\w+")


def _words(parts: list[Part]) -> Counter[str]:
    return Counter(w for p in parts for w in _WORD.findall(p[1].lower()))


def _key(text: str) -> str:
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


def merge(base: list[Part], other: list[Part]) -> list[Part]:
    """`base` with the blocks `other` has in the article's interior gaps that `base` left empty."""
    pairs = align(base, other)
    if not pairs:
        return list(base)
    out: list[Part] = []
    bi = oi = 0
    for n, (i, j) in enumerate(pairs):
        gap = base[bi:i]
        out.extend(gap)
        if n or i > 0:  # the first pair: only when the base has its own blocks before it (the interior)
            have = {_key(p[1]) for p in gap}
            out.extend(p for p in other[oi:j] if _key(p[1]) not in have)
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


def dedupe(parts: list[Part]) -> list[Part]:
    """Each long block once (short ones, "Read more" or a repeated heading, are left to the junk filter)."""
    seen: set[str] = set()
    out: list[Part] = []
    for part in parts:
        key = _key(part[1])
        if len(key) > 40:
            if key in seen:
                continue
            seen.add(key)
        out.append(part)
    return out


PROSE_SHARE = 0.4
"""A candidate fewer of whose words than this appear on the page outside link anchors is navigation."""


def prose_words(tree) -> Counter[str]:
    """The page's words outside link anchors (all its text, less the text of every `<a>`): one pass each."""
    body = tree.find("body")
    body = tree if body is None else body
    words = Counter(_WORD.findall(body.text_content().lower()))
    for anchor in body.iter("a"):
        words.subtract(_WORD.findall(anchor.text_content().lower()))
    return words


def is_navigation(parts: list[Part], prose: Counter[str] | None) -> bool:
    """True when the parts' words are nearly all link text on the page (a menu, a list of headlines)."""
    if prose is None:
        return False
    words = _words(parts)
    total = sum(words.values())
    found = sum(min(n, max(0, prose[w])) for w, n in words.items())
    return bool(total) and found < PROSE_SHARE * total


def choose(traf: Candidate, read: Candidate, prose: Counter[str] | None = None) -> Candidate:
    """The article of the page from its two candidates (see the module docstring); `prose` from `prose_words`."""
    traf, read = (Candidate(c.name, [], c.meta) if is_navigation(c.parts, prose) else c for c in (traf, read))
    t_words, r_words = _words(traf.parts), _words(read.parts)
    t_total, r_total = sum(t_words.values()), sum(r_words.values())
    shared = sum((t_words & r_words).values())
    base, other = traf, read
    if t_total == 0 or shared >= CONTAINED * t_total and r_total >= AS_LONG * t_total:
        base, other = read, traf
    return Candidate(base.name, dedupe(restyle(merge(base.parts, other.parts), other.parts)), base.meta)

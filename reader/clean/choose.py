"""The choice and merge between the article candidates of one page (trafilatura, readability-lxml).

Measured on developer pages split by site (fit on one half, checked on the
other; `benchmarks/wcxb_adapter.py`):

- **Choice by agreement.** trafilatura is the base (the better extractor on
  unseen sites), unless nearly all its words are also in readability's
  article and readability's is clearly longer: then trafilatura kept only a
  part of the same article and readability's is the base.
- **Merge.** The two candidates' blocks are aligned (equal blocks, in page
  order); where the base has nothing between two aligned blocks and the
  other candidate has blocks there, those are a passage the base skipped
  inside the article and are put back. Blocks before the first or after the
  last aligned block are never added (that is where boilerplate sits).
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
LONGER = 1.15
"""...when readability's article is at least this much longer."""
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
        if n and not gap:
            out.extend(other[oi:j])
        out.append(base[i])
        bi, oi = i + 1, j + 1
    out.extend(base[bi:])
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


def choose(traf: Candidate, read: Candidate) -> Candidate:
    """The article of the page from its two candidates (see the module docstring)."""
    t_words, r_words = _words(traf.parts), _words(read.parts)
    t_total, r_total = sum(t_words.values()), sum(r_words.values())
    shared = sum((t_words & r_words).values())
    base, other = traf, read
    if t_total == 0 or shared >= CONTAINED * t_total and r_total >= LONGER * t_total:
        base, other = read, traf
    return Candidate(base.name, dedupe(merge(base.parts, other.parts)), base.meta)

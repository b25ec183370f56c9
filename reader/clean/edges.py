"""Where the article ends: trafilatura's edges beyond readability's article, and articles that are a fragment.

Measured on developer pages split by site (`benchmarks/wcxb_halves.py`):

- **Edges.** When trafilatura is the base and nearly all of readability's
  article (50 words or more) is inside it, the blocks trafilatura has before
  the first and after the last block the two share are where the page's
  surroundings sit (a related-stories box, a product card, a sign-up line).
  An edge whose text is 15% or more link anchors is a list of links and goes
  whole; otherwise the edge is trimmed from the outside in up to its first
  prose block (15 words or more, under 30% link text), so a lead paragraph
  or a closing one readability missed stays, while a "Share" line, a bare
  heading or a row of short links at the very edge goes.
- **A fragment.** When our own pruning of the page keeps five times the
  prose that the chosen article holds, both extractors stopped at a fragment
  (a teaser, one card of a long guide, the intro before a block they took
  for a widget): the pruned page is the article.

Each step is one pass over the blocks (the alignment is `choose.align`).
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from reader.clean.blocktext import Part

PROSE_BLOCK_WORDS = 15
PROSE_LINK_SHARE = 0.3
"""A prose block: not a heading, this many words or more, under this share of its text link anchors."""
EDGE_MIN_WORDS = 50
EDGE_HELD = 0.9
"""readability's article (this many words, this share inside trafilatura's) marks where the article lies."""
EDGE_LINK_SHARE = 0.15
"""An edge with this share of its text in link anchors is a list of links: it goes whole."""
FRAGMENT = 5
"""The pruned page holding this many times the chosen article's prose words means the article is a fragment."""


def _link_chars(part: Part) -> int:
    return sum(end - start for _, _, start, end in part[3])


def is_prose(part: Part) -> bool:
    kind, text = part[0], part[1]
    return kind != "heading" and len(text.split()) >= PROSE_BLOCK_WORDS and _link_chars(part) < PROSE_LINK_SHARE * len(text)


def prose_block_words(parts: list[Part]) -> int:
    """Words in the parts that read as prose (see `is_prose`)."""
    return sum(len(p[1].split()) for p in parts if is_prose(p))


def _link_share(parts: list[Part]) -> float:
    return sum(_link_chars(p) for p in parts) / max(1, sum(len(p[1]) for p in parts))


def trim_edges(parts: list[Part], reference: list[Part], shared: int, ref_total: int) -> list[Part]:
    """`parts` (trafilatura's, merged) without the non-prose blocks beyond `reference`'s article (see "Edges").

    `shared` is the count of `reference`'s words also in trafilatura's, of `ref_total`.
    """
    from reader.clean.choose import align

    if ref_total < EDGE_MIN_WORDS or shared < EDGE_HELD * ref_total:
        return parts
    pairs = align(parts, reference)
    if not pairs:
        return parts
    first, last = pairs[0][0], pairs[-1][0] + 1
    start, end = 0, len(parts)
    if _link_share(parts[:first]) >= EDGE_LINK_SHARE:
        start = first
    while start < first and not is_prose(parts[start]):
        start += 1
    if _link_share(parts[last:]) >= EDGE_LINK_SHARE:
        end = last
    while end > last and not is_prose(parts[end - 1]):
        end -= 1
    return parts[start:end]


_READABLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template or ancestor::a)]")
"""The page's text that pruning can keep as prose: not code, not styles, not link anchors."""
_WORD = re.compile(r"\w+")


def may_be_fragment(parts: list[Part], prose: Counter[str], tree: etree._Element) -> bool:
    """Whether the page can hold five times `parts`' prose, before pruning it to see (half the pages pass the
    free bound of `choose.prose_words`, which counts scripts' text; a tenth pass the second)."""
    needed = FRAGMENT * prose_block_words(parts)
    if sum(n for n in prose.values() if n > 0) <= needed:
        return False
    return sum(len(_WORD.findall(text)) for text in _READABLE_TEXT(tree)) > needed


def is_fragment(parts: list[Part], pruned: list[Part]) -> bool:
    """True when `pruned` (the page by our own pruning) has five times the prose of `parts` (see "A fragment")."""
    return prose_block_words(pruned) > FRAGMENT * max(1, prose_block_words(parts))

"""readability-lxml's `Document` with four of its steps done faster, same results.

Measured on the developer pages, these steps were a third of readability's
time, spent on work whose answer does not need it:

- `remove_unlikely_candidates` and `class_weight` run the same regexes on
  every element's class and id, and pages repeat a few hundred class
  strings over thousands of elements: each distinct string is tested once.
- `score_paragraphs` measures the text of every link again for every
  candidate container holding it (a paragraph's parent, its grandparent,
  ...), and formats a debug line for each candidate even with logging off:
  lengths are kept for the one call (the tree does not change during it),
  and the line is only built when readability's debug log is on.
- `transform_misused_divs_into_paragraphs` serialises each `<div>`'s
  children (a page's nesting depth times its size) to search the markup
  for a block tag (`<p`, `<div`, `<table` ...); in that serialisation a
  `<` only starts a tag (text and attribute values have it escaped, and
  readability has dropped the scripts and styles whose text is written
  raw), so the same question is asked of the elements' tag names.

The methods are readability's own, copied, with only those changes. Guard:
they are used only while readability's versions of them (and of `clean`
and `text_length`) are the source checked here, compared by hash; any
other release gets readability's own `Document` unchanged.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import re
from functools import cache, lru_cache

from lxml.etree import tounicode
from lxml.html import fragment_fromstring

CHECKED_SHA1 = "be31818863d54974b13457823e3fc12442e8d0bc"
"""SHA-1 of the source of the readability functions replaced or relied on here (`_checked_source`)."""
_METHODS = ("remove_unlikely_candidates", "class_weight", "score_paragraphs", "get_link_density",
            "transform_misused_divs_into_paragraphs")

_SPACE_RUN = re.compile(r"\s{255,}")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_TABS = re.compile(r"\t|[ \t]{2,}")
_BLOCK_TAG = re.compile(r"(blockquote|dl|div|img|ol|p|pre|table|ul)", re.I)
"""readability's `divToPElementsRe` without its `<`: the tag names it finds in serialised markup."""
_INLINE_TAGS = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})


def _checked_source() -> str:
    from readability import readability as module

    parts = [inspect.getsource(getattr(module.Document, name)) for name in _METHODS]
    parts += [inspect.getsource(module.clean), inspect.getsource(module.text_length), repr(module.REGEXES)]
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()


def clean(text: str) -> str:
    """readability's `clean`, its three patterns compiled once."""
    text = _SPACE_RUN.sub(" " * 255, text)
    text = _LINE_BREAK.sub("\n", text)
    text = _TABS.sub(" ", text)
    return text.strip()


def _holds_block(nodes, *, raw_text_tags: bool = False) -> bool | None:
    """Whether the markup of `nodes` (with their descendants) has a tag readability counts as a block.

    None when `raw_text_tags` and a script or style is there (its text is written unescaped in HTML
    serialisation, so only the markup itself can answer).
    """
    for node in nodes:
        for el in node.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if raw_text_tags and tag in ("script", "style"):
                return None
            if _BLOCK_TAG.match(tag):
                return True
    return False


@cache
def base():
    """readability's `Document`, subclassed with the faster methods when its source is the one checked."""
    from readability import Document
    from readability.readability import REGEXES

    try:
        checked = _checked_source() == CHECKED_SHA1
    except (OSError, TypeError, AttributeError):
        checked = False
    if not checked:
        return Document
    log = logging.getLogger("readability.readability")
    unlikely, maybe = REGEXES["unlikelyCandidatesRe"], REGEXES["okMaybeItsACandidateRe"]
    negative, positive, blocks = REGEXES["negativeRe"], REGEXES["positiveRe"], REGEXES["divToPElementsRe"]

    @lru_cache(maxsize=16384)
    def is_unlikely(s: str) -> bool:
        return bool(unlikely.search(s)) and not maybe.search(s)

    @lru_cache(maxsize=16384)
    def feature_weight(feature: str) -> int:
        return (-25 if negative.search(feature) else 0) + (25 if positive.search(feature) else 0)

    class FastReadability(Document):
        _lengths: dict | None = None

        def remove_unlikely_candidates(self):
            if log.isEnabledFor(logging.DEBUG):
                return super().remove_unlikely_candidates()
            for elem in self.html.findall(".//*"):
                s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
                if len(s) < 2:
                    continue
                if (
                    is_unlikely(s)
                    and elem.tag not in ["html", "body"]
                    and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
                    and not elem.xpath(
                        "descendant-or-self::main | descendant-or-self::article | "
                        "descendant-or-self::math"
                    )
                ):
                    elem.drop_tree()

        def class_weight(self, e):
            if self.positive_keywords or self.negative_keywords:
                return super().class_weight(e)
            weight = 0
            for feature in [e.get("class", None), e.get("id", None)]:
                if feature:
                    weight += feature_weight(feature)
            return weight

        def _text_length(self, elem) -> int:
            lengths = self._lengths
            if lengths is None:
                return len(clean(elem.text_content() or ""))
            found = lengths.get(elem)
            if found is None:
                found = lengths[elem] = len(clean(elem.text_content() or ""))
            return found

        def get_link_density(self, elem):
            link_length = 0
            for i in elem.findall(".//a"):
                link_length += self._text_length(i)
            total_length = self._text_length(elem)
            return float(link_length) / max(total_length, 1)

        def score_paragraphs(self):
            if log.isEnabledFor(logging.DEBUG):
                return super().score_paragraphs()
            self._lengths = {}
            try:
                return self._score_paragraphs()
            finally:
                self._lengths = None

        def _score_paragraphs(self):
            MIN_LEN = self.min_text_length
            candidates = {}
            ordered = []
            for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
                parent_node = elem.getparent()
                if parent_node is None:
                    continue
                grand_parent_node = parent_node.getparent()

                inner_text = clean(elem.text_content() or "")
                inner_text_len = len(inner_text)

                if inner_text_len < MIN_LEN:
                    continue

                if parent_node not in candidates:
                    candidates[parent_node] = self.score_node(parent_node)
                    ordered.append(parent_node)

                if grand_parent_node is not None and grand_parent_node not in candidates:
                    candidates[grand_parent_node] = self.score_node(grand_parent_node)
                    ordered.append(grand_parent_node)

                content_score = 1
                content_score += len(inner_text.split(","))
                content_score += min((inner_text_len / 100), 3)

                candidates[parent_node]["content_score"] += content_score
                if grand_parent_node is not None:
                    candidates[grand_parent_node]["content_score"] += content_score / 2.0

            for elem in ordered:
                candidate = candidates[elem]
                ld = self.get_link_density(elem)
                candidate["content_score"] *= 1 - ld

            return candidates

        def transform_misused_divs_into_paragraphs(self):
            for elem in self.tags(self.html, "div"):
                if not _holds_block(elem):
                    elem.tag = "p"

            for elem in self.tags(self.html, "div"):
                children = list(elem)
                paragraph = None
                if elem.text and elem.text.strip():
                    p = fragment_fromstring("<p/>")
                    p.text = elem.text
                    elem.text = None
                    elem.insert(0, p)
                    paragraph = p

                for child in children:
                    if child.tag == "br":
                        paragraph = None
                        continue
                    if child.tag not in _INLINE_TAGS:
                        paragraph = None
                        continue
                    held = _holds_block((child,), raw_text_tags=True)
                    if held is None:
                        held = bool(blocks.search(tounicode(child, method="html")))
                    if held:
                        paragraph = None
                        continue
                    if paragraph is None:
                        paragraph = fragment_fromstring("<p/>")
                        child.addprevious(paragraph)
                    paragraph.append(child)

                for pos, child in reversed(list(enumerate(elem))):
                    if child.tail and child.tail.strip():
                        p = fragment_fromstring("<p/>")
                        p.text = child.tail
                        child.tail = None
                        elem.insert(pos + 1, p)
                    if child.tag == "br":
                        child.drop_tree()

    return FastReadability


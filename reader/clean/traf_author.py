"""trafilatura's `extract_author`, the same answer in one walk of the page.

`trafilatura.metadata.extract_author` deep-copies the whole page, deletes
from the copy the regions its `AUTHOR_DISCARD_XPATHS` name (comments,
sidebars, dates, figures), then tries its three `AUTHOR_XPATHS` in turn and
returns the first match whose text is 3 to 119 characters. On a news page
that costs more than all the rest of our metadata: five XPath passes over
the page, each `re:test(@class, ...)` a call from libxml2 back into Python
for every element, and a second page in memory.

Here the five expressions' tests (tag names, attribute equality,
`contains`, and `re:test`, which is `re.search` on the attribute, "" when
absent) are evaluated in one walk, in document order, each regex once per
distinct attribute value. The author matches are read on the page itself:
one inside a region the library deletes is skipped, and one that holds such
a region is copied (itself, not the page) and pruned with the library's own
expressions before its text is read. Deleting a region only changes its
parent's text and its previous sibling's tail, both inside the match, so
the match's text is the same as in the library's pruned page.

Guard: used only while the library's five expressions are the ones
translated here (their text is compared) and its version is one checked;
otherwise, and on a page with a `<rel>` element (one expression compares
the text of such a child, which pruning could change), the library's own
`extract_author` runs.
"""

from __future__ import annotations

import hashlib
import re
from copy import deepcopy
from functools import cache, lru_cache

CHECKED_VERSIONS = frozenset({"2.3.1"})
EXPRESSIONS_SHA1 = "41acb1d4ee3ab4ce3e0ef8b82aa22f08507f09b4"
"""SHA-1 of the library's AUTHOR_XPATHS + AUTHOR_DISCARD_XPATHS paths (NUL-joined) translated below."""
LEN_LIMIT = 120
"""`extract_author`'s `len_limit` for `extract_metainfo`."""

# The expressions' regex tests, as written in trafilatura.xpaths.
_A1_CLASS = re.compile("author-?name|AuthorName|authorName")
_A2_ID = re.compile("author|zuozhe|bianji|xiaobian")
_A2_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_A3_ID = re.compile("[Aa]uthor")
_A3_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_D1_ID = re.compile("^comments|comment-?list|ProductReviews")
_D1_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
                       "article-(?:share|support)|print|category|meta-date|meta-reviewer")
_A1_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_A2_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_D1_TAGS = frozenset({"a", "div", "section", "span"})


@cache
def _library():
    """(extract_author, AUTHOR_DISCARD_XPATHS, prune_unwanted_nodes, normalize_authors, trim), and whether checked."""
    import trafilatura
    from trafilatura import metadata

    paths = "\x00".join(x.path for x in metadata.AUTHOR_XPATHS + metadata.AUTHOR_DISCARD_XPATHS)
    checked = (trafilatura.__version__ in CHECKED_VERSIONS
               and hashlib.sha1(paths.encode()).hexdigest() == EXPRESSIONS_SHA1)
    return (metadata.extract_author, metadata.AUTHOR_DISCARD_XPATHS, metadata.prune_unwanted_nodes,
            metadata.normalize_authors, metadata.trim), checked


@lru_cache(maxsize=8192)
def _class_tests(value: str) -> tuple[bool, bool, bool, bool]:
    return (bool(_A1_CLASS.search(value)), bool(_A2_CLASS.search(value)), bool(_A3_CLASS.search(value)),
            value in ("comments", "title", "date") or bool(_D1_CLASS.search(value)))


@lru_cache(maxsize=8192)
def _id_tests(value: str) -> tuple[bool, bool, bool]:
    return bool(_A2_ID.search(value)), bool(_A3_ID.search(value)), value == "comments" or bool(_D1_ID.search(value))


def _walk(tree):
    """(author matches of each expression, removed elements), or None when the page has a `<rel>` element."""
    found: tuple[list, list, list] = ([], [], [])
    removed = []
    for el in tree.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "rel":
            return None
        attrib = el.attrib
        if not attrib:  # no attribute: only the tag-name tests can hold
            if tag == "author":
                found[0].append(el)
            elif tag in ("time", "figure"):
                removed.append(el)
            continue
        cls, ident = el.get("class") or "", el.get("id") or ""
        c1, c2, c3, cd = _class_tests(cls)
        i2, i3, idd = _id_tests(ident)
        itemprop = el.get("itemprop") or ""
        if tag == "author" or tag in _A1_TAGS and (
                el.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
                or el.get("data-testid") in ("AuthorCard", "AuthorURL") or c1):
            found[0].append(el)
        author_prop = "author" in itemprop
        if tag in _A2_TAGS and (cls in ("byline", "username", "byl", "BBL") or author_prop or i2 or c2):
            found[1].append(el)
        component = el.get("data-component") or ""
        if "Byline" in component or author_prop or i3 or c3:
            found[2].append(el)
        if tag in ("time", "figure") or tag in _D1_TAGS and el is not tree and (cd or idd or "Figure" in component):
            removed.append(el)
    return found, removed


def extract_author(tree) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns (see the module docstring)."""
    (library_author, discard_xpaths, prune, normalize_authors, trim), checked = _library()
    walked = _walk(tree) if checked else None
    if walked is None:
        return library_author(tree)
    found, removed_list = walked
    removed = set(removed_list)
    holds_removed: set = set()
    for el in removed_list:
        parent = el.getparent()
        while parent is not None and parent not in holds_removed:
            holds_removed.add(parent)
            parent = parent.getparent()
    for matches in found:
        for el in matches:
            if el in removed or any(a in removed for a in el.iterancestors()):
                continue
            if el in holds_removed:
                el = prune(deepcopy(el), discard_xpaths)
            content = trim(" ".join(el.itertext()))
            if content and 2 < len(content) < LEN_LIMIT:
                return normalize_authors(None, content)
    return None

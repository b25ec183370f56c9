"""The article's title: the page's headline (`<h1>`) when it agrees with the declared titles.

Pages declare a title for search engines and sharing (`og:title`, JSON-LD
`headline`, `<title>`), often with the site's name after a separator or an
entity left escaped twice (`&amp;#8217;`). The headline a reader sees is the
page's `<h1>`: it is taken when the page has one that is not the site's name
(a logo) and at least half of its words are in a declared title; otherwise
the first declared title, its site-name suffix removed.
"""

from __future__ import annotations

import html
import re
from typing import Iterable
from urllib.parse import urlsplit

from lxml import html as lxml_html

SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " · ", " • ", " » ", " / ")
AGREEMENT = 0.5
"""Share of the `<h1>`'s words that must appear in a declared title for the `<h1>` to be the title."""
MAX_HEADLINE_WORDS = 40


def decode_entities(text: str) -> str:
    """Character references left in a title, once or escaped twice (`&amp;#8211;` -> "–"); white space folded."""
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    return " ".join(text.split())


def _fold(text: str) -> str:
    return re.sub(r"\W", "", text.casefold())


def site_names(declared: Iterable[str], url: str | None) -> list[str]:
    """The site's names: its declared ones and its domain without `www.` and the top-level part."""
    names = [n for n in declared if n]
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    if host:
        names += [host, host.rsplit(".", 1)[0]]
    return names


def _is_site(text: str, sites: list[str]) -> bool:
    folded = _fold(text)
    return bool(folded) and any(folded == _fold(site) for site in sites)


def strip_site_suffix(title: str, sites: list[str]) -> tuple[str, str]:
    """"Headline | Site" -> ("Headline", "Site") when the part after the last separator is the site; else (title, "")."""
    for sep in SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if head.strip() and _is_site(tail, sites):
            return head.strip(), tail.strip()
        front, _, rest = title.partition(sep)
        if rest.strip() and _is_site(front, sites):
            return rest.strip(), front.strip()
    return title, ""


def guess_site_suffix(title: str) -> tuple[str, str]:
    """"A headline of several words | Short Name" -> split, when no site name is known to compare."""
    for sep in (" | ", " - ", " — ", " – ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if len(tail.split()) <= 4 and len(head.split()) >= 4:
                return head.strip(), tail.strip()
    return title, ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def agreement(headline: str, declared: str) -> float:
    """Share of the headline's words found in a declared title."""
    words = _words(headline)
    return len(words & _words(declared)) / len(words) if words else 0.0


def headlines(tree: lxml_html.HtmlElement, sites: list[str]) -> list[str]:
    """The page's `<h1>` texts that could be a headline: not empty, not the site's name, not a paragraph."""
    out = []
    for h1 in tree.iter("h1"):
        text = decode_entities(h1.text_content())
        if text and len(text.split()) <= MAX_HEADLINE_WORDS and not _is_site(text, sites) and text not in out:
            out.append(text)
    return out


def choose_title(tree: lxml_html.HtmlElement, declared: list[str], sites: list[str]) -> tuple[str, str]:
    """(title, site suffix found) from the declared titles (best first) and the page's headlines."""
    cleaned = [decode_entities(t) for t in declared if t and t.strip()]
    first, suffix = strip_site_suffix(cleaned[0], sites) if cleaned else ("", "")
    if cleaned and not suffix and not sites:
        first, suffix = guess_site_suffix(first)
    candidates = headlines(tree, sites)
    if len(candidates) == 1 and cleaned and max(agreement(candidates[0], t) for t in cleaned) >= AGREEMENT:
        return candidates[0], suffix
    return first or (candidates[0] if candidates else ""), suffix

"""Author names from the strings pages give for them: "By" lines, lists, bios, profile URLs.

A page names its authors in JSON-LD, in meta tags, in its byline; the values
are often not names: "By Jane Doe and Ali Kaya", "Jane Doe, MD", a profile
URL, a numeric account id, a whole bio ("Jane Doe is a reporter who ..."),
or the organisation ("Staff", the site's own name) beside the person.
`clean_authors` turns such values into person names, deduplicated;
`choose_authors` takes the first source that gives a person and falls back
to an organisation only when no source names one.
"""

from __future__ import annotations

import re
from itertools import chain, islice
from typing import Iterable

_BY = re.compile(r"^\s*(?:(?:written|posted|words|story|text|reporting|published)\s+by|by|author(?:s|ed by)?\s*:?|from)\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bwith\b)\s*", re.I)
_URLISH = re.compile(r"^(?:https?:|www\.|//)|\.(?:com|org|net|io)(?:/|$)|/", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\S+")
_CREDENTIAL = re.compile(
    r"^(?:m\.?d|ph\.?d|r\.?n|m\.?s|m\.?a|b\.?s|b\.?a|mba|mph|msc|bsc|jr|sr|ii|iii|iv|esq|cpa|dds|do|dvm|facs|rd|ld)\.?$", re.I)
_ORG_WORD = re.compile(
    r"\b(?:staff|team|editors?|editorial|newsroom|desk|contributors?|admin|administrator|press|media|news|"
    r"agency|wire|group|inc|llc|ltd|company|corp|magazine|publishing|association|institute|society|foundation|"
    r"university|council|official)\b",
    re.I,
)
_IDENTIFIER = re.compile(r"[\w-]+(?:[._][\w-]+)+")
_ACRONYMS = re.compile(r"[A-Z]{1,4}|(?:[A-Z]\.?\s*){1,4}")
_BIO_VERB = re.compile(r"\s+(?:is|was|has|writes|covers|joined|serves|works|lives)\s+", re.I)
_ROLE = re.compile(
    r"\b(?:bio|biography|profile|name|authors?|writer|editor|reporter|journalist|journalism|correspondent|"
    r"columnist|contributor|consultant|certified|licensed|head|director|manager|founder|specialist|expert|"
    r"comments?|posts?|senior|former|lead|chief|staff|contributing|guest|freelance|associate|executive|"
    r"managing|deputy|principal|junior)\b",
    re.I,
)
MAX_NAME_WORDS = 6


def _one(part: str) -> str | None:
    """One author string -> a name, or None when it names nobody."""
    part = " ".join(part.split()).strip(" .,:;-–—|·•\"'()[]")
    if not part or _URLISH.search(part) or _EMAIL.search(part) or part.replace(" ", "").isdigit():
        return None
    if _CREDENTIAL.match(part) or part.lower() in {"by", "and", "the", "admin", "author", "unknown", "anonymous", "guest"}:
        return None
    if _IDENTIFIER.fullmatch(part) or _LABEL.sub("", part) == "" or _ACRONYMS.fullmatch(part):
        return None  # "page.author.name", "Written By", "BSN", "M A": a template key, a label, letters
    role = _ROLE.search(part)
    if role and len(part[: role.start()].split()) >= 2:  # "Jane Doe Senior Writer": the name before the role
        part = part[: role.start()].strip(" -–—(,")
    if len(part.split()) > MAX_NAME_WORDS:
        bio = _BIO_VERB.split(part, maxsplit=1)
        if len(bio) < 2 or len(bio[0].split()) > 4:
            return None
        part = bio[0].strip()
    if not any(c.isalpha() for c in part) or len(part) > 60:
        return None
    return part


_POST_NOMINAL = re.compile(r"(?:[A-Z]{2,6}|(?:[A-Z][a-z]?\.){2,4}|[A-Z][a-z]?\.[A-Z][a-z]?|Ph\.?D\.?)®?")
"""Letters after a name: "MD", "Ph.D.", "M.S.", "CFP®"."""
_COMMA = re.compile(r"\s*[,;]\s*")


def _credential(part: str) -> str:
    """The post-nominal letters `part` is, as written, or ""."""
    part = part.strip(" ,;")
    bare = part.rstrip(".")
    if _CREDENTIAL.match(bare) or _POST_NOMINAL.fullmatch(part) or _POST_NOMINAL.fullmatch(bare):
        return part
    return ""


def clean_authors(values: Iterable[str], credits: dict[str, str] | None = None) -> list[str]:
    """Names from author strings: "By" removed, lists split, URLs, ids, credentials and bios dropped, deduplicated.

    `credits`, when given, receives each name as the page credits it with its
    post-nominal letters ("Ana Petrov, MD, MPH"): what a byline shows, while
    the names stay names.
    """
    names: list[str] = []
    for value in values:
        value = _BY.sub("", " ".join(str(value).split()))
        bio = _BIO_VERB.split(value, maxsplit=1)
        if len(value.split()) > MAX_NAME_WORDS and len(bio) == 2 and len(bio[0].split()) <= 4:
            value = bio[0]  # "Jane Doe is a reporter who covers ... and ...": the name before the bio
        last = ""
        for piece in _COMMA.split(value):
            letters = _credential(piece) if last else ""
            if letters:
                if credits is not None:
                    credits[last] = credits.get(last, last) + ", " + letters
                continue
            for part in _SPLIT.split(piece):
                name = _one(_BY.sub("", part))
                last = ""
                if name and not any(_same(name, seen) for seen in names):
                    names.append(name)
                    last = name
    return names


def _same(a: str, b: str) -> bool:
    fa, fb = a.casefold(), b.casefold()
    return fa == fb or fa.replace(".", "") == fb.replace(".", "")


def is_organisation(name: str, site_names: Iterable[str] = ()) -> bool:
    """"Staff", "The Editors", or the site's own name: an author that is not a person."""
    folded = re.sub(r"\W", "", name.casefold())
    for site in site_names:
        site_folded = re.sub(r"\W", "", site.casefold())
        if site_folded and folded in (site_folded, re.sub(r"\W", "", site.casefold().split(".")[0])):
            return True
    return bool(_ORG_WORD.search(name))


def choose_authors(sources: Iterable[Iterable[str]], site_names: Iterable[str] = (),
                   credits: dict[str, str] | None = None) -> list[str]:
    """The persons of the first source that names one; else the first organisation given; else [].

    `credits` receives the chosen names' credited forms (see `clean_authors`).
    """
    sites = [s for s in site_names if s]
    fallback: list[str] = []
    fallback_credits: dict[str, str] = {}
    for source in sources:
        credited: dict[str, str] = {}
        names = clean_authors(source, credited)
        people = [n for n in names if not is_organisation(n, sites)]
        if people:
            if credits is not None:
                credits.update({n: credited[n] for n in people[:8] if n in credited})
            return people[:8]
        if names and not fallback:
            fallback, fallback_credits = names[:2], credited
    if credits is not None:
        credits.update({n: fallback_credits[n] for n in fallback if n in fallback_credits})
    return fallback


_PARTICLE = r"(?:van|von|der|den|de|da|del|di|du|la|le|bin|ibn|al|el|dos|das|ter|ten)"
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_LABEL = re.compile(r"^(?i:(?:(?:written|posted|reviewed|words|story|article|contributed)\s+)?by|authors?|contributors?)"
                    r"(?=[\s:]|[A-Z]|$)\s*:?\s*")
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{0,4}}")
_NOT_A_NAME = re.compile(r"^(?:updated|published|posted|view|read|more|this|the author|see|click|share|follow)\b", re.I)
_MONTH = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec)\b\.?$",
    re.I,
)
"""A month alone is a date's remnant; before a surname it is a first name (April, June, August ...)."""
_BYLINE_TAGS = ("p", "span", "div", "li", "address", "small", "strong", "em", "b", "a", "h2", "h3", "h4", "h5", "h6", "td",
                "dt", "th")
"""Where pages print a byline, or the "Author" / "Written by" label beside it (a heading in an author box)."""
_MENU_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|menu|dropdown|navbar|megamenu)(?:$|[\s_-])", re.I)
_MENU_ROLES = {"navigation", "menu", "menubar", "menuitem"}
MENU_CLASS_DEPTH = 3
"""A menu's class names sit on the few elements around its items; a page-wide wrapper may say "nav" too."""
BYLINE_CHARS = 120
"""A visible byline is a short line; longer text that begins "By" is a sentence."""


def looks_like_name(name: str) -> bool:
    """A person's name as a heuristic source may give one: capitalised words or particles, no month or prompt."""
    words = name.split()
    if not 1 <= len(words) <= 5 or _NOT_A_NAME.match(name) or _MONTH.match(name) or _ROLE.search(name) \
            or any(c.isdigit() for c in name):
        return False
    return all(re.fullmatch(_NAME_WORD, w) or re.fullmatch(_PARTICLE, w) for w in words)


def _segments(el, limit: int = 4) -> list[str]:
    """The element's first text pieces (one per text node), white space folded."""
    out = []
    for piece in el.itertext():
        piece = " ".join(piece.split())
        if piece:
            out.append(piece)
            if len(out) >= limit:
                break
    return out


_NOUN_LABEL = re.compile(r"^(?:authors?|contributors?)\s+(?!\s*:)", re.I)
""""Author Spotlight", "Authors Cited by": the noun before a word is a heading; before a name it takes a colon."""


def _after_label(el) -> str:
    """The text after a "By" label: in the element itself, else its tail or the next sibling's text."""
    pieces = _segments(el)
    rest = _LABEL.sub("", pieces[0]) if pieces else ""
    if rest:
        return "" if _NOUN_LABEL.match(pieces[0]) else rest
    if len(pieces) > 1:
        return pieces[1]
    if (el.tail or "").strip():
        return " ".join(el.tail.split())
    for sibling in islice(el.itersiblings(), 3):
        pieces = _segments(sibling, 1)
        if pieces:
            return pieces[0]
    return ""


def _in_menu(el) -> bool:
    """A "By Topic" heading of a site menu (a list of links after it, or inside the page's navigation)."""
    following = el.getnext()
    if following is not None and following.tag in ("ul", "ol"):
        return True
    for depth, node in enumerate(chain((el,), el.iterancestors())):
        if node.tag == "nav" or node.get("role") in _MENU_ROLES:
            return True
        if depth <= MENU_CLASS_DEPTH and _MENU_CLASS.search(node.get("class") or ""):
            return True
    return False


_CUT = re.compile(r"\s+(?:on|at|in|for|updated|published|posted|last|reviewed|edited)\b|[|⋅·•(—–]|\d")
"""Where a byline's names end: a date, a preposition, a separator."""


def _byline_names(candidate: str) -> list[str]:
    """The names a byline lists ("Ana Petrov, Jon Ebbe and Li Wen"): the first, then co-authors of two words or more."""
    names: list[str] = []
    cut = _CUT.search(candidate)
    for i, part in enumerate(_SPLIT.split(candidate[: cut.start()] if cut else candidate)):
        match = _NAME.match(part.strip())
        name = match.group(0).strip() if match else ""
        if not looks_like_name(name) or (i and len(name.split()) < 2):
            break
        if not any(_same(name, seen) for seen in names):
            names.append(name)
    return names[:8]


def visible_bylines(tree) -> list[str]:
    """The names of the first "By Jane Doe and Ali Kaya" line the page shows outside its menus, or [].

    Only elements whose own text begins with a "By" label are read further
    (their first text pieces), so the walk is one pass over the page.
    """
    for el in tree.iter(*_BYLINE_TAGS):
        own = " ".join((el.text or "").split())
        if not own or not _LABEL.match(own):
            continue
        candidate = _after_label(el)
        names = _byline_names(candidate) if len(candidate) <= BYLINE_CHARS else []
        if names and not _in_menu(el):
            return names
    return []

"""The library screen's filter: typed terms over the index, free words over titles and sites.

    parse_filter('ferry person:Ada Okafor source:Tidewire since:2026-01') -> (LibraryFilter, problems)
    filter_articles(store, flt) -> set of article ids (every typed term holds)

Terms (a value runs to the next term; quote it to write free words after it):
    person:NAME  (who:)    mentions that person, organisation or place: name,
                           alias or surname, merged across articles as
                           `reader.index.query.people` merges them
    source:NAME            names that source (agency, outlet) or comes from a site containing NAME
    since:DATE   (from:)   published on or after DATE (2026, 2026-01 or 2026-01-09)
    until:DATE   (to:)     published on or before DATE (the whole month or year when shorter)

A name matches exactly when some article has it exactly, else as a prefix
(as you type). Every term is an indexed query (`person_keys.key`,
`people.name_key`, `sources.name_key`, `articles.published`); several terms
must all hold. A term without a value yet is left out; a malformed date is
a problem line and left out too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reader.index.names import name_key
from reader.index.query import people

if TYPE_CHECKING:  # pragma: no cover
    from reader.store import Store

TERMS = {"person": "person", "who": "person", "source": "source", "since": "since", "from": "since",
         "until": "until", "to": "until"}
_TERM = re.compile(r"(?<!\S)(" + "|".join(TERMS) + r"):", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_END = "\uffff"
"""After every character a key or an ISO date holds: `x <= v + _END` keeps all that start with v."""


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    words: str = ""
    """Free text: kept when the title or the site contains it (case-folded)."""
    people: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    @property
    def typed(self) -> bool:
        """Some term needs the index."""
        return bool(self.people or self.sources or self.since or self.until)


def _date(value: str) -> str | None:
    match = _DATE.fullmatch(value)
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return value


def parse_filter(text: str) -> tuple[LibraryFilter, list[str]]:
    """The filter typed in `text`, and a line for each term it had to leave out."""
    found = list(_TERM.finditer(text))
    words = text[: found[0].start()] if found else text
    values: dict[str, list[str]] = {"person": [], "source": [], "since": [], "until": []}
    problems: list[str] = []
    for i, match in enumerate(found):
        raw = text[match.end() : found[i + 1].start() if i + 1 < len(found) else len(text)].strip()
        if raw.startswith('"'):
            closing = raw.find('"', 1)
            value, rest = (raw[1:closing], raw[closing + 1 :]) if closing > 0 else (raw[1:], "")
            words += " " + rest
        else:
            value = raw
        term = TERMS[match.group(1).lower()]
        value = " ".join(value.split())
        if not value:
            continue
        if term in ("since", "until") and _date(value) is None:
            problems.append(f"{match.group(1)}: wants a date like 2026, 2026-01 or 2026-01-09, not {value!r}")
            continue
        values[term].append(value)
    since = max(values["since"], default=None)
    until = min(values["until"], default=None)
    flt = LibraryFilter(" ".join(words.split()), tuple(values["person"]), tuple(values["source"]), since, until)
    return flt, problems


def _by_key(store: Store, sql_exact: str, sql_prefix: str, key: str) -> set[int]:
    """Article ids whose key is `key`, else (none is) those whose key starts with it."""
    exact = {int(aid) for (aid,) in store.query(sql_exact, (key,))}
    if exact:
        return exact
    return {int(aid) for (aid,) in store.query(sql_prefix, (key, key + _END))}


def person_articles(store: Store, name: str) -> set[int]:
    """Articles mentioning the entity called `name` (aliases merged across articles), else by prefix."""
    key = name_key(name)
    if not key:
        return set()
    merged = {aid for person in people(store, name) for aid, *_ in person.articles}
    if merged:
        return merged
    return _by_key(store, "SELECT DISTINCT article_id FROM person_keys WHERE key = ?",
                   "SELECT DISTINCT article_id FROM person_keys WHERE key >= ? AND key <= ?", key)


def source_articles(store: Store, name: str) -> set[int]:
    """Articles naming the source `name` (exactly, else by prefix), and articles from a site containing it."""
    key = name_key(name)
    named = _by_key(store, "SELECT DISTINCT article_id FROM sources WHERE name_key = ?",
                    "SELECT DISTINCT article_id FROM sources WHERE name_key >= ? AND name_key <= ?", key) if key else set()
    needle = name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    sites = {int(aid) for (aid,) in store.query(
        "SELECT id FROM articles WHERE site LIKE ? ESCAPE '\\'", (f"%{needle}%",))} if needle else set()
    return named | sites


def dated_articles(store: Store, since: str | None, until: str | None) -> set[int]:
    """Articles published within [since, until] (ISO prefixes; undated articles never match)."""
    low = since or ""
    high = (until or "9999") + _END
    return {int(aid) for (aid,) in store.query(
        "SELECT id FROM articles WHERE published IS NOT NULL AND published >= ? AND published <= ?", (low, high))}


def filter_articles(store: Store, flt: LibraryFilter) -> set[int]:
    """The ids of the articles every typed term of `flt` keeps (all articles when it has none)."""
    sets: list[set[int]] = []
    if flt.since or flt.until:
        sets.append(dated_articles(store, flt.since, flt.until))
    for name in flt.people:
        sets.append(person_articles(store, name))
    for name in flt.sources:
        sets.append(source_articles(store, name))
    if not sets:
        return {int(aid) for (aid,) in store.query("SELECT id FROM articles")}
    sets.sort(key=len)
    kept = sets[0]
    for other in sets[1:]:
        kept &= other
    return kept

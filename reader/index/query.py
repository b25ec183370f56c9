"""Asking the library index: full-text search, a person's quotes, a person's articles.

Every function reads only; names are compared by `names.name_key`, and the
cross-article merge of `people` follows the rule in `reader.index.names`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.index.names import name_key

if TYPE_CHECKING:  # pragma: no cover
    from reader.store import Store

HIT_START, HIT_END = "\x02", "\x03"
"""Markers around matched words in `Hit.snippet` (never in article text: the body is sanitised)."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    """"paragraph", "quote" or "name"."""
    article_id: int
    title: str
    published: str | None
    ref: str
    """The paragraph number, quote id or entity id."""
    start: int
    """Where in the article's body the hit is."""
    snippet: str


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: int
    title: str
    published: str | None
    url: str | None
    quote_id: str
    speaker: str
    text: str
    start: int
    end: int
    paragraph: int
    cue: str


@dataclass(slots=True)
class Person:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: list[tuple[int, str, str | None, int, int]] = field(default_factory=list)
    """(article id, title, published, mentions, first mention offset) per article."""
    ambiguous: bool = False
    """A bare name that several different full names share."""
    entities: list[tuple[int, str]] = field(default_factory=list)
    """(article id, entity id) of every entity merged into this person."""


def match_query(text: str) -> str:
    """An FTS5 query from user text: every word quoted (so no FTS syntax gets through), all required."""
    words = _WORD.findall(text)
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search(store: "Store", text: str, limit: int = 20) -> list[Hit]:
    """Paragraphs, quotes and names matching every word of `text`, best first (BM25)."""
    query = match_query(text)
    if not query:
        return []
    rows = store.query(
        "SELECT s.kind, s.article_id, a.title, a.published, s.ref, s.start, "
        f"snippet(search_index, 0, '{HIT_START}', '{HIT_END}', '…', 16) "
        "FROM search_index s JOIN articles a ON a.id = s.article_id "
        "WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?",
        (query, int(limit)),
    )
    return [Hit(kind, int(aid), title, published, str(ref), int(start or 0), snip)
            for kind, aid, title, published, ref, start, snip in rows]


_PEOPLE_COLUMNS = ("p.article_id, p.entity_id, p.name, p.kind, p.role, p.aliases, p.mentions, p.first_start, "
                   "p.name_key, a.title, a.published")


def _owner(store: "Store", bare: str, kind: str) -> str | None:
    """The one full name (same kind) a bare name belongs to across the library, else None.

    First by evidence (the full name was known by that alias in some article),
    then by surname; two candidates either way leave the bare name on its own.
    """
    claims = {row[0] for row in store.query(
        "SELECT DISTINCT p.name_key FROM person_keys k JOIN people p ON p.article_id = k.article_id "
        "AND p.entity_id = k.entity_id WHERE k.key = ? AND p.kind = ? AND p.name_key != ?", (bare, kind, bare))}
    by_alias = {full for full in claims if store.query(
        "SELECT 1 FROM people WHERE name_key = ? AND kind = ? AND aliases != '[]' AND EXISTS "
        "(SELECT 1 FROM json_each(people.aliases) j WHERE j.value = ? OR lower(j.value) = ?) LIMIT 1",
        (full, kind, bare, bare))}
    if len(by_alias) == 1:
        return by_alias.pop()
    if not by_alias and len(claims) == 1:
        return next(iter(claims))
    return None


def _rows(store: "Store", name: str) -> list[tuple]:
    """People rows called `name`, with the rows of the same person under other names in other articles."""
    key = name_key(name)
    if not key:
        return []
    seed = store.query(
        "SELECT DISTINCT p.name_key, p.kind FROM person_keys k JOIN people p "
        "ON p.article_id = k.article_id AND p.entity_id = k.entity_id WHERE k.key = ?", (key,))
    wanted: set[tuple[str, str]] = set()
    for full, kind in seed:
        owner = _owner(store, full, kind) if len(full.split()) == 1 else None
        wanted.add((owner or full, kind))
    rows: dict[tuple[int, str], tuple] = {}
    for full, kind in wanted:
        for row in store.query(f"SELECT {_PEOPLE_COLUMNS} FROM people p JOIN articles a ON a.id = p.article_id "
                               "WHERE p.kind = ? AND p.name_key = ?", (kind, full)):
            rows[(row[0], row[1])] = row
        for bare in {w for w in full.split()[-1:] if len(full.split()) > 1} | {
                k for (k,) in store.query("SELECT DISTINCT j.value FROM people p, json_each(p.aliases) j "
                                          "WHERE p.name_key = ? AND p.kind = ?", (full, kind))}:
            bare_key = name_key(bare)
            if bare_key == full or _owner(store, bare_key, kind) != full:
                continue
            for row in store.query(f"SELECT {_PEOPLE_COLUMNS} FROM people p JOIN articles a ON a.id = p.article_id"
                                   " WHERE p.kind = ? AND p.name_key = ?", (kind, bare_key)):
                rows[(row[0], row[1])] = row
    return list(rows.values())


def people(store: "Store", name: str) -> list[Person]:
    """The people called `name` across the library, each with every article that mentions them."""
    by_key: dict[tuple[str, str], Person] = {}
    for aid, eid, ent_name, kind, role, aliases, mentions, first, key, title, published in _rows(store, name):
        target = (_owner(store, key, kind) or key) if len(key.split()) == 1 else key
        person = by_key.setdefault((target, kind), Person(ent_name, kind))
        if target == key and person.name != ent_name and len(ent_name) >= len(person.name):
            person.aliases.append(person.name)
            person.name = ent_name
        for alias in [ent_name, *json.loads(aliases or "[]")]:
            if alias != person.name and alias not in person.aliases:
                person.aliases.append(alias)
        if role and role not in person.roles:
            person.roles.append(role)
        person.articles.append((int(aid), title, published, int(mentions), int(first)))
        person.entities.append((int(aid), str(eid)))
    for (key, kind), person in by_key.items():
        person.ambiguous = len(key.split()) == 1 and _owner(store, key, kind) is None and any(
            len(k.split()) > 1 and k.split()[-1] == key for k, _ in by_key)
        person.aliases = [a for a in dict.fromkeys(person.aliases) if a != person.name]
        person.articles.sort(key=lambda item: (item[2] or "", item[0]), reverse=True)
    return sorted(by_key.values(), key=lambda p: (-len(p.articles), p.name))


def quotes_by(store: "Store", name: str) -> list[QuoteRow]:
    """Every quote whose resolved speaker is a person called `name`, newest article first."""
    found = people(store, name)
    exact = [p for p in found if name_key(p.name) == name_key(name)]
    entities = {pair for person in (exact or found) for pair in person.entities}
    out: list[QuoteRow] = []
    for article_id in sorted({aid for aid, _ in entities}):
        for row in store.query(
            'SELECT q.article_id, a.title, a.published, a.url, q.quote_id, q.speaker, q.text, q.start, q."end", '
            "q.paragraph, q.cue, q.speaker_id FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.article_id = ? ORDER BY q.start", (article_id,)
        ):
            if (row[0], row[11]) in entities:
                out.append(QuoteRow(*row[:11]))
    out.sort(key=lambda r: (r.published or "", r.article_id), reverse=True)
    return out

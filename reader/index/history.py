"""One entity across the library: the other articles that mention it, and what it said there.

    entity_history(store, name, kind, aliases=(), exclude=article_id) -> EntityHistory

The entity is found as `reader.index.query.people` finds a person (its
name key, then each alias, with the cross-article merge of
`reader.index.names`), kept to entities of the same kind. Each other
article gives one `Place` for its first mention (with the text around it)
and one per quote whose resolved speaker is that entity there. Reads only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.index.names import name_key
from reader.index.query import Person, people

if TYPE_CHECKING:  # pragma: no cover
    from reader.store import Store

CONTEXT = 90
"""Characters of body kept either side of a first mention."""


@dataclass(frozen=True, slots=True)
class Place:
    kind: str
    """"mention" (the article's first mention of the entity) or "quote"."""
    start: int
    end: int
    text: str
    """The words around the mention, or the quote's words."""
    cue: str = ""
    mark: tuple[int, int] = (0, 0)
    """Where in `text` the mention is ((0, 0) for a quote)."""


@dataclass(slots=True)
class ArticlePlaces:
    article_id: int
    title: str
    site: str
    published: str | None
    mentions: int
    places: list[Place] = field(default_factory=list)
    """The first mention, then the quotes in body order."""


@dataclass(slots=True)
class EntityHistory:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    articles: list[ArticlePlaces] = field(default_factory=list)
    """The other articles, newest first (undated last)."""
    ambiguous: bool = False

    @property
    def quotes(self) -> int:
        return sum(1 for a in self.articles for p in a.places if p.kind == "quote")


def _pick(found: list[Person], name: str, kind: str) -> Person | None:
    same_kind = [p for p in found if p.kind == kind] or found
    if not same_kind:
        return None
    key = name_key(name)
    exact = [p for p in same_kind if name_key(p.name) == key or key in {name_key(a) for a in p.aliases}]
    return (exact or same_kind)[0]  # `people` puts the one with the most articles first


def _context(body: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The words around body[start:end] (its sentence, cut at word boundaries, on one line), and where it is in them."""
    left, right = max(0, start - CONTEXT), min(len(body), end + CONTEXT)
    before, middle, after = body[left:start], body[start:end], body[end:right]
    sentence = max(before.rfind(". "), before.rfind("\n"))
    if sentence >= 0:  # the mention's own sentence, when it starts in the window
        before, left = before[sentence + 1 :], 0
    cut = min((i for i in (after.find(". ") + 1, after.find("\n")) if i > 0), default=0)
    if cut:
        after, right = after[:cut], len(body)
    if left > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if right < len(body) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    lead = " ".join(before.split()) + (" " if before[-1:].isspace() and before.strip() else "")
    words = " ".join(middle.split())
    tail = (" " if after[:1].isspace() else "") + " ".join(after.split())
    return (lead + words + tail).strip(), (len(lead), len(lead) + len(words))


def entity_history(store: Store, name: str, kind: str, aliases: tuple[str, ...] | list[str] = (),
                   *, exclude: int | None = None) -> EntityHistory:
    """Where the entity called `name` (or one of `aliases`) appears in the library, but for article `exclude`."""
    person = None
    for candidate in dict.fromkeys([name, *aliases]):
        person = _pick(people(store, candidate), candidate, kind)
        if person is not None:
            break
    history = EntityHistory(name, kind)
    if person is None:
        return history
    history.aliases = [a for a in dict.fromkeys([person.name, *person.aliases]) if a != name]
    history.ambiguous = person.ambiguous
    wanted: dict[int, list[str]] = {}
    for article_id, entity_id in person.entities:
        if article_id != exclude:
            wanted.setdefault(article_id, []).append(entity_id)
    for article_id, entity_ids in wanted.items():
        history.articles.append(_article_places(store, article_id, entity_ids))
    history.articles.sort(key=lambda a: (a.published is not None, a.published or "", a.article_id), reverse=True)
    return history


def _article_places(store: Store, article_id: int, entity_ids: list[str]) -> ArticlePlaces:
    marks = ",".join("?" * len(entity_ids))
    [(title, site, published, body)] = store.query(
        "SELECT a.title, a.site, a.published, json_extract(d.document, '$.body') FROM articles a "
        "LEFT JOIN documents d ON d.article_id = a.id WHERE a.id = ?", (article_id,))
    body = body or ""
    firsts = store.query(
        f"SELECT first_start, first_end, mentions FROM people WHERE article_id = ? AND entity_id IN ({marks}) "
        "ORDER BY first_start", (article_id, *entity_ids))
    places = ArticlePlaces(article_id, title or "", site or "", published, sum(int(m) for _, _, m in firsts))
    if firsts:
        start, end = int(firsts[0][0]), int(firsts[0][1])
        text, mark = _context(body, start, end)
        places.places.append(Place("mention", start, end, text, mark=mark))
    for start, end, text, cue in store.query(
        f'SELECT start, "end", text, cue FROM quotes WHERE article_id = ? AND speaker_id IN ({marks}) ORDER BY start',
        (article_id, *entity_ids),
    ):
        places.places.append(Place("quote", int(start), int(end), " ".join(str(text).split()), cue or ""))
    return places

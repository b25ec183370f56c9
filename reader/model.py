"""The typed model shared by every stage: a cleaned `Document` and its `Analysis`.

Flow is one way: load -> clean (Document) -> analyse (Analysis) -> present.
Every position is a character offset into `Document.body` (Python string
indices, end exclusive), so `body[start:end]` is always the text meant.
Nothing here knows about Textual or spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from reader.plain import field_names, plain

BlockKind = Literal["heading", "paragraph", "blockquote", "list_item"]
EntityKind = Literal["person", "organisation", "place", "group", "other"]
MentionKind = Literal["name", "alias", "pronoun", "description"]
SourceKind = Literal["agency", "outlet", "person", "organisation", "document", "link", "image_credit"]

BLOCK_SEPARATOR = "\n\n"
"""What stands between two blocks in `Document.body`."""


@dataclass(slots=True)
class Block:
    """One block of the body: `body[start:end]` is its text."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    """Heading level (1-6) for headings, else 0."""


@dataclass(slots=True)
class Link:
    """A hyperlink of the source page whose anchor text is in the body."""

    url: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """A cleaned article: metadata plus a body made of blocks."""

    body: str = ""
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    published: str | None = None
    """ISO 8601 date or date-time, or None when unknown."""
    site_name: str = ""
    url: str | None = None
    """Canonical URL when the page gives one, else the URL it was loaded from."""
    language: str = "en"
    description: str = ""
    image_credits: list[str] = field(default_factory=list)
    listed_sources: list[str] = field(default_factory=list)
    """Names from a closing "Sources: X, Y." line, removed from the body."""
    links: list[Link] = field(default_factory=list)
    content_type: Literal["html", "text"] = "text"
    origin: str = ""
    """Where the document came from: a path, a URL or "-" for stdin."""

    def block_text(self, block: Block) -> str:
        return self.body[block.start : block.end]

    def block_index_at(self, offset: int) -> int:
        """Index of the block containing (or nearest before) `offset`."""
        lo, hi = 0, len(self.blocks) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].start <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    @classmethod
    def from_blocks(cls, parts: list[tuple[BlockKind, str, int]], **meta: Any) -> "Document":
        """Build a document from `(kind, text, level)` parts, computing offsets."""
        body_parts: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for kind, text, level in parts:
            text = text.strip()
            if not text:
                continue
            if body_parts:
                body_parts.append(BLOCK_SEPARATOR)
                pos += len(BLOCK_SEPARATOR)
            blocks.append(Block(kind, pos, pos + len(text), level))
            body_parts.append(text)
            pos += len(text)
        return cls(body="".join(body_parts), blocks=blocks, **meta)


@dataclass(slots=True)
class Mention:
    """One place in the body that refers to an entity."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else -1


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    """The quoted words without their marks (may span several blocks)."""
    text: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_mention: str = ""
    """The speaker mention as written: a name, "she", "the spokeswoman"."""
    speaker_id: str | None = None
    """The resolved `Entity.id`, when the speaker is one."""
    speaker: str = ""
    """The resolved speaker's canonical name (or the mention when unresolved)."""
    cue: str = ""
    """The speech verb: said, added, told, warned..."""
    channel: str = ""
    """The source it was reported through ("AP" in "according to AP")."""
    channel_id: str | None = None
    partial: bool = False
    """A short quote inside a sentence (Witkoff "firmly supports" ...)."""
    speaker_evidence: str = ""
    """How the speaker was found, in words: "named", "pronoun: the previous quote's speaker",
    "description: bound to the name earlier", "continues the quote before"; "" when no speaker."""


@dataclass(slots=True)
class TimeItem:
    id: str
    start: int
    end: int
    text: str
    value: str
    """TimeML value: 2026-01-08, 2022-02, 2014, P3Y, PRESENT_REF, XXXX-WI, ..."""
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    label: str = ""
    """Human form for the panes: "Thu 8 Jan 2026", "3 years"."""
    resolved: bool = True
    """False when a relative expression had no date to resolve against."""
    approximate: bool = False
    sentence_start: int = 0
    sentence_end: int = 0
    entity_ids: list[str] = field(default_factory=list)
    is_published: bool = False
    """This is the article's own date."""


@dataclass(slots=True)
class ArticleDate:
    """The article's own day, from its metadata (`Document.published`): not a place in the body."""

    value: str
    """ISO day: 2026-01-09."""
    label: str = ""
    """Human form for the panes: "Fri 9 Jan 2026"."""


@dataclass(slots=True)
class Source:
    id: str
    name: str
    kind: SourceKind
    mentions: list[Mention] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)
    entity_id: str | None = None
    url: str = ""


@dataclass(slots=True)
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timeline: list[TimeItem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    model: str = ""
    """The spaCy pipeline that ran ("en_core_web_sm 3.8.0"), or "" when none."""
    entities_available: bool = True
    errors: list[str] = field(default_factory=list)
    blocks_done: int = 0
    blocks_total: int = 0
    sentences: list[tuple[int, int]] = field(default_factory=list)
    """Every sentence of the analysed blocks, in order: the model's parse (else the rule-based split).
    Not part of `to_dict`; the app's `h` marks these."""
    published: ArticleDate | None = None
    """The article's own day; the timeline items that give it are `is_published`."""

    @property
    def complete(self) -> bool:
        return self.blocks_done >= self.blocks_total

    _index: "_Index | None" = field(default=None, init=False, repr=False, compare=False)

    def _ids(self) -> "_Index":
        """The id index, built once per snapshot (again only if a list was replaced or grew)."""
        index = self._index
        if index is None or not index.fits(self):
            index = self._index = _Index.build(self)
        return index

    def entity(self, entity_id: str | None) -> Entity | None:
        return None if entity_id is None else self._ids().entities.get(entity_id)

    def quote(self, quote_id: str | None) -> Quote | None:
        return None if quote_id is None else self._ids().quotes.get(quote_id)

    def source(self, source_id: str | None) -> Source | None:
        return None if source_id is None else self._ids().sources.get(source_id)

    def to_dict(self) -> dict[str, Any]:
        data = {name: plain(getattr(self, name)) for name in field_names(Analysis)
                if name not in ("_index", "sentences")}
        for ent, ent_data in zip(self.entities, data["entities"]):
            ent_data["count"] = ent.count
            ent_data["first"] = ent.first
        return data


@dataclass(slots=True)
class _Index:
    """`Analysis` lists by id (the first of a repeated id wins, as a scan would)."""

    lists: tuple[int, int, int, int, int, int]
    entities: dict[str, Entity]
    quotes: dict[str, Quote]
    sources: dict[str, Source]

    @staticmethod
    def _key(analysis: Analysis) -> tuple[int, int, int, int, int, int]:
        e, q, s = analysis.entities, analysis.quotes, analysis.sources
        return (id(e), len(e), id(q), len(q), id(s), len(s))

    @classmethod
    def build(cls, analysis: Analysis) -> "_Index":
        def by_id(items: list[Any]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for item in items:
                out.setdefault(item.id, item)
            return out

        return cls(cls._key(analysis), by_id(analysis.entities), by_id(analysis.quotes), by_id(analysis.sources))

    def fits(self, analysis: Analysis) -> bool:
        return self.lists == self._key(analysis)

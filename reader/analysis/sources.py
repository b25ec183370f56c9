"""Sources: who and what the article relies on.

Agencies and outlets ("according to AP", "told Reuters", a closing
"Sources: X, Y." line), the people and bodies quoted (linked to their
quotes), statements and documents named, the page's hyperlinks and its
image credits (kept apart). Rule-based over the body, the entities and the
quotes; works without an NLP model too.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reader.model import Document, Entity, Mention, Quote, Source

AGENCIES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("AP",),
    "Reuters": (),
    "Agence France-Presse": ("AFP", "Agence France Presse"),
    "Bloomberg": (),
    "Xinhua": ("Xinhua News Agency",),
    "TASS": ("Tass",),
    "RIA Novosti": ("RIA",),
    "Interfax": (),
    "Ukrinform": (),
    "Deutsche Presse-Agentur": ("dpa", "DPA"),
    "ANSA": (),
    "EFE": (),
    "Kyodo": ("Kyodo News",),
    "Yonhap": ("Yonhap News Agency",),
    "PA Media": ("Press Association",),
    "United Press International": ("UPI",),
    "Press Trust of India": ("PTI",),
    "Anadolu": ("Anadolu Agency",),
}
"""News agencies by canonical name, with their other names (a small general list)."""

_AGENCY_KEYS: dict[str, str] = {}
for _name, _aliases in AGENCIES.items():
    for _form in (_name, *_aliases):
        _AGENCY_KEYS[_form.lower()] = _name

_NAME = r"(?:the\s+)?((?:[A-Z][\w&.'’-]{0,40}|of|de|la|and|for)(?:\s+(?:[A-Z][\w&.'’-]{0,40}|of|de|la|and|for)){0,7})"
"""A name of at most eight words of at most 41 characters: unbounded, a run of thousands of capitalised
words made every match attempt rescan the run (quadratic)."""
_CHANNEL_CUES = [
    re.compile(r"\b[Aa]ccording to " + _NAME),
    re.compile(r"\b(?:told|reported by|reports by|cited by|quoted by|in an interview with|speaking to)\s+" + _NAME),
    re.compile(_NAME + r"\s+(?:reported|reports|has reported|news agency reported|cited|quoted)\b"),
    re.compile(r"\((" + r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}" + r")\)\s*[-—–]"),
]
"""Where a name is the channel of information rather than its subject."""

_DOCUMENT = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+((?:[\w-]+\s+){0,3}?"
    r"(?:statement|report|declaration|letter|memo|memorandum|document|documents|study|survey|"
    r"filing|decree|resolution|press release|communiqué|communique|transcript|indictment|"
    r"ruling|bulletin|white paper|assessment|poll|audit))\b(?:\s+(?:by|from|of)\s+" + _NAME + ")?",
)
_DOCUMENT_CONTEXT = re.compile(
    r"\b(?:said|says|according to|published|released|issued|cited|quoted|signed|in|seen by|obtained by)\s*$",
    re.I,
)
_PERSONLIKE_STOP = {"The", "A", "An", "This", "That", "It", "He", "She", "They", "We", "I"}


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower()


class _Collector:
    """Sources by key, in order of first appearance."""

    def __init__(self) -> None:
        self.by_key: dict[str, Source] = {}

    def add(self, key: str, name: str, kind: str, **fields) -> Source:
        source = self.by_key.get(key)
        if source is None:
            source = Source(id=f"s{len(self.by_key) + 1}", name=name, kind=kind, **fields)  # type: ignore[arg-type]
            self.by_key[key] = source
        return source

    @property
    def sources(self) -> list[Source]:
        return list(self.by_key.values())


def _entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    for ent in entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                return ent
    return None


def _channel_source(
    out: _Collector, document: Document, entities: list[Entity], start: int, end: int
) -> Source | None:
    text = document.body[start:end].strip(" .,'’")
    if not text or text.split()[0] in _PERSONLIKE_STOP:
        return None
    agency = _AGENCY_KEYS.get(_key(text))
    ent = _entity_at(entities, start, end)
    if agency is None and ent is not None:
        agency = next((_AGENCY_KEYS[_key(f)] for f in (ent.name, *ent.aliases) if _key(f) in _AGENCY_KEYS), None)
    if agency is not None:
        source = out.add("agency:" + agency, agency, "agency", entity_id=ent.id if ent else None)
    elif ent is not None and ent.kind == "organisation":
        source = out.add("entity:" + ent.id, ent.name, "outlet", entity_id=ent.id)
    elif ent is not None and ent.kind == "person":
        source = out.add("entity:" + ent.id, ent.name, "person", entity_id=ent.id)
    elif ent is None and len(text.split()) <= 5 and not entities:
        source = out.add("name:" + _key(text), text, "outlet")
    else:
        return None
    source.mentions.append(Mention(start, start + len(text), text, "name"))
    return source


def find_sources(document: Document, entities: list[Entity], quotes: list[Quote]) -> list[Source]:
    """Everything the article relies on, each with a kind and its mentions."""
    out = _Collector()
    body = document.body
    for block in document.blocks:
        chunk = body[block.start : block.end]
        for pattern in _CHANNEL_CUES:
            for match in pattern.finditer(chunk):
                _channel_source(out, document, entities, block.start + match.start(1), block.start + match.end(1))
        for match in _DOCUMENT.finditer(chunk):
            before = chunk[max(0, match.start() - 30) : match.start()]
            if not _DOCUMENT_CONTEXT.search(before) and not match.group(2):
                continue
            phrase = match.group(1)
            owner = f" by {match.group(2)}" if match.group(2) else ""
            name = (phrase + owner).strip()
            source = out.add("doc:" + name.lower(), name[:1].upper() + name[1:], "document")
            source.mentions.append(Mention(block.start + match.start(1), block.start + match.end(1), phrase, "name"))

    for quote in quotes:
        if quote.channel:
            key = _AGENCY_KEYS.get(_key(quote.channel))
            source = next((s for s in out.sources if key and s.name == key), None)
            if source is None and quote.channel_id:
                source = out.by_key.get("entity:" + quote.channel_id)
            if source is not None and quote.id not in source.quote_ids:
                source.quote_ids.append(quote.id)
        if quote.speaker_id is None and not quote.speaker:
            continue
        ent = next((e for e in entities if e.id == quote.speaker_id), None)
        if ent is not None:
            kind = "person" if ent.kind == "person" else "organisation"
            source = out.add("entity:" + ent.id, ent.name, kind, entity_id=ent.id)
            if source.kind in ("agency", "outlet") and kind == "person":
                source.kind = "person"
        else:
            name = quote.speaker or quote.speaker_mention
            if name.lower() in {"he", "she", "they", "i", "we", "it"}:
                continue
            source = out.add("speaker:" + name.lower(), name, "person")
        if quote.id not in source.quote_ids:
            source.quote_ids.append(quote.id)
        if quote.speaker_start is not None and quote.speaker_end is not None:
            if not any(m.start == quote.speaker_start for m in source.mentions):
                source.mentions.append(
                    Mention(quote.speaker_start, quote.speaker_end, body[quote.speaker_start : quote.speaker_end], "name")
                )

    for listed in document.listed_sources:
        agency = _AGENCY_KEYS.get(_key(listed))
        if agency is not None:
            out.add("agency:" + agency, agency, "agency")
        else:
            existing = next((s for s in out.sources if _key(s.name) == _key(listed)), None)
            if existing is None:
                out.add("name:" + _key(listed), listed, "outlet")

    for link in document.links:
        host = urlsplit(link.url).hostname or ""
        source = out.add("link:" + link.url, host.removeprefix("www.") or link.url, "link", url=link.url)
        source.mentions.append(Mention(link.start, link.end, link.text, "name"))

    for credit in document.image_credits:
        out.add("credit:" + credit.lower(), credit, "image_credit")

    for source in out.sources:
        source.mentions.sort(key=lambda m: m.start)
    return out.sources

"""A small invented library with hand-made analyses: people across articles, quotes, sources, dates, sites.

`fill(store)` records and indexes the four articles and returns their ids by key.
"""

from __future__ import annotations

from reader.index import index_article
from reader.model import Analysis, Document, Entity, Mention, Quote, Source


def _doc(title: str, slug: str, site: str, published: str, paragraphs: list[str]) -> Document:
    url = f"https://{site.lower().replace(' ', '')}.example/{slug}"
    return Document.from_blocks([("paragraph", p, 0) for p in paragraphs], title=title, url=url, origin=url,
                                published=published, site_name=site)


def _at(doc: Document, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.body.index(text, start + 1)
    return start, start + len(text)


def _entity(doc: Document, eid: str, name: str, kind: str, aliases: list[str], *texts: str) -> Entity:
    mentions = []
    for text in texts:
        nth = sum(1 for m in mentions if m.text == text)
        mentions.append(Mention(*_at(doc, text, nth), text))
    mentions.sort(key=lambda m: m.start)
    return Entity(eid, name, kind, aliases, "", mentions)


def _quote(doc: Document, qid: str, words: str, speaker: str, speaker_id: str) -> Quote:
    return Quote(qid, *_at(doc, words), words, speaker=speaker, speaker_id=speaker_id, cue="said")


def _source(doc: Document, sid: str, name: str, kind: str) -> Source:
    return Source(sid, name, kind, [Mention(*_at(doc, name), name)])


HARBOUR = _doc("Harbour plan approved", "harbour", "Coast Weekly", "2026-01-05", [
    "Ada Okafor, the harbour director, welcomed the vote on Tuesday.",
    "\"We will start dredging in spring,\" Okafor said, according to Tidewire.",
    "The council also heard from Tomas Brandt about the tram depot."])
DREDGING = _doc("Dredging starts", "dredging", "Valley Post", "2026-02-10", [
    "The first barge left the quay before dawn while a small crowd watched from the pier.",
    "Okafor stood at the end of the pier with the crew.",
    "\"The channel will be deeper by June,\" said Okafor, as the Norland Press Agency reported."])
FARES = _doc("Ferry fares rise", "fares", "Coast Weekly", "2026-03-01", [
    "Ada Okafor defended the new ferry fares on Monday.",
    "\"Fuel costs leave us no choice,\" Ada Okafor said."])
DEPOT = _doc("Tram depot sold", "depot", "Valley Post", "2025-12-20", [
    "Tomas Brandt sold the old tram depot to a bakery cooperative.",
    "\"It smells better already,\" Brandt said, according to Tidewire."])


def analyses() -> dict[str, tuple[Document, Analysis]]:
    return {
        "harbour": (HARBOUR, Analysis(
            entities=[_entity(HARBOUR, "e1", "Ada Okafor", "person", ["Okafor"], "Ada Okafor", "Okafor"),
                      _entity(HARBOUR, "e2", "Tomas Brandt", "person", [], "Tomas Brandt")],
            quotes=[_quote(HARBOUR, "q1", "We will start dredging in spring,", "Ada Okafor", "e1")],
            sources=[_source(HARBOUR, "s1", "Tidewire", "agency")])),
        "dredging": (DREDGING, Analysis(
            entities=[_entity(DREDGING, "e1", "Okafor", "person", [], "Okafor", "Okafor")],
            quotes=[_quote(DREDGING, "q1", "The channel will be deeper by June,", "Okafor", "e1")],
            sources=[_source(DREDGING, "s1", "Norland Press Agency", "agency")])),
        "fares": (FARES, Analysis(
            entities=[_entity(FARES, "e1", "Ada Okafor", "person", [], "Ada Okafor", "Ada Okafor")],
            quotes=[_quote(FARES, "q1", "Fuel costs leave us no choice,", "Ada Okafor", "e1")])),
        "depot": (DEPOT, Analysis(
            entities=[_entity(DEPOT, "e1", "Tomas Brandt", "person", ["Brandt"], "Tomas Brandt", "Brandt")],
            quotes=[_quote(DEPOT, "q1", "It smells better already,", "Tomas Brandt", "e1")],
            sources=[_source(DEPOT, "s1", "Tidewire", "agency")])),
    }


def fill(store) -> dict[str, int]:
    ids = {}
    for key, (document, analysis) in analyses().items():
        article_id = store.open_article(document).article.id
        index_article(store, article_id, document, analysis)
        ids[key] = article_id
    return ids

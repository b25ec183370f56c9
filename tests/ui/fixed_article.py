"""A hand-made article and its analysis for the snapshot tests: no model, no worker, the same every run.

The article is invented. Every position is found in its body by the text it
covers (`_at`), so the offsets are true by construction; the analysis is what
a good run of the pipeline would say about it, written out by hand, so the
pictures change only when the UI does (never when an analysis rule does).
"""

from __future__ import annotations

from reader.model import Analysis, ArticleDate, Document, Entity, Link, Mention, Quote, Source, TimeItem

MODEL = "en_core_web_sm 3.8.0"
"""The model label the status line shows (fixed: the installed model's version never enters a picture)."""

_PARTS = [
    ("paragraph",
     "PORT ALDER — The harbour council voted on Wednesday to run a night ferry between Port Alder and "
     "Kelby Island from June, ending a gap that has left late-shift workers stranded for two years.", 0),
    ("paragraph",
     "“This is the service people have asked for since the last boat was cut,” said Mara Linden, the "
     "council’s chair. “Nobody should sleep in a bus shelter because their shift ended at midnight.”", 0),
    ("paragraph",
     "The Northbay Ferry Company, which will operate the route, said the crossing would take 40 minutes "
     "and cost the same as a daytime ticket.", 0),
    ("heading", "A trial first", 2),
    ("paragraph",
     "Tomas Reyes, the company’s operations director, told the Coastal Press Agency that the first three "
     "months would be a trial. He said the boats were “ready to sail tonight” if the crews agreed.", 0),
    ("paragraph",
     "Opponents on the council warned that the subsidy, 1.2 million crowns a year, would come from the "
     "road budget. The plan will be reviewed in December 2026, according to the council’s published "
     "minutes.", 0),
]

MINUTES_URL = "https://council.example/minutes/2026-03-11"


def _at(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    """The span of the `nth` occurrence of `text` in `body`."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def fixed_document() -> Document:
    document = Document.from_blocks(
        _PARTS,  # type: ignore[arg-type]
        title="Harbour council backs a night ferry for Port Alder",
        authors=["Ines Okafor"],
        byline="By Ines Okafor",
        published="2026-03-12",
        site_name="The Coastal Ledger",
        url="https://ledger.example/2026/03/12/night-ferry",
        content_type="html",
        origin="https://ledger.example/2026/03/12/night-ferry",
    )
    start, end = _at(document.body, "published minutes")
    document.links = [Link(MINUTES_URL, "published minutes", start, end)]
    return document


def _mention(body: str, text: str, nth: int = 0, kind: str = "name") -> Mention:
    start, end = _at(body, text, nth)
    return Mention(start, end, text, kind)  # type: ignore[arg-type]


_SENTENCES = [
    ("PORT ALDER —", "for two years."),
    ("“This is the service", "council’s chair."),
    ("“Nobody should sleep", "at midnight.”"),
    ("The Northbay Ferry Company", "daytime ticket."),
    ("A trial first", "A trial first"),
    ("Tomas Reyes,", "be a trial."),
    ("He said the boats", "crews agreed."),
    ("Opponents on the council", "road budget."),
    ("The plan will be reviewed", "published minutes."),
]
"""Each sentence by its first and last words."""


def _sentences(body: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for first, last in _SENTENCES:
        start = body.index(first, pos)
        pos = body.index(last, start) + len(last)
        out.append((start, pos))
    return out


def _time(body: str, sentences: list[tuple[int, int]], id: str, text: str, value: str, label: str,
          type: str = "DATE", **extra: object) -> TimeItem:
    start, end = _at(body, text)
    sentence = next(s for s in sentences if s[0] <= start < s[1])
    return TimeItem(id, start, end, text, value, type, label,  # type: ignore[arg-type]
                    sentence_start=sentence[0], sentence_end=sentence[1], **extra)  # type: ignore[arg-type]


def fixed_analysis(document: Document) -> Analysis:
    """The complete analysis of `fixed_document()`."""
    body = document.body
    linden = Entity("e1", "Mara Linden", "person", role="the council’s chair",
                    mentions=[_mention(body, "Mara Linden")])
    reyes = Entity("e2", "Tomas Reyes", "person", role="operations director",
                   mentions=[_mention(body, "Tomas Reyes"), _mention(body, "He", kind="pronoun")])
    ferry = Entity("e3", "Northbay Ferry Company", "organisation", aliases=["the company"],
                   mentions=[_mention(body, "Northbay Ferry Company"),
                             _mention(body, "the company", kind="description")])
    council = Entity("e4", "harbour council", "organisation", aliases=["the council"],
                     mentions=[_mention(body, "harbour council"), _mention(body, "the council", 0, "alias"),
                               _mention(body, "the council", 1, "alias")])
    agency = Entity("e5", "Coastal Press Agency", "organisation", mentions=[_mention(body, "Coastal Press Agency")])
    port = Entity("e6", "Port Alder", "place", mentions=[_mention(body, "PORT ALDER"), _mention(body, "Port Alder")])
    island = Entity("e7", "Kelby Island", "place", mentions=[_mention(body, "Kelby Island")])

    def quote(id: str, words: str, speaker: Entity, mention: Mention, evidence: str, **extra: object) -> Quote:
        start, end = _at(body, words)
        return Quote(id, start, end, words, mention.start, mention.end, mention.text, speaker.id, speaker.name,
                     cue="said", speaker_evidence=evidence, **extra)  # type: ignore[arg-type]

    quotes = [
        quote("q1", "This is the service people have asked for since the last boat was cut,", linden,
              linden.mentions[0], "named"),
        quote("q2", "Nobody should sleep in a bus shelter because their shift ended at midnight.", linden,
              linden.mentions[0], "continues the quote before"),
        quote("q3", "ready to sail tonight", reyes, reyes.mentions[1], "pronoun: the sentence before names him",
              partial=True),
    ]
    sentences = _sentences(body)
    timeline = [
        _time(body, sentences, "t1", "Wednesday", "2026-03-11", "Wed 11 Mar 2026"),
        _time(body, sentences, "t2", "June", "2026-06", "June 2026"),
        _time(body, sentences, "t3", "two years", "P2Y", "2 years", "DURATION"),
        _time(body, sentences, "t4", "40 minutes", "PT40M", "40 minutes", "DURATION"),
        _time(body, sentences, "t5", "tonight", "2026-03-11TNI", "tonight", "TIME", approximate=True),
        _time(body, sentences, "t6", "December 2026", "2026-12", "December 2026"),
    ]
    minutes_start, minutes_end = _at(body, "published minutes")
    sources = [
        Source("s1", "Coastal Press Agency", "agency", mentions=[agency.mentions[0]], quote_ids=["q3"],
               entity_id=agency.id),
        Source("s2", "Mara Linden", "person", mentions=[linden.mentions[0]], quote_ids=["q1", "q2"],
               entity_id=linden.id),
        Source("s3", "Tomas Reyes", "person", mentions=[reyes.mentions[0]], quote_ids=["q3"], entity_id=reyes.id),
        Source("s4", "the council’s published minutes", "document",
               mentions=[Mention(minutes_start, minutes_end, "published minutes")], url=MINUTES_URL),
    ]
    return Analysis(
        entities=[linden, reyes, ferry, council, agency, port, island],
        quotes=quotes,
        timeline=timeline,
        sources=sources,
        model=MODEL,
        entities_available=True,
        blocks_done=len(document.blocks),
        blocks_total=len(document.blocks),
        sentences=sentences,
        published=ArticleDate("2026-03-12", "Thu 12 Mar 2026"),
    )

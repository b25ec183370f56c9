"""Names in results tables and datelines, where the model reads worst.

- Datelines ("LONDON (Reuters) -", "HARLOW, Norway 2025-03-04" shapes):
  the capitalised words before the date or agency are a place.
- Table lines (names between numbers: scores, standings, race results; or a
  fixture "X v Y"): each run of capitalised words is one name. Within a run
  of table lines, when many names look like people's ("D. Quill", "Maria
  Lund") or the rows are ranked entrants with their country ("1. Jane Doe
  (Canada) 1:52.3"), the table lists people; otherwise it lists teams or
  companies, and a name there that is not a country is an organisation (a
  club named after its city is still a club; a national team is its country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.entities.caps import is_all_caps, is_headline_case
from reader.analysis.entities.kinds import shape_votes
from reader.analysis.entities.lexicon import FUNCTION_WORDS, gazetteer
from reader.analysis.entities.mentions import INNER_LOWER, LABEL_KIND, Candidate, split_span

_NUM_TOKEN = re.compile(r"^[(\[]?[+\-–]?\d[\d.,:/\-–+%]*[)\]]?[.,;:]?$")
_YEAR = re.compile(r"^[(\[]?(?:1[89]|20)\d\d[)\]]?[.,;:]?$")


def _numbers(tokens: list[str]) -> int:
    """Numeric tokens that are not years ("London 2012" is no score)."""
    return sum(1 for t in tokens if _NUM_TOKEN.match(t) and not _YEAR.match(t))
CONNECTORS = frozenset("v vs vs. at beat beats and & for def def. d. drew with".split())
"""Lower-case words a table line may hold between names."""

CAPS_STOPS = (FUNCTION_WORDS | {"v", "vs", "vs."}) - INNER_LOWER - {"&"}
"""Words that separate two names in an all-caps table line ("ASHBURY AT KELVIN BAY")."""

TABLE_WORDS = frozenset(
    "attendance halftime half-time total totals draw draws result results "
    "standings score scores scorers score: goals points played won lost "
    "average averages pos team teams club player players rank ranking name position time times "
    "rebounds assists record leaders leader home away round heat final finals semifinal semifinals "
    "quarterfinal quarterfinals group division conference note notes change close open high low "
    "volume price prices index shares net pct yield bid ask week month year day today "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june "
    "july august september october november december schedule".split()
)
"""Words that head a table's rows or columns, never a name there."""

_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
_AGENCY = r"\((?:Reuters|AP|AFP|UPI|dpa|DPA|Xinhua|Bloomberg|CNN|BBC|Interfax|TASS|Tass)\)"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w.'’\-]+(?:\s[A-Z][\w.'’\-]+){0,3}))?"
    rf"\s*(?:{_DATE}|{_AGENCY}|(?P<dash>[-–—]\s))"
)

_PEOPLE_ROW = re.compile(
    r"^(?:\d{1,3}[.)]?\s+(?:[A-Z][\w.'’-]*\s){1,3}\([A-Z][\w .'’-]+\)"
    r"|(?:[A-Z][\w.'’-]*\s){1,3}\([A-Z][\w .'’-]+\)\s+(?:beat|bt|d\.)\s)"
)
"""A row of an individual sport: "1. Jane Doe (Canada) 1:52.3", "Jane Doe (Canada) beat ...".
A club table has no rank before the team."""

_NAME_RUN = r"[A-Z][\w.'’&-]*(?:\s[A-Z0-9][\w.'’&-]*){0,4}"
_FIXTURE = re.compile(rf"^{_NAME_RUN}\s(?:v|vs\.?|V|VS|AT|at)\s{_NAME_RUN}\.?$")
"""A fixture line: "Ashbury v Kelvingrove", "ASHBURY AT KELVIN BAY"."""


@dataclass(slots=True)
class TableLine:
    block: int
    start: int
    text: str


def is_table_line(text: str, lower_words: set[str] | frozenset[str] = frozenset()) -> bool:
    """Names between numbers, few ordinary words; or a fixture "X v Y".

    In an all-caps line the ordinary words are those the document writes in
    lower case elsewhere (`lower_words`) and function words.
    """
    caps = is_all_caps(text)
    if _FIXTURE.match(text) and not (caps and _ordinary_caps(text.split(), lower_words) > 1):
        return True
    tokens = text.split()
    if not 2 <= len(tokens) <= 40:
        return False
    numbers = _numbers(tokens)
    words = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if not words or numbers == 0 or (numbers == 1 and len(words) > 4):
        return False
    if not caps and is_headline_case(text):
        return False  # a headline in title case ("Harbour Deal Is 90% Done As Ministers Meet")
    if caps:
        return _ordinary_caps(words, lower_words) <= max(1, len(words) // 5)
    lower = [w for w in words if w[0].islower() and w.strip(".,;:()").casefold() not in CONNECTORS]
    return len(lower) <= max(1, len(words) // 5)


def _ordinary_caps(words: list[str], lower_words: set[str] | frozenset[str]) -> int:
    count = 0
    for word in words:
        key = word.strip(".,;:()'’").casefold()
        if key in CONNECTORS or key in ("v", "vs", "at"):
            continue
        if key in lower_words or key in FUNCTION_WORDS:
            count += 1
    return count


def dateline_candidates(body: str, block: int, start: int, text: str) -> list[Candidate]:
    """The place (and region) of a dateline at the start of a block."""
    match = _DATELINE.match(text)
    if not match:
        return []
    place = match.group("place")
    if len(place.replace(".", "")) < 3:
        return []
    gaz = gazetteer()
    if match.group("dash") and gaz.kind_of(place) != "place":
        return []
    out = []
    for name, weight in (("place", 3.0), ("region", 2.0)):
        if match.group(name) is None:
            continue
        a, b = match.span(name)
        for s, e in split_span(body, start + a, start + b):
            cand = Candidate(s, e, body[s:e], block, source="dateline")
            cand.vote("place", weight)
            out.append(cand)
    return out


def _model_votes(cand: Candidate, ents: list[tuple[int, int, str]]) -> None:
    for s, e, label in ents:
        kind = LABEL_KIND.get(label)
        if kind and s < cand.end and cand.start < e:
            cand.vote(kind, 1.0)


def _looks_personal(cand: Candidate) -> bool:
    shape = shape_votes(cand.text)
    return shape.get("person", 0.0) > 0 and shape.get("place", 0.0) == 0


def table_candidates(
    body: str,
    lines: list[TableLine],
    ents_by_block: dict[int, list[tuple[int, int, str]]],
    lower_words: set[str] | frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Names of one run of consecutive table lines, with the table's evidence.

    `lower_words` are words the document writes in lower case: a one-word
    piece the model did not tag and the text uses as a common word is a
    row or column heading, not a name.
    """
    gaz = gazetteer()
    cands: list[Candidate] = []
    for line in lines:
        stops = CAPS_STOPS if is_all_caps(line.text) else frozenset()
        for s, e in split_span(body, line.start, line.start + len(line.text), stops):
            key = body[s:e].casefold().rstrip(".:")
            if key in TABLE_WORDS:
                continue
            cand = Candidate(s, e, body[s:e], line.block, source="table")
            _model_votes(cand, ents_by_block.get(line.block, []))
            if not cand.votes and " " not in key and key in lower_words and not gaz.kind_of(key):
                continue
            cands.append(cand)
    if not cands:
        return []
    named = [c for c in cands if not gaz.is_country(c.text)]
    personal = sum(1 for c in named if _looks_personal(c))
    people_rows = sum(1 for line in lines if _PEOPLE_ROW.match(line.text))
    people_table = bool(named) and (personal * 5 >= len(named) * 2 or people_rows * 2 >= len(lines))
    for cand in cands:
        if gaz.is_country(cand.text):
            continue
        if people_table:
            cand.vote("person", 1.0)
        elif not _looks_personal(cand):
            cand.vote("organisation", 1.5)
            cand.team = True
    return cands


def table_runs(
    blocks: list[tuple[int, int, str]], lower_words: set[str] | frozenset[str] = frozenset()
) -> list[list[TableLine]]:
    """Runs of consecutive table lines among (block index, start, text).

    A lone line counts only with two numbers at least ("Ashbury 2 Kelvingrove 1"),
    so a heading like "London 2012" or a case name "Roe v Wade" is no table.
    """
    runs: list[list[TableLine]] = []
    current: list[TableLine] = []
    last = -2
    for index, start, text in blocks:
        if is_table_line(text, lower_words) and not _DATELINE.match(text):
            if index != last + 1 and current:
                runs.append(current)
                current = []
            current.append(TableLine(index, start, text))
            last = index
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1 or _numbers(run[0].text.split()) >= 2]

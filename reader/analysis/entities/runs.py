"""Runs of names: one span that is two or more names the document writes apart.

Where names stand side by side with nothing between them (columns of a
table, a list without commas, a line run together), the model often tags
the whole run as one name: "Northfield Rovers Eastport" where the text
names "Northfield Rovers" and "Eastport" on their own elsewhere. Such a
span is cut into those names when every word of it belongs to one of them;
a span with any word left over stays whole ("Eastport Harbour Trust" is not
"Eastport" and something else). A person's name is never cut ("Mary Ann
Lund" where "Mary Ann" and "Lund" are also written alone), nor a run of
one-word names unless it repeats one name ("Eastport Eastport": a table's
two columns); "Dana Quill" with "Dana" and "Quill" alone stays one name.
On a table line (scores, standings, prices) a column or row heading at a
run's edge is a label, not part of a name, and is cut off ("Northfield
Rovers Draw", "Eastport Mining Close").
"""

from __future__ import annotations

from reader.analysis.entities.kinds import decide
from reader.analysis.entities.mentions import Candidate
from reader.analysis.entities.tables import TABLE_WORDS

HEADINGS = TABLE_WORDS - frozenset(
    "week month year day today monday tuesday wednesday thursday friday saturday sunday january "
    "february march april june july august september october november december".split()
)
"""A table's row and column headings, dropped from a run of names on a table line
("Northfield Rovers Draw", where the document names "Northfield Rovers" alone); the
names of days and months stay (they end clubs' names)."""

MAX_RUN_WORDS = 8
"""Longer spans are never cut (the search is over this many words at most)."""


def _segment(
    words: list[str], known: set[str], headings: frozenset[str] = frozenset()
) -> list[tuple[int, int, bool]] | None:
    """Cut `words` into two or more known names (word ranges, longest first pieces), or
    names and heading words (one-word pieces marked False, to drop); None if not."""
    n = len(words)
    best: list[list[tuple[int, int, bool]] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        for j in range(n, i, -1):
            rest = best[j]
            if rest is not None and " ".join(words[i:j]) in known:
                best[i] = [(i, j, True), *rest]
                break
        else:
            rest = best[i + 1]
            if rest is not None and words[i].casefold().rstrip(".:") in headings:
                best[i] = [(i, i + 1, False), *rest]
    found = best[0]
    if found is None or len(found) < 2:
        return None
    names = [(i, j) for i, j, keep in found if keep]
    if not names:
        return None
    if all(j - i == 1 for i, j in names) and len({words[i] for i, _ in names}) > 1 and len(names) == len(found):
        return None
    return found


def split_runs(candidates: list[Candidate]) -> list[Candidate]:
    """Cut each candidate that is a run of names the document has on their own (see above)."""
    alone = {c.text for c in candidates}
    out: list[Candidate] = []
    for cand in candidates:
        words = cand.text.split(" ")
        pieces = None
        if 2 <= len(words) <= MAX_RUN_WORDS and decide(cand.votes) != "person":
            pieces = _segment(words, alone - {cand.text}, HEADINGS if cand.source == "table" else frozenset())
        if pieces is None:
            out.append(cand)
            continue
        offsets = []
        pos = 0
        for word in words:
            offsets.append(pos)
            pos += len(word) + 1
        for i, j, keep in pieces:
            if not keep:
                continue
            start = cand.start + offsets[i]
            text = " ".join(words[i:j])
            out.append(Candidate(start, start + len(text), text, cand.block, source=cand.source,
                                 votes=dict(cand.votes), team=cand.team))
    return out

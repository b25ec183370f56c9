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
"""

from __future__ import annotations

from reader.analysis.entities.kinds import decide
from reader.analysis.entities.mentions import Candidate

MAX_RUN_WORDS = 8
"""Longer spans are never cut (the search is over this many words at most)."""


def _segment(words: list[str], known: set[str]) -> list[tuple[int, int]] | None:
    """Cut `words` into two or more known names (word ranges), longest first pieces; None if not."""
    n = len(words)
    best: list[list[tuple[int, int]] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        for j in range(n, i, -1):
            rest = best[j]
            if rest is not None and " ".join(words[i:j]) in known:
                best[i] = [(i, j), *rest]
                break
    found = best[0]
    if found is None or len(found) < 2:
        return None
    if all(j - i == 1 for i, j in found) and len(set(words)) > 1:
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
            pieces = _segment(words, alone - {cand.text})
        if pieces is None:
            out.append(cand)
            continue
        offsets = []
        pos = 0
        for word in words:
            offsets.append(pos)
            pos += len(word) + 1
        for i, j in pieces:
            start = cand.start + offsets[i]
            text = " ".join(words[i:j])
            out.append(Candidate(start, start + len(text), text, cand.block, source=cand.source,
                                 votes=dict(cand.votes), team=cand.team))
    return out

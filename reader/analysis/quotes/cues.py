"""Speech clauses next to a quote: the cue verb and the speaker mention.

Works on the text of one block around one quoted span. Patterns, tried in
this order:
- after the quote: `"…" ― Jane Doe` (a signed quote), `"…," according to
  X`, `"…," said Smith`, `"…," she said` / `"…," Smith, the mayor, said`;
- before the quote: `Smith said: "…"` / `she told reporters, "…"` and, for a
  partial quote, a speech verb earlier in the same sentence that governs
  it (`Smith said Washington "firmly supports" it`, `called it "a step"`).
The cue is found by these patterns in every mode; when a spaCy Doc is
there, its tags reject cue words used as nouns, its parse checks that a
far cue really governs the quote, and gives the subject of the cue verb.
"""

from __future__ import annotations

import re

from reader.analysis.quotes.lexicon import (
    AUXILIARIES,
    FRAMING_CUES,
    INVERTING_CUES,
    PARTIAL_CUES,
    SPEECH_VERB_FORMS,
    SPEECH_VERB_RE,
    STRONG_CUES,
)
from reader.analysis.quotes.clauses import ACCORDING_ANY, colon_clause
from reader.analysis.quotes.mentions import Clause, Mention, cut_mention
from reader.analysis.quotes.sentences import sentence_end, sentence_start
from reader.analysis.quotes.tokens import TokenView

_CUE = re.compile(r"(?<![\w-])(?:" + SPEECH_VERB_RE + r")\b", re.I)
_LEAD = re.compile(r"[\s,;—–―-]*")
_ACCORDING = re.compile(r"[\s,;—–―-]*(?:(?:at\s+least\s+)?according\s+to)\s+", re.I)
_DASH = re.compile(r"[\s\u00a0]*[―—–][\s\u00a0]*(?=[A-Z])")
_QUOTED_AS = re.compile(r"\s*\b(?:was|is|were|are|has\s+been|had\s+been)\s+(?:also\s+)?quoted\s+(?:as\s+)?$", re.I)
_GAP_STOP = re.compile(r"\b(?:but|because|although|though|whereas)\b|[;]")
_THAT = re.compile(r"\s*(?:,\s*)?(?:that|:|,|\.)?\s*$", re.I)
_ADVERBIAL = re.compile(
    r"(?:\s*(?:,|on|in|at|during|after|before|last|this|late|early|next|earlier|later|again|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|morning|"
    r"afternoon|evening|night|week|month|year|a|an|the|his|her|their|its|statement|interview|"
    r"told|reporters|of|to|about|with|recent|speech|news|conference|briefing|email|e-mail|post|"
    r"tweet|letter|that|simply|then|also|flatly|bluntly|and)\b)*\s*[:,.]?\s*$",
    re.I,
)
_CLAUSE_WORDS = re.compile(r"\b(?:is|was|were|are|be|been|to|had|has|made|make|released|sent)\b|[=<>]", re.I)
_ENDS_SOON = re.compile(r"[^.!?\"“”]{0,60}?(?:[.!?]|$)")
_FINITE_AUX = frozenset("will would did does do can could may might must shall should to was is were are "
                        "been be has have had".split())


def _cue_base(word: str) -> str:
    return SPEECH_VERB_FORMS.get(re.sub(r"\s+", " ", word.lower()), word.lower())


def _is_verb(view: TokenView | None, start: int, word: str) -> bool:
    """The cue word at `start` is used as a verb (by the tagger, else by its form)."""
    if view is not None and view.has_doc:
        tag = view.tag_at(start)
        if tag is not None:
            return tag.startswith("VB") or (tag in ("NN", "NNS", "NNP") and word.lower() in ("says", "adds", "said"))
    lower = word.lower()
    base = SPEECH_VERB_FORMS.get(lower, "")
    return lower != base or base in ("say", "tell")


def _finite(text: str, start: int, word: str) -> bool:
    """A finite use: "said", "says", or a base / -ing form after an auxiliary ("will say", "was saying")."""
    lower = word.lower()
    base = _cue_base(lower)
    if (lower != base and not lower.endswith("ing")) or lower in ("read", "put it"):
        return True
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1].lower() in _FINITE_AUX


def _according(text: str, start: int, end: int, view: TokenView | None) -> Mention | None:
    match = _ACCORDING.match(text, start, end)
    if not match:
        return None
    return cut_mention(text, match.end(), sentence_end(text, match.end(), end), view, forward=True)


def find_after(text: str, start: int, end: int, view: TokenView | None, last: str,
               next_quote: bool = False) -> Clause | None:
    """A clause right after a quote whose mark ends at `start`; `end` bounds the search.

    `last`: the quote's last character. A clause follows a quote that ends in punctuation
    ("…," she said) or is followed by a comma or dash; after a full stop only a short
    clause that ends the sentence; and a new sentence that leads into the next quote
    (`"Why?" Smith writes back, "Because."`) introduces that quote, not this one.
    """
    ended = last if last in ".?!" else ""
    lead_match = _LEAD.match(text, start, end)  # None when the search bound is already behind the quote
    lead = text[start : lead_match.end()] if lead_match else ""
    punctuated = last in ",.?!…—–-:;" or "," in lead or any(d in lead for d in "—–―")
    clause = _find_after(text, start, end, view, ended == ".", punctuated)
    if clause is None or not ended or not next_quote or clause.how in ("dash", "according"):
        return clause
    if _LEADS_ON.fullmatch(text, clause.cue_end, end) and clause.speaker is not None \
            and text[clause.speaker.start].isupper() and clause.how == "after":
        return None
    return clause


_LEADS_ON = re.compile(r"[^.!?\"“”]{0,80}[,:]\s*")


def _find_after(text: str, start: int, end: int, view: TokenView | None, ended: bool,
                punctuated: bool) -> Clause | None:
    dash = _DASH.match(text, start, end)
    if dash:
        speaker = cut_mention(text, dash.end(), end, view, forward=True)
        if speaker is not None and speaker.kind == "name" and len(text[speaker.end : end].split()) <= 8:
            return Clause(speaker, text[dash.start() : dash.end()].strip(), dash.start(), dash.end(), "dash")
    end = sentence_end(text, start, end)
    lead = _LEAD.match(text, start, end)
    pos = lead.end() if lead else start
    according = _according(text, start, end, view)
    if according is not None:
        return Clause(according, "according to", pos, pos + 12, "according")
    if not punctuated and not text[pos : pos + 1].isupper():
        return _sentence_final(text, pos, end, view)
    match = _CUE.match(text, pos, end)
    if match and _cue_base(match.group()) in INVERTING_CUES:
        speaker = cut_mention(text, match.end(), end, view, forward=True)
        if speaker is not None and not (ended and not _ENDS_SOON.match(text, speaker.end, end)):
            return Clause(speaker, match.group(), match.start(), match.end(), "inverted")
    for match in _CUE.finditer(text, pos, min(end, pos + 240)):
        word = match.group()
        if _cue_base(word) not in STRONG_CUES and _cue_base(word) not in FRAMING_CUES:
            continue
        if not _is_verb(view, match.start(), word) or not _finite(text, match.start(), word):
            continue
        subject_end = _strip_aux(text, pos, match.start())
        speaker = cut_mention(text, pos, subject_end, view, forward=False, whole=True)
        if speaker is None:
            return None
        if ended and not _ENDS_SOON.match(text, match.end(), end):
            return None
        return Clause(speaker, word, match.start(), match.end(), "after")
    return None if ended else _sentence_final(text, pos, end, view)


def _sentence_final(text: str, pos: int, end: int, view: TokenView | None) -> Clause | None:
    """`"…" of the plan, Smith said.`: a clause closing the sentence the quote is in."""
    cues = list(_CUE.finditer(text, pos, end))
    if not cues:
        return None
    match = cues[-1]
    tail = text[match.end() : end].rstrip(" .!?\"”’'")
    comma = text.rfind(",", pos, match.start())
    if comma < 0 or not _ADVERBIAL.fullmatch(tail) or not _is_verb(view, match.start(), match.group()):
        return None
    if _cue_base(match.group()) not in STRONG_CUES:
        return None
    speaker = subject_of(text, comma + 1, match.start(), view)
    if speaker is None:
        return None
    return Clause(speaker, match.group(), match.start(), match.end(), "after")


def _strip_aux(text: str, start: int, end: int) -> int:
    """Move `end` back over auxiliaries and adverbs ("has also", "was quoted as")."""
    quoted = _QUOTED_AS.search(text[start:end])
    if quoted:
        end = start + quoted.start()
    while True:
        segment = text[start:end].rstrip()
        words = segment.split()
        if len(words) < 2:
            return end
        last = words[-1].lower().strip(",")
        if last in AUXILIARIES or last in ("not", "n't", "never") or (last.endswith("ly") and last != "ally"):
            end = start + segment.rfind(words[-1])
            continue
        return end


def find_before(text: str, start: int, end: int, view: TokenView | None, *, max_gap_words: int = 30) -> Clause | None:
    """A clause before a quote opening at `end`; `start` bounds the search (a previous quote)."""
    floor = sentence_start(text, end, start)
    if not text[floor:end].strip() and floor > start:
        # the quote opens its sentence: "Smith said. \"…\"" / "He added: \"…\""
        prev_end = len(text[:floor].rstrip())
        return _clause_before(text, sentence_start(text, max(start, prev_end - 1), start), prev_end, view, 4)
    return _clause_before(text, floor, end, view, max_gap_words)


def _clause_before(text: str, floor: int, end: int, view: TokenView | None, max_gap_words: int) -> Clause | None:
    cues = list(_CUE.finditer(text, floor, end)) + list(ACCORDING_ANY.finditer(text, floor, end))
    for match in sorted(cues, key=lambda m: m.start(), reverse=True):
        word = match.group()
        gap = text[match.end() : end]
        if word.lower().startswith("according"):
            if _GAP_STOP.search(gap) or len(gap.split()) > max_gap_words:
                break
            speaker = cut_mention(text, match.end(), end, view, forward=True)
            if speaker is not None:
                return Clause(speaker, "according to", match.start(), match.end(), "according")
            continue
        base = _cue_base(word)
        if word[0].isupper() and not text[floor : match.start()].strip() and base in INVERTING_CUES:
            # "Said Smith: \"…\""
            speaker = cut_mention(text, match.end(), end, view, forward=True)
            if speaker is not None and _THAT.fullmatch(text, speaker.end, end):
                return Clause(speaker, word, match.start(), match.end(), "before")
        if _GAP_STOP.search(gap) or len(gap.split()) > max_gap_words:
            break
        if not _is_verb(view, match.start(), word):
            continue
        adjacent = bool(_THAT.fullmatch(gap)) or bool(_ADVERBIAL.fullmatch(gap)) or _short_lead(gap)
        if not adjacent:
            if base not in PARTIAL_CUES:
                continue
            if view is not None and view.has_doc and not view.governs(match.start(), end):
                continue
        speaker = subject_of(text, floor, match.start(), view)
        if speaker is None or (not adjacent and not plausible_speaker(speaker)):
            continue
        return Clause(speaker, word, match.start(), match.end(), "before" if adjacent else "partial")
    if text[floor:end].rstrip().endswith(":"):
        return colon_clause(text, floor, end, view)
    return None


def _short_lead(gap: str) -> bool:
    """A few words of circumstance ending in a comma or colon: "said last week in Paris, \"..."."""
    stripped = gap.rstrip()
    return stripped.endswith((",", ":")) and len(stripped.split()) <= 8 and not _CUE.search(stripped)


def plausible_speaker(mention: Mention) -> bool:
    """A subject that can be the source of words (not "it" or "the plan")."""
    if mention.kind in ("name", "relative"):
        return True
    words = mention.text.lower().split()
    if mention.kind == "pronoun":
        return words[0] in ("he", "she", "they", "we", "i")
    return len(words) <= 8 and not _CLAUSE_WORDS.search(mention.text)


def subject_of(text: str, floor: int, cue_start: int, view: TokenView | None) -> Mention | None:
    """The subject of the cue verb at `cue_start` (parser first, then text)."""
    if view is not None and view.has_doc:
        found = view.subject_of_verb(cue_start)
        if found is not None and found.start >= floor:
            return found
    return cut_mention(text, floor, _strip_aux(text, floor, cue_start), view, forward=False)



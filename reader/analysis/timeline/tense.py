"""Which way a relative expression points: the tense around it, from words alone.

News mostly reports the past, so a bare "Thursday" is the last Thursday on
or before the reference date; "will meet on Thursday" is the next one.
`tense_at` weighs the verbs and markers of the sentence around a span: the
nearer a marker, the more it counts, and markers in another clause (after
"and", "but", "which", a semicolon...) count less ("said on Monday that it
will ... on Friday": Monday is past, Friday is future). A verb after "to"
or a modal ("to hit", "could meet") is not a past form. Returns "past",
"future" or None (then the caller's default, the past, applies).
"""

from __future__ import annotations

import re

WINDOW = 220
"""Characters looked at on each side of the span (within its sentence)."""
OTHER_CLAUSE = 0.35
"""Weight of a marker in another clause than the span's."""
COMMA = 0.7
"""Weight of a marker beyond a comma (often the same clause: "On Monday, they said")."""
THRESHOLD = 0.15

_BOUNDARY = re.compile(r"[.!?;]\s|\n")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[,;:()\"“”]|--|—|–")
_LEAD = re.compile(r"(?:(as\s+(?:soon|early)\s+as|no\s+later\s+than|not\s+before|(?:postponed|delayed|"
                   r"adjourned|deferred|rescheduled|moved|pushed\s+back|put\s+off)\s+(?:until|till|to))|until|till)\s+$",
                   re.IGNORECASE)
"""Words just before the span that point to the future ("as soon as Tuesday")."""

_FUTURE_STRONG = frozenset({
    "will", "would", "shall", "won't", "wo", "tomorrow", "upcoming", "next",
})
_FUTURE_WEAK = frozenset({
    "scheduled", "slated", "plans", "plan", "planned", "planning", "expects", "expected",
    "intends", "intend", "due", "hopes", "aims", "begin", "begins", "opens", "starts", "resume",
    "resumes", "may", "might", "could", "should", "must", "want", "wants", "need", "needs", "going",
    "deadline", "await", "awaits", "awaiting",
})
_PAST_STRONG = frozenset({
    "was", "were", "had", "did", "ago", "yesterday", "last", "earlier", "previously", "wasn't",
    "weren't", "hadn't", "didn't", "since",
})
_IRREGULAR_PAST = frozenset({
    "said", "told", "went", "came", "took", "made", "gave", "met", "left", "held", "began", "won",
    "lost", "saw", "got", "found", "fell", "rose", "sent", "spent", "paid", "brought", "bought",
    "thought", "knew", "became", "ran", "wrote", "spoke", "broke", "chose", "struck", "fought", "led",
    "flew", "drove", "kept", "sold", "stood", "felt", "heard", "shot", "fled", "swore", "sank", "drew",
    "threw", "grew", "ate", "wore", "woke", "sought", "taught", "caught", "dealt", "meant", "built",
    "lent", "forgave", "arose", "sat", "slept", "rang", "sang", "hid", "rode", "shook", "stole", "swam",
    "tore", "withdrew", "overcame", "undertook", "upheld", "underwent", "oversaw", "forgot",
})
_NOT_PAST_ED = frozenset({
    "scheduled", "expected", "planned", "slated", "need", "indeed", "speed", "seed", "feed", "shed",
    "bred", "proceed", "succeed", "exceed", "hundred", "interested", "concerned", "supposed", "based",
    "related", "united", "limited", "advanced", "detailed", "proposed", "required", "designed",
    "intended", "prepared", "determined", "used", "committed", "weed", "deed", "reed", "heed", "sled",
})
_BARE_VERB_BEFORE = frozenset({
    "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "won't", "wo",
})
"""After these a verb is an infinitive, not a past form ("to hit", "could meet")."""
_CLAUSE_WORDS = frozenset({"and", "but", "while", "whereas", "although", "though", "because", "when",
                           "which", "who", "where", "or", "as", "since", "if", "unless"})


def _weight(word: str, previous: str) -> tuple[int, float]:
    """(+1 future / -1 past / 0, strength) of one lower-cased word after `previous`."""
    if word in _FUTURE_STRONG or word.endswith(("'ll", "’ll")):
        return 1, 2.0
    if word in _FUTURE_WEAK:
        return 1, 0.8
    if word in _PAST_STRONG:
        return -1, 2.0
    if previous in _BARE_VERB_BEFORE:
        return 0, 0.0
    if word in _IRREGULAR_PAST:
        return -1, 1.0
    if len(word) >= 4 and word.endswith("ed") and word not in _NOT_PAST_ED:
        return -1, 0.9
    return 0, 0.0


_NEED_TO = frozenset({"plan", "plans", "aims", "hopes", "want", "wants", "need", "needs", "intend", "intends",
                      "expects", "going"})
"""Future markers only when "to" follows ("plans to vote", not "his plan")."""


def _weights(tokens: list[str]) -> list[tuple[str, int, float]]:
    out = []
    previous = ""
    for i, token in enumerate(tokens):
        sign, strength = _weight(token, previous) if token[0].isalpha() else (0, 0.0)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if sign > 0 and (token in _NEED_TO and following != "to" or token == "due" and following == "to"):
            sign, strength = 0, 0.0
        out.append((token, sign, strength))
        previous = token
    return out


def _score(weighted: list[tuple[str, int, float]], leftward: bool) -> float:
    """Sum of the markers' weights; `weighted` runs outward from the span."""
    score = 0.0
    factor = 1.0
    distance = 0
    for token, sign, strength in weighted:
        if not token[0].isalpha():
            factor = min(factor, COMMA if token == "," else OTHER_CLAUSE)
            continue
        if token in _CLAUSE_WORDS and (distance > 0 or not leftward):
            factor = OTHER_CLAUSE
        if sign:
            score += factor * sign * strength / (1.0 + distance)
        distance += 1
    return score


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - WINDOW)
    hi = min(len(text), end + WINDOW)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    right = hi
    m = _BOUNDARY.search(text, end, hi)
    if m:
        right = m.start() + 1
    return left, right


_QUOTE = re.compile(r"[\"“”«»]|``|''")
_OPENING = frozenset({"“", "«", "``"})
_CLOSING = frozenset({"”", "»", "''"})
QUOTE_REACH = 2000
"""How far back a paragraph is searched for the opening quote mark before a span."""


def _quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The quoted stretches [open, close) overlapping [lo, hi), from the marks before them."""
    stretches: list[tuple[int, int]] = []
    opened = -1
    for m in _QUOTE.finditer(text, max(0, lo - QUOTE_REACH), hi):
        mark = m.group()
        if opened < 0 and mark not in _CLOSING:
            opened = m.end()
        elif opened >= 0 and mark not in _OPENING:
            if m.start() > lo:
                stretches.append((opened, m.start()))
            opened = -1
    if opened >= 0:
        stretches.append((opened, hi))
    return stretches


def _tokens(text: str, lo: int, hi: int, skip: list[tuple[int, int]]) -> list[str]:
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        if not any(a <= m.start() < b for a, b in skip):
            out.append(m.group().lower())
    return out


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None for the span text[start:end].

    A quotation is an utterance of its own: a span inside quote marks takes its
    tense from the quoted words only, and a span outside them ignores what the
    quotation says ("'We will win,' she said on Monday": Monday is past)."""
    left, right = _sentence_bounds(text, start, end)
    quoted = _quotes(text, left, right)
    inside = next(((a, b) for a, b in quoted if a <= start and end <= b), None)
    if inside is not None:
        left, right = max(left, inside[0]), min(right, inside[1])
        quoted = []
    before = _weights(_tokens(text, left, start, quoted))
    after = _weights(_tokens(text, end, right, quoted))
    score = _score(before[::-1], True) + _score(after, False)
    lead = _LEAD.search(text, max(left, start - 40), start)
    if lead:
        score += 2.0 if lead.group(1) else 0.5
    if score > THRESHOLD:
        return "future"
    if score < -THRESHOLD:
        return "past"
    return None

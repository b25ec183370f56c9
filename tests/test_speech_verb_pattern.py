"""The grouped speech-verb alternation matches exactly as the plain one (longest first) did."""

from __future__ import annotations

import random
import re

from reader.analysis.quotes import cues, mentions
from reader.analysis.quotes.lexicon import SPEECH_VERB_FORMS, SPEECH_VERB_RE


def _plain() -> str:
    words = sorted(SPEECH_VERB_FORMS, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _texts(count: int) -> list[str]:
    rng = random.Random(14)
    forms = list(SPEECH_VERB_FORMS)
    noise = ["", " ", "  ", "\n", "-", ",", ".", "x", "s", "ed", "ing", "Mr", "she", "\u017f", "\u212a", "\u0130",
             "\u00e9", "on", "it", "to"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(forms) if rng.random() < 0.6 else rng.choice(noise)
            if rng.random() < 0.3:
                word = word.upper() if rng.random() < 0.5 else word.capitalize()
            if word and rng.random() < 0.2:
                cut = rng.randint(0, len(word))
                word = word[:cut] + rng.choice(noise) + word[cut:]
            parts.append(word + rng.choice(["", " ", " ", "  ", ", ", "\n"]))
        out.append("".join(parts))
    return out


def test_grouped_alternation_finds_the_same_matches():
    plain = _plain()
    assert SPEECH_VERB_RE != plain  # grouped
    pairs = [
        (cues._CUE, re.compile(r"(?<![\w-])(?:" + plain + r")\b", re.IGNORECASE)),
        (mentions._BACK_BOUNDARY, re.compile(mentions._BACK_BOUNDARY.pattern.replace(SPEECH_VERB_RE, plain),
                                              re.IGNORECASE)),
        (re.compile("(?:" + SPEECH_VERB_RE + r")(?:\s+\w+)?,"), re.compile("(?:" + plain + r")(?:\s+\w+)?,")),
    ]
    for text in _texts(3000):
        for grouped, original in pairs:
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in original.finditer(text)], text
            for pos in range(0, len(text), 3):
                got, want = grouped.match(text, pos), original.match(text, pos)
                assert (got and got.span()) == (want and want.span()), (text, pos)

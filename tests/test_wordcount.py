"""`word_counts` counts exactly the words `re.findall(r"\\w+")` finds (invented texts)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from reader.clean.wordcount import word_counts

TEXTS = [
    "",
    "plain ascii words, with punctuation; and snake_case_names 42 times 42",
    "l'été dernier — «déjà vu» à Zürich\u00a0: naïve café’s owner",
    "Ζεύς και Ήρα ΣΟΦΟΣ σοφός",
    "東京都 の ニュース 2024年",
    "tabs\tand\nnew\r\nlines\x0bvertical\x1cseparators\u2028line\u3000ideographic",
    "don’t stop—can’t stop…ever",
    "mixed𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and emoji 👍🏽ok and combining e\u0301 marks",
    "a\ud800lone surrogate",
    "१२३ devanagari digits ٤٥ arabic digits",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_as_the_regex(text):
    expected = Counter(re.findall(r"\w+", text))
    got = word_counts(text)
    assert got == expected and dict(got) == dict(expected)

"""The tense from the parse: the verb a weekday or a month attaches to decides which one it is.

All sentences are invented. The reference date is a Thursday.
"""

from __future__ import annotations

import pytest

from reader.analysis.timeline import TimexTagger
from reader.analysis.timeline.tense_parse import parse_tense

DCT = "2013-03-21"  # a Thursday


def tag(nlp, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in TimexTagger(DCT).tag(text, doc=nlp(text))]


def tense(nlp, text: str, span: str) -> str | None:
    start = text.index(span)
    return parse_tense(nlp(text), start, start + len(span))


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("The ferry company will resume its crossings on Monday.", "Monday", "future"),
        ("The ferry company resumed its crossings on Monday.", "Monday", "past"),
        ("The ferry company has resumed its crossings since Monday.", "Monday", "past"),
        ("The ferry company is resuming its crossings on Monday.", "Monday", "future"),
        ("The ferry company says on Monday that crossings are safe.", "Monday", "past"),
        ("The harbour board meets on Monday to review the crossings.", "Monday", "future"),
        ("The harbour board plans to meet on Monday.", "Monday", "future"),
        ("The timetable unveiled on Monday drew complaints.", "Monday", "past"),
        ("The captain could have sailed on Monday.", "Monday", "past"),
    ],
)
def test_the_verb_the_span_attaches_to_gives_the_tense(nlp, sentence: str, span: str, expected: str) -> None:
    assert tense(nlp, sentence, span) == expected


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The crossing was delayed until Monday.", "Monday"),  # a limit: the words decide
        ("The fare rise, effective Monday, was approved.", "Monday"),
        ("Monday's vote was close.", "Monday"),  # a possessive dates its noun, not the clause
        ("The harbour master could not be reached on Monday.", "Monday"),  # 'could': also a past
    ],
)
def test_the_parse_leaves_limits_possessives_and_could_to_the_words(nlp, sentence: str, span: str) -> None:
    assert tense(nlp, sentence, span) is None


def test_a_near_future_marker_in_another_clause_does_not_move_the_day(nlp) -> None:
    text = "The mayor, who will retire next year, opened the new bridge on Tuesday."
    assert ("Tuesday", "2013-03-19") in tag(nlp, text)
    text = "The mayor, who retired last year, will open the new bridge on Tuesday."
    assert ("Tuesday", "2013-03-26") in tag(nlp, text)


def test_a_month_after_a_future_verb_far_from_it_is_the_coming_one(nlp) -> None:
    text = ("The airline will almost double its weekly flights to the islands by September in its search "
            "for travellers untouched by the slump.")
    assert ("September", "2013-09") in tag(nlp, text)


def test_without_a_parse_the_words_decide() -> None:
    tagger = TimexTagger(DCT)
    assert [(t.text, t.value) for t in tagger.tag("The bridge will open on Tuesday.")] == [("Tuesday", "2013-03-26")]


def test_a_verb_whose_present_is_its_past_does_not_make_a_future(nlp) -> None:
    assert ("Friday", "2013-03-15") in tag(nlp, "Weak orders hurt the shares of both carmakers on Friday.")
    assert ("Friday", "2013-03-15") in tag(nlp, "The two banks cut their rates on Friday.")


class _CountingDoc:
    """A parse that counts how often its whole text is rebuilt (spaCy builds `Doc.text` from every token)."""

    def __init__(self, doc) -> None:
        self._doc = doc
        self.text_built = 0

    @property
    def text(self) -> str:
        self.text_built += 1
        return self._doc.text

    def __getattr__(self, name: str):
        return getattr(self._doc, name)

    def __len__(self) -> int:
        return len(self._doc)

    def __iter__(self):
        return iter(self._doc)

    def __getitem__(self, key):
        return self._doc[key]


def test_the_parse_text_is_built_once_per_block_not_once_per_date(nlp) -> None:
    text = " ".join(f"The ferry sailed on Monday and returned on Friday, crew {n} said." for n in range(30))
    counting = _CountingDoc(nlp(text))
    found = TimexTagger(DCT).tag(text, doc=counting)
    assert len(found) >= 30
    assert counting.text_built == 1
    assert [(t.text, t.value) for t in found] == tag(nlp, text)


def test_a_block_without_dates_never_builds_the_parse_text(nlp) -> None:
    text = "The ferry crew said the crossing was calm."
    counting = _CountingDoc(nlp(text))
    assert TimexTagger(DCT).tag(text, doc=counting) == []
    assert counting.text_built == 0

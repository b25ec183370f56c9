"""What the paste cleaner keeps whatever its line model says: the article's prose, one-sentence paragraphs, headings.

Every page here is invented. `JUNK_MODEL` calls every line junk, so what survives it is what the rules keep
inside the article's run of prose; the shipped model must keep the same lines and drop the widgets.
"""

from __future__ import annotations

import pytest

from reader.clean import clean_text
from reader.clean.paste_lines import ALL_NAMES
from reader.clean.paste_model import parse_model
from reader.clean.pasted import clean_pasted

JUNK_MODEL = parse_model({"features": ALL_NAMES, "threshold": 0.5, "base": -30.0, "trees": []}, ALL_NAMES)

PARAGRAPHS = [
    ("The valley town of Brackenford agreed on Monday to reopen its old railway station, closed since the line "
     "lost its last passenger train more than forty years ago."),
    ("Planners told the council that trains could call twice an hour by the spring after next, once the platform "
     "has been rebuilt and a new footbridge put over the tracks."),
    ("Shopkeepers on the station road said they hoped the trains would bring back the day visitors who stopped "
     "coming when the buses were cut, though some worried about parking."),
    ("The regional transport board is expected to confirm its share of the cost in the autumn, and says work on "
     "the platform could begin within weeks of that decision."),
]
HEADING = "What the traders say"
SINGLE = "Speaking after the vote, the council leader said trains would run daily."  # under 15 words: not prose


def _page(inside: list[str]) -> str:
    lines = ["Home", "News", "Local", "Sign in", "", "Brackenford votes to reopen its railway station", "",
             PARAGRAPHS[0], "", PARAGRAPHS[1], "", *inside, "", PARAGRAPHS[2], "", PARAGRAPHS[3], "",
             "Related stories", "Bus timetable changes from June", "Library opening hours extended", "",
             "Share this article", "12 comments", "© 2026 Brackenford Post. All rights reserved."]
    return "\n".join(lines) + "\n"


def _blocks(doc) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks]


BETWEEN = [HEADING, "", SINGLE, "", "Also read", "", "Bus timetable changes from June"]
EXPECTED = [PARAGRAPHS[0], PARAGRAPHS[1], HEADING, SINGLE, PARAGRAPHS[2], PARAGRAPHS[3]]


def test_a_model_that_calls_every_line_junk_still_leaves_the_article_its_prose_sentence_and_heading():
    doc = clean_pasted(_page(BETWEEN), JUNK_MODEL)
    assert _blocks(doc) == EXPECTED
    assert [b.kind for b in doc.blocks][2] == "heading"


def test_a_sentence_between_a_subheading_and_an_also_read_line_is_kept_by_the_shipped_model():
    doc = clean_text(_page(BETWEEN))
    assert _blocks(doc) == EXPECTED
    assert doc.title == "Brackenford votes to reopen its railway station"


def test_a_one_sentence_paragraph_right_after_a_widget_line_is_kept():
    doc = clean_pasted(_page(["Also read", "", SINGLE]), JUNK_MODEL)
    assert SINGLE in _blocks(doc)


@pytest.mark.parametrize("line", [
    "What happens to the buses once the trains are running again?",  # a question
    "Share your view of the new station in the comments!",  # a call to action
    "Brackenford Station Reopening Plans Unveiled By The Town Council.",  # a title-cased teaser
    "- Free parking is available at the old goods yard on weekdays.",  # a list item
    "Read the full council report at www.brackenford.example/station.",  # a link
    "Photo: the old booking hall, boarded up since the line closed.",  # a credit
    "Short line.",  # too short to be a sentence of prose
])
def test_lines_that_are_not_a_sentence_of_prose_are_left_to_the_model(line):
    doc = clean_pasted(_page([line]), JUNK_MODEL)
    assert _blocks(doc) == PARAGRAPHS


def test_a_sentence_said_twice_in_the_paste_is_left_to_the_model():
    promo = "Support local reporting by becoming a member of the Brackenford Post."
    doc = clean_pasted(_page([promo, "", promo]), JUNK_MODEL)
    assert promo not in _blocks(doc)


def test_a_long_paste_with_one_paragraph_of_prose_is_never_refused():
    menu = ["Home", "News", "Local", "Weather", "Sport", "Sign in", "Subscribe", "Contact", "About us"]
    doc = clean_pasted("\n\n".join([*menu, PARAGRAPHS[0], *menu]) + "\n", JUNK_MODEL)
    assert _blocks(doc) == [PARAGRAPHS[0]]

"""The chosen article keeps one copy of a page that carries the article twice, and the page's own short repeats.

Every sentence here is invented.
"""

from __future__ import annotations

from reader.clean.candidates import Candidate
from reader.clean.choose import choose, drop_copies

STORY = [
    "The valley orchard opened its gates to pickers on Saturday after a late frost had delayed the season by a fortnight.",
    "Growers said the cold snap thinned the blossom on the lower slopes, but the trees higher up came through untouched.",
    "Families arrived before nine, and by noon the first rows of early apples had been stripped and weighed at the barn.",
    "The owners plan to keep the gates open every weekend until the pears are ready, weather permitting, they said.",
    "A cider press borrowed from a neighbouring farm stood by the barn door, and children queued to turn its wheel.",
    "Last year the orchard sold out of its late plums within a week, and this year it has planted two more rows of them.",
]


def para(text: str) -> tuple:
    return ("paragraph", text, 0, [])


def test_an_article_carried_twice_is_kept_once():
    parts = [para(t) for t in STORY] + [("heading", "More from the valley", 2, [])] + [para(t) for t in STORY]
    traf = Candidate("trafilatura", parts)
    read = Candidate("readability", [para(t) for t in STORY])
    assert [p[1] for p in choose(traf, read).parts] == STORY  # the heading left at the edge is trimmed too


def test_short_repeats_of_the_page_stay():
    plan = []
    for week in ("Week one", "Week two"):
        plan += [("heading", week, 2, []), ("list_item", "Monday. Rest day", 0, []),
                 ("list_item", "Tuesday. Easy run of thirty minutes", 0, []), ("list_item", "Sunday. Long walk", 0, [])]
    assert drop_copies(plan) == plan


def test_a_schedule_of_short_rows_repeated_day_after_day_stays():
    rows = ["Breakfast", "Eat within an hour of waking", "Porridge with oats, milk, a sliced pear and a spoon of honey",
            "Lunch", "Eat around noon", "A bowl of lentil soup with bread, a green salad and a boiled egg on the side"]
    plan = []
    for day in ("Day one", "Day two", "Day three"):
        plan += [("heading", day, 2, [])] + [("list_item", row, 0, []) for row in rows]
    assert drop_copies(plan) == plan


def test_one_long_repeated_clause_stays():
    clause = "Orders of three to five jars qualify for the discount, which cannot be combined with any other offer or voucher, " * 3
    parts = [para("North"), para(clause), para("South"), para(clause)]
    assert drop_copies(parts) == parts

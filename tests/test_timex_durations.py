"""Durations, sets, open references and numbers that are not times (our own sentences)."""

from __future__ import annotations

import pytest

from reader.analysis.timeline import find_timexes
from reader.analysis.timeline.patterns_dur import duration_value

DCT = "2013-03-21"


def tag(text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_timexes(text, dct)]


def test_a_couple_and_a_dozen_are_numbers() -> None:
    assert tag("The mill will stay shut for a couple of weeks.") == [("a couple of weeks", "P2W", "DURATION")]
    assert tag("The harbour should double in size over the next couple of years.") == [
        ("the next couple of years", "P2Y", "DURATION")]
    assert tag("The orchard has stood for a dozen years.") == [("a dozen years", "P12Y", "DURATION")]
    assert tag("The ferry ran for a few years.") == [("a few years", "PXY", "DURATION")]


def test_durations_are_kept_as_durations() -> None:
    assert tag("The siege lasted three years.") == [("three years", "P3Y", "DURATION")]
    assert tag("The flight took 16 hours.") == [("16 hours", "PT16H", "DURATION")]
    assert tag("It was a 12-hour shift.") == [("12-hour", "PT12H", "DURATION")]
    assert tag("They agreed a three-month delay.") == [("three-month", "P3M", "DURATION")]
    assert tag("He waited an hour.") == [("an hour", "PT1H", "DURATION")]
    assert tag("The worst storm in a decade hit.") == [("a decade", "P10Y", "DURATION")]
    assert tag("It took two and a half years.") == [("two and a half years", "P2Y6M", "DURATION")]
    assert tag("The repair took a mere 36 hours.") == [("a mere 36 hours", "PT36H", "DURATION")]
    assert tag("Prices doubled over the past three years.") == [("the past three years", "P3Y", "DURATION")]
    assert tag("Prices doubled over the past year.") == [("the past year", "P1Y", "DURATION")]
    assert tag("Prices will rise in the next few months.") == [("the next few months", "PXM", "DURATION")]
    assert tag("Coal use will surge over the next decade.") == [("the next decade", "P10Y", "DURATION")]
    assert tag("The country has been troubled for years.") == [("years", "PXY", "DURATION")]
    assert tag("Her bicycle was seen in the weeks before the regatta.") == [("weeks", "PXW", "DURATION")]
    assert tag("The years of war ended.") == []
    assert tag("It was a decades-long feud.") == [("decades-long", "PXY", "DURATION")]
    assert tag("It was a day-long strike.") == [("day-long", "P1D", "DURATION")]


def test_approximate_durations() -> None:
    found = find_timexes("The deal comes nearly three years after the invasion.", DCT)
    assert [(t.text, t.value, t.type, t.approximate) for t in found] == [
        ("nearly three years", "P3Y", "DURATION", True)]
    found = find_timexes("It ended more than a decade of war.", DCT)
    assert [(t.text, t.value, t.approximate) for t in found] == [("more than a decade", "P10Y", True)]


def test_a_duration_before_an_event_is_not_a_date() -> None:
    assert tag("Three days after the attack, the border closed.") == [("Three days", "P3D", "DURATION")]


def test_ages_are_not_durations() -> None:
    assert tag("The 25-year-old man, a six-year-old boy and a man 40 years old.") == []
    assert tag("Pupils aged 9 years and over may enter.") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The paper comes out every week.", "P1W"),
        ("The board meets twice a month.", "P1M"),
        ("The data are published daily.", "P1D"),
        ("The prize is awarded annually.", "P1Y"),
        ("The fair is held each year.", "P1Y"),
        ("The market opens every Monday.", "XXXX-WXX-1"),
        ("The shop shuts on Sundays.", "XXXX-WXX-7"),
        ("He runs every morning.", "XXXX-XX-XXTMO"),
        ("The bus runs every other week.", "P2W"),
        ("He earns $50,000 a year.", "P1Y"),
    ],
)
def test_sets(sentence: str, value: str) -> None:
    found = find_timexes(sentence, DCT)
    assert [(t.value, t.type) for t in found] == [(value, "SET")]


def test_set_labels() -> None:
    assert [t.label for t in find_timexes("It meets every week and twice a month.", DCT)] == [
        "every week", "twice a month"]


def test_plural_parts_of_a_weekday_are_sets() -> None:
    found = find_timexes("The ferry sails on Monday and Thursday evenings.", DCT)
    assert [(t.text, t.value, t.type, t.label) for t in found] == [
        ("Monday", "XXXX-WXX-1TEV", "SET", "every Monday evening"),
        ("Thursday evenings", "XXXX-WXX-4TEV", "SET", "every Thursday evening")]
    assert [t.value for t in find_timexes("The ferry sailed on Monday evening.", DCT)] == ["2013-03-18TEV"]


def test_open_references() -> None:
    assert tag("Now, prices are currently high.") == [("Now", "PRESENT_REF", "DATE"),
                                                      ("currently", "PRESENT_REF", "DATE")]
    assert tag("Prices recently fell.") == [("recently", "PAST_REF", "DATE")]
    assert tag("In the past, prices rose; in the future they may fall.") == [
        ("the past", "PAST_REF", "DATE"), ("the future", "FUTURE_REF", "DATE")]


@pytest.mark.parametrize(
    "sentence",
    [
        "He paid $2014 for the car.",
        "The firm hired 2,014 people.",
        "About 2014 people came.",
        "The home team won 3-1.",
        "Turn to page 1999 of the report.",
        "Call 555-2014 for details.",
        "The flight landed at Gate 1995.",
        "He ran 1500 meters in 3:45.12.",
        "The office is at 1600 Pennsylvania Avenue.",
        "Unemployment rose to 20.14 percent.",
        "A second term is likely.",
    ],
)
def test_numbers_that_are_not_times(sentence: str) -> None:
    assert tag(sentence) == []


def test_duration_values() -> None:
    assert duration_value(3, "Y") == "P3Y"
    assert duration_value(2, "H") == "PT2H"
    assert duration_value(1, "DE") == "P10Y"
    assert duration_value(None, "M") == "PXM"
    assert duration_value(None, "MIN") == "PTXM"
    assert duration_value(1.5, "D") == "P1DT12H"
    assert duration_value(2.5, "Y") == "P2Y6M"
    assert duration_value(0.5, "Y") == "P6M"
    assert duration_value(1.5, "MIN") == "PT1M30S"


def test_a_half_after_the_unit() -> None:
    assert tag("The climb took a minute and a half.") == [("a minute and a half", "PT1M30S", "DURATION")]
    assert tag("We queued for two hours and a half.") == [("two hours and a half", "PT2H30M", "DURATION")]
    assert tag("She spent a year and a half abroad.") == [("a year and a half", "P1Y6M", "DURATION")]
    assert tag("The tenants stayed for 3 1/2 years.") == [("3 1/2 years", "P3Y6M", "DURATION")]


def test_quarters_as_a_duration() -> None:
    assert tag("The mill lost money in the past two quarters.") == [("the past two quarters", "P6M", "DURATION")]
    assert tag("Three quarters of the staff agreed.") == []
    assert tag("He ate a quarter of the cake.") == []


def test_one_day_after_a_modal_is_some_day() -> None:
    assert tag("The village could one day be a town.") == [("one day", "FUTURE_REF", "DATE")]
    assert tag("The strike lasted one day.") == [("one day", "P1D", "DURATION")]


def test_more_between_the_amount_and_the_unit() -> None:
    assert tag("The lease was extended by at least 15 more years.") == [
        ("at least 15 more years", "P15Y", "DURATION")]
    assert tag("The team needs two additional weeks.") == [("two additional weeks", "P2W", "DURATION")]


def test_the_weeks_ahead() -> None:
    assert tag("Lenders expect losses in the months ahead.") == [("the months ahead", "PXM", "DURATION")]
    assert tag("It will shape the region in the years to come.") == [("the years to come", "PXY", "DURATION")]
    assert tag("The weeks ahead of the vote were tense.") == [("weeks", "PXW", "DURATION")]

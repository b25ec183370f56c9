"""How context decides a value (our own invented sentences): the tense of the words
around a weekday or a month-day, quotations as utterances of their own, "a Monday",
durations against dates by the phrase, and reporting periods referring back."""

from __future__ import annotations

import pytest

from reader.analysis.timeline import find_timexes

DCT = "2019-11-20"  # a Wednesday


def tag(text: str, dct: str | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, dct)]


def test_weekday_direction_follows_the_tense() -> None:
    assert tag("The ferry sailed on Friday.") == [("Friday", "2019-11-15")]
    assert tag("The ferry will sail on Friday.") == [("Friday", "2019-11-22")]
    assert tag("The ferry sailed on Monday and will sail again on Saturday.") == [
        ("Monday", "2019-11-18"), ("Saturday", "2019-11-23")]


def test_a_quotation_takes_its_tense_from_its_own_words() -> None:
    assert tag('"We will win this," the coach said on Monday.') == [("Monday", "2019-11-18")]
    assert tag('The coach said on Monday, "We will play them again on Sunday."') == [
        ("Monday", "2019-11-18"), ("Sunday", "2019-11-24")]
    assert tag("The mayor said: ``The bridge will reopen Thursday.'' It closed Tuesday.") == [
        ("Thursday", "2019-11-21"), ("Tuesday", "2019-11-19")]


def test_a_month_day_in_a_quote_resolves_like_one_outside() -> None:
    outside = tag("The orchard sold its first crate on July 25, and buyers will want more.")
    inside = tag('"We sold our first crate on July 25, and buyers will want more," the grower said.')
    assert outside == inside == [("July 25", "2019-07-25")]
    assert tag('"We will open the new shed on January 14," the grower said.') == [("January 14", "2020-01-14")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bakery was robbed at 2:30pm on a Monday.", [("2:30pm on a Monday", "XXXX-WXX-1T14:30", "TIME")]),
        ("It happened on a Monday.", [("a Monday", "XXXX-WXX-1", "DATE")]),
        ("The fire started on a Friday night.", [("a Friday night", "XXXX-WXX-5TNI", "TIME")]),
        ("A Sunday Times columnist disagreed.", []),
    ],
)
def test_a_monday_is_any_monday(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_timexes(sentence, DCT)
    assert [(t.text, t.value, t.type) for t in found] == expected
    assert not any(t.resolved for t in found)


def test_the_previous_weekday_counts_from_the_last_day_named() -> None:
    assert tag("Shares closed higher on Thursday than the previous Thursday.") == [
        ("Thursday", "2019-11-14"), ("the previous Thursday", "2019-11-07")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The well ran dry two weeks ago.", [("two weeks ago", "2019-W45")]),
        ("The well ran dry for two weeks.", [("two weeks", "P2W")]),
        ("The well ran dry in the past two weeks.", [("the past two weeks", "P2W")]),
        ("The well ran dry last week.", [("last week", "2019-W46")]),
        ("The well ran dry over the past week.", [("the past week", "P1W")]),
        ("The well will be refilled over the next two days.", [("the next two days", "P2D")]),
        ("The well was dug in May 2004; two days later it flooded.",
         [("May 2004", "2004-05"), ("two days later", "2019-11-22")]),
    ],
)
def test_durations_and_dates_by_the_phrase(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert tag(sentence) == expected


def test_month_with_this_or_last_year() -> None:
    assert tag("In August last year the mill shut; in April this year it reopened.") == [
        ("August last year", "2018-08"), ("April this year", "2019-04")]
    assert tag("The fair returns on May 3 next year.") == [("May 3 next year", "2020-05-03")]


def test_a_month_day_before_a_colon_and_a_year_before_an_ordinal() -> None:
    assert tag("The notice, dated Tuesday, March 5: pay the fee.") == [("Tuesday, March 5", "2019-03-05")]
    assert tag("Sales slowed in the 2011 second quarter.") == [("the 2011 second quarter", "2011-Q2")]


def test_reporting_periods_refer_back_to_the_quarter_named() -> None:
    text = ("The brewer earned $4 million in the third quarter, up from $3 million a year earlier. "
            "In the year-ago quarter, costs were higher. Sales in the quarter rose 5%, "
            "against a year-earlier fall.")
    assert tag(text) == [("the third quarter", "2019-Q3"), ("a year earlier", "2018-Q3"),
                         ("the year-ago quarter", "2018-Q3"), ("the quarter", "2019-Q3"),
                         ("year-earlier", "2018-Q3")]


def test_next_year_is_the_coming_year_even_after_a_quarter() -> None:
    text = "The chain lost $2 million in the third quarter. It hopes to break even next year."
    assert tag(text) == [("the third quarter", "2019-Q3"), ("next year", "2020")]


def test_reporting_periods_need_a_quarter_to_refer_to() -> None:
    assert tag("The museum has a room for the period.") == []
    assert tag("Revenue for the quarter was flat.") == []
    assert tag("Revenue for the latest quarter was flat.") == [("the latest quarter", "2019-Q3")]
    assert tag("A quarter of the town voted.") == []


def test_a_quarter_named_by_its_end() -> None:
    assert tag("Revenue rose in the quarter ended April 30.") == [("the quarter", "2019-Q2"), ("April 30", "2019-04-30")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mill closed in nineteen eighty-four.", [("nineteen eighty-four", "1984")]),
        ("By nineteen ninety-two the fair had opened.", [("nineteen ninety-two", "1992")]),
        ("It rained in March nineteen seventy-one.", [("March nineteen seventy-one", "1971-03")]),
        ("Floods came in the spring of nineteen oh six.", [("the spring of nineteen oh six", "1906-SP")]),
        ("Plans for the year two thousand and three were drawn.", [("the year two thousand and three", "2003")]),
        ("Some two thousand sheep grazed there.", []),
        ("The coat cost nineteen ninety-five dollars.", []),
        ("It was a nineteen eighty-two flood.", [("nineteen eighty-two", "1982")]),
    ],
)
def test_years_said_in_words(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert tag(sentence) == expected


def test_last_year_after_a_quarter_is_the_calendar_year_and_the_quarter_stays() -> None:
    text = ("The bakery chain earned $5 million in the second quarter, against $4 million last year. "
            "In the year-ago quarter, flour cost more.")
    assert tag(text) == [("the second quarter", "2019-Q2"), ("last year", "2018"),
                         ("the year-ago quarter", "2018-Q2")]


def test_the_quarter_refers_back_to_the_quarter_named_past_other_dates() -> None:
    text = ("The dairy lost $3 million in the third quarter. It hopes to recover next year. "
            "Milk prices fell in the quarter, and the latest quarter was its worst.")
    assert tag(text) == [("the third quarter", "2019-Q3"), ("next year", "2020"),
                         ("the quarter", "2019-Q3"), ("the latest quarter", "2019-Q3")]


def test_the_latest_quarter_is_the_last_one_ended_not_the_one_forecast() -> None:
    text = "It expects a loss in the fourth quarter. On Monday it said sales in the latest quarter rose."
    assert tag(text) == [("the fourth quarter", "2019-Q4"), ("Monday", "2019-11-18"),
                         ("the latest quarter", "2019-Q3")]


def test_a_quarter_ended_in_a_month_after_a_fiscal_quarter_is_that_fiscal_quarter() -> None:
    text = ("The toy maker earned $2 million in its fiscal second quarter. "
            "Its toy sales in the quarter ended Aug. 31 climbed 4%, and in the quarter it hired 40 people.")
    assert tag(text) == [("fiscal second quarter", "2019-Q2"), ("the quarter", "2019-Q2"),
                         ("Aug. 31", "2019-08-31"), ("the quarter", "2019-Q2")]
    # without a fiscal quarter named, the months give the calendar quarter
    assert tag("Its toy sales in the quarter ended Aug. 31 climbed 4%.") == [("the quarter", "2019-Q3"), ("Aug. 31", "2019-08-31")]


def test_the_year_reported_on_is_a_period_or_the_articles_year() -> None:
    assert tag("The bakery earned $3 million in the year ended June 30.") == [
        ("the year", "P1Y"), ("June 30", "2019-06-30")]
    assert tag("Sales for the full year rose 4%, and the fiscal year looks better still.") == [
        ("the full year", "2019"), ("the fiscal year", "2019")]
    assert tag("For the year, ticket sales were flat.") == [("the year", "2019")]


def test_the_year_in_passing_is_not_tagged() -> None:
    assert tag("It was the year we moved to the coast.") == []
    assert tag("In the year since the flood, the town has rebuilt.") == []
    assert tag("He looked ahead to the year ahead with hope.") == []
    assert tag("For the year of the storm, records are thin.") == []

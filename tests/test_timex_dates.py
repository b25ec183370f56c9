"""The tagger on calendar expressions: dates in many formats, months, years, decades,
centuries, seasons, quarters, feasts and clock times (our own invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis.timeline import find_timexes

DCT = "2013-03-21"  # a Thursday


def tag(text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_timexes(text, dct)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The vote took place on March 5, 2011.", [("March 5, 2011", "2011-03-05", "DATE")]),
        ("The vote took place on 5 March 2011.", [("5 March 2011", "2011-03-05", "DATE")]),
        ("The treaty of the 6th of January 1990 holds.", [("the 6th of January 1990", "1990-01-06", "DATE")]),
        ("The file is dated 2011-03-05.", [("2011-03-05", "2011-03-05", "DATE")]),
        ("The form is dated 03/05/2011.", [("03/05/2011", "2011-03-05", "DATE")]),
        ("The form is dated 25/12/2011.", [("25/12/2011", "2011-12-25", "DATE")]),
        ("Sent at 2011-03-05T14:30 by the agency.", [("2011-03-05T14:30", "2011-03-05T14:30", "TIME")]),
        ("On Tuesday, Jan. 8, 2013, the court sat.", [("Tuesday, Jan. 8, 2013", "2013-01-08", "DATE")]),
        ("The vote, on Sept. 2, 1998, was close.", [("Sept. 2, 1998", "1998-09-02", "DATE")]),
    ],
)
def test_absolute_dates(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tag(sentence) == expected


def test_month_and_day_without_a_year_take_the_nearest_year() -> None:
    assert tag("The talks were held on Jan. 6.") == [("Jan. 6", "2013-01-06", "DATE")]
    assert tag("The panel sat on Nov. 28.") == [("Nov. 28", "2012-11-28", "DATE")]
    assert tag("The summit is due on April 4.") == [("April 4", "2013-04-04", "DATE")]


def test_months_with_and_without_a_year() -> None:
    assert tag("The war began in February 2022.") == [("February 2022", "2022-02", "DATE")]
    assert tag("Prices fell in July of 1997.") == [("July of 1997", "1997-07", "DATE")]
    assert tag("Sales fell in February.") == [("February", "2013-02", "DATE")]
    assert tag("Sales are expected to recover in June.") == [("June", "2013-06", "DATE")]
    assert tag("Sales slumped last November.") == [("last November", "2012-11", "DATE")]
    assert tag("The plant opened in early December.") == [("early December", "2012-12", "DATE")]
    assert tag("The plant opened in mid-January.") == [("mid-January", "2013-01", "DATE")]


def test_this_month_is_the_one_of_the_current_year() -> None:
    # nearer in the past (October 2012) than ahead, but "this October" is 2013's
    assert tag("The referendum is due this October.") == [("this October", "2013-10", "DATE")]
    assert tag("The mill closed this January.") == [("this January", "2013-01", "DATE")]
    assert tag("Work resumes this autumn.", "2013-02-10") == [("this autumn", "2013-FA", "DATE")]


def test_may_and_march_need_date_context() -> None:
    assert tag("Theresa May said she may visit in May.") == [("May", "2013-05", "DATE")]
    assert tag("Protesters will march to the square.") == []
    assert tag("April Ryan asked a question.") == []


def test_years() -> None:
    assert tag("The bridge was rebuilt in 2014.") == [("2014", "2014", "DATE")]
    assert tag("The firm was founded in 1898.") == [("1898", "1898", "DATE")]
    assert tag("The drought of 2009-2010 was severe.") == [("2009", "2009", "DATE"), ("2010", "2010", "DATE")]
    assert tag("The rules changed in mid-2012.") == [("mid-2012", "2012", "DATE")]
    assert tag("He has fought post-1959 politics.") == [("post-1959", "1959", "DATE")]
    assert tag("The Y2K bug was the year 2000 problem.") == [("the year 2000", "2000", "DATE")]


def test_fiscal_years_and_quarters() -> None:
    assert tag("Profit rose in fiscal 2012.") == [("fiscal 2012", "2012", "DATE")]
    assert tag("Profit rose in FY2014.") == [("FY2014", "2014", "DATE")]
    assert tag("Sales slipped in the fiscal fourth quarter.") == [("the fiscal fourth quarter", "2012-Q4", "DATE")]
    labels = [t.label for t in find_timexes("Sales slipped in fiscal 2012 and in the fiscal fourth quarter.", DCT)]
    assert labels == ["fiscal 2012", "fiscal Q4 2012"]
    assert tag("Profit rose in the first quarter of 2012.") == [("the first quarter of 2012", "2012-Q1", "DATE")]
    assert tag("Profit rose in Q3 2012.") == [("Q3 2012", "2012-Q3", "DATE")]
    assert tag("Profit rose in the fourth quarter.") == [("the fourth quarter", "2012-Q4", "DATE")]
    assert tag("Profit rose in the first quarter.") == [("the first quarter", "2013-Q1", "DATE")]
    assert tag("Profit fell last quarter.") == [("last quarter", "2012-Q4", "DATE")]
    assert tag("Profit rose in the second half of 2012.") == [("the second half of 2012", "2012-H2", "DATE")]
    assert tag("He scored in the first half of the match.") == []


def test_decades_and_centuries() -> None:
    assert tag("It was rebuilt in the 1990s.") == [("1990s", "199", "DATE")]
    assert tag("It was rebuilt in the early 1960s.") == [("early 1960s", "196", "DATE")]
    assert tag("It was a hit in the '80s.") == [("'80s", "198", "DATE")]
    assert tag("Music of the nineties returned.") == [("nineties", "199", "DATE")]
    assert tag("It shaped much of the 20th century.") == [("20th century", "19", "DATE")]
    assert tag("It shaped the twenty-first century.") == [("twenty-first century", "20", "DATE")]
    assert tag("Houses built in the 1800s stand.") == [("1800s", "18", "DATE")]


def test_seasons() -> None:
    assert tag("The plant closed last fall.") == [("last fall", "2012-FA", "DATE")]
    assert tag("He left in the spring of 2010.") == [("the spring of 2010", "2010-SP", "DATE")]
    assert tag("He left in summer 2011.") == [("summer 2011", "2011-SU", "DATE")]
    assert tag("Work resumes this summer.") == [("this summer", "2013-SU", "DATE")]
    assert tag("Prices fall in the market.") == []
    assert tag("The Arab Spring changed the region.") == []
    assert tag("The fall of Rome is a long story.") == []


def test_feasts() -> None:
    assert tag("The plan was adopted on Christmas Day.") == [("Christmas Day", "2012-12-25", "DATE")]
    assert tag("The deal was signed at Thanksgiving.") == [("Thanksgiving", "2012-11-22", "DATE")]
    assert tag("Shops close on Good Friday.") == [("Good Friday", "2013-03-29", "DATE")]
    assert tag("Ballots were counted on Election Day 2008.") == [("Election Day 2008", "2008-11-04", "DATE")]
    assert tag("The Christmas tree was lit.") == []


def test_clock_times_with_and_without_a_day() -> None:
    assert tag("The meeting ends at 3:30 p.m. EST.") == [("3:30 p.m. EST", "2013-03-21T15:30", "TIME")]
    assert tag("Polls open at 0900 GMT.") == [("0900 GMT", "2013-03-21T09:00", "TIME")]
    assert tag("The ferry left at 17:45 GMT Sunday.") == [("17:45 GMT Sunday", "2013-03-17T17:45", "TIME")]
    assert tag("The cut-off was 7 p.m. Wednesday, she said.") == [("7 p.m. Wednesday", "2013-03-20T19:00", "TIME")]
    assert tag("They met Friday at noon.") == [("Friday at noon", "2013-03-15T12:00", "TIME")]
    assert tag("The bell rang around 8 o'clock.") == [("8 o'clock", "2013-03-21T08:00", "TIME")]


def test_week_of_and_day_before() -> None:
    assert tag("Hearings are set for the week of March 25.") == [("the week of March 25", "2013-W13", "DATE")]
    assert tag("He arrived the day before yesterday.") == [("the day before yesterday", "2013-03-19", "DATE")]


def test_a_day_of_a_named_month_keeps_its_day_unknown() -> None:
    """'that January day' is one day of January, which the text does not give: YYYY-01-XX;
    a year right after ("in 2011") is the month's year and stays a time expression of its own."""
    assert tag("Her swearing-in that January day in 2011 was brief.") == [
        ("January day", "2011-01-XX", "DATE"), ("2011", "2011", "DATE")]
    assert tag("He met her one June evening in 1990, at a dance.") == [
        ("June evening", "1990-06-XXTEV", "TIME"), ("1990", "1990", "DATE")]
    assert tag("It was a bright October morning.") == [("October morning", "2012-10-XXTMO", "TIME")]
    labels = [t.label for t in find_timexes("Her swearing-in that January day in 2011 was brief.", DCT)]
    assert labels == ["a day in Jan 2011", "2011"]


@pytest.mark.parametrize("sentence", [
    "Will Lopez and June day care staff met.",  # a name, then "day care"
    "We March day and night to the coast.",  # the verb
    "They danced round the pole on May Day.",  # the feast, not a day of May
    "She works the January night shift.",  # "night shift" heads another noun
])
def test_month_and_day_noun_look_alikes_are_not_days(sentence: str) -> None:
    assert all(t.text not in ("June day", "March day", "May Day", "January night") for t in find_timexes(sentence, DCT))

"""Relative expressions resolved against the reference date (our own invented sentences):
weekdays in the past and the future, yesterday/today/tomorrow, last/this/next,
N units ago/later/earlier, parts of day; and the same without a reference date."""

from __future__ import annotations

from reader.analysis.timeline import find_timexes

DCT = "2013-03-21"  # a Thursday


def tag(text: str, dct: str | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, dct)]


def test_weekdays_default_to_the_past() -> None:
    assert tag("The minister said on Monday that talks had failed.") == [("Monday", "2013-03-18")]
    assert tag("Officials met Saturday.") == [("Saturday", "2013-03-16")]
    assert tag("The report came out Thursday.") == [("Thursday", "2013-03-21")]
    assert tag("Friday's vote was close.") == [("Friday's", "2013-03-15")]


def test_weekdays_in_the_future() -> None:
    assert tag("The bank will report on Tuesday.") == [("Tuesday", "2013-03-26")]
    assert tag("The leaders are scheduled to meet Saturday.") == [("Saturday", "2013-03-23")]
    assert tag("He could arrive as soon as Monday.") == [("Monday", "2013-03-25")]
    assert tag("She arrived on Monday and will leave on Tuesday.") == [
        ("Monday", "2013-03-18"), ("Tuesday", "2013-03-26")]


def test_coordinated_weekdays_share_their_tense() -> None:
    assert tag("The storm is expected to hit the coast late Saturday or early Sunday.") == [
        ("late Saturday", "2013-03-23"), ("early Sunday", "2013-03-24")]


def test_weekdays_with_last_next_this() -> None:
    assert tag("He left last Thursday.") == [("last Thursday", "2013-03-14")]
    assert tag("He leaves next Monday.") == [("next Monday", "2013-03-25")]
    assert tag("He left last Wednesday.") == [("last Wednesday", "2013-03-20")]


def test_weekdays_that_name_something_else() -> None:
    assert tag("Black Friday sales rose, the Sunday Times said.") == []
    assert tag("The Super Tuesday results are in.") == []


def test_yesterday_today_tomorrow() -> None:
    assert tag("Yesterday it rained; today it is dry; tomorrow it will snow.") == [
        ("Yesterday", "2013-03-20"), ("today", "2013-03-21"), ("tomorrow", "2013-03-22")]
    assert tag("The day after tomorrow is a holiday.") == [("The day after tomorrow", "2013-03-23")]
    assert tag("She spoke to Radio Today about the plan.") == []  # a name, not the day
    assert tag("He said Today the vote is on.") == [("Today", "2013-03-21")]


def test_parts_of_day() -> None:
    assert tag("Shots rang out late last night.") == [("last night", "2013-03-20TNI")]
    assert tag("The vote was this morning.") == [("this morning", "2013-03-21TMO")]
    assert tag("It will be cold tonight.") == [("tonight", "2013-03-21TNI")]
    assert tag("The session ran Wednesday night.") == [("Wednesday night", "2013-03-20TNI")]
    assert tag("He called yesterday afternoon.") == [("yesterday afternoon", "2013-03-20TAF")]
    assert tag("Trading slowed by mid-afternoon yesterday.") == [("mid-afternoon yesterday", "2013-03-20TAF")]
    assert tag("The talks resume late morning tomorrow.") == [("late morning tomorrow", "2013-03-22TMO")]


def test_last_this_next_units() -> None:
    assert tag("Sales rose last week, this week and next week.") == [
        ("last week", "2013-W11"), ("this week", "2013-W12"), ("next week", "2013-W13")]
    assert tag("Sales rose last month and this month.") == [("last month", "2013-02"), ("this month", "2013-03")]
    assert tag("Rates rose last year and will rise next year.") == [("last year", "2012"), ("next year", "2014")]
    assert tag("The law passed earlier this month.") == [("earlier this month", "2013-03")]
    assert tag("The law takes effect later this year.") == [("later this year", "2013")]
    assert tag("They met over the weekend.") == [("the weekend", "2013-W11-WE")]
    assert tag("The plant shuts this weekend.") == [("this weekend", "2013-W12-WE")]
    assert tag("This century has been turbulent.") == [("This century", "20")]


def test_units_ago_and_from_now() -> None:
    assert tag("The plant opened four years ago.") == [("four years ago", "2009")]
    assert tag("The plant opened a year ago.") == [("a year ago", "2012")]
    assert tag("The plant opened two months ago.") == [("two months ago", "2013-01")]
    assert tag("The plant opened three days ago.") == [("three days ago", "2013-03-18")]
    assert tag("The plant opened two weeks ago.") == [("two weeks ago", "2013-W10")]
    assert tag("The plant opened a decade ago.") == [("a decade ago", "2003")]
    assert tag("The plant opens two years from now.") == [("two years from now", "2015")]
    assert tag("The plant opened years ago.") == [("years ago", "PAST_REF")]


def test_almost_four_years_ago_is_approximate() -> None:
    [found] = find_timexes("The war ended almost four years ago.", DCT)
    assert (found.text, found.value, found.approximate) == ("almost four years ago", "2009", True)


def test_later_and_earlier_count_from_the_last_date_mentioned() -> None:
    text = "The fire broke out on March 3, 2010. Two days later, the mayor resigned. A year earlier, he won."
    assert tag(text) == [("March 3, 2010", "2010-03-03"), ("Two days later", "2010-03-05"),
                         ("A year earlier", "2009")]
    assert tag("She moved in May 2004 and sold the farm later that year.") == [
        ("May 2004", "2004-05"), ("later that year", "2004")]
    assert tag("They met on Monday. The next day, they signed.") == [
        ("Monday", "2013-03-18"), ("The next day", "2013-03-19")]


def test_earlier_than_is_a_duration_not_a_date() -> None:
    assert tag("The harvest began a week later than planned.") == [("a week", "P1W")]


def test_without_a_reference_date_relative_ones_stay_unresolved() -> None:
    found = find_timexes("On Thursday, the talks of January 6 failed; last week was calm; "
                         "yesterday too. The war began in February 2022 and lasted nearly three years.", None)
    values = {t.text: (t.value, t.resolved) for t in found}
    assert values["Thursday"] == ("XXXX-WXX-4", False)
    assert values["January 6"] == ("XXXX-01-06", False)
    assert values["last week"] == ("XXXX-WXX", False)
    assert values["yesterday"] == ("XXXX-XX-XX", False)
    assert values["February 2022"] == ("2022-02", True)
    assert values["nearly three years"] == ("P3Y", True)
    labels = {t.text: t.label for t in found}
    assert labels["Thursday"] == "Thursday"
    assert labels["January 6"] == "6 Jan"


def test_reference_dates_with_a_time_and_a_zone() -> None:
    assert tag("He spoke on Friday.", "2013-03-23T09:42:00+00:00") == [("Friday", "2013-03-22")]
    assert tag("He spoke on Friday.", "not a date") == [("Friday", "XXXX-WXX-5")]


def test_a_part_of_the_day_alone_is_that_part_of_the_day_under_discussion() -> None:
    assert tag("By mid-afternoon, the square was empty.") == [("mid-afternoon", "2013-03-21TAF")]
    assert tag("By mid afternoon, the square was empty.") == [("mid afternoon", "2013-03-21TAF")]
    assert tag("The ferry sank on Tuesday. In the morning, divers went down.") == [
        ("Tuesday", "2013-03-19"), ("the morning", "2013-03-19TMO")]
    assert tag("She reads it in the morning paper.") == []
    assert tag("The station plays jazz during the evening news.") == []


def test_a_quoted_title_case_deictic_phrase_is_a_title() -> None:
    """'on the "This Week" programme' names a show; the start of a quoted sentence keeps
    its time ("This week we...": only the first word capitalised)."""
    found = find_timexes('The minister spoke on the network\'s "This Week," a Sunday programme.', "2013-03-21")
    assert "This Week" not in [t.text for t in found]
    found = find_timexes('He said: "This week we will vote."', "2013-03-21")
    assert [(t.text, t.value) for t in found] == [("This week", "2013-W12")]
    found = find_timexes('The film "Next Year in the Hills" opened.', "2013-03-21")
    assert found == []

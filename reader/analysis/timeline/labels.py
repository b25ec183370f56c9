"""Human labels for TimeML values: "Thu 8 Jan 2026", "Jan 2026", "3 years", "every week", "now"."""

from __future__ import annotations

import datetime as dt
import re

from reader.analysis.timeline.lexicon import MONTH_ABBREVS, PART_NAMES, SEASON_NAMES, WEEKDAY_ABBREVS, WEEKDAY_NAMES

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T([A-Z]{2}))?$")
_MONTH = re.compile(r"(\d{4})-(\d{2})$")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"(FY)?(\d{4})-(Q|H)(\d)$")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)$")
_DURATION = re.compile(r"P(T?)(X|\d+(?:\.\d+)?)([YMWDHS]|DE)$")
_UNIT_NAMES = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day",
               ("", "DE"): "decade", ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}
_FREQUENCY = re.compile(r"(?:once|twice|thrice|\w+\s+times)\s", re.IGNORECASE)
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def day_label(day: dt.date) -> str:
    return f"{WEEKDAY_ABBREVS[day.isoweekday() - 1]} {day.day} {MONTH_ABBREVS[day.month - 1]} {day.year}"


def _duration(value: str) -> str | None:
    match = _DURATION.match(value)
    if not match:
        return None
    time, amount, unit = match.groups()
    name = _UNIT_NAMES.get((time, unit))
    if name is None:
        return None
    if amount == "X":
        return name + "s"
    number = float(amount)
    text = f"{number:g}"
    return f"{text} {name}" + ("" if number == 1 else "s")


def _set(value: str) -> str:
    duration = _duration(value)
    if duration:
        return "every " + duration.removeprefix("1 ")
    if value.startswith("XXXX-WXX-") and value[-1].isdigit():
        return "every " + WEEKDAY_NAMES[int(value[-1]) - 1]
    weekday_part = re.match(r"XXXX-WXX-([1-7])T([A-Z]{2})$", value)
    if weekday_part:
        day, part = weekday_part.groups()
        return f"every {WEEKDAY_NAMES[int(day) - 1]} {PART_NAMES.get(part, part.lower())}"
    if value.startswith("XXXX-XX-XXT"):
        return "every " + PART_NAMES.get(value[-2:], value[-2:].lower())
    if value == "XXXX-WXX-WE":
        return "every weekend"
    season = re.match(r"XXXX-(SP|SU|FA|WI)$", value)
    if season:
        return "every " + SEASON_NAMES[season.group(1)]
    month = re.match(r"XXXX-(\d{2})$", value)
    if month:
        return "every " + MONTH_ABBREVS[int(month.group(1)) - 1]
    return "repeatedly"


def _unresolved(value: str, surface: str) -> str:
    weekday = re.match(r"XXXX-WXX-(\d)(?:T([A-Z]{2})|T(\d{2}:\d{2}))?$", value)
    if weekday:
        name = WEEKDAY_NAMES[int(weekday.group(1)) - 1]
        if weekday.group(2):
            return f"{name} {PART_NAMES.get(weekday.group(2), weekday.group(2).lower())}"
        return f"{name}, {weekday.group(3)}" if weekday.group(3) else name
    clock = re.match(r"XXXX-XX-XXT(?:(\d{2}:\d{2})|([A-Z]{2}))$", value)
    if clock:
        return clock.group(1) or PART_NAMES.get(clock.group(2), " ".join(surface.split()))
    some_day = re.match(r"(\d{4}|XXXX)-(\d{2})-XX(?:T([A-Z]{2}))?$", value)
    if some_day:  # "that January day in 2011": a day of the month the text does not give
        year, month, part = some_day.groups()
        when = PART_NAMES.get(part, part.lower()) if part else "day"
        article = "an" if when[0] in "aeiou" else "a"
        return f"{article} {when} in {MONTH_ABBREVS[int(month) - 1]}" + ("" if year == "XXXX" else f" {year}")
    day = re.match(r"XXXX-(\d{2})-(\d{2})$", value)
    if day:
        return f"{int(day.group(2))} {MONTH_ABBREVS[int(day.group(1)) - 1]}"
    month = re.match(r"XXXX-(\d{2})$", value)
    if month:
        return MONTH_ABBREVS[int(month.group(1)) - 1]
    season = re.match(r"XXXX-(SP|SU|FA|WI)$", value)
    if season:
        return SEASON_NAMES[season.group(1)]
    return " ".join(surface.split())


_FISCAL = re.compile(r"\b(?:fiscal|FY)", re.IGNORECASE)


def label_for(value: str, type_: str, surface: str = "") -> str:
    """The human form of a value; `surface` (the words) is the fallback."""
    if type_ == "DATE" and re.fullmatch(r"\d{4}(?:-[QH]\d)?", value) and _FISCAL.search(surface):
        value = "FY" + value  # "fiscal 2012", "the fiscal first quarter": labelled as fiscal periods
    if value in _REFS:
        return _REFS[value]
    if type_ == "SET":
        if _FREQUENCY.match(surface):
            return " ".join(surface.split()).lower()
        return _set(value)
    if type_ == "DURATION":
        return _duration(value) or " ".join(surface.split())
    if "X" in value:
        return _unresolved(value, surface)
    match = _DAY.match(value)
    if match:
        try:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return value
        label = day_label(day)
        if match.group(4):
            return f"{label}, {match.group(4)}:{match.group(5)}"
        if match.group(6):
            return f"{label}, {PART_NAMES.get(match.group(6), match.group(6).lower())}"
        return label
    match = _MONTH.match(value)
    if match:
        return f"{MONTH_ABBREVS[int(match.group(2)) - 1]} {match.group(1)}"
    match = _WEEK.match(value)
    if match:
        try:
            monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            return value
        if match.group(3):
            saturday = monday + dt.timedelta(days=5)
            return f"weekend of {saturday.day} {MONTH_ABBREVS[saturday.month - 1]} {saturday.year}"
        return f"week of {monday.day} {MONTH_ABBREVS[monday.month - 1]} {monday.year}"
    match = _PART.match(value)
    if match:
        fiscal, year, kind, n = match.groups()
        return f"{'fiscal ' if fiscal else ''}{kind}{n} {year}"
    match = _SEASON.match(value)
    if match:
        return f"{SEASON_NAMES[match.group(2)]} {match.group(1)}"
    if re.fullmatch(r"FY\d{4}", value):
        return f"fiscal {value[2:]}"
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{2}", value):
        n = int(value) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} century"
    return value

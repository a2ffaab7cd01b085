"""Dates: written dates read as ISO (partial and doubtful ones give None), months, the years
an article can be about, the year of a date."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    MONTH_NAMES,
    MONTH_PATTERN,
    MONTH_WORDS,
    YEAR_PATTERN,
    is_plausible_year,
    month_number,
    parse_date,
    year_of,
)


@pytest.mark.parametrize(
    "text",
    [
        "2014-04-23",
        "2014-04-23T10:15:00Z",
        "23 April 2014",
        "23rd April, 2014",
        "April 23, 2014",
        "Apr. 23, 2014",
        "apr 23 2014",
        "2014/04/23",
        "Wednesday, 23 April 2014",
        "Wednesday, April 23, 2014",
        "Wed, 23 Apr 2014 10:00:00 +0000",
        "Published: 23 April 2014 10:32 GMT",
        "23/04/2014",
        "04/23/2014",
    ],
)
def test_complete_dates(text: str) -> None:
    assert parse_date(text) == "2014-04-23"


def test_sept_abbreviation() -> None:
    assert parse_date("Sept. 5, 2014") == "2014-09-05"


@pytest.mark.parametrize(
    "text",
    ["", "2014", "April 2014", "Apr. 2014", "spring 2014", "04/05/2014", "2014-02-30", "soon"],
)
def test_partial_doubtful_or_impossible_dates(text: str) -> None:
    assert parse_date(text) is None


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_written_forms_round_trip(day: datetime.date) -> None:
    iso = day.isoformat()
    for text in (
        iso,
        day.strftime("%d %B %Y"),
        day.strftime("%B %d, %Y"),
        day.strftime("%a, %d %b %Y 12:00:00 +0000"),
        day.strftime("%Y/%m/%d"),
    ):
        assert parse_date(text) == iso, text


@given(st.text(max_size=80))
def test_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or datetime.date.fromisoformat(result)


def test_every_written_month_has_its_number() -> None:
    for number, name in enumerate(MONTH_NAMES, start=1):
        written = [w for w in MONTH_WORDS if name.startswith(w.rstrip(".")[:3])]
        assert all(month_number(w) == number for w in written), written
        assert month_number(name.upper()) == number
    assert month_number("Sept.") == 9 and len(MONTH_WORDS) == 12 + 2 * 12


def test_the_month_pattern_takes_every_written_month_whole_and_no_other_word() -> None:
    month = re.compile(rf"{MONTH_PATTERN}(?![\w.])")
    for word in MONTH_WORDS:
        assert month.fullmatch(word), word
        assert parse_date(f"5 {word} 2014") == f"2014-{month_number(word):02d}-05", word
    for word in ("Mayor", "Marchers", "Junta", "Decade", "Augustus"):
        assert not month.match(word), word


def test_the_year_pattern_is_the_plausible_range() -> None:
    pattern = re.compile(YEAR_PATTERN)
    for year in range(1000, 10000):
        assert bool(pattern.fullmatch(str(year))) == is_plausible_year(year), year
    assert is_plausible_year(FIRST_YEAR) and is_plausible_year(LAST_YEAR)
    assert not is_plausible_year(FIRST_YEAR - 1) and not is_plausible_year(LAST_YEAR + 1)


@pytest.mark.parametrize(
    ("date", "year"),
    [("2014-04-23", 2014), ("2023-10", 2023), ("1987", 1987), (None, None), ("", None),
     ("spring 2014", None), ("²⁰¹⁴-01-01", None)],
)  # fmt: skip
def test_year_of(date: str | None, year: int | None) -> None:
    assert year_of(date) == year

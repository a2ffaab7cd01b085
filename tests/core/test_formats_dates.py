"""Written dates read as ISO dates; partial and doubtful dates give None."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.articles import parse_date


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

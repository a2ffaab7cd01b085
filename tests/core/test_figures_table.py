"""The troop table behind the chart: grouping by country and year, combining, undated rows."""

from __future__ import annotations

import pytest

from briefing_app.core.extract.records import Figure
from briefing_app.core.figures import FigureReport, build_table, troop_value


def _report(aid, contributor, host, low, high=None, year=2016, date="2016-06-01"):
    fig = Figure(
        "troops",
        "x",
        0,
        1,
        low=low,
        high=high if high is not None else low,
        contributor=contributor,
        host=host,
        year=year,
    )
    return FigureReport(aid, f"Article {aid}", date, "Wire", f"k{aid}", fig)


REPORTS = [
    _report(1, "United States", "Poland", 1000, date="2016-06-01"),
    _report(2, "United States", "Poland", 800, date="2016-09-01"),
    _report(3, "Germany", "Lithuania", 500),
    _report(4, "Germany", "Lithuania", 450, year=None, date=None),
    _report(5, "United Kingdom", "Estonia", 50, 60),
]


def test_largest_is_default_and_groups_by_country_and_year():
    table = build_table(REPORTS)
    us = table.cell("United States", 2016)
    assert us.value == 1000 and len(us.reports) == 2 and us.article_ids == [1, 2]


def test_latest_and_sum():
    assert build_table(REPORTS, combine="latest").cell("United States", 2016).value == 800
    assert build_table(REPORTS, combine="sum").cell("United States", 2016).value == 1800


def test_undated_figures_are_kept_apart_not_dropped():
    table = build_table(REPORTS)
    [undated] = table.undated()
    assert (undated.country, undated.year_label, undated.value) == ("Germany", "undated", 450)
    assert table.years() == [2016]


def test_by_host_and_ranges_use_midpoint():
    table = build_table(REPORTS, by="host")
    assert table.cell("Estonia", 2016).value == 55
    assert troop_value(Figure("troops", "", 0, 0)) is None


def test_csv_and_order_of_countries():
    table = build_table(REPORTS)
    lines = table.to_csv().splitlines()
    assert lines[0] == "contributor,year,troops,reports,articles"
    assert "Germany,undated,450,1,Article 4" in lines
    assert table.countries()[0] == "United States"


def test_bad_choices_are_refused():
    with pytest.raises(ValueError, match="combine"):
        build_table(REPORTS, combine="median")

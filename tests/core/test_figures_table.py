"""The troop table behind the chart: grouping by country and year, combining, undated rows."""

from __future__ import annotations

import pytest

from briefing_app.core.extract.records import Figure
from briefing_app.core.figures import (
    DEFAULT_KINDS,
    KINDS,
    FigureReport,
    build_table,
    parse_kinds,
    troop_value,
)


def _report(aid, contributor, host, low, high=None, year=2016, date="2016-06-01", kind=None):
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
        troop_kind=kind,
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
    assert lines[0] == (
        "contributor,year,troops,lowest,highest,reports,each report,articles,colour"
    )
    # The last column is the country's colour in every view (#76b7b2 for Germany).
    assert "Germany,undated,450,450,450,1,450 deployment (Article 4),Article 4,#76b7b2" in lines
    # A disputed cell lists its spread and every report with its article.
    assert (
        "United States,2016,1000,800,1000,2,1000 deployment (Article 1); 800 deployment (Article 2),"
        "Article 1; Article 2,#4e79a7" in lines
    )
    assert table.countries()[0] == "United States"


def test_bad_choices_are_refused():
    with pytest.raises(ValueError, match="combine"):
        build_table(REPORTS, combine="median")


def test_conflicting_reports_show_their_spread():
    table = build_table(REPORTS)
    us = table.cell("United States", 2016)
    assert (us.low, us.high, us.disputed) == (800, 1000, True)
    germany = table.cell("Germany", 2016)
    assert not germany.disputed
    # A range's own ends are its spread: 50-60 reported once.
    uk = table.cell("United Kingdom", 2016)
    assert (uk.low, uk.high) == (50, 60)
    each = us.to_dict()["each_report"]
    assert [(r["value"], r["article"]) for r in each] == [(1000, "Article 1"), (800, "Article 2")]


def test_kinds_not_chosen_are_left_out_and_counted():
    reports = [
        *REPORTS,
        _report(6, "Russia", "Belarus", 100000, kind="exercise"),
        _report(7, "Russia", None, 3000, kind="request"),
        _report(8, "Russia", "Syria", 4000, kind="presence"),
    ]
    table = build_table(reports, kinds=DEFAULT_KINDS)
    assert table.cell("Russia", 2016).value == 4000  # the exercise is not troops on the ground
    assert table.left_out == {"exercise": (1, 100000), "request": (1, 3000)}
    assert table.left_out_text() == "left out: 1 request (up to 3,000), 1 exercise (up to 100,000)"
    everything = build_table(reports)
    assert everything.cell("Russia", 2016).value == 100000 and not everything.left_out
    assert table.only(["Russia"]).countries() == ["Russia"]


def test_kinds_parse_from_the_command_line():
    assert parse_kinds(None) == DEFAULT_KINDS
    assert parse_kinds("all") == KINDS
    assert parse_kinds("exercises,deployment") == ("deployment", "exercise")
    with pytest.raises(ValueError, match="unknown kind 'parade'"):
        parse_kinds("parade")

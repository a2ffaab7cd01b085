"""Troop figures by country and year: the table behind the chart and `briefing figures`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing_app.core.extract.records import Figure

BY_CHOICES = ("contributor", "host")
COMBINE_CHOICES = ("largest", "latest", "sum")
UNDATED = "undated"


@dataclass
class FigureReport:
    """One troop figure as reported by one article, with what the table needs to cite it."""

    article_id: int
    article_title: str
    article_date: str | None
    source: str | None
    key: str
    figure: Figure
    corrected: bool = False

    @property
    def value(self) -> float | None:
        return troop_value(self.figure)


@dataclass
class FigureRow:
    country: str
    year: int | None
    value: float
    reports: list[FigureReport] = field(default_factory=list)

    @property
    def year_label(self) -> str:
        return str(self.year) if self.year is not None else UNDATED

    @property
    def article_ids(self) -> list[int]:
        return sorted({r.article_id for r in self.reports})

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "year": self.year,
            "value": self.value,
            "reports": len(self.reports),
            "article_ids": self.article_ids,
            "articles": sorted({r.article_title for r in self.reports}),
        }


@dataclass
class FiguresTable:
    by: str
    combine: str
    rows: list[FigureRow]

    def countries(self) -> list[str]:
        """Countries, the largest total first, so the chart's legend reads by weight."""
        totals: dict[str, float] = {}
        for row in self.rows:
            totals[row.country] = totals.get(row.country, 0) + row.value
        return sorted(totals, key=lambda c: (-totals[c], c))

    def years(self) -> list[int]:
        return sorted({r.year for r in self.rows if r.year is not None})

    def undated(self) -> list[FigureRow]:
        return [r for r in self.rows if r.year is None]

    def cell(self, country: str, year: int | None) -> FigureRow | None:
        for row in self.rows:
            if row.country == country and row.year == year:
                return row
        return None

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([self.by, "year", "troops", "reports", "articles"])
        for row in self.rows:
            writer.writerow(
                [
                    row.country,
                    row.year_label,
                    _plain_number(row.value),
                    len(row.reports),
                    "; ".join(sorted({r.article_title for r in row.reports})),
                ]
            )
        return out.getvalue()

    def to_dicts(self) -> list[dict]:
        return [row.to_dict() for row in self.rows]


def troop_value(figure: Figure) -> float | None:
    """The number a chart draws for a figure: its count, or a range's midpoint."""
    if figure.low is None and figure.high is None:
        return None
    low = figure.low if figure.low is not None else figure.high
    high = figure.high if figure.high is not None else figure.low
    return (low + high) / 2


def build_table(
    reports: Iterable[FigureReport], *, by: str = "contributor", combine: str = "largest"
) -> FiguresTable:
    """Group troop figures into one row per country and year and combine each group.

    "largest" is the default because the same troops are reported again and again; "latest"
    takes the most recently dated article's figure; "sum" adds every report. Figures with no
    year form the "undated" row of their country rather than being dropped.
    """
    if by not in BY_CHOICES:
        raise ValueError(f"--by must be one of {', '.join(BY_CHOICES)}")
    if combine not in COMBINE_CHOICES:
        raise ValueError(f"--combine must be one of {', '.join(COMBINE_CHOICES)}")
    groups: dict[tuple[str, int | None], list[FigureReport]] = {}
    for report in reports:
        country = report.figure.contributor if by == "contributor" else report.figure.host
        if not country or report.value is None:
            continue
        groups.setdefault((country, report.figure.year), []).append(report)
    rows = []
    for (country, year), group in groups.items():
        values = [r.value for r in group]
        if combine == "largest":
            value = max(values)
        elif combine == "sum":
            value = sum(values)
        else:
            latest = max(group, key=lambda r: (r.article_date or "", r.article_id))
            value = latest.value
        rows.append(FigureRow(country, year, value, group))
    rows.sort(key=lambda r: (r.country, r.year is None, r.year or 0))
    return FiguresTable(by, combine, rows)


def _plain_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"

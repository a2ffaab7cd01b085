"""Troop figures by country and year: the table behind the chart and `briefing figures`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing_app.core.country_colours import country_colour
from briefing_app.core.extract.records import Figure

BY_CHOICES = ("contributor", "host")
COMBINE_CHOICES = ("largest", "latest", "sum")
UNDATED = "undated"
# Every kind of troop figure extraction tells apart, troops on the ground first.
KINDS = ("deployment", "presence", "withdrawal", "relocation", "request", "ceiling", "exercise")
# Exercises, requests, ceilings (and withdrawals, relocations) are not troops on the ground: a
# 100,000-strong exercise charted beside 800 deployed soldiers misleads. The user adds them.
DEFAULT_KINDS = ("deployment", "presence")


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

    @property
    def kind(self) -> str:
        """The figure's kind; extraction's default, a deployment, when it gave none."""
        return self.figure.troop_kind or "deployment"


def year_label(year: int | None) -> str:
    """ "2016", or "undated" for figures without a year: every face labels a year so."""
    return str(year) if year is not None else UNDATED


def year_groups(rows: Iterable[FigureRow]) -> list[int | None]:
    """The years of `rows` in order, then None when any row has no year: the chart's columns."""
    rows = list(rows)
    groups: list[int | None] = [*sorted({r.year for r in rows if r.year is not None})]
    if any(r.year is None for r in rows):
        groups.append(None)
    return groups


@dataclass
class FigureRow:
    country: str
    year: int | None
    value: float
    reports: list[FigureReport] = field(default_factory=list)

    @property
    def year_label(self) -> str:
        return year_label(self.year)

    @property
    def article_ids(self) -> list[int]:
        return sorted({r.article_id for r in self.reports})

    @property
    def low(self) -> float:
        """The smallest number any report gives (a range counts by its low end)."""
        return min(_report_low(r) for r in self.reports) if self.reports else self.value

    @property
    def high(self) -> float:
        return max(_report_high(r) for r in self.reports) if self.reports else self.value

    @property
    def disputed(self) -> bool:
        """The reports of this country and year disagree: the chart draws their spread."""
        return self.high > self.low

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "year": self.year,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "reports": len(self.reports),
            "article_ids": self.article_ids,
            "articles": sorted({r.article_title for r in self.reports}),
            "each_report": [
                {
                    "value": r.value,
                    "kind": r.kind,
                    "article_id": r.article_id,
                    "article": r.article_title,
                    "date": r.article_date,
                }
                for r in self.reports
            ],
        }


@dataclass
class FiguresTable:
    by: str
    combine: str
    rows: list[FigureRow]
    kinds: tuple[str, ...] = KINDS
    # Reports of the kinds not drawn: kind -> (how many, the largest number among them).
    left_out: dict[str, tuple[int, float]] = field(default_factory=dict)

    def only(self, countries: Iterable[str]) -> FiguresTable:
        """The same table cut down to `countries` (in any order)."""
        keep = set(countries)
        rows = [r for r in self.rows if r.country in keep]
        return FiguresTable(self.by, self.combine, rows, self.kinds, dict(self.left_out))

    def left_out_text(self) -> str:
        """ "left out: 1 exercise (100,000), 2 requests" — what the kinds chosen hide."""
        if not self.left_out:
            return ""
        parts = []
        for kind in KINDS:
            if kind in self.left_out:
                count, largest = self.left_out[kind]
                plural = "s" if count != 1 else ""
                parts.append(f"{count} {kind}{plural} (up to {largest:,.0f})")
        return "left out: " + ", ".join(parts)

    def countries(self) -> list[str]:
        """Countries, the largest total first, so the chart's legend reads by weight."""
        totals: dict[str, float] = {}
        for row in self.rows:
            totals[row.country] = totals.get(row.country, 0) + row.value
        return sorted(totals, key=lambda c: (-totals[c], c))

    def years(self) -> list[int]:
        return [year for year in year_groups(self.rows) if year is not None]

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
        writer.writerow(
            [
                self.by,
                "year",
                "troops",
                "lowest",
                "highest",
                "reports",
                "each report",
                "articles",
                "colour",
            ]
        )
        for row in self.rows:
            writer.writerow(
                [
                    row.country,
                    row.year_label,
                    _plain_number(row.value),
                    _plain_number(row.low),
                    _plain_number(row.high),
                    len(row.reports),
                    # Every report with its article, so a disagreement can be checked.
                    "; ".join(
                        f"{_plain_number(r.value or 0)} {r.kind} ({r.article_title})"
                        for r in row.reports
                    ),
                    "; ".join(sorted({r.article_title for r in row.reports})),
                    # The country's colour in every view, for charts drawn from this file.
                    country_colour(row.country),
                ]
            )
        return out.getvalue()

    def to_dicts(self) -> list[dict]:
        return [row.to_dict() for row in self.rows]


def troop_value(figure: Figure) -> float | None:
    """The number a chart draws for a figure: its count, or a range's midpoint."""
    low = figure.low if figure.low is not None else figure.high
    high = figure.high if figure.high is not None else figure.low
    if low is None or high is None:
        return None
    return (low + high) / 2


def build_table(
    reports: Iterable[FigureReport],
    *,
    by: str = "contributor",
    combine: str = "largest",
    kinds: Iterable[str] | None = None,
) -> FiguresTable:
    """Group troop figures into one row per country and year and combine each group.

    "largest" is the default because the same troops are reported again and again; "latest"
    takes the most recently dated article's figure; "sum" adds every report. Figures with no
    year form the "undated" row of their country rather than being dropped. Only figures of
    `kinds` are counted (all kinds when None); the others are tallied in `left_out`.
    """
    if by not in BY_CHOICES:
        raise ValueError(f"--by must be one of {', '.join(BY_CHOICES)}")
    if combine not in COMBINE_CHOICES:
        raise ValueError(f"--combine must be one of {', '.join(COMBINE_CHOICES)}")
    chosen = tuple(k for k in KINDS if kinds is None or k in set(kinds))
    unknown = set(kinds or ()) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kind {sorted(unknown)[0]!r}: use {', '.join(KINDS)}")
    groups: dict[tuple[str, int | None], list[FigureReport]] = {}
    left_out: dict[str, tuple[int, float]] = {}
    for report in reports:
        country = report.figure.contributor if by == "contributor" else report.figure.host
        if not country or report.value is None:
            continue
        if report.kind not in chosen:
            count, largest = left_out.get(report.kind, (0, 0.0))
            left_out[report.kind] = (count + 1, max(largest, report.value))
            continue
        groups.setdefault((country, report.figure.year), []).append(report)
    rows = []
    for (country, year), group in groups.items():
        # Reports without a value were skipped above; the filter says so to the type checker.
        values = [r.value for r in group if r.value is not None]
        if combine == "largest":
            value = max(values)
        elif combine == "sum":
            value = sum(values)
        else:
            latest = max(group, key=lambda r: (r.article_date or "", r.article_id))
            value = latest.value if latest.value is not None else 0.0
        rows.append(FigureRow(country, year, value, group))
    rows.sort(key=lambda r: (r.country, r.year is None, r.year or 0))
    return FiguresTable(by, combine, rows, chosen, left_out)


def parse_kinds(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """Kinds from "deployment,presence" or a list; "all" is every kind; None the default."""
    if text is None:
        return DEFAULT_KINDS
    items = text.split(",") if isinstance(text, str) else list(text)
    names = [k.strip().lower() for k in items if k.strip()]
    if names == ["all"]:
        return KINDS
    aliases = {k + "s": k for k in KINDS}
    names = [aliases.get(n, n) for n in names]
    unknown = [n for n in names if n not in KINDS]
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r}: use {', '.join(KINDS)} or all")
    return tuple(k for k in KINDS if k in names)


def _report_low(report: FigureReport) -> float:
    return _bound(report.figure.low, report.figure.high)


def _report_high(report: FigureReport) -> float:
    return _bound(report.figure.high, report.figure.low)


def _bound(own: float | None, other: float | None) -> float:
    """One end of a figure's range; a single number is both ends."""
    value = own if own is not None else other
    if value is None:  # a row holds only figures with a number (build_table)
        raise TypeError("a troop figure without a number")
    return float(value)


def _plain_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"

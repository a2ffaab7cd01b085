"""The briefing's troop chart as plain drawing primitives, so the SVG and the PDF draw the same chart.

Units are points (1/72 inch). Every country is drawn in its own colour and hatching
(`country_colours`), the same as in the window, so the chart reads in colour and on black-and-white
paper alike: each bar carries its value and year, lines carry marker shapes and their country's
name, and a library too large for bars becomes a country × year matrix with every number in it.
Hatching is computed here as clipped line segments rather than left to a renderer's pattern
brush, whose density would depend on the device.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from briefing_app.core.country_colours import country_style
from briefing_app.core.figures import FigureRow, FiguresTable, year_groups, year_label

FONT_SIZE = 7.5
MAX_BAR_COUNTRIES = 14
MAX_BARS = 60
MAX_LINE_COUNTRIES = 8

MARKERS = ["circle", "square", "triangle", "diamond", "circle-open", "square-open"]
DASHES: list[tuple[float, ...] | None] = [None, (4, 2), (1.2, 1.6), (5, 2, 1.2, 2)]


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: float | str | None = None  # grey level, a "#rrggbb" colour, None for no fill
    stroke: float = 0.0  # outline width, 0 for none
    stroke_grey: float = 0.0


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    grey: float = 0.0
    dash: tuple[float, ...] | None = None
    colour: str | None = None  # "#rrggbb", else the grey level


@dataclass
class Polygon:
    points: list[tuple[float, float]]
    fill: float | str | None = 0.0
    stroke: float = 0.5


@dataclass
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = FONT_SIZE
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    grey: float = 0.0


Shape = Rect | Line | Polygon | Text


@dataclass
class ChartDrawing:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # countries left out for space
    kind: str = "bars"  # bars | lines | matrix: what was drawn in the end

    @property
    def empty(self) -> bool:
        return not self.shapes


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """A generous estimate of a sans-serif string's width, good enough to reserve space."""
    return len(text) * size * 0.56


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round axis values from 0 to at least `maximum`: 0, 250, 500 … not 0, 233, 466."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < maximum:
        ticks.append(ticks[-1] + step)
    return ticks


def number(value: float) -> str:
    return f"{value:,.0f}"


def compact(value: float) -> str:
    """A number for a small cell: 800, 1.2k, 12k, 100k."""
    if value < 1000:
        return f"{value:,.0f}"
    if value < 10000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{value / 1000:,.0f}k"


def log_ticks(low: float, high: float) -> list[float]:
    """Powers of ten from below `low` to above `high`: 10, 100, 1,000 …"""
    first = 10 ** math.floor(math.log10(max(low, 1)))
    ticks = [float(first)]
    while ticks[-1] < high:
        ticks.append(ticks[-1] * 10)
    if len(ticks) < 2:
        ticks.append(ticks[-1] * 10)
    return ticks


class Axis:
    """Maps troop numbers to a length along the axis, linearly or on a log scale."""

    def __init__(self, values: list[float], length: float, scale: str = "linear") -> None:
        self.log = scale == "log"
        positive = [v for v in values if v > 0] or [1.0]
        self.ticks = (
            log_ticks(min(positive), max(positive)) if self.log else nice_ticks(max(values))
        )
        self.length = length

    def at(self, value: float) -> float:
        if self.log:
            lo, hi = math.log10(self.ticks[0]), math.log10(self.ticks[-1])
            return (math.log10(max(value, self.ticks[0])) - lo) / (hi - lo) * self.length
        return value / self.ticks[-1] * self.length


def country_bar(rect: Rect, country: str) -> list[Shape]:
    """A bar in its country's colour and hatching, outlined: legible in colour and in grey."""
    style = country_style(country)
    shapes: list[Shape] = [Rect(rect.x, rect.y, rect.w, rect.h, style.colour, 0)]
    if isinstance(style.hatch, str):  # "dots", the one named hatching (HATCHES)
        step = 2.4
        y = rect.y + step / 2
        while y < rect.y + rect.h:
            x = rect.x + step / 2
            while x < rect.x + rect.w - 0.4:
                shapes.append(Rect(x, y, 0.6, 0.6, 0.0, 0))
                x += step
            y += step
    else:
        for angle in style.hatch:
            shapes += hatch_lines(rect, angle, 2.4, 0.35)
    shapes.append(Rect(rect.x, rect.y, rect.w, rect.h, None, 0.5))
    return shapes


def spread(row: FigureRow, axis: Axis, left: float, y: float) -> list[Shape]:
    """A whisker from the lowest to the highest report of a disputed cell, with end caps."""
    x1, x2 = left + axis.at(row.low), left + axis.at(row.high)
    return [
        Line(x1, y, x2, y, 0.8),
        Line(x1, y - 2.2, x1, y + 2.2, 0.8),
        Line(x2, y - 2.2, x2, y + 2.2, 0.8),
    ]


def draw(
    table: FiguresTable, width: float, style: str = "bars", scale: str = "linear"
) -> ChartDrawing:
    """The chart of `table` in `style`, on a linear or log troop axis.

    Bars that would not read (more than MAX_BAR_COUNTRIES countries, or more than MAX_BARS
    bars) become a country × year matrix with the number in every cell, so every country's
    numbers stay on the page however large the library.
    """
    if style == "matrix" or (
        style == "bars"
        and (len(table.countries()) > MAX_BAR_COUNTRIES or len(table.rows) > MAX_BARS)
    ):
        return draw_matrix(table, width)
    if (
        style == "lines"
        and len(table.years()) >= 2
        and len(table.countries()) <= MAX_LINE_COUNTRIES
    ):
        return draw_lines(table, width, scale)
    if style == "lines":
        return (
            draw_matrix(table, width)
            if len(table.rows) > MAX_BARS
            else draw_bars(table, width, scale)
        )
    return draw_bars(table, width, scale)


def hatch_lines(rect: Rect, angle: float, spacing: float, width: float = 0.45) -> list[Line]:
    """Parallel lines at `angle` degrees across `rect`, clipped to it."""
    lines = []
    theta = math.radians(angle)
    dx, dy = math.cos(theta), -math.sin(theta)  # direction (y grows downwards)
    nx, ny = -dy, dx  # normal
    corners = [
        (rect.x, rect.y),
        (rect.x + rect.w, rect.y),
        (rect.x, rect.y + rect.h),
        (rect.x + rect.w, rect.y + rect.h),
    ]
    offsets = [cx * nx + cy * ny for cx, cy in corners]
    k = math.ceil(min(offsets) / spacing)
    while k * spacing <= max(offsets):
        c = k * spacing
        segment = _clip_line(rect, nx, ny, c, dx, dy)
        if segment is not None:
            (x1, y1), (x2, y2) = segment
            lines.append(Line(x1, y1, x2, y2, width, 0.0))
        k += 1
    return lines


def _clip_line(
    rect: Rect, nx: float, ny: float, c: float, dx: float, dy: float
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    # The line {p : p·n = c}, parametrised from its point nearest the origin along (dx, dy).
    px, py = nx * c, ny * c
    t0, t1 = -math.inf, math.inf
    for p, d, lo, hi in ((px, dx, rect.x, rect.x + rect.w), (py, dy, rect.y, rect.y + rect.h)):
        if abs(d) < 1e-12:
            if p < lo or p > hi:
                return None
            continue
        a, b = (lo - p) / d, (hi - p) / d
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
    if t1 - t0 < 0.3:
        return None
    return (px + t0 * dx, py + t0 * dy), (px + t1 * dx, py + t1 * dy)


def _legend(
    entries: list[tuple[str, list[Shape]]], y: float, width: float
) -> tuple[list[Shape], float]:
    """Entries laid out left to right, wrapping; returns the shapes and the height used."""
    shapes: list[Shape] = []
    x, row_y = 0.0, y
    for label, swatch in entries:
        needed = 16 + text_width(label) + 12
        if x > 0 and x + needed > width:
            x, row_y = 0.0, row_y + 13
        for shape in swatch:
            shapes.append(_moved(shape, x, row_y))
        shapes.append(Text(x + 15, row_y + 7.5, label))
        x += needed
    return shapes, row_y - y + 13


def _moved(shape: Shape, dx: float, dy: float) -> Shape:
    if isinstance(shape, Rect):
        return Rect(shape.x + dx, shape.y + dy, shape.w, shape.h, shape.fill, shape.stroke)
    if isinstance(shape, Line):
        return Line(
            shape.x1 + dx,
            shape.y1 + dy,
            shape.x2 + dx,
            shape.y2 + dy,
            shape.width,
            shape.grey,
            shape.dash,
            shape.colour,
        )
    if isinstance(shape, Polygon):
        return Polygon([(x + dx, y + dy) for x, y in shape.points], shape.fill, shape.stroke)
    return Text(shape.x + dx, shape.y + dy, shape.text, shape.size, shape.anchor, shape.bold)


def draw_bars(table: FiguresTable, width: float, scale: str = "linear") -> ChartDrawing:
    """Horizontal bars grouped by country, one bar per year in the country's colour, the
    largest country first; a whisker marks where reports of one cell disagree."""
    countries = table.countries()
    chart = ChartDrawing(width, 0)
    if not countries:
        return chart
    years = year_groups(table.rows)
    label_w = min(max(text_width(c) for c in countries) + 8, width * 0.3)
    value_w = text_width("000,000 (undated) 000,000–000,000") + 4
    left, right = label_w, width - value_w
    top = 4.0
    values = [r.value for r in table.rows] + [r.high for r in table.rows]
    values += [r.low for r in table.rows]
    axis = Axis(values, right - left, scale)
    bar_h, bar_gap, group_gap = 8.5, 1.5, 7.0

    y = top + group_gap / 2
    groups = []
    for country in countries:
        rows = [table.cell(country, year) for year in years]
        present = [(year, row) for year, row in zip(years, rows, strict=True) if row is not None]
        group_h = len(present) * bar_h + (len(present) - 1) * bar_gap
        groups.append((country, present, y, group_h))
        y += group_h + group_gap
    bottom = y - group_gap / 2

    for tick in axis.ticks:  # gridlines first, so bars sit on top
        x = left + axis.at(tick)
        first = tick == axis.ticks[0]
        chart.shapes.append(Line(x, top, x, bottom, 0.35, 0.0 if first else 0.75))
        chart.shapes.append(Text(x, bottom + 10, number(tick), FONT_SIZE - 0.5, "middle", grey=0.2))
    chart.shapes.append(Line(left, bottom, right, bottom, 0.5))
    troops = "troops (log scale)" if axis.log else "troops"
    chart.shapes.append(Text(right, bottom + 20, troops, FONT_SIZE - 0.5, "end", grey=0.3))
    for country, present, gy, group_h in groups:
        label = country if text_width(country) + 8 <= label_w else _shorten(country, label_w - 8)
        chart.shapes.append(Text(left - 5, gy + group_h / 2 + 2.7, label, anchor="end"))
        for i, (year, row) in enumerate(present):
            by = gy + i * (bar_h + bar_gap)
            w = max(axis.at(row.value), 0.8)
            chart.shapes += country_bar(Rect(left, by, w, bar_h), country)
            text = f"{number(row.value)} ({year_label(year)})"
            end = w
            if row.disputed:
                chart.shapes += spread(row, axis, left, by + bar_h / 2)
                text += f" reports {number(row.low)}–{number(row.high)}"
                end = max(w, axis.at(row.high))
            chart.shapes.append(Text(left + end + 3, by + bar_h - 2, text, FONT_SIZE - 0.5))
    chart.height = bottom + 24
    return chart


def draw_lines(table: FiguresTable, width: float, scale: str = "linear") -> ChartDrawing:
    """One line per country over the dated years in its colour, with a marker and dash of its own."""
    countries = table.countries()[:MAX_LINE_COUNTRIES]
    chart = ChartDrawing(width, 0, kind="lines")
    chart.omitted = table.countries()[MAX_LINE_COUNTRIES:]
    years = table.years()
    entries = []
    for country in countries:
        i = country_style(country).slot
        colour = country_style(country).colour
        swatch: list[Shape] = [Line(0, 4.5, 12, 4.5, 1.2, 0.0, DASHES[i % len(DASHES)])]
        swatch += _marker(6, 4.5, i, colour)
        entries.append((country, swatch))
    legend, legend_h = _legend(entries, 0, width)
    chart.shapes += legend
    top, bottom = legend_h + 20, legend_h + 20 + 170
    axis_w = text_width("000,000") + 6
    left, right = axis_w, width - 10
    dated = [r for r in table.rows if r.year is not None and r.country in countries]
    axis = Axis([r.high for r in dated] + [r.low for r in dated] or [1.0], bottom - top, scale)
    step = (right - left) / max(len(years) - 1, 1)
    xs = {year: left + i * step for i, year in enumerate(years)}
    labelled: dict[int, list[float]] = {}
    for tick in axis.ticks:
        y = bottom - axis.at(tick)
        first = tick == axis.ticks[0]
        chart.shapes.append(Line(left, y, right, y, 0.35, 0.0 if first else 0.75))
        chart.shapes.append(Text(left - 4, y + 2.5, number(tick), FONT_SIZE - 0.5, "end", grey=0.2))
    for year, x in xs.items():
        chart.shapes.append(Line(x, bottom, x, bottom + 3, 0.5))
        chart.shapes.append(Text(x, bottom + 12, str(year), anchor="middle"))
    for country in countries:
        i = country_style(country).slot
        colour = country_style(country).colour
        cells = [(year, row) for year in years if (row := table.cell(country, year)) is not None]
        points = [(xs[year], bottom - axis.at(row.value)) for year, row in cells]
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            line = Line(x1, y1, x2, y2, 1.2, 0.0, DASHES[i % len(DASHES)])
            line.colour = colour
            chart.shapes.append(line)
        for (year, row), (x, y) in zip(cells, points, strict=True):
            if row.disputed:
                y1, y2 = bottom - axis.at(row.low), bottom - axis.at(row.high)
                chart.shapes += [
                    Line(x, y1, x, y2, 0.8),
                    Line(x - 2, y1, x + 2, y1, 0.8),
                    Line(x - 2, y2, x + 2, y2, 0.8),
                ]
            chart.shapes += _marker(x, y, i, colour)
            # A label that would overprint one already placed at that year is left out: the
            # table beside the chart has every value.
            placed = labelled.setdefault(year, [])
            if any(abs(y - other) < 8 for other in placed):
                continue
            placed.append(y)
            anchor = "end" if xs[year] > right - 20 else "start"
            lx = xs[year] - 5 if anchor == "end" else xs[year] + 5
            chart.shapes.append(Text(lx, y - 4, number(row.value), FONT_SIZE - 1, anchor, grey=0.2))
    troops = "troops (log scale)" if axis.log else "troops"
    chart.shapes.append(Text(0, top - 10, troops, FONT_SIZE - 0.5, grey=0.3))
    if table.undated():
        chart.shapes.append(
            Text(
                right,
                bottom + 24,
                "Undated figures are in the table, not on this chart.",
                FONT_SIZE - 1,
                "end",
                grey=0.3,
            )
        )
    chart.height = bottom + 28
    return chart


def draw_matrix(table: FiguresTable, width: float) -> ChartDrawing:
    """Countries down, years across, the number in every cell shaded by its size: every
    country's figures readable however many there are. A cell whose reports disagree is
    marked with "±" and listed with its spread in the table below the chart."""
    countries = table.countries()
    chart = ChartDrawing(width, 0, kind="matrix")
    if not countries:
        return chart
    years = year_groups(table.rows)
    label_w = min(max(text_width(c, FONT_SIZE - 0.5) for c in countries) + 14, width * 0.28)
    cell_w = (width - label_w) / max(len(years), 1)
    size = max(4.5, min(FONT_SIZE - 0.5, cell_w / 4.2))
    row_h = size + 4.5
    top = 4 + size + 6
    # Column headings: the year, shortened to '17 when the columns are narrow.
    for j, year in enumerate(years):
        text = year_label(year)
        if text_width(text, size) > cell_w - 1:
            text = "'" + text[-2:] if year is not None else "?"
        chart.shapes.append(
            Text(label_w + (j + 0.5) * cell_w, top - 4, text, size, "middle", grey=0.2)
        )
    largest = max(r.value for r in table.rows)
    smallest = min(r.value for r in table.rows)
    span = math.log10(largest) - math.log10(max(smallest, 1)) or 1.0
    for i, country in enumerate(countries):
        y = top + i * row_h
        if i % 2 == 0:
            chart.shapes.append(Rect(0, y, width, row_h, 0.96, 0))
        chart.shapes += country_bar(Rect(0, y + 2, 7, row_h - 4), country)
        label = (
            country
            if text_width(country, size) + 14 <= label_w
            else _shorten(country, label_w - 14)
        )
        chart.shapes.append(Text(10, y + row_h - 3, label, size))
        for j, year in enumerate(years):
            row = table.cell(country, year)
            if row is None:
                continue
            # Darker for larger numbers, on a log scale so 800 and 100,000 both show.
            level = (math.log10(max(row.value, 1)) - math.log10(max(smallest, 1))) / span
            grey = 0.93 - 0.55 * level
            x = label_w + j * cell_w
            chart.shapes.append(Rect(x + 0.5, y + 0.5, cell_w - 1, row_h - 1, grey, 0))
            text = compact(row.value) + ("±" if row.disputed else "")
            chart.shapes.append(
                Text(
                    x + cell_w / 2,
                    y + row_h - 3,
                    text,
                    size,
                    "middle",
                    grey=1.0 if grey < 0.6 else 0.0,
                )
            )
    bottom = top + len(countries) * row_h
    chart.shapes.append(Line(label_w, top, width, top, 0.5))
    chart.shapes.append(Line(label_w, bottom, width, bottom, 0.5))
    chart.shapes.append(
        Text(
            width,
            bottom + 10,
            "troops by country and year; darker is more (log shading); ± reports disagree",
            FONT_SIZE - 1,
            "end",
            grey=0.3,
        )
    )
    chart.height = bottom + 14
    return chart


def _marker(x: float, y: float, index: int, colour: str | None = None) -> list[Shape]:
    shape = MARKERS[index % len(MARKERS)]
    fill: float | str = 1.0 if shape.endswith("open") else (colour or 0.0)
    r = 2.6
    if shape.startswith("circle"):
        points = [
            (x + r * math.cos(a / 12 * 2 * math.pi), y + r * math.sin(a / 12 * 2 * math.pi))
            for a in range(12)
        ]
    elif shape.startswith("square"):
        points = [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    elif shape == "triangle":
        points = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    else:
        points = [(x, y - r * 1.3), (x + r, y), (x, y + r * 1.3), (x - r, y)]
    return [Polygon(points, fill, 0.6)]


def _shorten(text: str, width: float) -> str:
    while text and text_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"

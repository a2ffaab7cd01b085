"""The briefing's troop chart as plain drawing primitives, so the SVG and the PDF draw the same chart.

Units are points (1/72 inch). The chart is meant to be read on paper in black and white: every
year has its own grey level or hatching, each bar carries its value and year, and lines carry
marker shapes and their country's name. Hatching is computed here as clipped line segments
rather than left to a renderer's pattern brush, whose density would depend on the device.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from briefing_app.core.figures import FiguresTable

FONT_SIZE = 7.5
MAX_BAR_COUNTRIES = 14
MAX_LINE_COUNTRIES = 8

# (fill grey 0 = black … 1 = white, hatch angle in degrees or None, hatch spacing)
BAR_STYLES: list[tuple[float, float | None, float]] = [
    (0.30, None, 0),
    (1.00, 45, 2.6),
    (0.72, None, 0),
    (1.00, -45, 2.6),
    (0.50, None, 0),
    (1.00, 0, 2.2),
    (0.88, 90, 2.4),
]
MARKERS = ["circle", "square", "triangle", "diamond", "circle-open", "square-open"]
DASHES: list[tuple[float, ...] | None] = [None, (4, 2), (1.2, 1.6), (5, 2, 1.2, 2)]


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: float | None = None  # grey level, None for no fill
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


@dataclass
class Polygon:
    points: list[tuple[float, float]]
    fill: float | None = 0.0
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


def year_categories(table: FiguresTable) -> list[int | None]:
    years: list[int | None] = list(table.years())
    if table.undated():
        years.append(None)
    return years


def year_label(year: int | None) -> str:
    return str(year) if year is not None else "undated"


def draw(table: FiguresTable, width: float, style: str = "bars") -> ChartDrawing:
    if style == "lines" and len(table.years()) >= 2:
        return draw_lines(table, width)
    return draw_bars(table, width)


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


def bar(rect: Rect, index: int) -> list[Shape]:
    grey, angle, spacing = BAR_STYLES[index % len(BAR_STYLES)]
    shapes: list[Shape] = [Rect(rect.x, rect.y, rect.w, rect.h, grey, 0)]
    if angle is not None:
        shapes += hatch_lines(rect, angle, spacing)
    shapes.append(Rect(rect.x, rect.y, rect.w, rect.h, None, 0.6))
    return shapes


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
        )
    if isinstance(shape, Polygon):
        return Polygon([(x + dx, y + dy) for x, y in shape.points], shape.fill, shape.stroke)
    return Text(shape.x + dx, shape.y + dy, shape.text, shape.size, shape.anchor, shape.bold)


def draw_bars(table: FiguresTable, width: float) -> ChartDrawing:
    """Horizontal bars grouped by country, one bar per year, the largest country first."""
    countries = table.countries()
    chart = ChartDrawing(width, 0)
    if not countries:
        return chart
    chart.omitted = countries[MAX_BAR_COUNTRIES:]
    countries = countries[:MAX_BAR_COUNTRIES]
    years = year_categories(table)
    style_of = {year: i for i, year in enumerate(years)}

    legend, legend_h = _legend(
        [(year_label(y), bar(Rect(0, 0, 11, 9), style_of[y])) for y in years], 0, width
    )
    chart.shapes += legend
    label_w = min(max(text_width(c) for c in countries) + 8, width * 0.3)
    value_w = text_width("000,000 (undated)") + 4
    left, right = label_w, width - value_w
    top = legend_h + 8
    maximum = max(row.value for row in table.rows if row.country in countries)
    ticks = nice_ticks(maximum)
    scale = (right - left) / ticks[-1]
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

    for tick in ticks:  # gridlines first, so bars sit on top
        x = left + tick * scale
        chart.shapes.append(Line(x, top, x, bottom, 0.35, 0.75 if tick else 0.0))
        chart.shapes.append(Text(x, bottom + 10, number(tick), FONT_SIZE - 0.5, "middle", grey=0.2))
    chart.shapes.append(Line(left, bottom, right, bottom, 0.5))
    chart.shapes.append(Text(right, bottom + 20, "troops", FONT_SIZE - 0.5, "end", grey=0.3))
    for country, present, gy, group_h in groups:
        label = country if text_width(country) + 8 <= label_w else _shorten(country, label_w - 8)
        chart.shapes.append(Text(left - 5, gy + group_h / 2 + 2.7, label, anchor="end"))
        for i, (year, row) in enumerate(present):
            by = gy + i * (bar_h + bar_gap)
            w = max(row.value * scale, 0.8)
            chart.shapes += bar(Rect(left, by, w, bar_h), style_of[year])
            chart.shapes.append(
                Text(
                    left + w + 3,
                    by + bar_h - 2,
                    f"{number(row.value)} ({year_label(year)})",
                    FONT_SIZE - 0.5,
                )
            )
    chart.height = bottom + 24
    return chart


def draw_lines(table: FiguresTable, width: float) -> ChartDrawing:
    """One line per country over the dated years, with a marker shape per country."""
    countries = table.countries()[:MAX_LINE_COUNTRIES]
    chart = ChartDrawing(width, 0)
    chart.omitted = table.countries()[MAX_LINE_COUNTRIES:]
    years = table.years()
    entries = []
    for i, country in enumerate(countries):
        swatch: list[Shape] = [Line(0, 4.5, 12, 4.5, 1.0, 0.0, DASHES[i % len(DASHES)])]
        swatch += _marker(6, 4.5, i)
        entries.append((country, swatch))
    legend, legend_h = _legend(entries, 0, width)
    chart.shapes += legend
    top, bottom = legend_h + 20, legend_h + 20 + 170
    axis_w = text_width("000,000") + 6
    left, right = axis_w, width - 10
    dated = [r for r in table.rows if r.year is not None and r.country in countries]
    ticks = nice_ticks(max((r.value for r in dated), default=1))
    scale = (bottom - top) / ticks[-1]
    step = (right - left) / max(len(years) - 1, 1)
    xs = {year: left + i * step for i, year in enumerate(years)}
    labelled: dict[int, list[float]] = {}
    for tick in ticks:
        y = bottom - tick * scale
        chart.shapes.append(Line(left, y, right, y, 0.35, 0.75 if tick else 0.0))
        chart.shapes.append(Text(left - 4, y + 2.5, number(tick), FONT_SIZE - 0.5, "end", grey=0.2))
    for year, x in xs.items():
        chart.shapes.append(Line(x, bottom, x, bottom + 3, 0.5))
        chart.shapes.append(Text(x, bottom + 12, str(year), anchor="middle"))
    for i, country in enumerate(countries):
        points = [
            (xs[year], bottom - row.value * scale)
            for year in years
            if (row := table.cell(country, year)) is not None
        ]
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            chart.shapes.append(Line(x1, y1, x2, y2, 1.0, 0.0, DASHES[i % len(DASHES)]))
        for x, y in points:
            chart.shapes += _marker(x, y, i)
        for year in years:
            row = table.cell(country, year)
            if row is None:
                continue
            y = bottom - row.value * scale
            # A label that would overprint one already placed at that year is left out: the
            # table beside the chart has every value.
            placed = labelled.setdefault(year, [])
            if any(abs(y - other) < 8 for other in placed):
                continue
            placed.append(y)
            anchor = "end" if xs[year] > right - 20 else "start"
            x = xs[year] - 5 if anchor == "end" else xs[year] + 5
            chart.shapes.append(Text(x, y - 4, number(row.value), FONT_SIZE - 1, anchor, grey=0.2))
    chart.shapes.append(Text(0, top - 10, "troops", FONT_SIZE - 0.5, grey=0.3))
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


def _marker(x: float, y: float, index: int) -> list[Shape]:
    shape = MARKERS[index % len(MARKERS)]
    fill = 1.0 if shape.endswith("open") else 0.0
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

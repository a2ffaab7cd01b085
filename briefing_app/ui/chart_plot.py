"""The chart's plot: grouped bars or lines per country and year, with labels, spreads and hover.

Each country is drawn in its own colour (`core.country_colours`), each bar carries its number
when there is room, a whisker spans the reports of a cell that disagree, and the axes follow the
data drawn. The tooltip is shown for the bar under the pointer and kept while the pointer rests
on it: Qt's graphics view would otherwise hide it when its own tooltip event finds no item
tooltip, a second after it appeared.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from briefing_app.core.country_colours import country_colour
from briefing_app.core.figures import (
    FigureReport,
    FigureRow,
    FiguresTable,
    year_groups,
    year_label,
)

GROUP_WIDTH = 0.8
MAX_BAR_WIDTH = 0.3  # in year slots: one country's single bar stays a bar, not a wall
MIN_BAR_PIXELS = 6  # narrower bars are not drawn: the country goes to the list instead
LABEL_PIXELS = 26  # a bar this wide carries its number
REPORTS_IN_TOOLTIP = 12


@dataclass
class Hot:
    """A drawn bar or point and the table row behind it, for hover and click."""

    country: str
    row: FigureRow
    x0: float
    x1: float
    y0: float
    y1: float


def representative(row: FigureRow, combine: str) -> FigureReport:
    """The report a click opens: the one whose number the cell shows."""
    if combine == "latest":
        return max(row.reports, key=lambda r: (r.article_date or "", r.article_id))
    return max(row.reports, key=lambda r: (r.value or 0, -r.article_id))


def report_text(report: FigureReport) -> str:
    """A report's number as written: "1,200", or a range "50–60"."""
    f = report.figure
    if f.low is not None and f.high is not None and f.high > f.low:
        return f"{f.low:,.0f}–{f.high:,.0f}"
    return f"{(report.value or 0):,.0f}"


def value_text(row: FigureRow) -> str:
    """The number a cell shows: its value, or the range when its reports all give one range
    (a "50–60 soldiers" drawn as 55 alone would hide that it is a range)."""
    texts = {report_text(r) for r in row.reports}
    if len(texts) == 1 and row.disputed:
        return texts.pop()
    return f"{row.value:,.0f}"


def row_tooltip(row: FigureRow, combine: str) -> str:
    """The cell's number, how it was combined, its spread, and every report with its article."""
    esc = html.escape
    n = len(row.reports)
    how = {"largest": "largest of", "latest": "latest of", "sum": "sum of"}[combine]
    lines = [
        f"<b>{esc(row.country)} · {esc(row.year_label)}: {value_text(row)} troops</b>"
        f"<br><span>{how} {n} report{'s' if n != 1 else ''}</span>"
    ]
    if row.disputed and "–" in value_text(row):
        lines.append(
            f"<br><b>A range: {row.low:,.0f} to {row.high:,.0f}</b> (the whisker on the bar)"
        )
    elif row.disputed:
        lines.append(
            f"<br><b>Reports disagree: {row.low:,.0f} to {row.high:,.0f}</b> (the whisker on the bar)"
        )
    ordered = sorted(row.reports, key=lambda r: (-(r.value or 0), r.article_id))
    for report in ordered[:REPORTS_IN_TOOLTIP]:
        f = report.figure
        mark = " <i>(corrected)</i>" if report.corrected else ""
        date = " · " + esc(report.article_date) if report.article_date else ""
        lines.append(
            f"<p style='margin:4px 0'><b>{report_text(report)}</b> {esc(report.kind)}: "
            f"“{esc(f.sentence or f.text)}”{mark}<br><i>{esc(report.article_title)}</i>{date}</p>"
        )
    if n > REPORTS_IN_TOOLTIP:
        lines.append(f"<p>… and {n - REPORTS_IN_TOOLTIP} more (in the matrix and the CSV)</p>")
    if row.year is None:
        lines.append(
            "<p><i>Undated: neither the sentence nor the article gives a year. "
            "Set the article's date to place it.</i></p>"
        )
    lines.append("<p><i>Click to open the article at this figure.</i></p>")
    return "".join(lines)


class ThousandsAxis(pg.AxisItem):
    """Troop numbers as 12,000 rather than 12000 or 1.2e4; on a log scale, the numbers the
    log10 positions stand for."""

    log = False

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self.log:
            return [f"{10**v:,.0f}" if float(v).is_integer() else "" for v in values]
        return [f"{v:,.0f}" for v in values]

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        if self.log:
            # One tick per power of ten: 10, 100, 1,000 …
            return [
                (1.0, [float(v) for v in range(max(0, math.ceil(minVal)), math.floor(maxVal) + 1)])
            ]
        return super().tickValues(minVal, maxVal, size)


class ChartPlot(pg.PlotWidget):
    """Bars or lines of the chosen countries; emits `rowClicked` with the row under a click."""

    rowClicked = Signal(object)  # FigureRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": ThousandsAxis("left")})
        self.plot = self.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("left", "Troops")
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.setMinimumHeight(120)
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.labels: list[pg.TextItem] = []
        self.spreads: dict[str, pg.ErrorBarItem] = {}
        self.hot: list[Hot] = []
        self.table: FiguresTable | None = None
        self.groups: list[int | None] = []
        self.text_colour = QColor("black")
        self._axis_rows: tuple[list[FigureRow], Any, bool, bool] | None = None
        self.plot.vb.sigResized.connect(lambda _vb: self._fit_axes())
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)
        self.viewport().installEventFilter(self)
        self.viewport().setMouseTracking(True)

    # -- how many countries fit -----------------------------------------------------------------------

    def fitting(self, table: FiguresTable, style: str) -> int:
        """How many of the largest countries fit: as many as keep every bar at least
        MIN_BAR_PIXELS wide, counting only the bars each year really has (lines: ten, the
        colours that stay distinguishable)."""
        countries = table.countries()
        if style == "lines":
            return min(10, len(countries))
        groups = {r.year for r in table.rows}
        width = max(self.plot.vb.width() or self.width() - 80, 100)
        per_group = width / max(len(groups), 3) * GROUP_WIDTH
        room = max(1, int(per_group // MIN_BAR_PIXELS))
        years_of: dict[str, list[int | None]] = {}
        for row in table.rows:
            years_of.setdefault(row.country, []).append(row.year)
        bars: dict[int | None, int] = {}
        for n, country in enumerate(countries):
            for year in years_of[country]:
                bars[year] = bars.get(year, 0) + 1
            if max(bars.values()) > room:
                return max(1, n)
        return len(countries)

    # -- drawing --------------------------------------------------------------------------------------

    def clear_chart(self) -> None:
        self.plot.clear()
        self.bars, self.lines, self.spreads, self.labels, self.hot = {}, {}, {}, [], []
        self.table = None
        self.groups = []
        self._axis_rows = None

    def draw(self, table: FiguresTable, countries: list[str], style: str, log: bool) -> None:
        """Draw `countries` of `table` (in that order) as bars or lines."""
        self.clear_chart()
        self.table = table
        rows = [r for r in table.rows if r.country in set(countries)]
        groups = year_groups(rows)
        self.groups = groups
        x_of = {year: i for i, year in enumerate(groups)}
        axis = self.plot.getAxis("left")
        axis.log = log

        def y(value: float) -> float:
            return math.log10(max(value, 1.0)) if log else value

        # Each year's bars are packed side by side, centred on the year: a country with no
        # figure that year leaves no gap, so sparse libraries get wide, labelled bars. The
        # colour, the list and the tooltip say whose bar it is.
        present: dict[int | None, list[str]] = {}
        for country in countries:
            for r in rows:
                if r.country == country:
                    present.setdefault(r.year, []).append(country)
        most = max((len(v) for v in present.values()), default=1)
        width = min(GROUP_WIDTH / max(1, most), MAX_BAR_WIDTH)
        span = max(len(groups), 3)  # at least three slots wide, so one bar is not a wall
        pixels_per_slot = max(self.plot.vb.width(), 100) / span
        for country in countries:
            colour = QColor(country_colour(country))
            mine = [r for r in rows if r.country == country]
            if style == "bars":
                xs = []
                for r in mine:
                    here = present[r.year]
                    xs.append(x_of[r.year] + width * (here.index(country) - (len(here) - 1) / 2))
                item = pg.BarGraphItem(
                    x=xs,
                    height=[y(r.value) for r in mine],
                    width=width * 0.9,
                    brush=pg.mkBrush(colour),
                    pen=pg.mkPen(colour.darker(140)),
                    name=country,
                )
                self.plot.addItem(item)
                self.bars[country] = item
                for x, r in zip(xs, mine, strict=True):
                    self.hot.append(Hot(country, r, x - width / 2, x + width / 2, 0, y(r.value)))
                    if width * pixels_per_slot >= LABEL_PIXELS:
                        # Over the whisker when there is one, so the two never overlap.
                        self._label(x, y(r.high), value_text(r))
                self._spread(country, xs, mine, y, colour, width, width * pixels_per_slot)
            else:
                self._line(country, mine, x_of, y, colour)
        if None in x_of and len(groups) > 1:
            # Undated figures are a group apart, not a year after the last.
            self.plot.addItem(
                pg.InfiniteLine(
                    pos=x_of[None] - 0.5,
                    angle=90,
                    pen=pg.mkPen(self.text_colour, style=Qt.PenStyle.DashLine, width=0.5),
                )
            )
        self._axis_rows = (rows, y, log, style == "lines")
        self._fit_axes()

    def _fit_axes(self) -> None:
        self._fit_year_axis()
        self._fit_troop_axis()

    def _fit_year_axis(self) -> None:
        """Year labels thinned to what the width holds, "undated" always among them, and
        room at both ends for the outer labels: the axis hides a label that overhangs it,
        which took "undated" away whenever a wide span of years made the slots narrow."""
        groups = self.groups
        if not groups:
            return
        metrics = self.fontMetrics()
        pixels = max(self.plot.vb.width(), 100)
        ticks = [(i, year_label(year)) for i, year in enumerate(groups)]
        fit = max(2, int(pixels // (metrics.horizontalAdvance("0000") + 14)))
        if len(ticks) > min(fit, 16):  # every year keeps its slot; labels thin out
            step = math.ceil(len(ticks) / min(fit, 16))
            last = len(ticks) - 1
            # "undated" keeps its label; the thinned years too near it give way.
            undated = groups[-1] is None
            ticks = [
                t
                for i, t in enumerate(ticks)
                if (undated and i == last) or (i % step == 0 and (not undated or last - i >= step))
            ]
        self.plot.getAxis("bottom").setTicks([ticks])
        span = max(len(groups), 3)
        middle = (len(groups) - 1) / 2
        left, right = middle - span / 2 + 0.1, middle + span / 2 - 0.1
        # Half of each outer label (and a few pixels) inside the axis: in slots, where the
        # slot's width itself depends on the margins, hence the division.
        need_left = (metrics.horizontalAdvance(ticks[0][1]) / 2 + 4) / pixels
        need_right = (metrics.horizontalAdvance(ticks[-1][1]) / 2 + 4) / pixels
        if need_left + need_right < 0.9:
            width = (right - left) / (1 - need_left - need_right)
            left = min(left, ticks[0][0] - need_left * width)
            right = max(right, ticks[-1][0] + need_right * width)
        self.plot.setXRange(left, right, padding=0)

    def _fit_troop_axis(self) -> None:
        """The troop axis follows what is drawn: from zero (on a log scale, from the power of
        ten below the smallest number, so a point at 100 stands clear of the axis) to above the
        largest report with room for the number printed over it. Again on every resize: the
        room is in pixels."""
        if self._axis_rows is None:
            return
        rows, y, log, points = self._axis_rows
        highs = [y(r.high) for r in rows] or [1.0]
        top = max(highs)
        if log:
            lows = [y(r.low) for r in rows] or [0.0]
            bottom = min(math.ceil(min(lows)) - 1, math.floor(top) - 1)
        else:
            bottom = 0.0
        # The label's height (and a little air) as a share of the plot's height.
        pixels = max(self.plot.vb.height(), 60)
        room = min((self.fontMetrics().height() + 8) / pixels, 0.5)
        # top' - top = room * (top' - bottom): the label fits between the bar and the frame.
        ceiling = (top - room * bottom) / (1 - room)
        if points and not log:
            # A line's point near zero sits above the axis, not half under it: half a marker
            # (and a pixel or two) below zero, too little for a tick of its own.
            bottom = -7 / pixels * ceiling
        self.plot.setYRange(bottom, max(ceiling, top * 1.05 if not log else top + 0.1), padding=0)

    def _label(self, x: float, top: float, text: str) -> None:
        label = pg.TextItem(text, color=self.text_colour, anchor=(0.5, 1.0))
        label.setPos(x, top)
        self.plot.addItem(label)
        self.labels.append(label)

    def _spread(
        self,
        country: str,
        xs: list[float],
        rows: list[FigureRow],
        y: Any,
        colour: QColor,
        bar: float = 0.12,
        bar_pixels: float = 20,
    ) -> None:
        disputed = [(x, r) for x, r in zip(xs, rows, strict=True) if r.disputed]
        if not disputed:
            return
        centre = [y(r.value) for _x, r in disputed]
        spread = pg.ErrorBarItem(
            x=np.array([x for x, _r in disputed]),
            y=np.array(centre),
            top=np.array([y(r.high) - c for (_x, r), c in zip(disputed, centre, strict=True)]),
            bottom=np.array([c - y(r.low) for (_x, r), c in zip(disputed, centre, strict=True)]),
            beam=bar * 0.5,
            pen=pg.mkPen(self.text_colour, width=1.2),
        )
        self.plot.addItem(spread)
        self.spreads[country] = spread
        if bar_pixels >= 12:
            # Every report as a tick on the whisker, so two reports read as two (on bars wide
            # enough to carry them; the tooltip lists them anyway).
            points = [(x, y(r.value or 0)) for x, row in disputed for r in row.reports]
            self.plot.addItem(
                pg.ScatterPlotItem(
                    [p[0] for p in points],
                    [p[1] for p in points],
                    symbol="t1",
                    size=6,
                    brush=pg.mkBrush(self.text_colour),
                    pen=None,
                )
            )
        half = bar / 2
        for (x, row), c in zip(disputed, centre, strict=True):  # hovering the whisker counts too
            self.hot.append(Hot(country, row, x - half, x + half, min(c, y(row.low)), y(row.high)))

    def _line(
        self, country: str, rows: list[FigureRow], x_of: dict, y: Any, colour: QColor
    ) -> None:
        dated = sorted((r for r in rows if r.year is not None), key=lambda r: x_of[r.year])
        pen = pg.mkPen(colour, width=2.5)
        line = self.plot.plot(
            [x_of[r.year] for r in dated],
            [y(r.value) for r in dated],
            pen=pen,
            symbol="o",
            symbolBrush=colour,
            symbolPen=pen,
            symbolSize=9,
        )
        self.lines[country] = line
        undated = [r for r in rows if r.year is None]
        if undated:
            # Undated figures are points of their own, never joined to the dated line.
            self.plot.plot(
                [x_of[None]] * len(undated),
                [y(r.value) for r in undated],
                pen=None,
                symbol="d",
                symbolBrush=colour,
                symbolPen=pen,
                symbolSize=11,
            )
        xs = [x_of[r.year] for r in rows]
        self._spread(country, xs, rows, y, colour)
        top = max((y(r.value) for r in rows), default=1)
        pad = max(top * 0.04, 0.05)
        for r in rows:
            x = x_of[r.year]
            self.hot.append(Hot(country, r, x - 0.12, x + 0.12, y(r.value) - pad, y(r.value) + pad))

    def export_image(
        self, path: str, table: FiguresTable, countries: list[str], style: str, log: bool
    ) -> None:
        """Write `countries` of `table` drawn as here (.png, or .svg by the name), at a size
        of its own with a legend beneath, whatever the size of the window's dock.

        Raises OSError when the file was not written."""
        import pyqtgraph.exporters as exporters  # only an export needs them

        columns = 4 if len(countries) > 8 else 2
        legend_height = 24 * math.ceil(len(countries) / columns) + 16
        copy = ChartPlot()
        copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        copy.setPalette(self.palette())
        copy.apply_palette(self.palette())
        copy.resize(1400, 640 + legend_height)
        legend = pg.LegendItem(colCount=columns, labelTextColor=self.text_colour)
        copy.plot.layout.addItem(legend, 4, 1)
        copy.plot.layout.setRowFixedHeight(4, legend_height)
        try:
            copy.show()
            copy.draw(table, countries, style, log)
            for country in countries:
                item = copy.bars.get(country) or copy.lines.get(country)
                if item is not None:
                    legend.addItem(item, country)
            copy.plot.layout.activate()
            if Path(path).suffix.lower() == ".svg":
                exporters.SVGExporter(copy.plot).export(path)
            else:
                exporter = exporters.ImageExporter(copy.plot)
                exporter.parameters()["width"] = 2 * copy.width()  # sharp on a slide
                exporter.export(path)
        finally:
            copy.close()
            copy.deleteLater()
        if not Path(path).is_file():
            raise OSError(f"Could not save {path}.")

    def apply_palette(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        self.text_colour = palette.color(QPalette.ColorRole.Text)
        self.setBackground(base)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(self.text_colour))
            axis.setTextPen(pg.mkPen(self.text_colour))

    # -- hover and click ------------------------------------------------------------------------------

    def hot_at(self, scene_pos: QPointF) -> Hot | None:
        if not self.plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        for hot in self.hot:
            if hot.x0 <= point.x() <= hot.x1 and hot.y0 <= point.y() <= hot.y1:
                return hot
        return None

    def hot_rect(self, hot: Hot) -> QRect:
        """The bar's rectangle in viewport pixels: the tooltip stays while the pointer is in it."""
        rect = self.plot.vb.mapViewToScene(QRectF(hot.x0, hot.y0, hot.x1 - hot.x0, hot.y1 - hot.y0))
        return self.mapFromScene(rect).boundingRect().adjusted(-2, -2, 2, 2)

    def show_tip(self, pos: QPoint) -> bool:
        """Show the tooltip of the bar at viewport `pos`; False when there is none."""
        hot = self.hot_at(self.mapToScene(pos))
        if hot is None or self.table is None:
            QToolTip.hideText()
            return False
        QToolTip.showText(
            self.viewport().mapToGlobal(pos),
            row_tooltip(hot.row, self.table.combine),
            self.viewport(),
            self.hot_rect(hot),
            60_000,  # while the pointer rests on the bar, not Qt's ten seconds
        )
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's API)
        tip = event.type() == QEvent.Type.ToolTip
        if watched is self.viewport() and tip and isinstance(event, QHelpEvent):
            # Answer the resting pointer's tooltip event ourselves: the scene would hide ours.
            self.show_tip(event.pos())
            return True
        return super().eventFilter(watched, event)

    def _hover(self, scene_pos: QPointF) -> None:
        self.show_tip(self.mapFromScene(scene_pos))

    def _click(self, event: Any) -> None:
        hot = self.hot_at(event.scenePos())
        if hot is not None:
            self.rowClicked.emit(hot.row)


__all__ = [
    "ChartPlot",
    "Hot",
    "ThousandsAxis",
    "report_text",
    "representative",
    "row_tooltip",
    "value_text",
]

"""The chart: troop numbers by country and year, as grouped bars or lines, with hover and export."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
import pyqtgraph.exporters as exporters
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.figures import UNDATED
from briefing_app.ui.file_dialogs import save_file_name
from briefing_app.ui.theme import SERIES
from briefing_app.ui.workers import LatestOnly

if TYPE_CHECKING:
    from briefing_app.core.figures import FigureReport, FigureRow, FiguresTable
    from briefing_app.ui.hooks import BriefingHooks
    from briefing_app.ui.session import Session

STYLES = (("Bars", "bars"), ("Lines", "lines"))
BYS = (("By contributor", "contributor"), ("By host", "host"))
COMBINES = (("Largest", "largest"), ("Latest", "latest"), ("Sum", "sum"))
SCOPES = (("Search results", "results"), ("Whole library", "library"))
GROUP_WIDTH = 0.8


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


def row_tooltip(row: FigureRow, combine: str) -> str:
    esc = html.escape
    n = len(row.reports)
    how = {"largest": "largest of", "latest": "latest of", "sum": "sum of"}[combine]
    lines = [
        f"<b>{esc(row.country)} · {esc(row.year_label)}: {row.value:,.0f} troops</b>"
        f"<br><span>{how} {n} report{'s' if n != 1 else ''}</span>"
    ]
    for report in row.reports[:8]:
        f = report.figure
        mark = " <i>(corrected)</i>" if report.corrected else ""
        lines.append(
            f"<p style='margin:4px 0'>“{esc(f.sentence or f.text)}”{mark}<br>"
            f"<i>{esc(report.article_title)}</i>{' · ' + esc(report.article_date) if report.article_date else ''}</p>"
        )
    if n > 8:
        lines.append(f"<p>… and {n - 8} more</p>")
    if row.year is None:
        lines.append(
            "<p><i>Undated: neither the sentence nor the article gives a year. Set the article's date to place it.</i></p>"
        )
    lines.append("<p><i>Click to open the article at this figure.</i></p>")
    return "".join(lines)


class ThousandsAxis(pg.AxisItem):
    """Troop numbers as 12,000 rather than 12000 or 1.2e4; on a log scale, the numbers the
    log10 positions stand for."""

    log = False

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.log:
            return [f"{10**v:,.0f}" if float(v).is_integer() else "" for v in values]
        return [f"{v:,.0f}" for v in values]

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N803
        if self.log:
            # One tick per power of ten: 10, 100, 1,000 …
            return [
                (1.0, [float(v) for v in range(max(0, math.floor(minVal)), math.ceil(maxVal) + 1)])
            ]
        return super().tickValues(minVal, maxVal, size)


class ChartPanel(QWidget):
    figureActivated = Signal(int, int, int)  # article id, start, end in its body
    drawn = Signal(object)  # FiguresTable, after the plot shows it

    def __init__(
        self, session: Session, hooks: BriefingHooks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.hooks = hooks
        self.table: FiguresTable | None = None
        self.result_ids: list[int] | None = None
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.hot: list[Hot] = []
        self._worker = LatestOnly(self)
        self._worker.finished.connect(self.draw)
        self._worker.failed.connect(lambda exc: self.message.setText(f"Chart failed: {exc}"))

        self.style_combo = self._combo(
            STYLES, "Draw as bars grouped by year, or a line per country"
        )
        self.by_combo = self._combo(
            BYS, "Count troops by the country sending them or the one hosting them"
        )
        self.combine_combo = self._combo(
            COMBINES,
            "How several reports for one country and year combine: the largest (the same troops are "
            "reported again and again), the latest article's, or their sum",
        )
        self.scope_combo = self._combo(
            SCOPES, "Chart the current search results or the whole library"
        )
        self.export_button = QToolButton(self)
        self.export_button.setText("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        self.log_button = QToolButton(self)
        self.log_button.setText("Log scale")
        self.log_button.setCheckable(True)
        self.log_button.setToolTip(
            "A logarithmic troop axis, so a 100,000-strong exercise does not flatten the rest"
        )
        self.log_button.toggled.connect(
            lambda _on: self.table is not None and self.draw(self.table)
        )
        for label, suffix in (
            ("PNG image…", ".png"),
            ("SVG image…", ".svg"),
            ("CSV data…", ".csv"),
        ):
            self.export_menu.addAction(
                label, lambda _checked=False, s=suffix: self.choose_export(s)
            )
        self.briefing_button = QToolButton(self)
        self.briefing_button.setText("Add to briefing")
        self.briefing_button.clicked.connect(self._add_to_briefing)
        self.briefing_button.hide()
        self.message = QLabel(self)
        self.message.setObjectName("muted")

        pg.setConfigOptions(antialias=True)
        # The legend sits in its own column beside the plot so it never hides a bar.
        self.plot_widget = pg.GraphicsLayoutWidget(self)
        self.plot = self.plot_widget.addPlot(0, 0, axisItems={"left": ThousandsAxis("left")})
        self.legend = pg.LegendItem(offset=None, verSpacing=-2)
        self.plot_widget.addItem(self.legend, 0, 1)
        self.plot_widget.ci.layout.setColumnStretchFactor(0, 1)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("left", "Troops")
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot_widget.scene().sigMouseMoved.connect(self._hover)
        self.plot_widget.scene().sigMouseClicked.connect(self._click)

        controls = QHBoxLayout()
        controls.setContentsMargins(8, 4, 8, 0)
        controls.setSpacing(6)
        for widget in (self.style_combo, self.by_combo, self.combine_combo, self.scope_combo):
            controls.addWidget(widget)
        controls.addWidget(self.log_button)
        controls.addWidget(self.message, 1)
        controls.addWidget(self.briefing_button)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(controls)
        layout.addWidget(self.plot_widget, 1)
        self.apply_palette()

    def _combo(self, items: tuple[tuple[str, str], ...], tip: str) -> QComboBox:
        combo = QComboBox(self)
        for label, value in items:
            combo.addItem(label, value)
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    # -- configuration ------------------------------------------------------------------------------

    def config(self) -> dict[str, Any]:
        return {
            "by": self.by_combo.currentData(),
            "combine": self.combine_combo.currentData(),
            "scope": self.scope_combo.currentData(),
            "style": self.style_combo.currentData(),
            "scale": "log" if self.log_button.isChecked() else "linear",
        }

    def set_config(self, config: dict[str, Any]) -> None:
        combos = {
            "by": self.by_combo,
            "combine": self.combine_combo,
            "scope": self.scope_combo,
            "style": self.style_combo,
        }
        for key, combo in combos.items():
            i = combo.findData(config.get(key))
            if i >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(i)
                combo.blockSignals(False)
        self.log_button.blockSignals(True)
        self.log_button.setChecked(config.get("scale") == "log")
        self.log_button.blockSignals(False)
        self.refresh()

    def set_result_ids(self, ids: list[int]) -> None:
        """The current search's articles; the chart follows them when scoped to results."""
        self.result_ids = list(ids)
        if self.scope_combo.currentData() == "results":
            self.refresh()

    def refresh(self) -> None:
        config = self.config()
        ids = self.result_ids if config["scope"] == "results" else None
        workspace = self.session.workspace
        self._worker.submit(
            lambda: workspace.figures_table(
                by=config["by"], combine=config["combine"], article_ids=ids
            )
        )

    # -- drawing --------------------------------------------------------------------------------------

    def apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        self.plot_widget.setBackground(base)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.legend.setLabelTextColor(text)
        self.legend.setBrush(pg.mkBrush(QColor(base.red(), base.green(), base.blue(), 220)))
        self.legend.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
        if self.table is not None:
            self.draw(self.table)

    def groups(self, table: FiguresTable) -> list[int | None]:
        """x positions, left to right: each year, then "undated" when any figure lacks a year."""
        groups: list[int | None] = list(table.years())
        if table.undated():
            groups.append(None)
        return groups

    def draw(self, table: FiguresTable) -> None:
        self.table = table
        self.plot.clear()
        self.legend.clear()
        # An empty legend would still draw its frame: an empty box beside an empty plot.
        self.legend.setVisible(bool(table.rows))
        self.bars, self.lines, self.hot = {}, {}, []
        groups = self.groups(table)
        countries = table.countries()
        x_of = {year: i for i, year in enumerate(groups)}
        config = self.config()
        if not table.rows:
            self.message.setText("No troop figures with a number in these articles.")
            self.plot.getAxis("bottom").setTicks([[]])
            self.drawn.emit(table)
            return
        scope = "search results" if config["scope"] == "results" else "whole library"
        mark = "point" if config["style"] == "lines" else "bar"
        self.message.setText(
            f"{len(countries)} {'country' if len(countries) == 1 else 'countries'} · "
            f"{len(table.rows)} cells · {scope} · hover a {mark} for its sources, click to open"
        )
        width = GROUP_WIDTH / max(1, len(countries))
        log = self.log_button.isChecked()
        self.plot.getAxis("left").log = log

        def y(value: float) -> float:
            return math.log10(max(value, 1.0)) if log else value

        top = y(max(r.value for r in table.rows))
        for n, country in enumerate(countries):
            color = QColor(SERIES[n % len(SERIES)])
            rows = [r for r in table.rows if r.country == country]
            if config["style"] == "bars":
                offset = -GROUP_WIDTH / 2 + width * (n + 0.5)
                xs = [x_of[r.year] + offset for r in rows]
                item = pg.BarGraphItem(
                    x=xs,
                    height=[y(r.value) for r in rows],
                    width=width * 0.92,
                    brush=pg.mkBrush(color),
                    pen=pg.mkPen(color.darker(130)),
                    name=country,
                )
                self.plot.addItem(item)
                self.legend.addItem(item, country)
                self.bars[country] = item
                for x, r in zip(xs, rows, strict=True):
                    self.hot.append(Hot(country, r, x - width / 2, x + width / 2, 0, y(r.value)))
            else:
                dated = sorted((r for r in rows if r.year is not None), key=lambda r: r.year)
                pen = pg.mkPen(color, width=2.5)
                line = self.plot.plot(
                    [x_of[r.year] for r in dated],
                    [y(r.value) for r in dated],
                    pen=pen,
                    symbol="o",
                    symbolBrush=color,
                    symbolPen=pen,
                    symbolSize=9,
                )
                self.legend.addItem(line, country)
                self.lines[country] = line
                undated = [r for r in rows if r.year is None]
                if undated:
                    # Undated figures are points of their own, never joined to the dated line.
                    self.plot.plot(
                        [x_of[None]] * len(undated),
                        [y(r.value) for r in undated],
                        pen=None,
                        symbol="d",
                        symbolBrush=color,
                        symbolPen=pen,
                        symbolSize=11,
                    )
                pad = top * 0.04
                for r in rows:
                    x = x_of[r.year]
                    self.hot.append(
                        Hot(country, r, x - 0.12, x + 0.12, y(r.value) - pad, y(r.value) + pad)
                    )
        if None in x_of and len(groups) > 1:
            # Undated figures are a group apart, not a year after the last.
            divider = pg.InfiniteLine(
                pos=x_of[None] - 0.5,
                angle=90,
                pen=pg.mkPen(
                    self.palette().color(QPalette.ColorRole.Mid), style=Qt.PenStyle.DashLine
                ),
            )
            self.plot.addItem(divider)
        ticks = [(i, UNDATED if year is None else str(year)) for i, year in enumerate(groups)]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(-0.6, len(groups) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.12, padding=0)
        self.drawn.emit(table)

    # -- hover and click ------------------------------------------------------------------------------

    def hot_at(self, scene_pos: QPointF) -> Hot | None:
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        for hot in self.hot:
            if hot.x0 <= point.x() <= hot.x1 and hot.y0 <= point.y() <= hot.y1:
                return hot
        return None

    def _hover(self, scene_pos: QPointF) -> None:
        hot = self.hot_at(scene_pos)
        if hot is None or self.table is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), row_tooltip(hot.row, self.table.combine), self.plot_widget)

    def _click(self, event: Any) -> None:
        hot = self.hot_at(event.scenePos())
        if hot is not None:
            self.open_row(hot.row)

    def open_row(self, row: FigureRow) -> None:
        report = representative(row, self.table.combine if self.table else "largest")
        self.figureActivated.emit(report.article_id, report.figure.start, report.figure.end)

    # -- export ---------------------------------------------------------------------------------------

    def export(self, path: str) -> None:
        """Write the chart as PNG or SVG, or its data as CSV, by the file's extension.

        Raises OSError with a readable message when the file cannot be written.
        """
        suffix = Path(path).suffix.lower()
        if suffix == ".csv":
            Path(path).write_text(self.table.to_csv() if self.table else "", encoding="utf-8")
            return
        # Qt's image and SVG writers only report failure quietly (a False or a warning), so
        # check the folder first and the result after: the user must not be told "Saved".
        folder = Path(path).parent
        if not folder.is_dir():
            raise OSError(f"The folder {folder} does not exist.")
        if suffix == ".svg":
            ok = self._export_svg(path)
        else:
            # The whole layout, so the legend beside the plot is in the picture too.
            layout = self.plot_widget.ci
            exporter = exporters.ImageExporter(layout)
            exporter.parameters()["width"] = max(1600, int(layout.sceneBoundingRect().width() * 2))
            ok = bool(exporter.export(path))
        if not ok:
            raise OSError(f"Could not write {path}: check that the folder is writable.")

    def _export_svg(self, path: str) -> bool:
        # pyqtgraph 0.14's SVGExporter cannot parse the SVG paths Qt 6.12 writes (it fails on
        # every plot), so the scene is painted straight into Qt's own SVG generator.
        scene = self.plot_widget.scene()
        rect = self.plot_widget.ci.sceneBoundingRect()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setTitle("Troop figures")
        generator.setSize(rect.size().toSize())
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        painter = QPainter()
        if not painter.begin(generator):
            return False
        scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        return painter.end()

    def choose_export(self, suffix: str = ".png") -> str | None:
        """Ask where to save, then export; returns the path or None when cancelled."""
        filters = {
            ".png": "PNG image (*.png)",
            ".svg": "SVG image (*.svg)",
            ".csv": "CSV data (*.csv)",
        }
        path = save_file_name(
            self,
            "exportChart",
            "Export chart",
            f"troop-figures{suffix}",
            ";;".join(filters.values()),
            filters[suffix],
        )
        if not path:
            return None
        if not Path(path).suffix:
            path += suffix
        try:
            self.export(path)
        except OSError as exc:
            message = exc.strerror and f"Could not save {path}: {exc.strerror}." or str(exc)
            self.message.setText(message)
            # Window-modal and not blocking, like the app's other dialogs.
            self.error_box = QMessageBox(
                QMessageBox.Icon.Warning, "Export chart", message, parent=self
            )
            self.error_box.open()
            return None
        self.message.setText(f"Saved {Path(path).name}")
        return path

    def update_briefing_button(self) -> None:
        self.briefing_button.setVisible(self.hooks.enabled("addChartToBriefing"))

    def _add_to_briefing(self) -> None:
        config = self.config()
        config["article_ids"] = (
            list(self.result_ids or []) if config["scope"] == "results" else None
        )
        self.hooks.addChartToBriefing.emit(config)

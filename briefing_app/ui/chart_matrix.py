"""The chart's matrix view: countries down, years across, the number in every cell.

A heat map that reads with 60 countries as with 3: each cell shows its number and is shaded by
its size on a log scale (so 800 and 100,000 both show), a "±" marks a cell whose reports
disagree, and the row header carries the country's own colour, as on the bars.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from briefing_app.core.country_colours import country_colour
from briefing_app.core.figures import FigureRow, FiguresTable, year_groups, year_label
from briefing_app.ui.chart_plot import value_text

Index = QModelIndex | QPersistentModelIndex


def swatch(country: str, size: int = 12) -> QPixmap:
    """A square of the country's colour, for list entries and row headers."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(country_colour(country)))
    return pixmap


class FiguresMatrixModel(QAbstractTableModel):
    """A FiguresTable as a country × year grid; `tooltip` formats a cell's reports."""

    def __init__(self, tooltip: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.tooltip = tooltip
        self.table: FiguresTable | None = None
        self.countries: list[str] = []
        self.years: list[int | None] = []
        self.cells: dict[tuple[str, int | None], FigureRow] = {}
        self._low = self._high = 0.0

    def set_table(self, table: FiguresTable, countries: list[str]) -> None:
        self.beginResetModel()
        self.table = table
        self.countries = list(countries)
        self.cells = {(r.country, r.year): r for r in table.rows if r.country in set(countries)}
        self.years = year_groups(self.cells.values())
        values = [r.value for r in self.cells.values()] or [1.0]
        self._low = math.log10(max(min(values), 1))
        self._high = math.log10(max(max(values), 1))
        self.endResetModel()

    def row_at(self, index: Index) -> FigureRow | None:
        if not index.isValid():
            return None
        return self.cells.get((self.countries[index.row()], self.years[index.column()]))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's API)
        return 0 if parent.isValid() else len(self.countries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's API)
        return 0 if parent.isValid() else len(self.years)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = value_text(row)  # a range reads "50–60", not 55 ±
            return text + (" ±" if row.disputed and "–" not in text else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self.table is not None:
            return self.tooltip(row, self.table.combine)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(78, 121, 167, 40 + round(170 * self._level(row.value)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("white") if self._level(row.value) > 0.6 else QColor("black")
        return None

    def _level(self, value: float) -> float:
        span = self._high - self._low
        return (math.log10(max(value, 1)) - self._low) / span if span else 1.0

    def headerData(  # noqa: N802 (Qt's API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.years):
                year = self.years[section]
                return year_label(year)
            return None
        if section >= len(self.countries):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.countries[section]
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(self.countries[section])
        return None


__all__ = ["FiguresMatrixModel", "swatch"]

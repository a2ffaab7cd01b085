"""The troop chart panel: controls, the plot or matrix, and the country list beside them.

The list beside the chart is its legend and its country picker at once: one entry per country
in scope, in its own colour, the drawn ones ticked, with a box to find a country by name. With
more countries than fit as bars, the largest that fit are drawn and the message says how many
wait in the list; the matrix view shows every country's numbers whatever their count. Which
kinds of figure are counted is chosen in the Kinds menu (deployments and presence by default),
and the message says what that leaves out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.chart_file import WIDTH_PT, write_chart
from briefing_app.core.briefing.export import ExportError
from briefing_app.core.figures import DEFAULT_KINDS, KINDS, year_groups
from briefing_app.ui.chart_matrix import FiguresMatrixModel, swatch
from briefing_app.ui.chart_plot import ChartPlot, representative, row_tooltip
from briefing_app.ui.file_dialogs import save_file_name
from briefing_app.ui.team_role import refuse
from briefing_app.ui.workers import LatestOnly

if TYPE_CHECKING:
    from briefing_app.core.figures import FigureRow, FiguresTable
    from briefing_app.ui.hooks import BriefingHooks
    from briefing_app.ui.session import Session

STYLES = (("Bars", "bars"), ("Lines", "lines"), ("Matrix", "matrix"))
BYS = (("By contributor", "contributor"), ("By host", "host"))
COMBINES = (("Largest", "largest"), ("Latest", "latest"), ("Sum", "sum"))
SCOPES = (("Search results", "results"), ("Whole library", "library"))
KIND_WORDS = {"presence": "presence"}  # the others take an s
# Re-export for callers and tests that knew these here.
__all__ = ["ChartPanel", "representative", "row_tooltip"]


class ChartPanel(QWidget):
    figureActivated = Signal(int, int, int)  # article id, start, end in its body
    drawn = Signal(object)  # FiguresTable, after the chart shows it

    def __init__(
        self, session: Session, hooks: BriefingHooks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.hooks = hooks
        self.table: FiguresTable | None = None
        self.result_ids: list[int] | None = None
        self.kinds: tuple[str, ...] = DEFAULT_KINDS
        # The countries the user ticked, per view (contributors and hosts are different
        # countries): switching views starts from that view's own pick, or the largest.
        self.picks: dict[str, list[str] | None] = {}
        self.drawn_countries: list[str] = []
        self._worker = LatestOnly(self)
        self._worker.finished.connect(self.draw)
        self._worker.failed.connect(lambda exc: self.message.setText(f"Chart failed: {exc}"))
        self._build_controls()
        self._build_body()
        self._layout()
        # A resize changes how many bars fit: redraw once the resizing settles.
        self._refit = QTimer(self, singleShot=True, interval=120)
        self._refit.timeout.connect(self._redraw)
        self.apply_palette()

    @property
    def picked(self) -> list[str] | None:
        """The current view's ticked countries; None: the largest that fit."""
        return self.picks.get(self.by_combo.currentData())

    @picked.setter
    def picked(self, countries: list[str] | None) -> None:
        self.picks[self.by_combo.currentData()] = countries

    # -- construction -------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.style_combo = self._combo(
            STYLES,
            "Bars grouped by year, a line per country, or a matrix of countries and years "
            "with every number (for many countries)",
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
        self.kinds_button = QToolButton(self)
        self.kinds_button.setText("Kinds")
        self.kinds_button.setToolTip(
            "Which kinds of troop figure are counted. Exercises, requests and ceilings are not "
            "troops on the ground: by default only deployments and presence are drawn."
        )
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self)
        self.kind_actions = {}
        for kind in KINDS:
            action = self.kinds_menu.addAction(kind.capitalize())
            action.setCheckable(True)
            action.setChecked(kind in self.kinds)
            action.toggled.connect(self._kinds_changed)
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(self.kinds_menu)
        self.log_button = QToolButton(self)
        self.log_button.setText("Log scale")
        self.log_button.setCheckable(True)
        self.log_button.setToolTip(
            "A logarithmic troop axis, so a 100,000-strong figure does not flatten the rest"
        )
        self.log_button.toggled.connect(lambda _on: self._redraw())
        self.export_button = QToolButton(self)
        self.export_button.setText("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        for label, suffix in (
            ("PNG image…", ".png"),
            ("SVG image…", ".svg"),
            ("CSV data…", ".csv"),
        ):
            export_action = self.export_menu.addAction(label)
            export_action.triggered.connect(lambda _checked=False, s=suffix: self.choose_export(s))
        self.briefing_button = QToolButton(self)
        self.briefing_button.setText("Add to briefing")
        self.briefing_button.clicked.connect(self._add_to_briefing)
        self.briefing_button.hide()
        refuse(self.briefing_button, self.session.rights.edit_refusal)
        self.message = QLabel(self)
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_body(self) -> None:
        self.plot_widget = ChartPlot(self)
        self.plot_widget.rowClicked.connect(self.open_row)
        self.plot = self.plot_widget.plot
        self.matrix_model = FiguresMatrixModel(row_tooltip, self)
        self.matrix = QTableView(self)
        self.matrix.setModel(self.matrix_model)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # Fixed cell sizes from the font: sizing 1,800 cells to their contents took 0.7 s of
        # the GUI thread on a 60-country library; a number never needs more than "000,000 ±".
        metrics = self.matrix.fontMetrics()
        columns = self.matrix.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setDefaultSectionSize(metrics.horizontalAdvance("000,000 ±") + 10)
        rows = self.matrix.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 6)
        self.matrix.setMinimumHeight(80)
        self.matrix.doubleClicked.connect(self._matrix_open)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("muted")
        self.stack = QStackedWidget(self)
        for widget in (self.plot_widget, self.matrix, self.empty):
            self.stack.addWidget(widget)
        self.stack.setMinimumHeight(80)

        # The legend and the country picker.
        self.find_box = QLineEdit(self)
        self.find_box.setPlaceholderText("Find a country")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.textChanged.connect(self._filter_legend)
        self.legend = QListWidget(self)
        self.legend.setIconSize(QSize(12, 12))
        self.legend.setToolTip(
            "One entry per country, in its colour; ticked ones are drawn. Tick or untick to "
            "choose; “Largest” goes back to the largest that fit."
        )
        self.legend.setMinimumHeight(40)
        self.legend.itemChanged.connect(self._picked)
        self.largest_button = QToolButton(self)
        self.largest_button.setText("Largest")
        self.largest_button.setToolTip("Draw the largest countries that fit, as at first")
        self.largest_button.clicked.connect(self.reset_countries)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.find_box, 1)
        top.addWidget(self.largest_button)
        side_layout.addLayout(top)
        side_layout.addWidget(self.legend, 1)
        side.setMinimumWidth(200)
        self.side = side
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([800, 230])
        self.splitter.setChildrenCollapsible(False)

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.setContentsMargins(8, 4, 8, 0)
        controls.setSpacing(6)
        for widget in (self.style_combo, self.by_combo, self.combine_combo, self.scope_combo):
            controls.addWidget(widget)
        controls.addWidget(self.kinds_button)
        controls.addWidget(self.log_button)
        controls.addStretch(1)
        controls.addWidget(self.briefing_button)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(controls)
        self.message.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

    def _combo(self, items: tuple[tuple[str, str], ...], tip: str) -> QComboBox:
        combo = QComboBox(self)
        for label, value in items:
            combo.addItem(label, value)
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(self._combo_changed)
        return combo

    def _combo_changed(self) -> None:
        if self.sender() is self.style_combo:
            self._redraw()  # the same table, drawn another way
        else:
            self.refresh()

    # -- configuration ------------------------------------------------------------------------------

    def config(self) -> dict[str, Any]:
        return {
            "by": self.by_combo.currentData(),
            "combine": self.combine_combo.currentData(),
            "scope": self.scope_combo.currentData(),
            "style": self.style_combo.currentData(),
            "scale": "log" if self.log_button.isChecked() else "linear",
            "kinds": list(self.kinds),
            "countries": list(self.picked) if self.picked is not None else None,
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
        kinds = config.get("kinds")
        if isinstance(kinds, list) and any(k in KINDS for k in kinds):
            self.set_kinds([k for k in kinds if k in KINDS], refresh=False)
        countries = config.get("countries")
        self.picked = [str(c) for c in countries] if isinstance(countries, list) else None
        self.refresh()

    def set_kinds(self, kinds: list[str] | tuple[str, ...], refresh: bool = True) -> None:
        for kind, action in self.kind_actions.items():
            action.blockSignals(True)
            action.setChecked(kind in kinds)
            action.blockSignals(False)
        self.kinds = tuple(k for k in KINDS if k in kinds)
        self._update_kinds_button()
        if refresh:
            self.refresh()

    def _kinds_changed(self) -> None:
        chosen = [k for k, a in self.kind_actions.items() if a.isChecked()]
        if not chosen:  # at least one kind: an empty chart by choice helps no one
            self.kind_actions["deployment"].setChecked(True)
            return
        self.set_kinds(chosen)

    def _update_kinds_button(self) -> None:
        default = self.kinds == DEFAULT_KINDS
        self.kinds_button.setText("Kinds" if default else f"Kinds ({len(self.kinds)})")

    def set_result_ids(self, ids: list[int]) -> None:
        """The current search's articles; the chart follows them when scoped to results."""
        self.result_ids = list(ids)
        if self.scope_combo.currentData() == "results":
            self.refresh()

    def refresh(self) -> None:
        config = self.config()
        ids = self.result_ids if config["scope"] == "results" else None
        workspace = self.session.workspace
        kinds = self.kinds
        self._worker.submit(
            lambda: workspace.figures_table(
                by=config["by"], combine=config["combine"], article_ids=ids, kinds=kinds
            )
        )

    # -- drawing --------------------------------------------------------------------------------------

    def apply_palette(self) -> None:
        self.plot_widget.apply_palette(self.palette())
        if self.table is not None:
            self._redraw()

    def groups(self, table: FiguresTable) -> list[int | None]:
        """x positions, left to right: each year, then "undated" when any figure lacks a year."""
        return year_groups(table.rows)

    @property
    def bars(self) -> dict:
        return self.plot_widget.bars

    @property
    def lines(self) -> dict:
        return self.plot_widget.lines

    def countries_to_draw(self, table: FiguresTable, style: str) -> list[str]:
        """The user's picks that are in scope, else the largest countries that fit."""
        everyone = table.countries()
        if self.picked is not None:
            return [c for c in everyone if c in set(self.picked)]
        if style == "matrix":
            return everyone
        return everyone[: self.plot_widget.fitting(table, style)]

    def draw(self, table: FiguresTable) -> None:
        self.table = table
        style = self.style_combo.currentData()
        countries = self.countries_to_draw(table, style)
        self.drawn_countries = countries
        self._fill_legend(table, countries)
        left_out = table.left_out_text()
        kinds_note = f" · {left_out} — choose in Kinds" if left_out else ""
        if not table.rows or not countries:
            self.plot_widget.clear_chart()
            what = (
                "No troop figures with a number in these articles"
                if not table.rows
                else "No country chosen: tick countries in the list"
            )
            self.empty.setText(what + (f" ({left_out})." if left_out else "."))
            self.stack.setCurrentWidget(self.empty)
            self.message.setText(what + kinds_note)
            self.drawn.emit(table)
            return
        if style == "matrix":
            self.plot_widget.clear_chart()
            self.matrix_model.set_table(table, countries)
            self.stack.setCurrentWidget(self.matrix)
            self._filter_legend(self.find_box.text())
        else:
            self.stack.setCurrentWidget(self.plot_widget)
            self.plot_widget.draw(table, countries, style, self.log_button.isChecked())
        self.message.setText(self._summary(table, countries, style) + kinds_note)
        self.drawn.emit(table)

    def _summary(self, table: FiguresTable, countries: list[str], style: str) -> str:
        total = len(table.countries())
        scope = "search results" if self.scope_combo.currentData() == "results" else "whole library"
        kinds = (
            " and ".join(KIND_WORDS.get(k, k + "s") for k in self.kinds)
            if len(self.kinds) <= 2
            else f"{len(self.kinds)} kinds"
        )
        noun = "country" if total == 1 else "countries"
        if len(countries) < total:
            rest = total - len(countries)
            shown = (
                f"{len(countries)} of {total} {noun} drawn (the {rest} others are in the list: "
                "tick one, or choose Matrix for all)"
                if self.picked is None
                else f"{len(countries)} of {total} {noun} chosen"
            )
        else:
            shown = f"{total} {noun}"
        drawn_rows = [r for r in table.rows if r.country in set(countries)]
        years = len({r.year for r in drawn_rows})
        cells = f"{len(drawn_rows)} figure{'s' if len(drawn_rows) != 1 else ''} over {years} year{'s' if years != 1 else ''}"
        mark = {"lines": "point", "matrix": "cell"}.get(style, "bar")
        disputed = sum(1 for r in drawn_rows if r.disputed)
        spread = f" · {disputed} with reports that disagree (whiskers)" if disputed else ""
        return f"{shown} · {cells} · {kinds} · {scope}{spread} · hover a {mark} for its sources"

    def _fill_legend(self, table: FiguresTable, drawn: list[str]) -> None:
        """One entry per country in scope, drawn ones ticked and first; the others after; each
        part by the number shown, largest first."""
        self.legend.blockSignals(True)
        self.legend.clear()
        totals: dict[str, int] = {}
        largest: dict[str, float] = {}
        for row in table.rows:
            totals[row.country] = totals.get(row.country, 0) + 1
            largest[row.country] = max(largest.get(row.country, 0), row.value)
        drawn_set = set(drawn)
        # Each part in the order of the number shown beside the name, largest first (the
        # table's own order, by total over the years, reads as out of order here).
        by_number = sorted(table.countries(), key=lambda c: (-largest.get(c, 0), c))
        ordered = [c for c in by_number if c in drawn_set] + [
            c for c in by_number if c not in drawn_set
        ]
        for country in ordered:
            n = totals.get(country, 0)
            # The country's largest number beside its name: every country's size is readable
            # here, drawn or not.
            item = QListWidgetItem(swatch(country), f"{country}  {largest.get(country, 0):,.0f}")
            item.setData(Qt.ItemDataRole.UserRole, country)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if country in drawn_set else Qt.CheckState.Unchecked
            )
            if country not in drawn_set:
                item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            item.setToolTip(
                f"{country}: {n} figure{'s' if n != 1 else ''}, the largest "
                f"{largest.get(country, 0):,.0f}"
                + ("" if country in drawn_set else " — not drawn; tick to draw")
            )
            self.legend.addItem(item)
        self.legend.blockSignals(False)
        self._filter_legend(self.find_box.text())

    def legend_countries(self) -> list[str]:
        return [
            self.legend.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.legend.count())
        ]

    def _filter_legend(self, text: str) -> None:
        needle = text.strip().casefold()
        first = None
        for i in range(self.legend.count()):
            item = self.legend.item(i)
            hidden = bool(needle) and needle not in item.data(Qt.ItemDataRole.UserRole).casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if needle and first is not None:
            self.legend.scrollToItem(first)
        # The matrix follows the search too: only the matching countries' rows.
        shown = []
        for row, country in enumerate(self.matrix_model.countries):
            hidden = bool(needle) and needle not in country.casefold()
            self.matrix.setRowHidden(row, hidden)
            if not hidden:
                shown.append(row)
        if needle and shown:
            self.matrix.scrollTo(self.matrix_model.index(shown[0], 0))

    def _picked(self, _item: QListWidgetItem) -> None:
        picked = [
            self.legend.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.legend.count())
            if self.legend.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.picked = picked
        # Redraw after the click has been handled: the list is refilled by the redraw.
        QTimer.singleShot(0, self._redraw)

    def pick_countries(self, countries: list[str] | None) -> None:
        """Draw exactly `countries` (None: the largest that fit)."""
        self.picked = list(countries) if countries is not None else None
        self._redraw()

    def reset_countries(self) -> None:
        self.pick_countries(None)

    def _redraw(self) -> None:
        if self.table is not None:
            self.draw(self.table)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's API)
        super().resizeEvent(event)
        if self.picked is None and self.table is not None:
            self._refit.start()

    # -- click ----------------------------------------------------------------------------------------

    def _matrix_open(self, index: Any) -> None:
        row = self.matrix_model.row_at(index)
        if row is not None:
            self.open_row(row)

    def open_row(self, row: FigureRow) -> None:
        report = representative(row, self.table.combine if self.table else "largest")
        self.figureActivated.emit(report.article_id, report.figure.start, report.figure.end)

    # -- export ---------------------------------------------------------------------------------------

    def drawn_table(self) -> FiguresTable | None:
        """The table cut down to the countries drawn: what an export or a briefing shows."""
        if self.table is None:
            return None
        return self.table.only(self.drawn_countries)

    def export(self, path: str) -> None:
        """Write the chart as PNG or SVG (drawn as the briefing draws it: the same countries,
        kinds, scale and colours), or its data as CSV, by the file's extension.

        Raises OSError with a readable message when the file cannot be written.
        """
        suffix = Path(path).suffix.lower()
        table = self.drawn_table()
        folder = Path(path).parent
        if not folder.is_dir():
            raise OSError(f"The folder {folder} does not exist.")
        if suffix == ".csv":
            Path(path).write_text(table.to_csv() if table else "", encoding="utf-8")
            return
        if table is None or not table.rows:
            raise OSError("There is nothing to draw: no troop figures in the chart.")
        config = self.config()
        style, scale = config["style"], config["scale"]
        if style != "matrix" and not self._paper_draws_as_shown(table, style, scale):
            # On paper this many countries would become a matrix (or lose some lines): the
            # file is then the window's own chart, legend beneath, as the user sees it.
            self.plot_widget.export_image(path, table, self.drawn_countries, style, scale == "log")
            return
        try:
            write_chart(table, path, style=style, scale=scale)
        except ExportError as exc:
            raise OSError(str(exc)) from exc

    @staticmethod
    def _paper_draws_as_shown(table: FiguresTable, style: str, scale: str) -> bool:
        """The briefing's drawing of `table` has the window's style and every country."""
        drawing = briefing_chart.draw(table, WIDTH_PT, style, scale)
        return drawing.kind == style and not drawing.omitted

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
        self.show_status(f"Saved {path}")
        return path

    def show_status(self, text: str) -> None:
        """A passing word in the window's status bar: the chart's summary line stays."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)
        else:
            self.message.setToolTip(text)

    def update_briefing_button(self) -> None:
        self.briefing_button.setVisible(self.hooks.enabled("addChartToBriefing"))

    def briefing_config(self) -> dict[str, Any]:
        """The chart as drawn, for a briefing: scope, kinds, scale, style and the countries
        drawn (so the briefing draws these countries, not whatever fits on paper)."""
        config = self.config()
        config["article_ids"] = (
            list(self.result_ids or []) if config["scope"] == "results" else None
        )
        everyone = self.table.countries() if self.table is not None else []
        config["countries"] = (
            None if self.drawn_countries == everyone else list(self.drawn_countries)
        )
        return config

    def _add_to_briefing(self) -> None:
        self.hooks.addChartToBriefing.emit(self.briefing_config())

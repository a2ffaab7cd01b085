"""What a walk through the troop chart found: value labels cut off at the top, a point on the
log axis, "undated" losing its label beside 1987, picks leaking between views, an export that
was not the chart shown, the list out of order, ranges drawn as their middle, and a checked
button that looked unchecked in the dark theme."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from briefing_app.core.country_colours import country_colour
from briefing_app.core.extract.records import Figure
from briefing_app.core.figures import DEFAULT_KINDS, UNDATED, FigureReport, FigureRow, FiguresTable

Cell = tuple[str, int | None, float, float]  # country, year, low, high


def _table(cells: list[Cell]) -> FiguresTable:
    rows = []
    for n, (country, year, low, high) in enumerate(cells):
        figure = Figure(
            kind="troops", text=f"{low:,.0f}", start=0, end=1, low=low, high=high,
            contributor=country, year=year, troop_kind="deployment", sentence="They sent troops.",
        )  # fmt: skip
        report = FigureReport(n + 1, f"Article {n + 1}", None, None, f"k{n}", figure)
        rows.append(FigureRow(country, year, report.value or 0, [report]))
    return FiguresTable("contributor", "largest", rows, DEFAULT_KINDS)


def _show(qtbot, window, table: FiguresTable, *, style: str = "bars", log: bool = False):  # noqa: ANN001, ANN202
    chart = window.chart
    window.resize(1280, 800)
    window._default_sizes()
    qtbot.wait(50)
    chart.style_combo.blockSignals(True)
    chart.style_combo.setCurrentIndex(chart.style_combo.findData(style))
    chart.style_combo.blockSignals(False)
    chart.log_button.blockSignals(True)
    chart.log_button.setChecked(log)
    chart.log_button.blockSignals(False)
    chart.pick_countries(None)
    chart.draw(table)
    qtbot.wait(50)  # the plot settles at its size
    return chart


def _axis_texts(axis) -> list[str]:  # noqa: ANN001
    """The tick labels the axis paints (it leaves out those that would overhang it)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]]


def test_bar_labels_stay_inside_the_plot_in_linear_and_log_scale(qtbot, window):
    table = _table(
        [
            ("South Korea", 2018, 32000, 32000),
            ("United States", 2018, 32000, 32000),
            ("India", 2020, 25000, 25000),
            ("Mali", 2021, 800, 800),
        ]
    )
    for log in (False, True):
        chart = _show(qtbot, window, table, log=log)
        plot = chart.plot_widget
        frame = plot.plot.vb.sceneBoundingRect()
        labels = {label.toPlainText(): label for label in plot.labels}
        assert {"32,000", "25,000", "800"} <= set(labels), log
        for text, label in labels.items():
            rect = label.sceneBoundingRect()
            assert frame.top() <= rect.top() and rect.bottom() <= frame.bottom(), (log, text)


def test_log_lines_start_below_the_smallest_number_with_its_tick(qtbot, window):
    table = _table([("Germany", 2019, 100, 100), ("France", 2020, 5000, 5000)])
    chart = _show(qtbot, window, table, style="lines", log=True)
    vb = chart.plot_widget.plot.vb
    low, _high = vb.viewRange()[1]
    assert low <= 1  # 10: the power of ten below 100
    assert "100" in _axis_texts(chart.plot.getAxis("left"))
    # The point at 100 stands clear of the axis: its marker (9 px) wholly inside the plot.
    point = vb.mapViewToScene(QPointF(0, 2))
    assert vb.sceneBoundingRect().bottom() - point.y() > 10
    # On a linear scale the lowest point stands clear of the axis too: half its marker.
    table = _table([("Germany", 2019, 10, 10), ("France", 2020, 5000, 5000)])
    chart = _show(qtbot, window, table, style="lines")
    point = vb.mapViewToScene(QPointF(0, 10))
    assert vb.sceneBoundingRect().bottom() - point.y() >= 5
    assert all(not text.startswith("-") for text in _axis_texts(chart.plot.getAxis("left")))


def test_undated_keeps_its_label_beside_a_1987_figure(qtbot, window):
    years = [1987, *range(2000, 2025)]
    table = _table(
        [("Germany", y, 1000 + y, 1000 + y) for y in years] + [("France", None, 500, 500)]
    )
    chart = _show(qtbot, window, table)
    texts = _axis_texts(chart.plot.getAxis("bottom"))
    assert texts[-1] == UNDATED and "1987" in texts
    # And in a narrow chart too.
    window.chart_dock.resize(500, window.chart_dock.height())
    chart.resize(500, chart.height())
    qtbot.wait(50)
    assert UNDATED in _axis_texts(chart.plot.getAxis("bottom"))


def test_the_country_list_is_in_the_order_of_its_numbers(qtbot, window):
    table = _table(
        [
            ("multinational", 2019, 15000, 15000),
            ("multinational", 2020, 12000, 12000),  # the larger total, the smaller number
            ("Germany", 2020, 20000, 20000),
            ("Mali", 2020, 300, 300),
        ]
    )
    chart = _show(qtbot, window, table)
    assert chart.legend_countries() == ["Germany", "multinational", "Mali"]
    numbers = [chart.legend.item(i).text().split()[-1] for i in range(chart.legend.count())]
    assert numbers == ["20,000", "15,000", "300"]


def test_a_range_is_drawn_as_a_range(qtbot, window):
    table = _table([("Mali", 2020, 50, 60), ("Chad", 2020, 400, 400)])
    chart = _show(qtbot, window, table)
    plot = chart.plot_widget
    assert "50–60" in [label.toPlainText() for label in plot.labels]
    spread = plot.spreads["Mali"]  # a whisker from 50 to 60
    centre = spread.opts["y"][0]
    assert (centre - spread.opts["bottom"][0], centre + spread.opts["top"][0]) == (50, 60)
    from briefing_app.ui.chart_plot import row_tooltip

    tip = row_tooltip(table.cell("Mali", 2020), "largest")
    assert "Mali · 2020: 50–60 troops" in tip and "Reports disagree" not in tip
    chart = _show(qtbot, window, table, style="matrix")
    model = chart.matrix_model
    texts = {
        model.index(r, c).data()
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }
    assert "50–60" in texts


def test_each_view_keeps_its_own_pick(qtbot, window):
    chart = window.chart
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.refresh()
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.pick_countries(["United Kingdom"])
    assert list(chart.bars) == ["United Kingdom"]
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.by_combo.setCurrentIndex(chart.by_combo.findData("host"))
    hosts = chart.table.countries()
    # The host view starts from its own largest, not the contributors' pick.
    assert chart.picked is None and "chosen" not in chart.message.text()
    assert hosts[0] in chart.bars
    first = chart.legend.item(0)
    assert first.checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.by_combo.setCurrentIndex(chart.by_combo.findData("contributor"))
    assert list(chart.bars) == ["United Kingdom"]  # and the contributors' pick is still theirs
    assert chart.config()["countries"] == ["United Kingdom"]


def test_export_writes_the_chart_shown_and_keeps_the_summary(qtbot, window, tmp_path, monkeypatch):
    names = [f"Country {n}" for n in range(21)]
    table = _table(
        [
            (name, 2020 + n % 3, 100 * (n + 1) ** 2, 100 * (n + 1) ** 2)
            for n, name in enumerate(names)
        ]
    )
    chart = _show(qtbot, window, table, log=True)
    assert len(chart.bars) == 21
    summary = chart.message.text()
    target = tmp_path / "window-chart.png"
    monkeypatch.setattr(
        "briefing_app.ui.file_dialogs.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    assert chart.choose_export(".png") == str(target)
    image = QImage(str(target))
    assert not image.isNull()
    # Bars in every drawn country's colour, as on screen (paper would have made this a matrix).
    pixels: dict[str, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            name = QColor(image.pixel(x, y)).name()
            pixels[name] = pixels.get(name, 0) + 1
    for name in names:
        assert pixels.get(country_colour(name), 0) > 20, name
    # Bars, on a log scale: the largest country's bar is taller than the smallest's, where a
    # matrix gives every country the same swatch.
    unique = [n for n in names if [country_colour(m) for m in names].count(country_colour(n)) == 1]
    smallest, largest = unique[0], unique[-1]
    assert pixels[country_colour(largest)] > 1.5 * pixels[country_colour(smallest)]
    assert chart.message.text() == summary
    assert "Saved" in window.statusBar().currentMessage()
    assert target.name in window.statusBar().currentMessage()


def test_a_checked_button_looks_checked_in_both_themes(qtbot, window):
    button = window.chart.log_button

    def look() -> QColor:
        image = button.grab().toImage()
        return QColor(image.pixel(image.width() // 2, 3))

    try:
        for theme in ("dark", "light"):
            window.set_theme(theme)
            button.setChecked(False)
            qtbot.wait(20)
            up = look()
            button.setChecked(True)
            qtbot.wait(20)
            down = look()
            diff = sum(abs(a - b) for a, b in zip(up.getRgb()[:3], down.getRgb()[:3], strict=True))
            assert diff > 100, (theme, up.name(), down.name())  # was 42 in the dark theme
    finally:
        window.set_theme("light")

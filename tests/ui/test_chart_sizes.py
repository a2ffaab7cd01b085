"""The chart reads at any size of library: 1, 3, 22 or 60 countries over 1 to 30 years, in a
window of 1280×800 or 1920×1080. Asserted from the widgets' geometry: both axes and their
labels lie inside the visible part of the window, and every country's legend entry is visible
or reachable by scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QRectF, Qt

from briefing_app.core.country_colours import country_colour
from tests.ui.conftest import open_window
from tools.chart_library import COUNTRIES, build_library, troops

SIZES = [(1280, 800), (1920, 1080)]
LIBRARIES = [(1, 1), (3, 5), (22, 12), (60, 30)]
_built: dict[tuple[int, int], Path] = {}


@pytest.fixture(scope="module")
def libraries(tmp_path_factory) -> dict[tuple[int, int], Path]:  # noqa: ANN001
    """Each generated library once per module (opened read-only by the tests below)."""
    for countries, years in LIBRARIES:
        root = tmp_path_factory.mktemp(f"chart-{countries}x{years}")
        workspace = build_library(root, countries, years)
        workspace.close()
        _built[(countries, years)] = root / "library"
    return _built


def _window_at(qtbot, library: Path, size: tuple[int, int], countries: int):  # noqa: ANN001, ANN202
    window = open_window(qtbot, library)
    window.resize(*size)
    window._default_sizes()
    chart = window.chart
    qtbot.waitUntil(
        lambda: chart.table is not None and len(chart.table.countries()) == countries,
        timeout=20000,
    )
    qtbot.wait(250)  # the resize settles and the chart refits
    qtbot.waitUntil(lambda: not chart._refit.isActive(), timeout=5000)
    return window


def _visible_in_window(window, widget, rect: QRect) -> bool:  # noqa: ANN001
    """`rect` (in `widget`'s coordinates) is inside the part of the widget the window shows."""
    visible = widget.visibleRegion().boundingRect()
    top_left = widget.mapTo(window, rect.topLeft())
    in_window = window.rect().contains(QRect(top_left, rect.size()))
    return in_window and visible.contains(rect)


def _axis_rect(plot_widget, name: str) -> QRect:  # noqa: ANN001
    axis = plot_widget.plot.getAxis(name)
    # The axis's own area, where its line, ticks and tick labels are painted (its bounding
    # rectangle also spans the grid lines it draws across the plot).
    scene_rect: QRectF = axis.mapRectToScene(axis.rect())
    return plot_widget.mapFromScene(scene_rect).boundingRect()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("countries,years", LIBRARIES, ids=lambda v: str(v))
def test_axes_labels_and_legend_are_visible_or_scrollable(qtbot, libraries, size, countries, years):  # noqa: ANN001
    window = _window_at(qtbot, libraries[(countries, years)], size, countries)
    chart = window.chart
    plot = chart.plot_widget
    assert chart.stack.currentWidget() is plot and chart.bars

    # Both axes with their tick labels sit inside what the window shows: not cut by the dock.
    for name in ("left", "bottom"):
        rect = _axis_rect(plot, name)
        assert rect.height() > 10 and rect.width() > 10, name
        # mapFromScene gives viewport coordinates; the viewport is what is painted.
        assert _visible_in_window(window, plot.viewport(), rect.adjusted(1, 1, -1, -1)), (
            name,
            rect,
        )
    ticks = [label for _x, label in plot.plot.getAxis("bottom")._tickLevels[0]]
    assert ticks[0] == "1995" and len(ticks) >= min(years, 8)
    assert plot.plot.getAxis("left").labelText == "Troops"

    # The axes follow the data: the tallest bar is near the top, not a sliver.
    drawn = chart.drawn_countries
    assert drawn[0] == COUNTRIES[0]  # the largest contributor is drawn first
    tallest = max(max(item.opts["height"]) for item in chart.bars.values())
    low, high = plot.plot.vb.viewRange()[1]
    assert low == 0 and tallest <= high <= tallest * 1.3
    assert tallest == troops(0, years - 1)

    # Every series drawn has a legend entry, and every country in scope an entry in the list,
    # each visible or brought into view by scrolling.
    legend = chart.legend
    entries = chart.legend_countries()
    assert set(drawn) <= set(entries) and sorted(entries) == sorted(COUNTRIES[:countries])
    assert set(chart.bars) == set(drawn)
    assert _visible_in_window(
        window,
        legend.viewport(),
        legend.viewport().rect().adjusted(0, 0, 0, -min(legend.viewport().height() - 1, 20)),
    )
    for i in range(legend.count()):
        item = legend.item(i)
        legend.scrollToItem(item)
        rect = legend.visualItemRect(item)
        view = legend.viewport().rect()
        # Fully inside vertically, starting at the left edge; the text itself fits the width.
        assert view.top() <= rect.top() and rect.bottom() <= view.bottom(), (item.text(), rect)
        assert rect.left() >= 0
        text_width = legend.fontMetrics().horizontalAdvance(item.text())
        assert text_width + 2 * legend.iconSize().width() + 16 <= view.width(), item.text()
        checked = item.checkState() == Qt.CheckState.Checked
        assert checked == (item.data(Qt.ItemDataRole.UserRole) in drawn)
    if len(drawn) < countries:
        assert f"{len(drawn)} of {countries} countries drawn" in chart.message.text()
    # Bars at least MIN_BAR_PIXELS wide: a drawn country is seen, not a hairline.
    slot = plot.plot.vb.width() / max(len(chart.groups(chart.table)), 3)
    bar_width = next(iter(chart.bars.values())).opts["width"]
    assert bar_width * slot >= 5
    window.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_matrix_shows_all_sixty_countries_every_one_reachable(qtbot, libraries, size):  # noqa: ANN001
    window = _window_at(qtbot, libraries[(60, 30)], size, 60)
    chart = window.chart
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.style_combo.setCurrentIndex(chart.style_combo.findData("matrix"))
    matrix = chart.matrix
    model = chart.matrix_model
    assert chart.stack.currentWidget() is matrix
    assert model.rowCount() == 60 and model.columnCount() == 30
    assert "60 countries" in chart.message.text()
    viewport = matrix.viewport()
    assert _visible_in_window(window, viewport, viewport.rect().adjusted(0, 0, -1, -1))
    for row in (0, 29, 59):
        for column in (0, 29):
            index = model.index(row, column)
            matrix.scrollTo(index)
            assert viewport.rect().intersects(matrix.visualRect(index))
            expected = troops(COUNTRIES.index(model.countries[row]), column)
            assert model.data(index) == f"{expected:,}"
    # Finding a country narrows the list and the matrix to it.
    qtbot.keyClicks(chart.find_box, "zamb")
    shown = [r for r in range(model.rowCount()) if not matrix.isRowHidden(r)]
    assert [model.countries[r] for r in shown] == ["Zambia"]
    assert matrix.visualRect(model.index(shown[0], 0)).top() >= 0
    window.close()


def test_one_country_one_year_is_a_bar_not_a_wall(qtbot, libraries):  # noqa: ANN001
    window = _window_at(qtbot, libraries[(1, 1)], (1280, 800), 1)
    chart = window.chart
    plot = chart.plot_widget
    (item,) = chart.bars.values()
    x_low, x_high = plot.plot.vb.viewRange()[0]
    share = item.opts["width"] / (x_high - x_low)
    assert share < 0.15  # was 60 % of the width
    assert "1 country" in chart.message.text() and "cells" not in chart.message.text()
    assert [label.toPlainText() for label in plot.labels] == [f"{troops(0, 0):,}"]
    window.close()


def test_a_country_keeps_its_colour_when_the_data_changes(qtbot, tmp_path):  # noqa: ANN001
    workspace = build_library(tmp_path, 3, 2)
    workspace.close()
    window = open_window(qtbot, tmp_path / "library")
    chart = window.chart
    qtbot.waitUntil(lambda: chart.table is not None and len(chart.bars) == 3, timeout=20000)
    before = {c: item.opts["brush"].color().name() for c, item in chart.bars.items()}
    assert before == {c: country_colour(c) for c in before}
    # Edit an article's date and add a new, larger contributor: the order changes, not the colours.
    session = window.session
    first = session.workspace.search("Germany").hits[0].id
    session.workspace.edit_article(first, date="1990-01-01")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "big.txt").write_text(
        "title: A large one\ndate: 1997-01-01\n\nIn 1995, Japan deployed 90,000 troops to Haiti.\n",
        encoding="utf-8",
    )
    session.workspace.import_paths([tmp_path / "more"])
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.scope_combo.setCurrentIndex(chart.scope_combo.findData("library"))
    assert chart.drawn_countries[0] == "Japan"
    after = {c: item.opts["brush"].color().name() for c, item in chart.bars.items()}
    assert {c: after[c] for c in before} == before
    window.close()

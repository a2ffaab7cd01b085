"""The troop chart: bars per country and year, the undated group, kinds, hover, click, export."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from briefing_app.core.country_colours import country_colour
from briefing_app.core.figures import KINDS, UNDATED
from tests.ui.conftest import SEED_000_TITLE, search


def _bars(chart) -> dict[str, dict[float, float]]:  # noqa: ANN001
    """country -> {group label: height} as drawn."""
    labels = [UNDATED if y is None else str(y) for y in chart.plot_widget.groups]
    out = {}
    for country, item in chart.bars.items():
        xs, heights = item.opts["x"], item.opts["height"]
        out[country] = {labels[round(x)]: h for x, h in zip(xs, heights, strict=True)}
    return out


def _drawn(qtbot, chart, action) -> None:  # noqa: ANN001
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        action()


def _choose(qtbot, chart, combo, value: str) -> None:  # noqa: ANN001
    """Pick `value` in one of the chart's combo boxes, as a user does, and wait for the chart."""
    _drawn(qtbot, chart, lambda: combo.setCurrentIndex(combo.findData(value)))


def test_bars_show_the_seeds_countries_by_year_with_undated_kept(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    bars = _bars(chart)
    assert bars["United Kingdom"] == {"2017": 800, UNDATED: 1000}
    # Germany's 360 in 2017 is read as part of a request: not drawn by default.
    assert bars["Germany"] == {UNDATED: 1000}
    # "largest": the US has 600 (seed 000) and 1,000 (seed 001), both undated.
    assert bars["United States"] == {UNDATED: 1000}
    ticks = [label for _x, label in chart.plot.getAxis("bottom")._tickLevels[0]]
    assert ticks[-1] == UNDATED
    # One legend entry per country, in the country's own colour.
    assert sorted(chart.legend_countries()) == sorted(bars)
    for country, item in chart.bars.items():
        assert item.opts["brush"].color().name() == country_colour(country)
    # Each bar carries its number.
    assert "800" in [label.toPlainText() for label in chart.plot_widget.labels]


def test_kinds_leave_out_the_exercise_and_say_so(qtbot, window):
    chart = window.chart
    _choose(qtbot, chart, chart.scope_combo, "library")
    # Russia's 100,000-troop exercise is not troops on the ground: not drawn, but named.
    assert "Russia" not in chart.bars
    assert "1 exercise (up to 100,000)" in chart.message.text()
    assert "choose in Kinds" in chart.message.text()
    low, high = chart.plot.vb.viewRange()[1]
    assert high < 10000  # the axis follows what is drawn: 6,000 at most
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.kind_actions["exercise"].setChecked(True)
    assert _bars(chart)["Russia"] == {"2014": 100000}
    assert chart.kinds_button.text() == "Kinds (3)"
    assert chart.config()["kinds"] == ["deployment", "presence", "exercise"]
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.set_kinds(KINDS)
    assert _bars(chart)["Germany"] == {"2017": 360, UNDATED: 1000}
    assert "left out" not in chart.message.text()


def test_by_host_combine_and_lines(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, lambda: chart.by_combo.setCurrentIndex(chart.by_combo.findData("host")))
    assert "Estonia" in chart.bars
    _drawn(
        qtbot, chart, lambda: chart.by_combo.setCurrentIndex(chart.by_combo.findData("contributor"))
    )
    _choose(qtbot, chart, chart.combine_combo, "sum")
    assert _bars(chart)["United States"] == {UNDATED: 1600}
    _drawn(
        qtbot, chart, lambda: chart.style_combo.setCurrentIndex(chart.style_combo.findData("lines"))
    )
    assert not chart.bars and "United Kingdom" in chart.lines
    x, y = chart.lines["United Kingdom"].getData()
    assert list(y) == [800]  # the dated point; the undated one is drawn apart, never joined


def test_scope_follows_the_search(qtbot, window):
    chart = window.chart
    search(qtbot, window, "Lambrecht")
    # The first search's chart may still be drawing: wait for the one that follows this search.
    # (Germany's only figure there is a request, left out by default.)
    expected = {"NATO", "United Kingdom", "Norway", "multinational"}
    qtbot.waitUntil(lambda: set(_bars(chart)) == expected, timeout=10000)
    assert all(UNDATED not in cells for cells in _bars(chart).values())
    _choose(qtbot, chart, chart.scope_combo, "library")
    assert "United States" in _bars(chart)


def test_hovering_a_bar_tells_its_sources_and_clicking_opens_the_article(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    item = chart.bars["United States"]
    x = item.opts["x"][0]
    plot = chart.plot_widget
    scene = plot.plot.vb.mapViewToScene(QPointF(x, 500))
    hot = plot.hot_at(scene)
    assert hot is not None and hot.country == "United States" and hot.row.year is None
    from briefing_app.ui.chart import row_tooltip

    tip = row_tooltip(hot.row, "largest")
    assert "around 600 troops" in tip and "about 1,000 troops each" in tip
    assert "Undated" in tip
    chart.open_row(hot.row)  # what a click does
    view = window.article.view
    assert view is not None and "1,000 troops" in view.article.body
    (selection,) = window.reader.view.extraSelections()
    assert selection.cursor.selectedText() == "about 1,000 troops"


def test_the_tooltip_stays_while_the_pointer_rests_on_a_bar(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    plot = chart.plot_widget
    item = chart.bars["United States"]
    pos = plot.mapFromScene(plot.plot.vb.mapViewToScene(QPointF(item.opts["x"][0], 500)))
    assert plot.show_tip(pos)
    assert QToolTip.isVisible() and "United States" in QToolTip.text()
    # The resting pointer's tooltip event, which the graphics scene answered by hiding the
    # tooltip (no item of its own has one), now keeps ours.
    event = QHelpEvent(QEvent.Type.ToolTip, pos, plot.viewport().mapToGlobal(pos))
    QApplication.sendEvent(plot.viewport(), event)
    qtbot.wait(1500)
    assert QToolTip.isVisible() and "United States" in QToolTip.text()
    # Off the bars, it goes.
    assert not plot.show_tip(QPoint(2, 2))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_reports_that_disagree_are_drawn_as_a_spread(qtbot, window):
    chart = window.chart
    _choose(qtbot, chart, chart.scope_combo, "library")
    # The US: 600 (presence, seed 000) and 1,000 (seed 001), both undated.
    row = chart.table.cell("United States", None)
    assert row.disputed and (row.low, row.high) == (600, 1000)
    spread = chart.plot_widget.spreads["United States"]
    assert list(spread.opts["top"]) == [0] and list(spread.opts["bottom"]) == [400]
    assert "with reports that disagree" in chart.message.text()
    from briefing_app.ui.chart import row_tooltip

    tip = row_tooltip(row, "largest")
    assert "Reports disagree: 600 to 1,000" in tip
    assert tip.index("<b>1,000</b>") < tip.index("<b>600</b>")  # every report, largest first


def test_find_a_country_and_pick_which_are_drawn(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    qtbot.keyClicks(chart.find_box, "kingdom")
    shown = [
        chart.legend.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(chart.legend.count())
        if not chart.legend.item(i).isHidden()
    ]
    assert shown == ["United Kingdom"]
    chart.find_box.clear()
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.pick_countries(["United Kingdom", "Norway"])
    assert sorted(chart.bars) == ["Norway", "United Kingdom"]
    assert "2 of" in chart.message.text() and "chosen" in chart.message.text()
    config = chart.briefing_config()
    assert sorted(config["countries"]) == ["Norway", "United Kingdom"]
    assert config["kinds"] == ["deployment", "presence"]
    # Unticking a drawn country in the list redraws without it.
    item = next(
        chart.legend.item(i)
        for i in range(chart.legend.count())
        if chart.legend.item(i).data(Qt.ItemDataRole.UserRole) == "Norway"
    )
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        item.setCheckState(Qt.CheckState.Unchecked)
    assert sorted(chart.bars) == ["United Kingdom"]
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.largest_button.click()
    assert len(chart.bars) > 2 and chart.briefing_config()["countries"] is None


def test_export_png_svg_and_csv(qtbot, window, tmp_path):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    for name in ("chart.png", "chart.svg", "chart.csv"):
        chart.export(str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 100
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "chart.svg").read_text()
    csv = (tmp_path / "chart.csv").read_text()
    assert csv.splitlines()[0].startswith("contributor,year,troops,lowest,highest,reports")
    assert "United Kingdom,2017,800" in csv
    # The SVG is the briefing's drawing: every drawn country in its own colour.
    svg = (tmp_path / "chart.svg").read_text()
    for country in chart.bars:
        assert country_colour(country) in svg and country in svg
    assert window.export_action.shortcut().toString() == "Ctrl+E"


def test_seed_000_us_figure_is_in_the_undated_group(qtbot, window):
    chart = window.chart
    _choose(qtbot, chart, chart.combine_combo, "sum")
    cell = chart.table.cell("United States", None)
    assert any(
        r.article_title.startswith(SEED_000_TITLE[:20]) and r.value == 600 for r in cell.reports
    )


def test_log_scale_keeps_small_contingents_visible(qtbot, window, monkeypatch, tmp_path):
    chart = window.chart
    _drawn(qtbot, chart, lambda: chart.set_kinds(KINDS))
    assert max(chart.bars["Russia"].opts["height"]) == 100000
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.log_button.click()
    assert max(chart.bars["Russia"].opts["height"]) == 5  # log10(100,000)
    low, high = chart.plot.vb.viewRange()[1]
    assert low == 1 and 5 < high < 6  # 10 to a little above 100,000
    assert chart.config()["scale"] == "log"
    assert chart.plot.getAxis("left").tickStrings([2.0, 3.0], 1, 1) == ["100", "1,000"]
    # The Export menu offers all three formats, each through a save dialog.
    labels = [a.text() for a in chart.export_menu.actions()]
    assert labels == ["PNG image…", "SVG image…", "CSV data…"]
    target = tmp_path / "figures"
    monkeypatch.setattr(
        "briefing_app.ui.file_dialogs.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    chart.export_menu.actions()[2].trigger()
    assert (tmp_path / "figures.csv").read_text().startswith("contributor,year")


def test_export_to_an_unwritable_place_says_so(qtbot, window, monkeypatch, tmp_path):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    for suffix in (".png", ".svg", ".csv"):
        target = tmp_path / "missing-folder" / f"figures{suffix}"
        monkeypatch.setattr(
            "briefing_app.ui.file_dialogs.QFileDialog.getSaveFileName",
            lambda *a, t=target, **k: (str(t), ""),
        )
        assert chart.choose_export(suffix) is None  # no traceback, no "Saved"
        assert not target.exists()
        assert "Saved" not in chart.message.text()
        assert str(target) in chart.message.text() or "does not exist" in chart.message.text()
        assert chart.error_box.isVisible()
        assert chart.error_box.text() == chart.message.text()
        chart.error_box.close()


def test_no_figures_draws_no_empty_grid(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    assert chart.stack.currentWidget() is chart.plot_widget
    _drawn(qtbot, chart, lambda: chart.set_result_ids([]))
    assert chart.message.text().startswith("No troop figures")
    # No plot with 20,000-100,000 grid lines: a sentence instead, and an empty list.
    assert chart.stack.currentWidget() is chart.empty and chart.empty.isVisible()
    assert not chart.plot_widget.isVisible() and chart.legend.count() == 0
    _drawn(qtbot, chart, lambda: chart.set_result_ids(window.search.result.all_ids))
    assert chart.plot_widget.isVisible() and chart.bars


def test_the_hint_names_points_when_drawn_as_lines(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    assert "hover a bar" in chart.message.text()
    _drawn(
        qtbot, chart, lambda: chart.style_combo.setCurrentIndex(chart.style_combo.findData("lines"))
    )
    assert "hover a point" in chart.message.text()


def test_the_chart_added_from_the_window_is_the_briefings_chart(qtbot, window, tmp_path):
    """Add to briefing, export the PDF, read it back: the chart keeps its log scale, kinds and
    countries, is listed as an item, and every article behind its bars is in Sources."""
    from pypdf import PdfReader

    from briefing_app.ui.briefing_pane import install

    pane = install(window, window.session.workspace)
    chart = window.chart
    _choose(qtbot, chart, chart.scope_combo, "library")
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.log_button.click()
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.kind_actions["exercise"].setChecked(True)
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        chart.pick_countries(["Russia", "United States", "United Kingdom"])
    assert chart.briefing_button.isVisible()
    pane.add_article(window.session.workspace.search("Lambrecht").hits[0].id)
    chart.briefing_button.click()
    (item,) = [i for i in pane._briefing.items if i.kind == "chart"]
    assert item.chart.scale == "log"
    assert item.chart.kinds == ("deployment", "presence", "exercise")
    assert sorted(item.chart.countries) == ["Russia", "United Kingdom", "United States"]

    out = tmp_path / "briefing.pdf"
    with qtbot.waitSignal(pane.exportFinished, timeout=60000):
        pane.export_to(str(out))
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    text = " ".join(pages)
    flat = "".join(text.split())
    assert "2 items" in pages[0]
    assert "2.Chart1:Troopsbycontributorandyear" in "".join(pages[1].split())
    assert "troops (log scale)" in text
    # Every article behind a drawn bar is a numbered source; Russia's 100,000 has its citation.
    sources = flat[flat.rindex("Sources") :]
    for n in (1, 2, 3):
        assert f"[{n}]" in sources
    assert re.search(r"Russia2014100,000100,000exercise\[\d\]", flat)

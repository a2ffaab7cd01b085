"""The troop chart: bars per country and year, the undated group, hover, click, export."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from briefing_app.core.figures import UNDATED
from tests.ui.conftest import SEED_000_TITLE, search


def _bars(chart) -> dict[str, dict[float, float]]:  # noqa: ANN001
    """country -> {group label: height} as drawn."""
    table = chart.table
    labels = [UNDATED if y is None else str(y) for y in chart.groups(table)]
    out = {}
    for country, item in chart.bars.items():
        xs, heights = item.opts["x"], item.opts["height"]
        out[country] = {labels[round(x)]: h for x, h in zip(xs, heights, strict=True)}
    return out


def _drawn(qtbot, chart, action) -> None:  # noqa: ANN001
    with qtbot.waitSignal(chart.drawn, timeout=10000):
        action()


def test_bars_show_the_seeds_countries_by_year_with_undated_kept(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    bars = _bars(chart)
    assert bars["United Kingdom"] == {"2017": 800, UNDATED: 1000}
    assert bars["Germany"] == {"2017": 360, UNDATED: 1000}
    # "largest": the US has 600 (seed 000) and 1,000 (seed 001), both undated.
    assert bars["United States"] == {UNDATED: 1000}
    ticks = [label for _x, label in chart.plot.getAxis("bottom")._tickLevels[0]]
    assert ticks[-1] == UNDATED
    # One legend entry per country.
    assert sorted(label.text for _sample, label in chart.legend.items) == sorted(bars)


def test_by_host_combine_and_lines(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, lambda: chart.by_combo.setCurrentIndex(chart.by_combo.findData("host")))
    assert "Estonia" in chart.bars
    _drawn(
        qtbot, chart, lambda: chart.by_combo.setCurrentIndex(chart.by_combo.findData("contributor"))
    )
    _drawn(
        qtbot,
        chart,
        lambda: chart.combine_combo.setCurrentIndex(chart.combine_combo.findData("sum")),
    )
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
    expected = {"NATO", "Germany", "United Kingdom", "Norway", "multinational"}
    qtbot.waitUntil(lambda: set(_bars(chart)) == expected, timeout=10000)
    assert all(UNDATED not in cells for cells in _bars(chart).values())
    _drawn(
        qtbot,
        chart,
        lambda: chart.scope_combo.setCurrentIndex(chart.scope_combo.findData("library")),
    )
    assert "United States" in _bars(chart)


def test_hovering_a_bar_tells_its_sources_and_clicking_opens_the_article(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    item = chart.bars["United States"]
    x = item.opts["x"][0]
    scene = chart.plot.vb.mapViewToScene(QPointF(x, 500))
    hot = chart.hot_at(scene)
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


def test_export_png_svg_and_csv(qtbot, window, tmp_path):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    for name in ("chart.png", "chart.svg", "chart.csv"):
        chart.export(str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 100
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "chart.svg").read_text()
    csv = (tmp_path / "chart.csv").read_text()
    assert csv.splitlines()[0] == "contributor,year,troops,reports,articles"
    assert "United Kingdom,2017,800" in csv
    assert window.export_action.shortcut().toString() == "Ctrl+E"


def test_seed_000_us_figure_is_in_the_undated_group(qtbot, window):
    chart = window.chart
    _drawn(
        qtbot,
        chart,
        lambda: chart.combine_combo.setCurrentIndex(chart.combine_combo.findData("sum")),
    )
    cell = chart.table.cell("United States", None)
    assert any(
        r.article_title.startswith(SEED_000_TITLE[:20]) and r.value == 600 for r in cell.reports
    )


def test_log_scale_keeps_small_contingents_visible(qtbot, window, monkeypatch, tmp_path):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    assert max(chart.bars["Russia"].opts["height"]) == 100000
    with qtbot.waitSignal(chart.drawn, timeout=5000):
        chart.log_button.click()
    assert max(chart.bars["Russia"].opts["height"]) == 5  # log10(100,000)
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


def test_no_figures_hides_the_empty_legend_box(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    assert chart.legend.isVisible()
    _drawn(qtbot, chart, lambda: chart.set_result_ids([]))
    assert chart.message.text().startswith("No troop figures")
    assert not chart.legend.isVisible()  # no empty frame left beside the empty plot
    _drawn(qtbot, chart, lambda: chart.set_result_ids(window.search.result.all_ids))
    assert chart.legend.isVisible() and chart.bars


def test_the_hint_names_points_when_drawn_as_lines(qtbot, window):
    chart = window.chart
    _drawn(qtbot, chart, chart.refresh)
    assert "hover a bar" in chart.message.text()
    _drawn(
        qtbot, chart, lambda: chart.style_combo.setCurrentIndex(chart.style_combo.findData("lines"))
    )
    assert "hover a point" in chart.message.text()

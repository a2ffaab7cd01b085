"""Working with the library from the window: import, edit, correct, persist, settings, briefing hooks."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QDialog

from briefing_app.core.dates import FIRST_YEAR, LAST_YEAR
from briefing_app.core.workspace import Workspace
from briefing_app.ui.highlights import entity_filter
from tests.ui.conftest import SEED_000_TITLE, open_article, open_window, titles

ARTICLE = """Estonia to host more allied troops

TALLINN, 3 March 2019 - Denmark will send 200 troops to Estonia next month, the Estonian defence
ministry said, joining the British-led battle group at Tapa.
"""


def test_import_a_folder_in_a_worker_and_see_the_summary(qtbot, window, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "estonia.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    job = window.import_paths([str(folder)])
    assert window.progress.isVisibleTo(window) and window.cancel_button.isVisibleTo(window)
    with qtbot.waitSignal(window.search.searchFinished, timeout=20000):
        with qtbot.waitSignal(job.finished, timeout=20000) as blocker:
            pass
    report = blocker.args[0]
    assert report.imported == 1 and len(report.skipped) == 2
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert len(reasons) == 2 and all(reasons)
    assert len(titles(window)) == 4 and any(
        "Denmark will send 200 troops" in t for t in titles(window)
    )
    assert not window.progress.isVisibleTo(window)


def test_filter_library_by_an_entity_from_the_highlight_pane(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    model = window.highlights.model
    item = model.item(model.find(lambda i: i.label == "Jens Stoltenberg"))
    assert entity_filter(item) == ("person", "Jens Stoltenberg")
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.highlights.filterRequested.emit(*entity_filter(item))
    assert [c.label for c in window.search.chip_bar.chips] == ["Person: Jens Stoltenberg"]
    assert len(titles(window)) == 1
    estonia = model.item(model.find(lambda i: i.label == "Estonia"))
    assert entity_filter(estonia) == ("country", "Estonia")


def test_the_correction_year_box_offers_the_years_extraction_reads_and_no_year(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    model = window.highlights.model
    item = model.item(
        model.find(lambda i: i.kind == "troops" and i.stored.figure.contributor == "United States")
    )
    dialog = window.highlights.correct(item)
    try:
        assert dialog.year.text() == "no year" and dialog.changes()["year"] is None
        dialog.year.stepBy(1)
        assert dialog.year.text() == str(FIRST_YEAR) and dialog.changes()["year"] == FIRST_YEAR
        dialog.year.setValue(LAST_YEAR + 1)
        assert dialog.changes()["year"] == LAST_YEAR
    finally:
        dialog.reject()


def test_edit_date_and_correct_figure_survive_a_new_window(qtbot, library_dir):
    window = open_window(qtbot, library_dir)
    article_id = open_article(qtbot, window, SEED_000_TITLE)
    # Edit the date through the dialog, as the user does.
    dialog = window.article.edit_details()
    assert dialog is not None and dialog.isVisible()
    dialog.date_edit.setText("not a date")
    dialog.accept()
    assert dialog.isVisible() and "not a date" in dialog.error.text()
    dialog.date_edit.setText("2015-05-14")
    with qtbot.waitSignal(window.session.articleChanged, timeout=10000):
        dialog.accept()
    assert window.article.dialog is dialog  # closed and deleted on accept
    row = window.search.model.row_of(article_id)
    assert window.search.model.rows[row].date == "2015-05-14"
    assert "2015-05-14" in window.reader.view.toPlainText()
    # Correct the US figure: 600 -> 650.
    model = window.highlights.model
    item = model.item(
        model.find(lambda i: i.kind == "troops" and i.stored.figure.contributor == "United States")
    )
    correction = window.highlights.correct(item)
    correction.set_count(650)
    with qtbot.waitSignal(window.session.figuresChanged, timeout=10000):
        correction.accept()
    corrected = model.item(
        model.find(lambda i: i.kind == "troops" and i.stored.figure.contributor == "United States")
    )
    assert corrected.corrected and "corrected" in corrected.detail
    assert "✎" in model.data(model.find(lambda i: i is corrected))

    # The chart follows: the article now has a year, so its figures leave "undated".
    def charted() -> float | None:
        cell = window.chart.table.cell("United States", 2015) if window.chart.table else None
        return cell.value if cell else None

    qtbot.waitUntil(lambda: charted() == 650, timeout=10000)
    window.close()

    second = open_window(qtbot, library_dir)
    try:
        article_id2 = open_article(qtbot, second, SEED_000_TITLE)
        assert article_id2 == article_id
        assert second.article.view.article.date == "2015-05-14"
        model = second.highlights.model
        item = model.item(
            model.find(
                lambda i: i.kind == "troops" and i.stored.figure.contributor == "United States"
            )
        )
        assert item.corrected and item.stored.figure.low == 650
        # Revert brings the extracted figure back.
        with qtbot.waitSignal(second.session.figuresChanged, timeout=10000):
            second.highlights.revert(item)
        item = model.item(
            model.find(
                lambda i: i.kind == "troops" and i.stored.figure.contributor == "United States"
            )
        )
        assert not item.corrected and item.stored.figure.low == 600
    finally:
        second.close()


def test_star_and_unread_filters(qtbot, window):
    article_id = open_article(qtbot, window, SEED_000_TITLE)
    window.article.star.trigger()
    # Marking read and starring run one after the other in the background.
    qtbot.waitUntil(lambda: not window.session.busy, timeout=5000)
    row = window.search.model.row_of(article_id)
    assert window.search.model.rows[row].starred
    assert window.article.star.isChecked() and window.article.star.text() == "★ Starred"
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.starred_action.trigger()
    assert len(titles(window)) == 1 and titles(window)[0].startswith(SEED_000_TITLE)
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.clear_chips()
    # The opened article is read, so "unread only" leaves the other two.
    qtbot.waitUntil(
        lambda: window.session.workspace.library.get_article(article_id).read, timeout=5000
    )
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.unread_action.trigger()
    assert len(titles(window)) == 2 and article_id not in [r.id for r in window.search.model.rows]


def test_settings_round_trip(qtbot, library_dir):
    window = open_window(qtbot, library_dir)
    window.reader.zoom_in.trigger()
    window.reader.zoom_in.trigger()
    window.search.box.setText("NATO troops")
    window.chart.by_combo.setCurrentIndex(window.chart.by_combo.findData("host"))
    window.reader.legend.buttons["NORP"].click()
    window.chart_dock.hide()
    window.set_theme("dark")
    size = window.reader.view.font_size
    window.close()
    assert isinstance(QSettings().value("window/state"), QByteArray)

    second = open_window(qtbot, library_dir)
    try:
        assert second.reader.view.font_size == size
        assert second.search.box.text() == "NATO troops"
        assert second.search.result.query == "NATO troops"
        assert second.chart.config()["by"] == "host"
        assert second.reader.legend.hidden() == {"NORP"}
        assert not second.chart_dock.isVisible()
        assert second.theme_actions["dark"].isChecked()
    finally:
        second.set_theme("light")
        second.close()


def test_second_window_on_the_same_library_opens_without_corrupting(qtbot, library_dir, tmp_path):
    first = open_window(qtbot, library_dir)
    other = Workspace.open(library_dir, repair=False)  # a second program on the same library
    try:
        assert other.search("").total == 3
        report = other.import_text("Poland will host 1,000 more US troops in 2020, Warsaw said.")
        assert report.imported == 1
        with qtbot.waitSignal(first.search.searchFinished, timeout=5000):
            first.search.search_now()
        assert len(titles(first)) == 4
    finally:
        other.close()
        first.close()


def test_briefing_actions_appear_only_when_connected(qtbot, window):
    got = []
    assert not window.article.to_briefing.isVisible()
    assert not window.briefing.enabled("addArticleToBriefing")
    window.addArticleToBriefing.connect(got.append)
    window.addChartToBriefing.connect(got.append)
    dock = window.add_briefing_dock(QDialog(), "Briefing")
    assert dock.objectName() == "briefingDock"
    assert dock.toggleViewAction() in window.docks_menu.actions()
    assert window.briefing.enabled("addArticleToBriefing")
    assert not window.chart.briefing_button.isHidden()
    open_article(qtbot, window, SEED_000_TITLE)
    assert window.article.to_briefing.isVisible()
    window.article.to_briefing.trigger()
    window.chart.briefing_button.click()
    assert got[0] == window.article.article_id
    assert got[1]["by"] == "contributor" and got[1]["scope"] == "results"


def test_library_info_and_reindex(qtbot, window):
    info = window.show_library_info()
    assert info.isVisible()
    texts = [
        info.form.itemAt(i).widget().text()
        for i in range(info.form.count())
        if info.form.itemAt(i).widget()
    ]
    assert "Articles:" in texts and "3" in texts
    job = window.reindex()
    with qtbot.waitSignal(job.finished, timeout=20000) as blocker:
        pass
    assert blocker.args[0] == 3


def test_chart_undated_group_label(qtbot, window):
    with qtbot.waitSignal(window.chart.drawn, timeout=5000):
        window.chart.refresh()
    groups = window.chart.groups(window.chart.table)
    assert groups[-1] is None
    # What the user reads under the last group of bars.
    [ticks] = window.chart.plot.getAxis("bottom")._tickLevels
    assert ticks[-1] == (len(groups) - 1, "undated")


def test_a_new_library_says_it_was_given_the_sample_articles(qtbot, window):
    message = window.statusBar().currentMessage()
    assert "built-in sample articles" in message and "first run" in message
    assert len(titles(window)) == 3

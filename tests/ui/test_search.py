"""Searching from the window: typing, results, suggestions, filters as chips, facets."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from briefing_app.ui.chips import Chip
from briefing_app.ui.models import Role
from briefing_app.ui.workers import LatestOnly
from tests.ui.conftest import SEED_000_TITLE, search, titles


def test_empty_search_lists_every_seed_newest_first(window):
    # First run: the seeds were imported and an empty search shows them all, dated ones first.
    assert len(titles(window)) == 3
    assert window.search.model.rows[0].date == "2017-07-11"
    assert window.search.stack.currentWidget() is window.search.list
    assert "3 articles" in window.count_label.text() and "ms" in window.count_label.text()


def test_typing_searches_and_shows_matching_titles(qtbot, window):
    search(qtbot, window, "Stoltenberg")
    assert len(titles(window)) == 1
    assert titles(window)[0].startswith(SEED_000_TITLE)
    snippet = window.search.model.data(window.search.model.index(0), Role.Snippet)
    assert '<b class="match">Stoltenberg</b>' in snippet
    assert window.search.count_label.text() == "1 article"


def test_enter_searches_at_once_and_stale_results_are_dropped(qtbot, window):
    window.search.box.setText("Lambrecht")
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000) as blocker:
        qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert blocker.args[0].query == "Lambrecht"
    assert [t[:6] for t in titles(window)] == ["German"]


def test_latest_only_drops_an_older_slower_answer(qtbot):
    latest = LatestOnly()
    received = []
    latest.finished.connect(received.append)
    latest.submit(lambda: (time.sleep(0.3), "old")[1])
    with qtbot.waitSignal(latest.finished, timeout=5000):
        latest.submit(lambda: "new")
    qtbot.wait(500)  # the old one has finished by now and must not arrive
    assert received == ["new"]


def test_no_results_shows_suggestion_and_tips(qtbot, window):
    search(qtbot, window, "Stoltenbrg")
    assert window.search.model.rowCount() == 0
    assert window.search.stack.currentWidget() is window.search.empty
    text = window.search.empty.text()
    assert "No articles match" in text and "Tips" in text
    if window.search.result.suggestion:
        # Clicking "did you mean" searches for it.
        suggestion = window.search.result.suggestion
        assert "Did you mean" in text
        with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
            window.search.empty.linkActivated.emit(f"suggest:{suggestion}")
        assert window.search.box.text() == suggestion


def test_bad_query_says_what_is_wrong_and_keeps_results(qtbot, window):
    before = titles(window)
    with qtbot.waitSignal(window.search.searchFailed, timeout=5000):
        window.search.set_query('"unclosed')
    assert window.search.error_label.isVisibleTo(window.search)
    assert window.search.error_label.text()
    assert titles(window) == before


def test_facet_click_adds_a_chip_and_filters(qtbot, window):
    facets = window.search.facets
    people = next(r for r, g in enumerate(facets.groups) if g.key == "person")
    group = facets.index(people, 0)
    row = next(
        r
        for r in range(facets.rowCount(group))
        if facets.item(facets.index(r, 0, group)).value == "Jens Stoltenberg"
    )
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.facet_view.clicked.emit(facets.index(row, 0, group))
    assert window.search.request.chips == [Chip("person", "Jens Stoltenberg")]
    assert [b.text() for b in window.search.chip_bar.buttons()] == ["Person: Jens Stoltenberg  ✕"]
    assert len(titles(window)) == 1 and titles(window)[0].startswith(SEED_000_TITLE)
    # Removing the chip widens the search again.
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        qtbot.mouseClick(window.search.chip_bar.buttons()[0], Qt.MouseButton.LeftButton)
    assert len(titles(window)) == 3
    assert not window.search.chip_bar.isVisibleTo(window.search)


def test_date_range_and_starred_filters(qtbot, window):
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.set_date_range("2017", None)
    assert [r.date for r in window.search.model.rows] == ["2017-07-11"]
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.clear_chips()
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.starred_action.trigger()
    assert titles(window) == []
    assert Chip("starred", "true") in window.search.request.chips


def test_sort_by_date_and_arrow_keys_move_through_results(qtbot, window):
    search(qtbot, window, "NATO")
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.sort_combo.setCurrentIndex(window.search.sort_combo.findData("date"))
    assert window.search.model.rows[0].date == "2017-07-11"
    window.search.box.setFocus()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    first = window.article.article_id
    assert first == window.search.model.rows[0].id
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    assert window.article.article_id == window.search.model.rows[1].id


def test_help_popup_explains_the_syntax(window):
    help_window = window.search.show_help()
    assert help_window.isVisible()
    assert "title:" in help_window.findChild(QTextBrowser).toPlainText()
    assert "date:[2015 to 2017]" in help_window.findChild(QTextBrowser).toPlainText()

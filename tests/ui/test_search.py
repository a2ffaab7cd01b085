"""Searching from the window: typing, results, suggestions, filters as chips, facets."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QTextBrowser

from briefing_app.core.query import MAX_EXPANSION
from briefing_app.ui.chips import Chip
from briefing_app.ui.models import ResultRow, Role
from briefing_app.ui.search_panel import no_result_tips
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
    assert window.search.stack.currentWidget() is window.search.empty_page
    text = window.search.empty.text()
    assert "No articles match" in text and "Tips" in text
    # The suggestion as the article writes the name, the tip with the word the user typed,
    # and no advice about filter chips when there are none.
    assert window.search.result.suggestion == "Stoltenberg"
    assert "Did you mean <a href='suggest:Stoltenberg'><b>Stoltenberg</b></a>?" in text
    assert "<code>Stoltenbrg~</code>" in text
    assert "filter chip" not in text and "Remove all filters" not in text
    # Clicking "did you mean" searches for it.
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.empty.linkActivated.emit("suggest:Stoltenberg")
    assert window.search.box.text() == "Stoltenberg"
    assert len(titles(window)) == 1


def test_no_results_with_a_filter_offers_to_remove_it(qtbot, window):
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.starred_action.trigger()
    text = window.search.empty.text()
    assert "Remove a filter chip above" in text and "Remove all filters" in text


def test_no_result_tips_use_the_first_plain_word():
    assert "<code>Stoltenbrg~</code>" in no_result_tips("Stoltenbrg", filtered=False)[0]
    assert "<code>brigade~</code>" in no_result_tips("title:nato AND brigade", False)[0]
    # No plain word to show: the tip says what to do in general.
    assert no_result_tips("year:2016 OR deploy*", False)[0] == (
        "Check the spelling, or add <code>~</code> to a word for similar spellings."
    )
    assert len(no_result_tips("x", filtered=True)) == len(no_result_tips("x", False)) + 1


def test_results_arrive_before_their_count_and_facets(qtbot, window):
    panel = window.search
    at_page: list = []
    panel.resultsShown.connect(
        lambda r: at_page.append(
            (
                r.query,
                r.facets,
                panel.facet_view.isEnabled(),
                panel.count_label.text(),
                len(panel.model.rows),
            )
        )
    )
    search(qtbot, window, "NATO")
    query, facets, enabled, count_text, rows = at_page[-1]
    # Step one: the rows are shown, the count and facets are still on their way.
    assert query == "NATO" and rows == 3
    assert facets is None and not enabled and count_text == "counting…"
    # Step two: they match a full search over every hit.
    full = window.session.workspace.search("NATO", page_size=1)
    assert panel.result.facets == full.facets
    assert sorted(panel.result.all_ids) == sorted(full.all_ids)
    assert panel.count_label.text() == "3 articles" and panel.facet_view.isEnabled()
    shown = {
        group.key: [(child.value, child.count) for child in group.children]
        for group in panel.facets.groups
    }
    assert shown["country"] == full.facets["countries"]
    assert shown["person"] == full.facets["people"]


def test_facet_headings_carry_no_number(window):
    facets = window.search.facets
    heading = facets.index(0, 1)
    assert facets.data(heading) is None
    assert "number of articles" in facets.data(facets.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    # The values keep their counts.
    assert facets.data(facets.index(0, 1, facets.index(0, 0))).isdigit()


def test_latest_only_never_starts_a_request_that_was_superseded_while_queued(qtbot):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    latest = LatestOnly(pool=pool)
    started = []
    busy = threading.Event()

    def hold_the_thread() -> None:
        started.append("busy")
        busy.set()
        time.sleep(0.3)

    latest.submit(hold_the_thread)
    assert busy.wait(5)
    latest.submit(lambda: started.append("stale"))  # queued behind it, then superseded
    with qtbot.waitSignal(latest.finished, timeout=5000):
        latest.submit(lambda: started.append("new") or "new")
    assert started == ["busy", "new"]


def test_bad_query_says_what_is_wrong_and_no_results_stay_from_the_last_one(qtbot, window):
    search(qtbot, window, "Stoltenberg")
    assert titles(window) and window.search.count_label.text() == "1 article"
    with qtbot.waitSignal(window.search.searchFailed, timeout=5000):
        window.search.set_query('"unclosed')
    assert window.search.error_label.isVisibleTo(window.search)
    assert "quotation mark" in window.search.error_label.text()
    # The list, the count and the facets agree with the error: this query found nothing.
    assert titles(window) == []
    assert window.search.count_label.text() == "0 articles"
    assert window.search.stack.currentWidget() is window.search.empty_page
    assert "could not be run" in window.search.empty.text()
    assert window.search.facets.rowCount() == 0
    assert window.search.box.text() == '"unclosed'  # kept, to be fixed
    assert window.chart.result_ids == []  # the chart draws this (empty) result too
    # Fixing it searches again as usual.
    search(qtbot, window, "Stoltenberg")
    assert len(titles(window)) == 1 and not window.search.error_label.isVisibleTo(window.search)


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
    text = help_window.findChild(QTextBrowser).toPlainText()
    assert "date:[2015 to 2017]" in text
    # It names the panel by its name and says how far * and ~ reach.
    assert "Narrow by" in text and "Filters panel" not in text
    assert f"at most the {MAX_EXPANSION} indexed words" in text


def test_a_result_without_a_date_says_undated_as_the_terminal_and_chart_do():
    assert ResultRow(1, "Talks", None, "Test Wire", "").meta == "undated · Test Wire"
    assert ResultRow(1, "Talks", "2016-06-14", None, "").meta == "2016-06-14"

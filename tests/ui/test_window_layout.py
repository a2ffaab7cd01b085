"""What the window shows at 1280×800: the briefing chooser, the briefing's items and the
no-results page each fit in their docks."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from briefing_app.ui.briefing_pane import SAVE_DELAY_MS, install
from tests.ui.conftest import search


def _briefing_tab(qtbot, window, workspace_items: int = 5):  # noqa: ANN001, ANN202
    pane = install(window, window.session.workspace)
    window.resize(1280, 800)
    window._default_sizes()
    pane.parentWidget().raise_()
    pane.tabs.setCurrentIndex(1)  # Items
    ids = [hit.id for hit in window.session.workspace.search("").hits]
    for i in range(workspace_items):
        pane.add_article(ids[i % len(ids)])
    qtbot.wait(100)
    return pane


def test_the_chooser_shows_name_and_title_and_cuts_long_titles_in_the_middle(qtbot, window):
    pane = _briefing_tab(qtbot, window)
    name = pane.name
    pane.title_edit.clear()
    qtbot.keyClicks(pane.title_edit, "Baltic reinforcement")
    qtbot.waitUntil(
        lambda: pane.chooser.currentText() == f"{name} — Baltic reinforcement",
        timeout=SAVE_DELAY_MS * 4,
    )
    assert pane.chooser.shown_text() == f"{name} — Baltic reinforcement"

    title = "Allied force posture on the eastern flank after the 2027 summit, final edition"
    pane.title_edit.clear()
    qtbot.keyClicks(pane.title_edit, title)
    qtbot.waitUntil(lambda: pane.chooser.currentText().endswith(title), timeout=SAVE_DELAY_MS * 4)
    shown = pane.chooser.shown_text()
    assert "…" in shown and shown.startswith(f"{name} — Allied") and shown.endswith("edition")


def test_the_items_list_shows_at_least_three_whole_items(qtbot, window):
    pane = _briefing_tab(qtbot, window)
    view = pane.items_view
    assert view.isVisible()
    third = view.visualRect(pane.model.index(2, 0))
    assert third.height() > 0 and third.bottom() <= view.viewport().height()
    # One line each, the whole description on hover.
    assert third.height() < 2 * view.fontMetrics().height() + 8
    assert pane.model.index(0, 0).data(3)  # Qt.ToolTipRole


def test_the_no_results_page_keeps_its_search_syntax_link_in_sight(qtbot, window):
    window.resize(1280, 800)
    window._default_sizes()
    qtbot.wait(50)
    search(qtbot, window, "zzzzqx")
    page, label = window.search.empty_page, window.search.empty
    assert window.search.stack.currentWidget() is page and label.isVisible()
    # Lay the label's text out as the label does and find where the link ends.
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    margins = label.contentsMargins()
    document.setTextWidth(label.width() - margins.left() - margins.right())
    found = document.find("Search syntax…")
    assert not found.isNull()
    block = document.documentLayout().blockBoundingRect(found.block())
    assert margins.top() + block.bottom() <= page.viewport().height()

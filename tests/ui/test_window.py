"""The window as a whole: paging, drag and drop, passages for a briefing, menus, starting up."""

from __future__ import annotations

import gc

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

import briefing_app.ui.search_panel as search_panel
from briefing_app.core.store import LibraryError
from briefing_app.ui import app as app_module
from tests.ui.conftest import SEED_000_TITLE, open_article, titles


def test_results_load_more_pages_as_the_list_scrolls(qtbot, window, monkeypatch):
    monkeypatch.setattr(search_panel, "PAGE_SIZE", 1)
    with qtbot.waitSignal(window.search.searchFinished, timeout=5000):
        window.search.search_now()
    model = window.search.model
    assert model.total == 3
    # The list asks for the next page by itself while its end is in view.
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10000)
    assert not model.canFetchMore()
    assert len(set(titles(window))) == 3


def test_dropping_files_on_the_window_imports_them(qtbot, window, tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text(
        "WARSAW — Poland will host 1,000 more US troops in 2020, the defence ministry said.\n",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.session.libraryChanged, timeout=20000):
        window.dropEvent(event)
    qtbot.waitUntil(lambda: len(titles(window)) == 4, timeout=10000)
    assert (
        window.import_dialog is not None and "1 imported" in window.import_dialog.report.summary()
    )


def test_selected_passage_maps_to_body_offsets_for_a_briefing(qtbot, window):
    got = []
    window.addPassageToBriefing.connect(lambda *args: got.append(args))
    article_id = open_article(qtbot, window, SEED_000_TITLE)
    reader = window.reader.view
    body = reader.view.article.body
    start = body.index("Jens Stoltenberg")
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.doc_position(start))
    cursor.setPosition(
        reader.doc_position(start + len("Jens Stoltenberg said")), QTextCursor.MoveMode.KeepAnchor
    )
    reader.setTextCursor(cursor)
    assert reader.passage_enabled()
    reader._request_passage()
    assert got == [
        (article_id, "Jens Stoltenberg said", start, start + len("Jens Stoltenberg said"))
    ]


def test_menus_show_the_shortcuts(window):
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString()
        for menu in window.menuBar().findChildren(type(window.docks_menu))
        for a in menu.actions()
    }
    assert shortcuts["Import Files…"] == "Ctrl+O"
    assert shortcuts["Export Chart…"] == "Ctrl+E"
    assert shortcuts["Find…"] == "Ctrl+F"
    assert shortcuts["Zoom In"] in ("Ctrl+=", "Ctrl++")
    # Each dock can be brought back from the View menu.
    assert {a.text() for a in window.docks_menu.actions()} == {
        "Search",
        "In this article",
        "Troop figures",
    }


def test_focus_search_shortcut_reopens_a_closed_search_dock(qtbot, window):
    window.search_dock.close()
    window.focus_search()
    assert window.search_dock.isVisible()
    assert window.search.box.selectedText() == window.search.box.text()


def test_run_app_reports_a_library_it_cannot_open(monkeypatch, qapp):
    shown = []

    def refuse(*_args, **_kwargs):
        raise LibraryError("the library is damaged")

    monkeypatch.setattr("briefing_app.core.workspace.Workspace.open", refuse)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert app_module.run_app("/nonexistent", []) == 1
    assert "the library is damaged" in shown[0]


def test_run_app_opens_the_window_and_imports_paths(monkeypatch, qapp, library_dir, tmp_path):
    opened = []
    path = tmp_path / "a.txt"
    path.write_text(
        "VILNIUS — Lithuania asked NATO for 3,000 more troops on Monday.\n", encoding="utf-8"
    )

    def fake_exec():
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "mainWindow" and w.isVisible()
        )
        opened.append(window)
        collecting.append(gc.isenabled())
        window.close()
        return 0

    collecting: list[bool] = []
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app_module.run_app(str(library_dir), [str(path)]) == 0
    assert opened and opened[0].session.workspace.folder == library_dir
    # While the window runs, cycles are collected from the event loop only; after, as before.
    assert collecting == [False] and gc.isenabled()

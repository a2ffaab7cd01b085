"""The window's other ways in: the clipboard, dropped text, watched folders, preferences."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from briefing_app.ui import paste_dialog
from tests.ui.conftest import titles

PASTED_HTML = (
    "<html><head><title>Romania hosts French battlegroup</title>"
    '<meta property="og:site_name" content="Pasted Wire"></head><body>'
    "<p>BUCHAREST — France will station 500 soldiers at Cincu in Romania, the defence "
    "ministry said on Monday, as part of a NATO battlegroup in the region.</p>"
    '<img src="http://tracker.example/pixel.gif"></body></html>'
)


def _accept_paste_dialogs(monkeypatch) -> list[paste_dialog.PasteDialog]:
    """Stand in for the user who checks the prefilled fields and presses OK."""
    shown = []

    def accept(dialog):
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(paste_dialog.PasteDialog, "exec", accept)
    return shown


def test_import_from_clipboard_shows_the_article_in_the_results(qtbot, window, monkeypatch):
    shown = _accept_paste_dialogs(monkeypatch)
    mime = QMimeData()
    mime.setHtml(PASTED_HTML)
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)
    try:
        with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
            window.paste_action.trigger()
    finally:
        clipboard.clear()
    [dialog] = shown
    assert dialog.article().title == "Romania hosts French battlegroup"
    assert "Romania hosts French battlegroup" in titles(window)
    assert "Ctrl+Shift+V" in window.paste_action.shortcut().toString()


def test_dropped_text_is_imported_after_confirmation(qtbot, window, monkeypatch):
    _accept_paste_dialogs(monkeypatch)
    mime = QMimeData()
    mime.setText("title: Dropped note\n\nFinnish reservists joined the exercise in Lapland.\n")
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        window.dropEvent(event)
    assert "Dropped note" in titles(window)


def test_a_file_dropped_into_a_watched_folder_appears_in_the_results(qtbot, window, tmp_path):
    folder = tmp_path / "watched"
    folder.mkdir()
    window.watcher.set_folders([folder])
    (folder / "new.txt").write_text(
        "title: Spanish jets to Lithuania\ndate: 2021-04-30\n\n"
        "VILNIUS — Spain sent 130 airmen to Lithuania for the air policing mission.\n",
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: "Spanish jets to Lithuania" in titles(window), timeout=20000)


def test_preferences_list_the_watched_folders(qtbot, window, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    window.watcher.set_folders([folder])
    dialog = window.show_preferences()
    qtbot.addWidget(dialog)
    assert dialog.watched.model.stringList() == [str(folder.resolve())]

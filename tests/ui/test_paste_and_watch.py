"""Paste an article from the clipboard; watched folders import new files without freezing the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QApplication, QDialog

from briefing_app.core import watch
from briefing_app.core.workspace import Workspace
from briefing_app.ui import paste_dialog
from briefing_app.ui.paste_dialog import PasteDialog, import_from_mime
from briefing_app.ui.watcher import FolderWatcher, WatchedFoldersPage

PAGE = """<html><head><meta property="og:site_name" content="Baltic Times">
<meta property="article:published_time" content="2023-07-11T08:00:00Z">
<title>NATO summit opens in Vilnius</title></head><body>
<h1>NATO summit opens in Vilnius</h1>
<p>VILNIUS — Leaders of the alliance gathered in the Lithuanian capital on Tuesday for a
summit expected to agree new defence plans and to discuss a path to membership for Ukraine.</p>
<p>Security in the city was tight, with air defence systems lent by several allies deployed
around the venue, officials said.</p></body></html>"""


@pytest.fixture
def workspace(library_dir: Path) -> Iterator[Workspace]:
    with Workspace.open(library_dir, seed_if_empty=False) as opened:
        yield opened


@pytest.fixture
def clipboard_html(qapp) -> Iterator[QMimeData]:
    mime = QMimeData()
    mime.setHtml(PAGE)
    mime.setText("NATO summit opens in Vilnius")
    mime.setUrls([QUrl("https://www.baltictimes.example/nato-summit")])
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)  # the clipboard owns it from here on
    yield clipboard.mimeData()
    # Emptied while the application lives: left for shutdown, Qt and Python both free it.
    clipboard.clear()


def test_paste_dialog_prefills_and_imports(
    qtbot, workspace: Workspace, clipboard_html: QMimeData
) -> None:
    dialog = PasteDialog(clipboard_html)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "NATO summit opens in Vilnius"
    assert dialog.date_edit.text() == "2023-07-11"
    assert dialog.source_edit.text() == "Baltic Times"
    assert dialog.body_edit.toPlainText().startswith("VILNIUS — Leaders of the alliance")

    dialog.source_edit.setText("The Baltic Times")
    dialog.date_edit.setText("not a date")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "not a date" in dialog.error.text()
    dialog.date_edit.setText("12 July 2023")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted

    report = workspace.import_article(dialog.article())
    assert report.imported == 1
    stored = workspace.library.get_article(report.article_ids[0])
    assert (stored.title, stored.date, stored.source) == (
        "NATO summit opens in Vilnius",
        "2023-07-12",
        "The Baltic Times",
    )
    assert stored.url == "https://www.baltictimes.example/nato-summit"
    assert stored.dateline == "VILNIUS"
    assert workspace.search('"air defence systems lent"').total == 1


def test_import_from_mime_plain_text(qtbot, workspace: Workspace, monkeypatch) -> None:
    monkeypatch.setattr(PasteDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    mime = QMimeData()
    mime.setText("RIGA — Latvia will reintroduce conscription next year, the minister said.")
    report = import_from_mime(None, workspace, mime)
    assert report is not None and report.imported == 1
    assert workspace.search("conscription").total == 1
    monkeypatch.setattr(paste_dialog.QMessageBox, "information", lambda *args: None)
    assert import_from_mime(None, workspace, QMimeData()) is None


def test_folder_watcher_imports_a_new_file(qtbot, workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "watched"
    (folder / "sub").mkdir(parents=True)
    watcher = FolderWatcher(workspace, debounce_ms=200)
    watcher.set_folders([folder])
    emitted: list[object] = []
    watcher.imported.connect(emitted.append)
    watcher.start()
    assert watcher.busy  # the first scan runs in a worker; the GUI thread goes on
    qtbot.waitUntil(lambda: not watcher.busy, timeout=10000)
    assert emitted == []  # an empty folder imports nothing and says nothing

    with qtbot.waitSignal(watcher.imported, timeout=10000) as caught:
        (folder / "sub" / "drill.txt").write_text(
            "TAPA — Estonian and British troops began a drill near Tapa on Monday.\n"
        )
    report = caught.args[0]
    assert report.imported == 1
    assert workspace.search('"drill near Tapa"').total == 1

    # Rewritten in place: the folder does not change, the file does.
    qtbot.waitUntil(lambda: not watcher.busy, timeout=10000)
    with qtbot.waitSignal(watcher.imported, timeout=10000) as caught:
        with (folder / "sub" / "drill.txt").open("w") as handle:
            handle.write("TAPA — Estonian and British troops ended a drill near Tapa on Friday.\n")
    assert caught.args[0].updated == 1
    assert workspace.search('"ended a drill"').total == 1
    watcher.stop()
    assert not watcher.busy


def test_watched_folders_page(qtbot, workspace: Workspace, tmp_path: Path, monkeypatch) -> None:
    watcher = FolderWatcher(workspace)
    page = WatchedFoldersPage(workspace, watcher)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.changed):
        assert page.add_folder(tmp_path)
    assert page.folders() == [str(tmp_path.resolve())]
    assert watch.watched_folders(workspace) == [tmp_path.resolve()]
    monkeypatch.setattr("briefing_app.ui.watcher.QMessageBox.warning", lambda *args: None)
    assert not page.add_folder(tmp_path / "missing")
    assert not page.remove_button.isEnabled()
    page.view.setCurrentIndex(page.model.index(0))
    assert page.remove_button.isEnabled()
    page.remove_button.click()
    assert page.folders() == [] and watch.watched_folders(workspace) == []


def test_drop_helpers(tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path)), QUrl("https://example.org/a")])
    mime.setText("Some dropped text.")
    assert paste_dialog.local_paths(mime) == [tmp_path]
    copy = paste_dialog.copy_mime(mime)
    assert copy.text() == "Some dropped text." and len(copy.urls()) == 2

"""What a new user meets first: the title, the empty pane, where dialogs open, a steady layout,
and a window that comes back on the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QWidget

from briefing_app.core.workspace import Workspace
from briefing_app.ui import briefing_pane
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.screen import fit_on_screen
from tests.ui.conftest import SEED_000_TITLE, open_article, open_window


def test_title_names_the_library_and_leaves_the_program_name_to_qt(qtbot, library_dir):
    previous = QApplication.applicationDisplayName()
    QApplication.setApplicationDisplayName("Briefing Reader")
    try:
        window = open_window(qtbot, library_dir)
        # Qt shows "<title> — <display name>": the name must not be in the title as well.
        shown = f"{window.windowTitle()} — {QApplication.applicationDisplayName()}"
        assert shown.count("Briefing Reader") == 1
        assert window.windowTitle() == str(window.session.workspace.folder)
        window.close()
    finally:
        QApplication.setApplicationDisplayName(previous)


def test_highlight_pane_says_what_it_will_show_until_an_article_is_open(qtbot, window):
    pane = window.highlights
    assert pane.placeholder.isVisibleTo(window) and not pane.tree.isVisibleTo(window)
    assert "people, places" in pane.placeholder.text()
    assert "correct a troop figure" in pane.placeholder.text()  # the local user may
    open_article(qtbot, window, SEED_000_TITLE)
    assert pane.tree.isVisibleTo(window) and not pane.placeholder.isVisibleTo(window)


def test_highlight_pane_says_so_when_an_article_names_nothing(qtbot, window, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("title: Weather\n\nit rained all day and then it stopped.\n", encoding="utf-8")
    job = window.import_paths([str(path)])
    with qtbot.waitSignal(window.search.searchFinished, timeout=20000):
        qtbot.waitSignal(job.finished, timeout=20000).wait()
    open_article(qtbot, window, "Weather")
    pane = window.highlights
    assert pane.placeholder.isVisibleTo(window) and "names no people" in pane.placeholder.text()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    # The program's folder, where Qt's dialogs open when given none.
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    return folder


def test_import_dialogs_open_at_home_then_where_the_user_last_was(
    qtbot, window, home, tmp_path, monkeypatch
):
    asked: list[str] = []
    elsewhere = tmp_path / "articles"
    elsewhere.mkdir()
    chosen = [str(elsewhere / "a.txt")]

    def fake_open(_parent, _title, folder, _filters):
        asked.append(folder)
        return chosen, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_open)
    monkeypatch.setattr(window, "import_paths", lambda paths: None)
    window.choose_import_files()
    assert asked == [str(home)]
    window.choose_import_files()
    assert asked[-1] == str(elsewhere)
    # Each kind of dialog keeps its own folder: the folder import still starts at home.
    folders: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda _p, _t, folder: folders.append(folder) or ""
    )
    window.choose_import_folder()
    assert folders == [str(home)]
    assert QSettings().value("dialogs/importFilesFolder") == str(elsewhere)


def test_export_dialogs_suggest_a_name_in_the_last_folder(
    qtbot, window, home, tmp_path, monkeypatch
):
    asked: list[str] = []
    target = tmp_path / "out"
    target.mkdir()

    def fake_save(_parent, _title, suggested, _filters, _selected=""):
        asked.append(suggested)
        return str(target / "chart.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    window.chart.choose_export(".csv")
    window.chart.choose_export(".csv")
    assert asked == [str(home / "troop-figures.csv"), str(target / "troop-figures.csv")]


def test_the_right_dock_keeps_its_width_through_a_briefing_export(qtbot, library_dir, tmp_path):
    workspace = Workspace.open(library_dir, seed_if_empty=True, repair=False)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    pane = briefing_pane.install(window, workspace)
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        window.start()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    article = next(iter(workspace.library.iter_articles()))
    pane.add_article(article.id)
    _wait_for_layout(qtbot, window)
    dock, reader = window.highlights_dock.width(), window.reader.width()
    widths = []
    with qtbot.waitSignal(pane.exportFinished, timeout=30000):
        pane.export_to(str(tmp_path / "brief.pdf"), "pdf")
        qtbot.wait(20)
        widths.append((window.highlights_dock.width(), window.reader.width()))
    qtbot.wait(50)
    widths.append((window.highlights_dock.width(), window.reader.width()))
    assert widths == [(dock, reader), (dock, reader)]
    window.close()


def _wait_for_layout(qtbot, window: MainWindow) -> None:
    """Until the docks have their first sizes (set once the window is shown) and keep them."""
    last = None
    for _ in range(50):
        now = (window.highlights_dock.width(), window.reader.width())
        if now == last:
            return
        last = now
        qtbot.wait(100)


def _saved_geometry(qtbot, rect: QRect) -> None:
    """Save a window geometry as a previous run would have left it."""
    other = QMainWindow()
    qtbot.addWidget(other)
    other.setGeometry(rect)
    QSettings().setValue("window/geometry", other.saveGeometry())


@pytest.mark.parametrize(
    "where",
    [
        "far off",  # on a screen since unplugged
        "partly off",  # hanging over the right and bottom edges
        "too big",  # saved at a larger resolution
        "strip",  # at (1, 25) as under a window manager that is gone, full screen size
    ],
)
def test_a_restored_window_lies_wholly_on_the_screen(qtbot, library_dir, where):
    area = QGuiApplication.primaryScreen().availableGeometry()
    rect = {
        "far off": QRect(area.right() + 3000, area.bottom() + 2000, 640, 480),
        "partly off": QRect(area.right() - 200, area.bottom() - 150, 640, 480),
        "too big": QRect(area.x(), area.y(), area.width() + 400, area.height() + 300),
        "strip": QRect(area.x() + 1, area.y() + 25, area.width(), area.height()),
    }[where]
    _saved_geometry(qtbot, rect)
    workspace = Workspace.open(library_dir, seed_if_empty=True, repair=False)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.restore_settings()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the second fit, once the frame is known
    frame = window.frameGeometry()
    # The test screen (offscreen, 800x800) is narrower than the window's minimum width: then
    # the window keeps its left edge on the screen and only its width runs over.
    fits = QRect(area.x(), area.y(), max(area.width(), frame.width()), area.height())
    assert fits.contains(frame), (where, frame, area)
    assert frame.width() <= area.width() or frame.x() == area.x()
    if where == "partly off":
        assert window.height() == 480  # moved, not shrunk
    window.close()


def test_fitting_a_window_moves_it_whole_onto_the_screen(qtbot):
    area = QGuiApplication.primaryScreen().availableGeometry()
    widget = QWidget()
    qtbot.addWidget(widget)
    for rect in (
        QRect(area.right() + 3000, area.bottom() + 2000, 300, 200),
        QRect(area.x() - 100, area.y() - 50, 300, 200),
        QRect(area.right() - 100, area.bottom() - 80, 300, 200),
        QRect(area.x() + 1, area.y() + 25, area.width(), area.height()),
        QRect(area.x(), area.y(), area.width() + 500, area.height() + 500),
    ):
        widget.setGeometry(rect)
        fit_on_screen(widget)
        frame = widget.frameGeometry()
        assert area.contains(frame), (rect, frame)
        if rect.width() == 300:
            assert frame.size() == rect.size()  # moved, not shrunk
    inside = QRect(area.x() + 10, area.y() + 10, 300, 200)
    widget.setGeometry(inside)
    fit_on_screen(widget)
    assert widget.frameGeometry() == inside  # a window already on screen stays put


def test_a_long_status_message_is_elided_before_the_article_count(qtbot, window):
    bar = window.statusBar()
    window.count_label.setText("30 articles · 50 ms")
    long = "Import: " + ", ".join(f"article{i}.txt skipped as a duplicate" for i in range(40))
    bar.showMessage(long, 8000)
    qtbot.wait(50)
    shown = bar.currentMessage()
    assert shown != long and shown.endswith("…")
    assert bar.toolTip() == long
    # Drawn from the bar's left edge: it must end before the count begins.
    assert bar.fontMetrics().horizontalAdvance(shown) < window.count_label.geometry().left()
    # A narrower window cuts it again, still clear of the count.
    window.resize(900, 800)
    qtbot.waitUntil(lambda: bar.currentMessage() != shown)
    shown = bar.currentMessage()
    assert bar.fontMetrics().horizontalAdvance(shown) < window.count_label.geometry().left()
    bar.showMessage("Re-indexed 30 articles.", 8000)
    assert bar.currentMessage() == "Re-indexed 30 articles." and bar.toolTip() == ""

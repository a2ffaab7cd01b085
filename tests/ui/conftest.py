"""Window fixtures: a temporary library seeded with the built-in articles, settings kept in tmp."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from briefing_app.core.workspace import Workspace
from briefing_app.ui.main_window import MainWindow

_names = itertools.count()

# Seed 000 (the Baltic states' request to NATO) names Jens Stoltenberg and gives 600 US troops.
SEED_000_TITLE = "The Baltic states will formally ask NATO"


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp: object) -> Iterator[Path]:
    """Every test writes its settings to its own INI file, never the user's."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("BriefingReaderTests")
    QCoreApplication.setApplicationName(f"ui-test-{next(_names)}")
    yield folder


def open_window(qtbot, library_dir: Path) -> MainWindow:  # noqa: ANN001
    workspace = Workspace.open(library_dir, seed_if_empty=True, repair=False)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        window.start()
    window.resize(1280, 800)
    window.show()
    return window


def close_window(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.close()


@pytest.fixture
def window(qtbot, library_dir: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    win = open_window(qtbot, library_dir)
    yield win
    if win.isVisible():
        win.close()


def titles(window: MainWindow) -> list[str]:
    return [row.title for row in window.search.model.rows]


def search(qtbot, window: MainWindow, text: str) -> None:  # noqa: ANN001
    """Type into the search box the way a user does and wait for the debounced search."""
    window.search.box.clear()
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        qtbot.keyClicks(window.search.box, text)


def open_article(qtbot, window: MainWindow, title_start: str) -> int:  # noqa: ANN001
    row = next(i for i, t in enumerate(titles(window)) if t.startswith(title_start))
    window.search.select_row(row)
    assert window.article.view is not None
    return window.article.view.article.id

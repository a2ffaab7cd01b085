"""The window on a team library: it sees the same door, so searching, reading and starring work
as on a local library, and the star is the connected person's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from briefing_app.core.opening import open_workspace
from briefing_app.ui.main_window import MainWindow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def window(qtbot, team_url: str, tmp_path: Path) -> Iterator[MainWindow]:  # noqa: ANN001
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QCoreApplication.setOrganizationName("BriefingReaderTests")
    QCoreApplication.setApplicationName("team-window")
    workspace = open_workspace(team_url, repair=False)
    workspace.import_paths([SEEDS])
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.search.searchFinished, timeout=10000):
        win.start()
    win.resize(1280, 800)
    win.show()
    yield win
    if win.isVisible():
        win.close()


def test_search_read_and_star_in_the_window_on_a_team_library(qtbot, window, team_url):  # noqa: ANN001
    window.search.box.clear()
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        qtbot.keyClicks(window.search.box, "Lambrecht")
    shown = [row.title for row in window.search.model.rows]
    assert len(shown) == 1 and shown[0].startswith("German Defense Minister")
    window.search.select_row(0)
    view = window.article.view
    assert view is not None and "Lambrecht" in view.article.body
    assert window.windowTitle() == team_url
    window.article.star.trigger()  # Article → Star, as a click does
    assert window.article.star.text() == "★ Starred"
    with open_workspace(team_url) as again:
        # The window saves in a worker; the team library has it once that is done.
        qtbot.waitUntil(
            lambda: again.article(view.article.id).article.starred,  # type: ignore[union-attr]
            timeout=10000,
        )

"""The window's settings survive a program that is stopped rather than quit: SIGTERM at logout,
Ctrl+C in a terminal, or killed outright a moment after the last change."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from briefing_app.paths import APP_NAME
from briefing_app.ui.app import ORGANIZATION
from briefing_app.ui.main_window import SAVE_SETTINGS_MS
from briefing_app.ui.reader import DEFAULT_FONT_SIZE
from tests.ui.conftest import open_window, search

ROOT = Path(__file__).resolve().parents[2]

# The real program (run_app) on a real library; once up, it changes what a user would change,
# says "ready" when the search has run, and waits to be stopped.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from briefing_app.ui import app as ui_app
    from briefing_app.ui.main_window import MainWindow

    settings_dir, library = sys.argv[1:3]
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)

    def change_like_a_user():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.search.searchFinished.connect(lambda _r: print("ready", flush=True))
        window.chart.scope_combo.setCurrentIndex(window.chart.scope_combo.findData("library"))
        window.chart.kind_actions["exercise"].trigger()
        window.search.sort_combo.setCurrentIndex(window.search.sort_combo.findData("date"))
        window.search.box.setText("troops")

    ui_app.make_application([sys.argv[0]])  # the timer below needs the application's loop
    QTimer.singleShot(1500, change_like_a_user)
    sys.exit(ui_app.run_app(library, []))
    """
)


def _run_and_stop(settings_dir: Path, library: Path, how: int) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(settings_dir), str(library)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # the first search with the changes has finished
        assert line.strip() == "ready", f"the window did not come up (exit {child.poll()})"
        # At once: well inside the debounce, so only the signal handler can save in time.
        child.send_signal(how)
        return child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _as_the_program(settings_dir: Path) -> None:
    """Read settings where the real program, run as above, wrote them."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_stopped_program_restores_query_sort_and_chart(qtbot, tmp_path, library_dir, how):
    settings_dir = tmp_path / "program-settings"
    code = _run_and_stop(settings_dir, library_dir, how)
    assert code == 0  # closed as File → Quit closes it, not killed by the signal

    _as_the_program(settings_dir)
    window = open_window(qtbot, library_dir)
    assert window.search.box.text() == "troops"
    assert window.search.sort_combo.currentText() == "Newest first"
    assert window.chart.scope_combo.currentText() == "Whole library"
    assert window.chart.kind_actions["exercise"].isChecked()
    window.close()


def test_settings_are_saved_shortly_after_a_change_without_closing(qtbot, window):
    window.chart.scope_combo.setCurrentIndex(window.chart.scope_combo.findData("library"))
    search(qtbot, window, "NATO")
    assert QSettings().value("search/query") in (None, "")  # not yet: changes are debounced
    qtbot.waitUntil(
        lambda: QSettings().value("search/query") == "NATO", timeout=SAVE_SETTINGS_MS + 3000
    )
    assert '"scope": "library"' in str(QSettings().value("chart/config"))


def test_a_damaged_setting_opens_the_window_with_its_default(qtbot, library_dir):
    QSettings().setValue("reader/fontSize", "large")  # edited by hand, or from a future version
    QSettings().setValue("reader/hidden", "troops")  # an INI file gives a one-item list back so
    window = open_window(qtbot, library_dir)
    try:
        assert window.reader.view.font_size == DEFAULT_FONT_SIZE
        assert window.reader.legend.hidden() == {"troops"}
    finally:
        window.close()

"""Starting the window: the application object, settings identity, opening the library."""

from __future__ import annotations

import gc
import os
import sys

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.paths import APP_NAME
from briefing_app.ui import briefing_pane
from briefing_app.ui.quit_signals import QuitOnSignals

ORGANIZATION = "BriefingReader"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so QSettings knows where this program's settings live."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("Briefing Reader")
    return app


def run_app(library: str | None, paths: list[str]) -> int:
    """Open the library in a window, import `paths` if given, and run until it closes."""
    if _no_display():
        print(
            "briefing: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "  Run it on a desktop, or on a headless machine with: xvfb-run -a briefing\n"
            "  Everything the window does is also on the command line: briefing --help",
            file=sys.stderr,
        )
        return 2
    app = make_application()
    from briefing_app.core.opening import open_workspace
    from briefing_app.core.workspace import LibraryError
    from briefing_app.ui.main_window import MainWindow

    try:
        # Index repair is left to a worker so the window appears at once.
        workspace = open_workspace(library, seed_if_empty=True, repair=False)
    except LibraryError as exc:
        QMessageBox.critical(None, "Briefing Reader", f"The library could not be opened.\n\n{exc}")
        return 1
    window = MainWindow(workspace)
    # Before start(): restoring the saved layout needs every dock to exist.
    briefing_pane.install(window, workspace)
    window.start()
    window.show()
    if paths:
        window.import_paths(list(paths))
    # Left to itself, Python's cycle collector runs wherever an allocation trips it: in an
    # import worker's thread, or inside a Qt call that walks the widgets, and frees Qt objects
    # under Qt's feet. pyqtgraph's collector runs it from the event loop on the GUI thread only.
    collector = GarbageCollector(interval=1.0)
    # Logout's SIGTERM, Ctrl+C or a closed terminal close the window as File → Quit does.
    quit_on_signals = QuitOnSignals(window.close)
    try:
        return app.exec()
    finally:
        quit_on_signals.uninstall()
        collector.timer.stop()
        gc.enable()


def _no_display() -> bool:
    """True on Linux/BSD with no display server and no platform chosen: Qt would abort."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))

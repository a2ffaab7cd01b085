"""Starting the window: the application object, settings identity, opening the library."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.paths import APP_NAME

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
    app = make_application()
    from briefing_app.core.library import LibraryError
    from briefing_app.core.workspace import Workspace
    from briefing_app.ui.main_window import MainWindow

    try:
        # Index repair is left to a worker so the window appears at once.
        workspace = Workspace.open(library, seed_if_empty=True, repair=False)
    except LibraryError as exc:
        QMessageBox.critical(None, "Briefing Reader", f"The library could not be opened.\n\n{exc}")
        return 1
    window = MainWindow(workspace)
    window.start()
    window.show()
    if paths:
        window.import_paths(list(paths))
    return app.exec()

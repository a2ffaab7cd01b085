"""Starting the window: the application object, settings identity, opening the library."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.paths import APP_NAME
from briefing_app.ui.open_library import PasswordDialog, default_local_library, keep_password
from briefing_app.ui.quit_signals import QuitOnSignals
from briefing_app.ui.remembered_library import remembered_team_library

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

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
    from briefing_app.ui.windows import WindowKeeper

    workspace = _first_library(library)
    if workspace is None:
        return 1
    keeper = WindowKeeper()
    window = keeper.show(workspace)
    if paths:
        window.import_paths(list(paths))
    # Left to itself, Python's cycle collector runs wherever an allocation trips it: in an
    # import worker's thread, or inside a Qt call that walks the widgets, and frees Qt objects
    # under Qt's feet. pyqtgraph's collector runs it from the event loop on the GUI thread only.
    collector = GarbageCollector(interval=1.0)
    # Logout's SIGTERM, Ctrl+C or a closed terminal close the window as File → Quit does.
    # (The window on the library open then: File → Open … Library may have replaced this one.)
    quit_on_signals = QuitOnSignals(keeper.close)
    try:
        return app.exec()
    finally:
        quit_on_signals.uninstall()
        collector.timer.stop()
        gc.enable()


def _first_library(library: str | None) -> Workspace | None:
    """The library to start on: --library, else $BRIEFING_LIBRARY, else the team library used
    last, else the local one. None when there is none to open (the person was told why)."""
    from briefing_app.core.opening import TeamPasswordNeeded, open_workspace
    from briefing_app.core.workspace import LibraryError

    remembered = None
    if library is None and not os.environ.get("BRIEFING_LIBRARY"):
        remembered = remembered_team_library()
    location = remembered or library
    password: str | None = None
    remember = False
    try:
        while True:
            try:
                # Index repair is left to a worker so the window appears at once. A server out
                # of reach answers within the connect time-out ($BRIEFING_CONNECT_TIMEOUT, 5 s).
                workspace = open_workspace(
                    location, seed_if_empty=True, repair=False, password=password
                )
                if remember and password and location:
                    keep_password(workspace, location, password)
                return workspace
            except TeamPasswordNeeded as exc:
                # No window yet: ask here, as the Open Team Library dialog would.
                answer = ask_password(str(exc))
                if answer is None:
                    raise
                password, remember = answer
    except LibraryError as exc:
        if remembered is None:
            _cannot_open(exc)
            return None
        if not offer_local_library(str(exc)):
            return None
    try:
        return open_workspace(default_local_library(), seed_if_empty=True, repair=False)
    except LibraryError as exc:
        _cannot_open(exc)
        return None


def ask_password(reason: str) -> tuple[str, bool] | None:
    """The password for a team library whose server asked for one and whether to keep it in
    the system keyring, or None when the person cancelled."""
    dialog = PasswordDialog(reason)
    dialog.exec()
    return dialog.answer()


def offer_local_library(reason: str) -> bool:
    """Say why the remembered team library did not open and offer the local one instead:
    True when the person chose it, False to quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Briefing Reader", reason)
    box.setObjectName("teamLibraryUnreachable")
    box.setInformativeText(
        "Open the local library on this computer instead? The team library is tried again"
        " at the next start."
    )
    local = box.addButton("Open Local Library", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(local)
    box.exec()
    return box.clickedButton() is local


def _cannot_open(exc: Exception) -> None:
    QMessageBox.critical(None, "Briefing Reader", f"The library could not be opened.\n\n{exc}")


def _no_display() -> bool:
    """True on Linux/BSD with no display server and no platform chosen: Qt would abort."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))

"""The program's main window on the open library, and moving to another library.

Moving builds a new window on the new library (briefing pane, settings and first search as at
start), shows it, then closes the old one, whose session shuts its library down. Every part
then follows at once — results, reader, chart, briefings, title — without each part having to
learn to change libraries under its feet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefing_app.ui import briefing_pane
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.remembered_library import remember_team_library

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace


class WindowKeeper(QObject):
    """Holds the one main window; `current` is the window on the library open now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current: MainWindow | None = None
        # The local library last open, for File → Open Local Library from a team library.
        self.local_location: str | None = None

    def show(self, workspace: Workspace) -> MainWindow:
        """A window on `workspace`, started and shown."""
        window = MainWindow(workspace)
        # Before start(): restoring the saved layout needs every dock to exist.
        briefing_pane.install(window, workspace)
        if window.rights.team:
            remember_team_library(workspace.location)
        else:
            self.local_location = workspace.location
        window.libraries.local_location = self.local_location
        window.libraryOpened.connect(lambda opened, w=window: self.replace(w, opened))
        window.start()
        window.show()
        self.current = window
        return window

    def replace(self, old: MainWindow, workspace: Workspace) -> MainWindow | None:
        """Put a window on `workspace` in place of `old`; None (and the library closed) when
        `old` was closed while the library opened."""
        if old is not self.current or old.closed:
            workspace.close()
            return None
        # The new window restores the layout, query and chart the old one had.
        old.save_settings()
        window = self.show(workspace)
        old.close()
        old.deleteLater()
        return window

    def close(self) -> None:
        """Close the current window as File → Quit does."""
        if self.current is not None:
            self.current.close()

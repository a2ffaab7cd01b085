"""Watched folders in the window: import new and changed files as they appear, off the GUI thread.

`FolderWatcher` listens to the folders, their sub-folders and files with QFileSystemWatcher, waits
for a quiet moment (a copy fires many events), then runs `core.watch.scan_and_import` in a
worker. A periodic rescan catches what file-system events miss (network drives, a watcher
limit reached). `WatchedFoldersPage` is the list with Add…/Remove for the Preferences dialog.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QFileSystemWatcher,
    QObject,
    QStringListModel,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core import watch
from briefing_app.core.articles import suffix_of
from briefing_app.ui.file_dialogs import existing_folder
from briefing_app.ui.team_role import refuse, rights_of
from briefing_app.ui.workers import Job

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

DEBOUNCE_MS = 1500
RESCAN_MS = 60_000
# inotify and friends have per-user limits; a deep tree is covered by the periodic rescan.
MAX_WATCHED_DIRS = 500
# Files are watched too because a folder reports files added or removed, not rewritten in place.
MAX_WATCHED_FILES = 2000


class FolderWatcher(QObject):
    """Imports what appears in the watched folders; emits `imported` when the library changed."""

    imported = Signal(object)  # core.watch.ScanReport
    failed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        rescan_ms: int = RESCAN_MS,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._files = QFileSystemWatcher(self)
        self._files.directoryChanged.connect(self._schedule)
        self._files.fileChanged.connect(self._schedule)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.scan_now)
        self._rescan = QTimer(self)
        self._rescan.setInterval(rescan_ms)
        self._rescan.timeout.connect(self.scan_now)
        # One worker thread of its own: scans never overlap, and stop() can wait for it alone.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: Job | None = None
        self._again = False
        self._running = False

    # -- control ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Watch the library's folders and scan them once now (files added while closed)."""
        self._running = True
        self._rearm(self.folders())
        self._rescan.start()
        self.scan_now()

    def stop(self, wait_ms: int = 5000) -> None:
        """Stop watching; cancel a scan in progress and wait for it (call before closing)."""
        self._running = False
        self._debounce.stop()
        self._rescan.stop()
        self._rearm([])
        if self._job is not None:
            self._job.cancel()
        self._pool.waitForDone(wait_ms)

    def folders(self) -> list[Path]:
        return watch.watched_folders(self.workspace)

    def set_folders(self, folders: Iterable[str | os.PathLike[str]]) -> None:
        """Make the watched folders exactly `folders` (stored in the library) and scan."""
        watch.set_folders(self.workspace, folders)
        if self._running:
            self._rearm(self.folders())
            self.scan_now()

    @property
    def busy(self) -> bool:
        return self._job is not None

    # -- scanning --------------------------------------------------------------------------------

    def _schedule(self, _path: str = "") -> None:
        if self._running:
            self._debounce.start()  # restarts: the scan runs once the folder is quiet

    def scan_now(self) -> None:
        if not self._running:
            return
        if self._job is not None:
            self._again = True
            return
        workspace = self.workspace

        def body(progress, cancelled):
            report = watch.scan_and_import(workspace, progress=progress, cancelled=cancelled)
            return report, _paths_to_watch(watch.watched_folders(workspace))

        self._job = Job("Importing from watched folders", body, self)
        self._job.finished.connect(self._finished)
        self._job.failed.connect(self._failed)
        self._job.start(self._pool)

    def _finished(self, result: object) -> None:
        # What body() above returned: the scan's report and the paths to watch now.
        report, paths = cast("tuple[watch.ScanReport, list[str]]", result)
        self._done()
        if not self._running:
            return
        self._set_watched(paths)
        if report.changed or report.skipped:
            self.imported.emit(report)

    def _failed(self, message: str) -> None:
        self._done()
        if self._running:
            self.failed.emit(f"Watched folders: {message}")

    def _done(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
        self._job = None
        if self._again and self._running:
            self._again = False
            self._debounce.start()

    def _rearm(self, roots: list[Path]) -> None:
        self._set_watched([str(p) for p in roots if p.is_dir()])

    def _set_watched(self, paths: list[str]) -> None:
        current = set(self._files.directories()) | set(self._files.files())
        wanted = set(paths)
        if current - wanted:
            self._files.removePaths(sorted(current - wanted))
        if wanted - current:
            self._files.addPaths(sorted(wanted - current))


def _paths_to_watch(roots: list[Path]) -> list[str]:
    """The roots, their sub-folders (hidden ones skipped) and the article files in them, up
    to MAX_WATCHED_DIRS folders and MAX_WATCHED_FILES files.

    Listed in the worker: a deep tree takes a while to walk.
    """
    folders: list[str] = []
    files: list[str] = []
    for root in roots:
        if not root.is_dir():
            continue
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            if len(folders) < MAX_WATCHED_DIRS:
                folders.append(folder)
            room = MAX_WATCHED_FILES - len(files)
            if room > 0:
                articles = [
                    n for n in sorted(names) if not n.startswith(".") and suffix_of(Path(n))
                ]
                files.extend(os.path.join(folder, n) for n in articles[:room])
            if len(folders) >= MAX_WATCHED_DIRS and len(files) >= MAX_WATCHED_FILES:
                return folders + files
    return folders + files


class WatchedFoldersPage(QWidget):
    """The watched folders with Add… and Remove, for the Preferences dialog."""

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        watcher: FolderWatcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.watcher = watcher
        self.model = QStringListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton("&Add…", self)
        self.remove_button = QPushButton("&Remove", self)
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        note = QLabel(
            "New and changed files in these folders are imported while Briefing Reader runs. "
            "Removing a folder keeps its articles.",
            self,
        )
        note.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        # Watching a folder imports what lands in it: on a team library, an importer's job.
        self.refusal = rights_of(workspace).import_refusal
        self.refresh()

    def folders(self) -> list[str]:
        return self.model.stringList()

    def refresh(self) -> None:
        self.model.setStringList([str(p) for p in watch.watched_folders(self.workspace)])
        self._update_buttons()

    def add_folder(self, folder: str | os.PathLike[str]) -> bool:
        if self.refusal is not None:
            return False
        try:
            watch.add_folder(self.workspace, folder)
        except ValueError as exc:
            QMessageBox.warning(self, "Watched folders", str(exc))
            return False
        self._apply()
        return True

    def remove_selected(self) -> None:
        if self.refusal is not None:
            return
        rows = self.view.selectionModel().selectedRows()
        for folder in [self.model.data(index) for index in rows]:
            watch.remove_folder(self.workspace, folder)
        self._apply()

    def _choose_folder(self) -> None:
        folder = existing_folder(self, "watchFolder", "Watch a folder")
        if folder:
            self.add_folder(folder)

    def _apply(self) -> None:
        self.refresh()
        if self.watcher is not None:
            self.watcher.set_folders(self.folders())
        self.changed.emit()

    def _update_buttons(self, *args: object) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())
        refuse(self.add_button, self.refusal)
        refuse(self.remove_button, self.refusal)

"""File dialogs that open where the user last was for that kind of file, else in their home.

Given no folder, Qt's dialogs open in the working directory, which for a program started
from a menu or an installer is the program's own folder. Each kind of dialog (importing
files, exporting a briefing, ...) remembers its last folder in QSettings on its own, so
exporting somewhere does not move where imports start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_KEY = "dialogs/{kind}Folder"


def start_folder(kind: str) -> str:
    """The folder a `kind` dialog last chose from, if it still exists; else the home folder."""
    saved = QSettings().value(_KEY.format(kind=kind))
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return saved
    return QDir.homePath()


def remember(kind: str, chosen: str) -> None:
    """Keep the folder of `chosen` (a file, or a folder itself) for the next `kind` dialog."""
    path = Path(chosen)
    QSettings().setValue(_KEY.format(kind=kind), str(path if path.is_dir() else path.parent))


def open_file_names(parent: QWidget | None, kind: str, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(kind), filters)
    if paths:
        remember(kind, paths[0])
    return paths


def existing_folder(parent: QWidget | None, kind: str, title: str) -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(kind))
    if folder:
        remember(kind, folder)
    return folder


def save_file_name(
    parent: QWidget | None,
    kind: str,
    title: str,
    file_name: str,
    filters: str,
    selected_filter: str = "",
) -> str:
    """The path to save to (empty when cancelled), offered as `file_name` in the last folder."""
    suggested = str(Path(start_folder(kind)) / file_name)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters, selected_filter)
    if path:
        remember(kind, path)
    return path

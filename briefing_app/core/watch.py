"""Watched folders: import what is new or changed in them, and note originals that are gone (no Qt).

The library keeps the list of watched folders and the size and modification time of every file
it imported, so a scan reads only new and modified files. A file that disappears keeps its
articles; they are marked "original missing". A folder that is not there at all (an unplugged
drive) is left alone: its files are not declared missing. The store is reached only through the
Workspace's watched-folder methods.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.core import articles as importers
from briefing_app.core.workspace import CancelFn, ImportReport, ProgressFn, Workspace


@dataclass
class ScanReport(ImportReport):
    """An ImportReport plus what a scan of the watched folders found beside imports."""

    missing: list[str] = field(default_factory=list)  # originals gone since the last scan
    unavailable: list[str] = field(default_factory=list)  # watched folders not found

    def summary(self) -> str:
        text = super().summary()
        if self.missing:
            text += f", {len(self.missing)} originals missing"
        if self.unavailable:
            text += f", {len(self.unavailable)} watched folders not found"
        return text

    @property
    def changed(self) -> bool:
        """True when the library changed, so a window should refresh what it shows."""
        return bool(self.imported or self.updated or self.missing)


def folder_key(folder: str | os.PathLike[str]) -> str:
    """How a watched folder is stored: absolute, links resolved, "~" expanded."""
    return str(Path(folder).expanduser().resolve())


def watched_folders(workspace: Workspace) -> list[Path]:
    return [Path(folder) for folder in workspace.watched_folders()]


def add_folder(workspace: Workspace, folder: str | os.PathLike[str]) -> Path:
    """Watch `folder`; raises ValueError with a readable reason when it is not a folder."""
    path = Path(folder_key(folder))
    if not path.is_dir():
        raise ValueError(f"{folder} is not a folder")
    workspace.watch_folder(str(path))
    return path


def remove_folder(workspace: Workspace, folder: str | os.PathLike[str]) -> bool:
    """Stop watching `folder` (its articles stay); False when it was not watched."""
    given = str(folder)
    return workspace.unwatch_folder(folder_key(folder)) or workspace.unwatch_folder(given)


def set_folders(workspace: Workspace, folders: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Make the watched folders exactly `folders` (those that are folders); returns them."""
    wanted = {folder_key(folder) for folder in folders if Path(folder).expanduser().is_dir()}
    current = set(workspace.watched_folders())
    for folder in current - wanted:
        workspace.unwatch_folder(folder)
    for folder in sorted(wanted - current):
        workspace.watch_folder(folder)
    return watched_folders(workspace)


def changed_files(workspace: Workspace, folders: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Supported files under `folders` that are new or modified since they were last imported."""
    existing = [Path(folder) for folder in folders if Path(folder).is_dir()]
    changed = []
    for path in importers.iter_files(existing):
        try:
            info = path.stat()
        except OSError:
            continue  # gone between listing and looking: the next scan sees it missing
        if not workspace.file_unchanged(str(path.resolve()), info.st_size, info.st_mtime_ns):
            changed.append(path)
    return changed


def missing_files(workspace: Workspace, folder: str | os.PathLike[str]) -> list[str]:
    """Files imported from under `folder` that are gone: their articles stay and are marked
    "original missing". The files are forgotten, so one that comes back is imported again
    (and its articles lose the mark). Returns the paths marked."""
    root = Path(folder_key(folder))
    if not root.is_dir():
        return []
    gone = [path for path in workspace.imported_files(str(root)) if not os.path.exists(path)]
    for path in gone:
        workspace.original_gone(path)
    return gone


def scan_and_import(
    workspace: Workspace,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> ScanReport:
    """Import what is new or changed in every watched folder and mark originals that are gone."""
    report = ScanReport()
    folders = watched_folders(workspace)
    present = [folder for folder in folders if folder.is_dir()]
    report.unavailable = [str(folder) for folder in folders if not folder.is_dir()]
    for folder in present:
        report.missing.extend(missing_files(workspace, folder))
    changed = changed_files(workspace, present)
    if changed:
        imported = workspace.import_paths(changed, progress=progress, cancelled=cancelled)
        for name in ImportReport.__dataclass_fields__:
            setattr(report, name, getattr(imported, name))
    return report


__all__ = [
    "ScanReport",
    "add_folder",
    "changed_files",
    "folder_key",
    "missing_files",
    "remove_folder",
    "scan_and_import",
    "set_folders",
    "watched_folders",
]

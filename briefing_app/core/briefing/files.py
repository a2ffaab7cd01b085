"""Writing an export to disk atomically, the error a person reads when that fails, and progress.

Every format is written to a temporary file beside the target and moved into place: a full disk
or an unwritable folder leaves no half-written file and the old file untouched.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

# Progress is reported as (done, total, what); the PDF reports its passes, the others one step.
ProgressFn = Callable[[int, int, str], None]


class ExportError(Exception):
    """An export that failed, with a sentence a person can act on."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the target folder, then rename it over the target."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Cannot save {path.name}: the folder {folder} does not exist.")
    temp_name = None
    try:
        fd, temp_name = _create_temporary(folder, path.name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise ExportError(_why(exc, path)) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new hidden file beside the target. Unlike mkstemp's private 0600 file, it gets the
    permissions the user's umask gives any new file, which the export then keeps."""
    while True:
        temp = folder / f".{name}.{secrets.token_hex(4)}.part"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(temp)
        except FileExistsError:
            continue


def _why(exc: OSError, path: Path) -> str:
    folder = path.parent
    reasons: dict[int | None, str] = {
        errno.EACCES: f"you do not have permission to write in {folder}",
        errno.EPERM: f"you do not have permission to write in {folder}",
        errno.EROFS: f"{folder} is on a read-only disk",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.ENOENT: (
            f"the folder {folder} does not exist"
            if not folder.is_dir()
            else f"files cannot be created in {folder}"
        ),
        errno.EISDIR: f"{path} is a folder",
    }
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    return f"Cannot save {path.name}: {reason}. Nothing was written."


__all__ = ["ExportError", "ProgressFn", "write_atomically"]

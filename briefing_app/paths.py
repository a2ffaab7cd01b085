"""Where the program's shipped resources, the built-in seeds and the user's library live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "BriefingReader"


def _install_root() -> Path:
    # A PyInstaller bundle unpacks next to sys._MEIPASS; a checkout or an editable install
    # keeps resources/ and seeds/ beside the package.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _install_root() / "resources"


def seeds_dir() -> Path:
    return _install_root() / "seeds"


def default_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: --library, else $BRIEFING_LIBRARY, else the user's data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("BRIEFING_LIBRARY")
    if env:
        return Path(env).expanduser()
    return data_dir() / "library"


def data_dir() -> Path:
    """The user's data folder for this program (the default library and the log live here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The program's log: errors the program recovered from leave a trace here."""
    return data_dir() / "briefing.log"

"""Running the real command line in a subprocess, as a user does, against a given library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cli_env(library: Path) -> dict[str, str]:
    """No display (exports must work without one); the log in a data folder beside the library."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(library.parent)}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def run_cli(library: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python main.py --library LIBRARY ARGS…` from the checkout, its output captured as text."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--library", str(library), *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=REPO,
        env=cli_env(library),
        timeout=120,
    )

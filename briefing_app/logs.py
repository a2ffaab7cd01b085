"""The program's log: a rotating file in the user's data folder, and stderr with --verbose.

An error the program recovers from (a page trafilatura cannot read, a file skipped for an
unexpected reason) is logged with its traceback, so that nothing fails without a trace.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from briefing_app.paths import log_file

LOG_BYTES = 1_000_000  # one file stays small enough to attach to a report
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# The handlers this module added, so that configuring twice (tests, --self-test) replaces them.
_installed: list[logging.Handler] = []


def configure(
    *, verbose: bool = False, path: Path | None = None, to_file: bool = True
) -> Path | None:
    """Log to the rotating file (and to stderr when `verbose`); returns the file, or None.

    With no writable data folder, or `to_file=False` (the self-test touches no user folder),
    the file is left out and warnings still reach stderr.
    """
    stop()
    root = logging.getLogger("briefing_app")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    target = path or log_file()
    written: Path | None = target if to_file else None
    try:
        if to_file:
            target.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                target, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter(FORMAT))
            _installed.append(handler)
    except OSError as exc:
        written = None
        print(f"briefing: cannot write the log {target}: {exc.strerror or exc}", file=sys.stderr)
    if verbose or written is None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream.setFormatter(logging.Formatter("briefing: %(levelname)s %(name)s: %(message)s"))
        _installed.append(stream)
    for handler in _installed:
        root.addHandler(handler)
    return written


def stop() -> None:
    """Remove and close the handlers `configure` added."""
    root = logging.getLogger("briefing_app")
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    root.setLevel(logging.NOTSET)

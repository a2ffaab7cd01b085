"""A one-line progress bar on stderr, for the long jobs of the command line."""

from __future__ import annotations

import sys
import time

from briefing_app.core.workspace import Progress


class TerminalProgress:
    """A one-line progress bar on stderr: count, rate and time left."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._last = 0.0
        self._shown = False

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and progress.done < progress.total:
            return
        self._last = now
        rate = progress.rate
        if progress.total:
            fraction = min(progress.done / progress.total, 1.0)
            filled = int(fraction * 30)
            bar = "#" * filled + "-" * (30 - filled)
            left = progress.seconds_left
            eta = f", {left:.0f} s left" if left is not None else ""
            line = f"{progress.stage} [{bar}] {progress.done}/{progress.total} ({rate:.0f}/s{eta})"
        else:
            line = f"{progress.stage} {progress.done} ({rate:.0f}/s)"
        sys.stderr.write("\r" + line[:120].ljust(100))
        sys.stderr.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self._shown = False

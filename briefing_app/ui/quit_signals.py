"""Closing the window properly when the program is told to stop (SIGTERM at logout, Ctrl+C, SIGHUP).

Python runs a signal handler only when the interpreter next gets control, and inside Qt's event
loop that may be never. Python's wakeup fd writes a byte to a socket on every signal; a
QSocketNotifier on the other end wakes the event loop on the GUI thread, the interpreter runs the
handler there, and the handler closes the window the way File → Quit does: settings saved, jobs
cancelled, the library closed.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

# SIGHUP does not exist on Windows.
QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class QuitOnSignals(QObject):
    """While alive, SIGTERM/SIGINT/SIGHUP call `close` once on the GUI thread."""

    def __init__(self, close: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self._receive, self._send = socket.socketpair()
        self._receive.setblocking(False)
        self._send.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._send.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._receive.fileno(), QSocketNotifier.Type.Read, self)
        # The handler has run by the time this slot does; draining keeps the notifier quiet.
        self._notifier.activated.connect(self._drain)
        self._previous = {sig: signal.signal(sig, self._handle) for sig in QUIT_SIGNALS}

    def _handle(self, _signum: int, _frame: object) -> None:
        # Not inside the handler itself: it may interrupt any Python code on this thread.
        QTimer.singleShot(0, self._close)

    def _drain(self) -> None:
        try:
            while self._receive.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def uninstall(self) -> None:
        """Give the signals back to their previous handlers (the event loop has ended)."""
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._receive.close()
        self._send.close()

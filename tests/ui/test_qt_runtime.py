"""The Qt binding itself: a release that breaks signal emission must not be installed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_many_signal_emits_do_not_corrupt_the_interpreter():
    # PySide6 6.12.0 returned a borrowed True from emit(); a few thousand emits (pyqtgraph
    # emits one per mouse move) aborted Python. pyproject.toml excludes that release.
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    for n in range(20_000):
        emitter.fired.emit(n)
    assert len(received) == 20_000 and received[-1] == 19_999

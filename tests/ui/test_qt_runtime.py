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


_THEME_WHILE_WINDOWS_AWAIT_COLLECTION = """
import sys
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from briefing_app.ui.theme import apply_theme

app = QApplication([])


class Handler(QWidget):
    # As our widgets' Python event handlers do: allocate, so the cycle collector may start.
    def event(self, e):
        if e.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            [[i] for i in range(3000)]
        return super().event(e)


class Plain(QWidget):
    pass


def closed_window_held_by_a_cycle():
    window = Plain()
    window.cycle = window
    layout = QVBoxLayout(window)
    for i in range(20):
        layout.addWidget(QLabel(str(i), window))
        layout.addWidget(Plain(window))
    window.show()
    window.close()


keep = Handler()
keep.show()
apply_theme(app, "light")
for n in range(20):
    for _ in range(10):
        closed_window_held_by_a_cycle()
    app.processEvents()
    apply_theme(app, "dark" if n % 2 else "light")
print("themes switched")
"""


def test_switching_theme_while_closed_windows_await_collection_does_not_crash(tmp_path):
    # Before the fix this segfaulted in app.setStyleSheet every run: the cycle collector,
    # started by a handler during Qt's walk over every widget, freed widgets still on its list.
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "themes.py"
    script.write_text(_THEME_WHILE_WINDOWS_AWAIT_COLLECTION, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "themes switched" in done.stdout

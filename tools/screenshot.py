"""Screenshot of the main window on a fresh library seeded with the built-in articles.

python tools/screenshot.py docs/screenshot-1280x800.png --size 1280x800
xvfb-run -a python tools/screenshot.py shot.png --size 1920x1080 --theme dark
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--theme", default="light", choices=("system", "light", "dark"))
    parser.add_argument("--query", default="", help="search to run before the shot")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QSettings, QTimer

    from briefing_app.core.workspace import Workspace
    from briefing_app.ui import briefing_pane
    from briefing_app.ui.app import make_application
    from briefing_app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        app = make_application([sys.argv[0]])
        # Never read or write the user's own settings.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        QCoreApplication.setApplicationName("BriefingReaderScreenshot")
        workspace = Workspace.open(Path(tmp) / "library", seed_if_empty=True, repair=True)
        window = MainWindow(workspace)
        pane = briefing_pane.install(window, workspace)  # as run_app does
        window.start()
        for hit in workspace.search("").hits[:2]:
            pane.add_article(hit.id)
        window.set_theme(args.theme)
        window.resize(width, height)
        window.show()
        window._default_sizes()

        def select_first() -> None:
            window.search.select_row(0)
            window.search.list.setFocus()

        def shoot() -> None:
            pixmap = window.grab()
            Path(args.output).parent.mkdir(parents=True, exist_ok=True)
            pixmap.save(args.output, "PNG")
            print(f"wrote {args.output} ({pixmap.width()}x{pixmap.height()})")
            window.close()
            app.quit()

        window.search.searchFinished.connect(lambda _r: QTimer.singleShot(100, select_first))
        if args.query:
            window.search.set_query(args.query)
        QTimer.singleShot(2500, shoot)
        app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

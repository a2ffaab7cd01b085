"""Screenshot of the main window on a fresh library seeded with the built-in articles.

python tools/screenshot.py docs/screenshot-1280x800.png --size 1280x800
xvfb-run -a python tools/screenshot.py shot.png --size 1920x1080 --theme dark
python tools/screenshot.py docs/chart-devset-1280x800.png --articles ../shared/devset/articles \
    --chart-scope library --chart-only
python tools/screenshot.py docs/chart-60-countries-1280x800.png --countries 60 --years 30 \
    --chart-scope library --chart-only [--chart-style matrix]
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
    parser.add_argument(
        "--articles", action="append", default=[], help="also import this file or folder"
    )
    parser.add_argument(
        "--countries", type=int, help="a generated library of N contributing countries, no seeds"
    )
    parser.add_argument("--years", type=int, default=10, help="years in the generated library")
    parser.add_argument("--chart-scope", choices=("results", "library"), default="results")
    parser.add_argument("--chart-style", choices=("bars", "lines", "matrix"), default="bars")
    parser.add_argument("--chart-scale", choices=("linear", "log"), default="linear")
    parser.add_argument(
        "--chart-only",
        action="store_true",
        help="also save the troop-figures panel alone, beside the shot (…-panel.png)",
    )
    parser.add_argument(
        "--briefing",
        action="store_true",
        help="show the Briefing tab's items (four of them) instead of the highlights",
    )
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
        library = Path(tmp) / "library"
        if args.countries:
            from tools.chart_library import write_articles

            generated = write_articles(Path(tmp) / "generated", args.countries, args.years)
            workspace = Workspace.open(library, seed_if_empty=False, repair=True)
            workspace.import_paths([generated])
        else:
            workspace = Workspace.open(library, seed_if_empty=True, repair=True)
        if args.articles:
            workspace.import_paths([Path(a) for a in args.articles])
        window = MainWindow(workspace)
        pane = briefing_pane.install(window, workspace)  # as run_app does
        window.start()
        for hit in workspace.search("").hits[: 4 if args.briefing else 2]:
            pane.add_article(hit.id)
        if args.briefing:
            pane.flush()
            pane._refresh_chooser()
            pane.parentWidget().raise_()
            pane.tabs.setCurrentIndex(1)
        window.set_theme(args.theme)
        window.chart.set_config(
            {
                **window.chart.config(),
                "scope": args.chart_scope,
                "style": args.chart_style,
                "scale": args.chart_scale,
            }
        )
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
            print(f"chart: {window.chart.message.text()}")
            if args.chart_only:
                panel = window.chart_dock.grab()
                name = str(Path(args.output).with_suffix("")) + "-panel.png"
                panel.save(name, "PNG")
                print(f"wrote {name} ({panel.width()}x{panel.height()})")
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

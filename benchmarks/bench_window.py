"""Window benchmark: typing in the search box and opening articles on the Reuters library.

    .venv/bin/python benchmarks/bench_window.py [--library DIR] [--limit N]

Imports Reuters-21578 into a temporary library (or uses --library, which it fills if empty), opens
the real main window offscreen, types queries one key at a time (80 ms apart, like a person), and
prints: keystroke-to-results time (from the last key until the first page is shown; it includes
the search box's debounce), facet arrival (from the last key until the count and the Narrow by
facets are shown), the time to open an article (selection to text shown), scrolling the results
(each scroll to the end loads a page), the longest stall of the GUI thread during each (a 5 ms
timer measures how late it fires) and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = ["oil prices", "interest rates", "wheat exports", "gold", "bank of japan", "opec"]


class StallMeter:
    """Fires every 5 ms on the GUI thread; the largest lateness is the longest freeze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.005)
        self._last = now

    def reset(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()


def wait_until(app, predicate, timeout: float = 30.0) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.001)
    return False


def pause(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", help="library folder to use (filled from Reuters if empty)")
    parser.add_argument("--limit", type=int, help="only the first N Reuters articles")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present (it lives in ../shared beside the clone)")
        return 0

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from briefing_app.core.workspace import Workspace
    from briefing_app.ui.app import make_application
    from briefing_app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        library = Path(args.library) if args.library else Path(tmp) / "library"
        workspace = Workspace.open(library, seed_if_empty=False)
        if workspace.library.count() == 0:
            source = CORPUS
            if args.limit:
                import gzip

                source = Path(tmp) / "subset.jsonl.gz"
                with gzip.open(CORPUS, "rt") as src, gzip.open(source, "wt") as out:
                    for n, line in enumerate(src):
                        if n >= args.limit:
                            break
                        out.write(line)
            started = time.perf_counter()
            workspace.import_paths([source])
            print(
                f"imported {workspace.library.count()} articles in {time.perf_counter() - started:.0f} s"
            )

        app = make_application([sys.argv[0]])
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        window = MainWindow(workspace)
        window.start()
        window.resize(1280, 800)
        window.show()
        stall = StallMeter()
        wait_until(app, lambda: window.search.model.rowCount() > 0)
        pause(app, 1.0)

        from briefing_app.ui import search_panel

        results: list = []  # first pages shown
        window.search.resultsShown.connect(results.append)
        counted: list = []  # (result, time) once total and facets are shown
        window.search.searchFinished.connect(lambda r: counted.append((r, time.perf_counter())))
        shown: list = []
        window.article.shown.connect(lambda view, terms: shown.append(view))

        typing_stall = 0.0
        to_results = []
        to_facets = []
        for query in QUERIES:
            window.search.box.clear()
            pause(app, 0.4)
            results.clear()
            counted.clear()
            stall.reset()
            for n, ch in enumerate(query):
                QTest.keyClick(window.search.box, ch)
                last_key = time.perf_counter()
                if n < len(query) - 1:
                    pause(app, 0.08)
            wait_until(app, lambda q=query: any(r.query == q for r in results))
            to_results.append(time.perf_counter() - last_key)
            wait_until(app, lambda q=query: any(r.query == q for r, _ in counted))
            result, at = next((r, t) for r, t in counted if r.query == query)
            to_facets.append(at - last_key)
            typing_stall = max(typing_stall, stall.worst)
            print(
                f"  {query!r:<18} {result.total:>6} hits  page {to_results[-1] * 1000:6.0f} ms, "
                f"count and facets {to_facets[-1] * 1000:6.0f} ms after the last key"
            )

        window.search.box.clear()
        QTest.keyClick(window.search.box, Qt.Key.Key_Return)
        wait_until(app, lambda: window.search.model.rowCount() >= 20)
        open_times = []
        stall.reset()
        for row in range(1, 21):
            shown.clear()
            started = time.perf_counter()
            window.search.select_row(row)
            wait_until(app, lambda: bool(shown))
            open_times.append(time.perf_counter() - started)
        open_stall = stall.worst

        # Scrolling: each scroll to the end of the list loads the next page in the background.
        window.search.set_query("oil")
        wait_until(app, lambda: window.search.model.rowCount() > 0)
        pause(app, 0.3)
        stall.reset()
        scroll = window.search.list.verticalScrollBar()
        for _ in range(10):
            rows = window.search.model.rowCount()
            scroll.setValue(scroll.maximum())
            wait_until(app, lambda n=rows: window.search.model.rowCount() > n, timeout=5.0)
            pause(app, 0.05)
        scroll_stall = stall.worst
        scrolled_rows = window.search.model.rowCount()

        print()
        print(f"library: {workspace.library.count()} articles")
        print(f"{'measure':<46}{'median':>10}{'max':>10}")
        debounce = f"keystroke to results (incl. {search_panel.DEBOUNCE_MS} ms debounce)"
        print(
            f"{debounce:<46}"
            f"{statistics.median(to_results) * 1000:>8.0f}ms{max(to_results) * 1000:>8.0f}ms"
        )
        print(
            f"{'keystroke to count and facets shown':<46}"
            f"{statistics.median(to_facets) * 1000:>8.0f}ms{max(to_facets) * 1000:>8.0f}ms"
        )
        print(
            f"{'open an article (selection to text shown)':<46}"
            f"{statistics.median(open_times) * 1000:>8.0f}ms{max(open_times) * 1000:>8.0f}ms"
        )
        print(f"{'longest GUI-thread stall while typing':<46}{'':>10}{typing_stall * 1000:>8.0f}ms")
        print(
            f"{'longest GUI-thread stall opening articles':<46}{'':>10}{open_stall * 1000:>8.0f}ms"
        )
        print(
            f"{f'longest GUI-thread stall scrolling ({scrolled_rows} rows)':<46}{'':>10}"
            f"{scroll_stall * 1000:>8.0f}ms"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
        print(f"{'peak memory of the process':<46}{'':>10}{peak:>8.0f}MB")
        report_chart_redraw(app, window, "Reuters library")
        window.close()
        workspace.close()
        bench_chart_on_generated_library(app, Path(tmp) / "generated", countries=60, years=30)
    return 0


def chart_redraw_times(app, window, runs: int = 8) -> dict[str, list[float]]:
    """The chart's redraw on the whole library: `refresh` (the figures table built in a worker,
    then drawn) and `draw` alone (the GUI thread's share), for bars, the matrix and log bars."""
    chart = window.chart
    chart.scope_combo.setCurrentIndex(chart.scope_combo.findData("library"))
    drawn: list = []
    chart.drawn.connect(drawn.append)
    times: dict[str, list[float]] = {"refresh (table + draw)": [], "draw bars": []}
    times.update({"draw matrix": [], "draw bars, log scale": []})
    for _ in range(runs):
        drawn.clear()
        started = time.perf_counter()
        chart.refresh()
        wait_until(app, lambda: bool(drawn), timeout=120)
        times["refresh (table + draw)"].append(time.perf_counter() - started)
    for name, style, log in (
        ("draw bars", "bars", False),
        ("draw matrix", "matrix", False),
        ("draw bars, log scale", "bars", True),
    ):
        chart.style_combo.setCurrentIndex(chart.style_combo.findData(style))
        chart.log_button.setChecked(log)
        for _ in range(runs):
            started = time.perf_counter()
            chart.draw(chart.table)
            app.processEvents()  # the paint that follows is part of what the user waits for
            times[name].append(time.perf_counter() - started)
    chart.style_combo.setCurrentIndex(chart.style_combo.findData("bars"))
    chart.log_button.setChecked(False)
    return times


def report_chart_redraw(app, window, label: str) -> None:
    times = chart_redraw_times(app, window)
    table = window.chart.table
    countries = len(table.countries()) if table else 0
    print()
    print(f"chart redraw, {label}: {countries} countries, {len(table.rows) if table else 0} cells")
    print(f"{'measure':<46}{'median':>10}{'max':>10}")
    for name, values in times.items():
        print(f"{name:<46}{statistics.median(values) * 1000:>8.0f}ms{max(values) * 1000:>8.0f}ms")


def bench_chart_on_generated_library(app, folder: Path, countries: int, years: int) -> None:
    """The chart on a generated library of `countries` contributors over `years` years."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from briefing_app.ui.main_window import MainWindow
    from tools.chart_library import build_library

    workspace = build_library(folder, countries, years)
    window = MainWindow(workspace)
    window.start()
    window.resize(1280, 800)
    window.show()
    wait_until(app, lambda: window.chart.table is not None)
    pause(app, 0.5)
    report_chart_redraw(app, window, f"generated library ({countries} countries, {years} years)")
    window.close()
    workspace.close()


if __name__ == "__main__":
    sys.exit(main())

"""`briefing --self-test`: proves a checkout or an installed bundle works end to end, with no display.

Imports the built-in seeds into a temporary library, searches, checks the extracted troop
figures, draws the chart offscreen, reads a saved web page (the HTML importer's data files are
what a bundle most often forgets) and exports a PDF briefing. One line per step with its time;
the exit status is 0 only if every step passed. The user's own library is never opened.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app import __version__

if TYPE_CHECKING:  # imported inside the steps: a failing import is a step's failure
    from PySide6.QtCore import QCoreApplication

    from briefing_app.core.workspace import ArticleView, Workspace

EXIT_OK = 0
EXIT_FAILED = 1

# What the three seed articles must yield; if extraction changes on purpose, change these.
SEARCH_TERM = "NATO"
EXPECTED_FIGURE = ("United States", 600)
# Bars are drawn in one colour no other chart element uses, so they can be counted in the image.
BAR_RGB = (31, 119, 180)
CHART_SIZE = (800, 400)

_HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Self-test: Allies rotate troops through the Baltic states</title>
<meta name="date" content="2017-06-01"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Allies rotate troops through the Baltic states</h1>
<p>VILNIUS — NATO allies began rotating a battalion of about 1,000 troops through Lithuania on
Thursday, the defence ministry said, part of the alliance's forward presence in the region.</p>
<p>Germany leads the battlegroup, which includes soldiers from Norway, the Netherlands and
Belgium, and the ministry said the troops would train alongside Lithuanian units.</p>
<p>Officials said the deployment was meant to reassure the Baltic states and would be reviewed
at the next meeting of defence ministers.</p></article>
<footer>Copyright — all rights reserved</footer></body></html>
"""


class StepFailed(Exception):
    """A check inside a step did not hold; the message says what was expected and what was found."""


@dataclass
class _Context:
    folder: Path
    workspace: Workspace | None = None
    app: QCoreApplication | None = None
    notes: list[str] = field(default_factory=list)


def run_self_test(out=None) -> int:
    """Run every step; print one line per step to `out` (stdout); return 0 only if all passed."""
    out = out or sys.stdout
    # No display is needed or wanted: a build machine or a user's terminal may have none.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    frozen = "bundle" if getattr(sys, "frozen", False) else "checkout"
    _say(
        out,
        f"Briefing Reader {__version__} self-test ({frozen}, Python {platform.python_version()},"
        f" {platform.system()} {platform.machine()})",
    )
    started = time.perf_counter()
    steps: list[tuple[str, Callable[[_Context], str]]] = [
        ("seeds", _step_seeds),
        ("search", _step_search),
        ("extract", _step_extract),
        ("chart", _step_chart),
        ("html", _step_html),
        ("pdf", _step_pdf),
    ]
    failed: str | None = None
    with tempfile.TemporaryDirectory(prefix="briefing-selftest-") as tmp:
        context = _Context(folder=Path(tmp))
        try:
            for name, step in steps:
                if failed:
                    _say(out, f"SKIP {name:<8}          (after the failure above)")
                    continue
                t0 = time.perf_counter()
                try:
                    detail = step(context)
                except StepFailed as exc:
                    failed = f"{name}: {exc}"
                # Any crash is a failed step, reported in one line (the traceback goes to stderr).
                except Exception as exc:
                    failed = f"{name}: {_describe(exc)}"
                    traceback.print_exc(file=sys.stderr)
                seconds = time.perf_counter() - t0
                if failed and failed.startswith(f"{name}:"):
                    _say(out, f"FAIL {name:<8} {seconds:6.2f} s  {failed[len(name) + 2 :]}")
                else:
                    _say(out, f"ok   {name:<8} {seconds:6.2f} s  {detail}")
        finally:
            if context.workspace is not None:
                context.workspace.close()
    total = time.perf_counter() - started
    if failed:
        _say(out, f"Self-test FAILED in {total:.2f} s: {failed}")
        return EXIT_FAILED
    _say(out, f"Self-test passed: {len(steps)} steps in {total:.2f} s")
    return EXIT_OK


def _say(out, line: str) -> None:
    print(line, file=out, flush=True)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


# -- steps ------------------------------------------------------------------------------------------


def _step_seeds(ctx: _Context) -> str:
    from briefing_app.core.workspace import Workspace
    from briefing_app.paths import seeds_dir

    seeds = sorted(seeds_dir().glob("*.txt"))
    _check(bool(seeds), f"no seed articles found in {seeds_dir()}")
    workspace = Workspace.open(ctx.folder / "library", seed_if_empty=False)
    ctx.workspace = workspace
    report = workspace.import_paths(seeds)
    reasons = "; ".join(f"{s.path}: {s.reason}" for s in report.skipped)
    _check(not report.skipped, f"seeds skipped: {reasons}")
    _check(
        report.imported == len(seeds),
        f"expected {len(seeds)} seed articles imported, got {report.imported}",
    )
    return f"{report.imported} articles imported from {seeds_dir()}"


def _step_search(ctx: _Context) -> str:
    workspace = _workspace(ctx)
    result = workspace.search(SEARCH_TERM)
    _check(bool(result.total), f"no hits for {SEARCH_TERM!r}")
    _check(
        any("<b" in hit.snippet for hit in result.hits),
        f"hits for {SEARCH_TERM!r} have no highlighted snippet",
    )
    _opened(workspace, result.hits[0].id, "search hit")
    return f"{result.total} hits for {SEARCH_TERM!r}, first: {_short(result.hits[0].title)}"


def _step_extract(ctx: _Context) -> str:
    workspace = _workspace(ctx)
    reports = workspace.figure_reports()
    country, value = EXPECTED_FIGURE
    found = [r for r in reports if r.figure.contributor == country and r.value == value]
    seen = sorted({f"{r.figure.contributor} {r.value:,.0f}" for r in reports if r.value})
    _check(
        bool(found),
        f"expected a troop figure {country} {value:,}; extraction found: {', '.join(seen) or 'none'}",
    )
    entities = len(_opened(workspace, found[0].article_id, "the figure's article").entities)
    _check(entities > 0, "the article with the expected figure has no entities")
    return f"{len(reports)} troop figures, including {country} {value:,}"


def _step_chart(ctx: _Context) -> str:
    """Draw the figures table as bars offscreen with pyqtgraph and count the bars in the PNG."""
    import numpy as np
    import pyqtgraph as pg
    import pyqtgraph.exporters
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance() or QApplication(["briefing-self-test"])
    ctx.app = app
    # Qt aborts the process if a widget is made under a non-widget application; say so instead.
    _check(
        isinstance(app, QApplication),
        f"a {type(app).__name__} is already running; the chart needs a QApplication",
    )
    table = _workspace(ctx).figures_table()
    rows = table.rows
    _check(bool(rows), "the figures table is empty")

    plot = pg.PlotWidget(background="w")
    plot.resize(*CHART_SIZE)
    values = [row.value for row in rows]
    colour = pg.mkColor(*BAR_RGB)
    # A cosmetic outline in the bar colour keeps even the smallest bar (55 beside 100,000) visible.
    bars = pg.BarGraphItem(
        x=list(range(len(rows))), height=values, width=0.6, brush=colour, pen=pg.mkPen(colour)
    )
    plot.addItem(bars)
    top = max(values)
    plot.setXRange(-0.7, len(rows) - 0.3, padding=0)
    plot.setYRange(-top * 0.03, top * 1.05, padding=0)
    plot.getAxis("bottom").setTicks([[(i, str(i + 1)) for i in range(len(rows))]])
    app.processEvents()

    exporter = pg.exporters.ImageExporter(plot.plotItem)
    exporter.parameters()["width"] = CHART_SIZE[0]
    # Without antialiasing every bar pixel has exactly BAR_RGB, so the bars can be counted.
    exporter.parameters()["antialias"] = False
    png = ctx.folder / "chart.png"
    exporter.export(str(png))
    plot.close()
    _check(png.is_file() and png.stat().st_size > 0, "the chart PNG was not written")
    _check(png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the chart file is not a PNG")

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
    _check(not image.isNull() and image.width() > 0, "the chart PNG cannot be read back")
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    pixels = pixels.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3)
    is_bar = np.all(pixels == np.array(BAR_RGB, np.uint8), axis=2)
    columns = is_bar.any(axis=0)
    heights = is_bar.sum(axis=0)
    runs: list[tuple[int, int]] = []  # (first column, last column) of each bar
    for x in np.flatnonzero(columns):
        if runs and x == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], int(x))
        else:
            runs.append((int(x), int(x)))
    _check(
        len(runs) == len(rows),
        f"expected {len(rows)} bars in the chart image, counted {len(runs)}",
    )
    tallest = max(range(len(runs)), key=lambda i: heights[runs[i][0] : runs[i][1] + 1].max())
    _check(
        tallest == values.index(top),
        f"the tallest bar is #{tallest + 1}, expected #{values.index(top) + 1} ({rows[values.index(top)].country})",
    )
    return f"{len(runs)} bars drawn, {width}x{height} PNG of {png.stat().st_size:,} bytes"


def _step_html(ctx: _Context) -> str:
    """A saved web page through trafilatura: the data files a bundle must carry."""
    # trafilatura reads its settings at import, justext its stoplists, htmldate and courlan
    # theirs while extracting; the importer would fall back to plain lxml and hide a gap, so
    # they are called directly first.
    import justext
    import trafilatura

    _check(bool(justext.get_stoplist("English")), "justext has no English stoplist")
    document = trafilatura.bare_extraction(_HTML_PAGE, with_metadata=True)
    if document is None:
        raise StepFailed("trafilatura found no article in the page")
    text = (document.get("text") if isinstance(document, dict) else document.text) or ""
    _check("battalion" in text, "trafilatura did not extract the article text")
    _check("Copyright" not in text, "trafilatura left the page footer in the text")

    workspace = _workspace(ctx)
    page = ctx.folder / "saved-page.html"
    page.write_text(_HTML_PAGE, encoding="utf-8")
    report = workspace.import_paths([page])
    reasons = "; ".join(s.reason for s in report.skipped)
    _check(not report.skipped, f"the saved web page was skipped: {reasons}")
    _check(report.imported == 1, f"expected 1 article from the web page, got {report.imported}")
    view = _opened(workspace, report.article_ids[0], "the imported web page")
    body = view.article.body
    _check("battalion" in body, "the article text was not imported from the page")
    _check("Copyright" not in body, "the page footer was imported with the text")
    return f"web page imported: {_short(view.article.title)}"


def _step_pdf(ctx: _Context) -> str:
    workspace = _workspace(ctx)
    try:
        from briefing_app.core.briefing import Briefing, BriefingItem, ChartConfig
        from briefing_app.core.briefing.export import export_briefing
    except ImportError as exc:
        raise StepFailed(f"the briefing export is missing from this build ({exc})") from None

    ids = workspace.search(SEARCH_TERM, page_size=1).all_ids
    items = [BriefingItem.article(i) for i in ids]
    items.append(BriefingItem.chart_of(ChartConfig(article_ids=ids)))
    briefing = Briefing(title=f"Self-test briefing: {SEARCH_TERM}", items=items)
    path = export_briefing(workspace, briefing, ctx.folder / "briefing.pdf")
    data = Path(path).read_bytes()
    _check(data.startswith(b"%PDF-"), "the exported file does not start with %PDF")
    _check(b"%%EOF" in data[-1024:], "the exported PDF has no end-of-file marker")
    pages = _count_pages(data)
    _check(pages > 0, "the exported PDF has no pages")
    return f"{pages} page{'s' if pages != 1 else ''}, {len(data):,} bytes"


# -- helpers ----------------------------------------------------------------------------------------


def _describe(exc: BaseException) -> str:
    """One line for a crash: the root cause (numpy, say, wraps a missing library in a page of advice)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = f"{type(exc).__name__}: {lines[0] if lines else '(no message)'}"
    return text if len(text) <= 300 else text[:299] + "…"


def _workspace(ctx: _Context) -> Workspace:
    if ctx.workspace is None:
        raise StepFailed("no library (the seeds step failed)")
    return ctx.workspace


def _opened(workspace: Workspace, article_id: int, what: str) -> ArticleView:
    view = workspace.article(article_id)
    if view is None:
        raise StepFailed(f"{what} (article {article_id}) cannot be opened")
    return view


def _count_pages(data: bytes) -> int:
    # PDFium (shipped for the PDF importer) really parses the file; the regex is the fallback.
    try:
        import pypdfium2 as pdfium
    except ImportError:
        import re

        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _short(text: str, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"

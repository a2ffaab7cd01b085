"""PDF reader benchmark: a generated multi-page article PDF read with the PDF reader.

    .venv/bin/python benchmarks/bench_pdf.py [--pages 50] [--repeat 5]

Writes an A4 PDF with Qt's QPdfWriter (offscreen): a heading, a running header and a
"Page N of M" footer on every page, about 45 lines of 10-point text per page with paragraph
breaks, hyphenated line ends and sentences running over page breaks. Prints PDF pages per
second for the text layer alone (PDFium) and for the whole reader (layout, paragraphs,
title, date), best of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = (
    "the alliance agreed to deploy a further battalion to the eastern flank after ministers met "
    "in brussels where officials said the rotating force of about one thousand troops would "
    "train with local units and remain until the end of the decade while others questioned "
    "the cost of air defence and the pace of procurement across the region"
).split()


def write_pdf(path: Path, pages: int) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPainter, QPdfWriter

    _app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    small, body, big = QFont("DejaVu Sans"), QFont("DejaVu Sans"), QFont("DejaVu Sans")
    small.setPointSizeF(8)
    body.setPointSizeF(10)
    big.setPointSizeF(20)
    word = 0
    for number in range(1, pages + 1):
        if number > 1:
            writer.newPage()
        painter.setFont(small)
        painter.drawText(
            QPointF(50, 30), "Defence Wire — saved on 4 March 2024 — https://x.example/a"
        )
        painter.drawText(QPointF(270, 815), f"Page {number} of {pages}")
        y = 60.0
        if number == 1:
            painter.setFont(big)
            y += 26
            painter.drawText(QPointF(50, y), "Alliance sends more troops east")
            y += 10
        painter.setFont(body)
        for line in range(45 if number > 1 else 42):
            words = [WORDS[(word + i) % len(WORDS)] for i in range(13)]
            word += 13
            text = " ".join(words)
            if line % 9 == 0:
                text = text.capitalize()
                y += 6  # paragraph spacing
            if line % 9 == 8:
                text += "."
            elif line % 7 == 3:
                text += " rede-"  # hyphenated at the line end: joined to the next word
            y += 13
            painter.drawText(QPointF(50, y), text)
    painter.end()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from briefing_app.core.formats import pdf

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.pdf"
        write_pdf(path, args.pages)
        data = path.read_bytes()
        layout_best = reader_best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            layout = pdf.read_layout(data)
            layout_best = min(layout_best, time.perf_counter() - started)
            started = time.perf_counter()
            [article] = pdf.read_pdf(path)
            reader_best = min(reader_best, time.perf_counter() - started)
    pages = len(layout.pages)
    print(f"{pages} pages, {len(data) / 1024:.0f} KB, {len(article.body):,} characters of text")
    print(f"title: {article.title!r}, date: {article.date}")
    print(f"text layer (PDFium lines):  {pages / layout_best:8.0f} pages/s")
    print(f"whole reader (read_pdf):    {pages / reader_best:8.0f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

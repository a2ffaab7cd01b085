"""The troop chart as a file of its own, SVG or PNG, drawn as the briefing draws it.

The window's Export and `briefing chart --out` both write through here, so an exported chart
is the briefing's chart: the same countries, kinds, scale, colours and hatchings. SVG needs no
Qt; PNG is painted with Qt's raster engine (offscreen, no display), like the PDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core import briefing_chart
from briefing_app.core.export import ExportError, drawing_svg, write_atomically
from briefing_app.core.figures import FiguresTable

CHART_FORMATS = {".svg": "svg", ".png": "png"}
WIDTH_PT = 520.0  # about an A4 text column; the drawing grows downwards as it needs
PNG_SCALE = 3.0  # pixels per point: 1,560 pixels wide, sharp on a slide


def chart_format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in CHART_FORMATS:
        raise ExportError(f"Cannot tell the format from “{Path(path).name}”: name it .svg or .png.")
    return CHART_FORMATS[suffix]


def write_chart(
    table: FiguresTable,
    path: str | os.PathLike[str],
    *,
    style: str = "bars",
    scale: str = "linear",
    caption: str = "Troop figures",
    width: float = WIDTH_PT,
) -> briefing_chart.ChartDrawing:
    """Draw `table` and write it atomically to `path` (.svg or .png); returns the drawing.

    Raises ExportError with a readable sentence when there is nothing to draw or the file
    cannot be written."""
    fmt = chart_format(path)
    drawing = briefing_chart.draw(table, width, style, scale)
    if drawing.empty:
        raise ExportError("No troop figures with a number to chart: nothing was written.")
    if fmt == "svg":
        data = drawing_svg(drawing, caption, standalone=True).encode("utf-8")
    else:
        data = _png(drawing)
    write_atomically(Path(path), data)
    return drawing


def _png(drawing: briefing_chart.ChartDrawing) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QColor, QImage, QPainter

    from briefing_app.core import pdf  # the painter of chart primitives, and the fonts

    pdf._ensure_gui_application()
    _serif, sans = pdf._families()
    image = QImage(
        round(drawing.width * PNG_SCALE) + 24,
        round(drawing.height * PNG_SCALE) + 24,
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    # PNG_SCALE pixels per point is 216 dpi: fonts sized in points then match the geometry.
    dots_per_metre = round(72 * PNG_SCALE / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    pdf.paint_chart(painter, drawing, QPointF(12, 12), PNG_SCALE, sans, text_scale=1.0)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


__all__ = ["CHART_FORMATS", "chart_format", "write_chart"]

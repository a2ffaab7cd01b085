"""The troop chart as a file of its own, SVG or PNG, drawn as the briefing draws it.

The window's Export and `briefing chart --out` both write through here, so an exported chart
is the briefing's chart: the same countries, kinds, scale, colours and hatchings. SVG needs no
Qt; PNG is painted with Qt's raster engine (offscreen, no display), like the PDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.files import ExportError, write_atomically
from briefing_app.core.briefing.render.svg import drawing_svg
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
        # Imported here, not above, so that Qt is loaded only when a PNG is asked for.
        from briefing_app.core.briefing.render.painter import chart_png

        data = chart_png(drawing, PNG_SCALE)
    write_atomically(Path(path), data)
    return drawing


__all__ = ["CHART_FORMATS", "chart_format", "write_chart"]

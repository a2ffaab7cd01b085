"""Painting with Qt what the PDF and the PNG chart share: the application, the fonts, the chart.

With no QGuiApplication running it starts one on the offscreen platform, so that no display is
needed. Chart primitives (`briefing.chart`, in points) are painted with QPainter onto any device:
the PDF's pages, or an image for a PNG file.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
)

from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.files import ExportError
from briefing_app.paths import resources_dir

# Families tried in order; the first one installed is used. Cambria/Calibri are on every Windows
# desk, Caladea/Carlito are their metric twins on Linux, DejaVu is always there as a last resort.
SERIF_FAMILIES = [
    "Source Serif 4",
    "Charter",
    "Cambria",
    "Caladea",
    "Georgia",
    "Liberation Serif",
    "DejaVu Serif",
]
SANS_FAMILIES = [
    "Source Sans 3",
    "Calibri",
    "Carlito",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
    "DejaVu Sans",
]
NO_LIGATURES = {QFont.Tag(name): 0 for name in ("liga", "clig", "dlig", "hlig")}


def ensure_gui_application() -> None:
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept on the module so it outlives this call: Qt allows one application per process.
        # A widgets application, so that a window or a test started later in this process
        # can still use it (a plain QGuiApplication would rule widgets out).
        from PySide6.QtWidgets import QApplication

        global _APP
        _APP = QApplication(["briefing-export"])
    elif not isinstance(app, QGuiApplication):
        raise ExportError("PDF export needs a graphical Qt application (fonts); got a console one.")


_APP: QGuiApplication | None = None
_FONTS_LOADED = False


def font_families() -> tuple[str, str]:
    global _FONTS_LOADED
    if not _FONTS_LOADED:
        # Fonts shipped with the program make every PDF look the same on every machine.
        folder = resources_dir() / "fonts"
        if folder.is_dir():
            for path in sorted(folder.glob("*.[ot]tf")):
                QFontDatabase.addApplicationFont(str(path))
        _FONTS_LOADED = True
    installed = set(QFontDatabase.families())
    serif = next((f for f in SERIF_FAMILIES if f in installed), "serif")
    sans = next((f for f in SANS_FAMILIES if f in installed), "sans-serif")
    return serif, sans


def paint_chart(
    painter: QPainter,
    drawing: briefing_chart.ChartDrawing,
    origin: QPointF,
    k: float,
    family: str,
    text_scale: float,
) -> None:
    """Paint chart primitives (in points) at `origin`, `k` device units per point.

    Font sizes are in points of the device, times `text_scale`: the PDF scales them like the
    geometry so that a shrunk chart keeps its proportions; an image passes its own."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ox, oy = origin.x(), origin.y()

    def grey(level: float | str) -> QColor:
        if isinstance(level, str):  # a country's colour, "#rrggbb"
            return QColor(level)
        v = round(max(0.0, min(1.0, level)) * 255)
        return QColor(v, v, v)

    for shape in drawing.shapes:
        if isinstance(shape, briefing_chart.Rect):
            rect = QRectF(ox + shape.x * k, oy + shape.y * k, shape.w * k, shape.h * k)
            if shape.fill is not None:
                painter.fillRect(rect, grey(shape.fill))
            if shape.stroke:
                painter.setPen(QPen(grey(shape.stroke_grey), shape.stroke * k))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
        elif isinstance(shape, briefing_chart.Line):
            pen = QPen(grey(shape.colour or shape.grey), shape.width * k)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if shape.dash:
                pen.setDashPattern([d / shape.width for d in shape.dash])
            painter.setPen(pen)
            painter.drawLine(
                QPointF(ox + shape.x1 * k, oy + shape.y1 * k),
                QPointF(ox + shape.x2 * k, oy + shape.y2 * k),
            )
        elif isinstance(shape, briefing_chart.Polygon):
            painter.setPen(QPen(QColor(0, 0, 0), shape.stroke * k))
            painter.setBrush(
                QBrush(grey(shape.fill)) if shape.fill is not None else Qt.BrushStyle.NoBrush
            )
            painter.drawPolygon(
                QPolygonF([QPointF(ox + x * k, oy + y * k) for x, y in shape.points])
            )
        else:
            font = plain_font(family, shape.size * text_scale, shape.bold)
            painter.setFont(font)
            painter.setPen(grey(shape.grey))
            width = QFontMetricsF(font, painter.device()).horizontalAdvance(shape.text)
            x = ox + shape.x * k - {"start": 0, "middle": width / 2, "end": width}[shape.anchor]
            painter.drawText(QPointF(x, oy + shape.y * k), shape.text)
    painter.restore()


def plain_font(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    for tag, value in NO_LIGATURES.items():
        font.setFeature(tag, value)
    return font


def chart_png(drawing: briefing_chart.ChartDrawing, scale: float) -> bytes:
    """The chart as a PNG image, `scale` pixels per point, on white with a small margin."""
    ensure_gui_application()
    _serif, sans = font_families()
    image = QImage(
        round(drawing.width * scale) + 24,
        round(drawing.height * scale) + 24,
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    # scale pixels per point is 216 dpi: fonts sized in points then match the geometry.
    dots_per_metre = round(72 * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    paint_chart(painter, drawing, QPointF(12, 12), scale, sans, text_scale=1.0)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs type the format as bytes, but at run time it accepts only str (b"PNG" is
    # refused with "wrong argument values"; tests/test_cli_chart.py renders a PNG chart).
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


__all__ = ["chart_png", "ensure_gui_application", "font_families", "paint_chart", "plain_font"]

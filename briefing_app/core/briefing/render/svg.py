"""Chart primitives (`briefing.chart`) as an SVG element: the HTML export's chart and the .svg file."""

from __future__ import annotations

import html

from briefing_app.core.briefing import chart as briefing_chart


def drawing_svg(
    drawing: briefing_chart.ChartDrawing, label: str, *, standalone: bool = False
) -> str:
    """Chart primitives as an SVG element; `standalone` gives it a size in points and an XML
    declaration, for a file of its own."""
    size = (
        f' width="{drawing.width:.0f}pt" height="{drawing.height:.0f}pt"'
        if standalone
        else ' width="100%"'
    )
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else "",
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawing.width:.1f} {drawing.height:.1f}"'
        f'{size} role="img" aria-label="{html.escape(label)}"'
        ' font-family="Calibri, Carlito, Arial, Helvetica, sans-serif">',
    ]
    if standalone:
        parts.append('<rect width="100%" height="100%" fill="#ffffff"/>')
    parts += [_svg_shape(shape) for shape in drawing.shapes]
    parts.append("</svg>")
    return "".join(parts)


def _grey(level: float | str) -> str:
    if isinstance(level, str):  # a country's colour, "#rrggbb"
        return level
    v = round(max(0.0, min(1.0, level)) * 255)
    return f"#{v:02x}{v:02x}{v:02x}"


def _svg_shape(shape: briefing_chart.Shape) -> str:
    if isinstance(shape, briefing_chart.Rect):
        fill = _grey(shape.fill) if shape.fill is not None else "none"
        stroke = (
            f' stroke="{_grey(shape.stroke_grey)}" stroke-width="{shape.stroke}"'
            if shape.stroke
            else ""
        )
        return f'<rect x="{shape.x:.2f}" y="{shape.y:.2f}" width="{shape.w:.2f}" height="{shape.h:.2f}" fill="{fill}"{stroke}/>'
    if isinstance(shape, briefing_chart.Line):
        dash = f' stroke-dasharray="{",".join(str(d) for d in shape.dash)}"' if shape.dash else ""
        return (
            f'<line x1="{shape.x1:.2f}" y1="{shape.y1:.2f}" x2="{shape.x2:.2f}" y2="{shape.y2:.2f}"'
            f' stroke="{_grey(shape.colour or shape.grey)}" stroke-width="{shape.width}"{dash}/>'
        )
    if isinstance(shape, briefing_chart.Polygon):
        points = " ".join(f"{x:.2f},{y:.2f}" for x, y in shape.points)
        fill = _grey(shape.fill) if shape.fill is not None else "none"
        return f'<polygon points="{points}" fill="{fill}" stroke="#000" stroke-width="{shape.stroke}"/>'
    weight = ' font-weight="bold"' if shape.bold else ""
    return (
        f'<text x="{shape.x:.2f}" y="{shape.y:.2f}" font-size="{shape.size}" text-anchor="{shape.anchor}"'
        f' fill="{_grey(shape.grey)}"{weight}>{html.escape(shape.text)}</text>'
    )


__all__ = ["drawing_svg"]

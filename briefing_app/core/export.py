"""Writing a briefing out as PDF, HTML or Markdown, always atomically.

HTML and Markdown are produced here without Qt. The PDF is painted with Qt in
`briefing_app.core.pdf`, imported only when a PDF is asked for, so the command line and tests of
the other formats never load Qt. Every format is written to a temporary file beside the target
and moved into place: a full disk or an unwritable folder leaves no half-written file.
"""

from __future__ import annotations

import errno
import html
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core import briefing_chart
from briefing_app.core.briefing import (
    Briefing,
    BriefingDocument,
    ResolvedChart,
    ResolvedItem,
    demote_headings,
    display_date,
    figure_summary,
    markdown_to_html,
    resolve,
    troops_text,
)
from briefing_app.core.figures import FigureReport
from briefing_app.core.paragraphs import paragraphs

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

FORMATS = ("pdf", "html", "md")
SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
# Progress is reported as (done, total, what); the PDF reports its passes, the others one step.
ProgressFn = Callable[[int, int, str], None]


class ExportError(Exception):
    """An export that failed, with a sentence a person can act on."""


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format asked for, else the one the file name's suffix implies."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"Unknown export format “{fmt}” (use {', '.join(FORMATS)}).")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(
            f"Cannot tell the format from “{Path(path).name}”: name it .pdf, .html or .md,"
            " or give the format."
        )
    return SUFFIXES[suffix]


def export_briefing(
    workspace: Workspace,
    briefing: Briefing,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    page_size: str | None = None,
    progress: ProgressFn | None = None,
) -> Path:
    """Resolve `briefing` against the library and write it to `path`; returns the path."""
    return export_document(
        resolve(workspace, briefing), path, fmt=fmt, page_size=page_size, progress=progress
    )


def export_document(
    document: BriefingDocument,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    page_size: str | None = None,
    progress: ProgressFn | None = None,
) -> Path:
    target = Path(path)
    fmt = format_for(target, fmt)
    if fmt == "pdf":
        from briefing_app.core import pdf  # Qt is loaded only for a PDF

        data = pdf.render_pdf(
            document, page_size=page_size or document.briefing.page_size, progress=progress
        )
    elif fmt == "html":
        data = to_html(document).encode("utf-8")
    else:
        data = to_markdown(document).encode("utf-8")
    write_atomically(target, data)
    if progress:
        progress(1, 1, f"Saved {target.name}")
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the target folder, then rename it over the target."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Cannot save {path.name}: the folder {folder} does not exist.")
    temp_name = None
    try:
        fd, temp_name = _create_temporary(folder, path.name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise ExportError(_why(exc, path)) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new hidden file beside the target. Unlike mkstemp's private 0600 file, it gets the
    permissions the user's umask gives any new file, which the export then keeps."""
    while True:
        temp = folder / f".{name}.{secrets.token_hex(4)}.part"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(temp)
        except FileExistsError:
            continue


def _why(exc: OSError, path: Path) -> str:
    folder = path.parent
    reasons = {
        errno.EACCES: f"you do not have permission to write in {folder}",
        errno.EPERM: f"you do not have permission to write in {folder}",
        errno.EROFS: f"{folder} is on a read-only disk",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.ENOENT: (
            f"the folder {folder} does not exist"
            if not folder.is_dir()
            else f"files cannot be created in {folder}"
        ),
        errno.EISDIR: f"{path} is a folder",
    }
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    return f"Cannot save {path.name}: {reason}. Nothing was written."


# -- shared wording -------------------------------------------------------------------------------


def has_key_figures(document: BriefingDocument) -> bool:
    """Whether there is a key-figures section: figures, or the chart drawn for them (chart
    items are drawn among the items)."""
    return bool(document.key_figures or any(not c.is_item for c in document.charts))


def chart_citation(chart: ResolvedChart) -> str:
    """The sources behind a chart item: "sources [1]–[3], [5]"."""
    runs: list[list[int]] = []
    for n in sorted({s.number for s in chart.sources}):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    if not runs:
        return "no articles behind it"
    return "sources " + ", ".join(
        f"[{r[0]}]" if len(r) == 1 else f"[{r[0]}]–[{r[-1]}]" for r in runs
    )


def item_citation(item: ResolvedItem) -> str:
    if item.chart is not None:
        return chart_citation(item.chart)
    if item.source is None:
        return "Article no longer in the library"
    return f"[{item.source.number}] {item.source.citation()}"


def figure_row(document: BriefingDocument, report: FigureReport) -> list[str]:
    """Contributor, host, troops, kind, year, source: one row of the key-figures table."""
    f = report.figure
    source = document.source_for(report.article_id)
    title = (
        report.article_title
        if len(report.article_title) <= 34
        else report.article_title[:32].rstrip() + "…"
    )
    cite = f"[{source.number}] {title}" if source else title
    return [
        f.contributor or "—",
        f.host or "—",
        troops_text(f) + (" *" if report.corrected else ""),
        f.troop_kind or "—",
        str(f.year) if f.year else "undated",
        cite,
    ]


FIGURE_HEADERS = ["Contributor", "Host", "Troops", "Kind", "Year", "Source"]


def meta_line(document: BriefingDocument) -> str:
    b = document.briefing
    return " · ".join(x for x in (b.author, display_date(b.date)) if x)


def body_paragraphs(text: str) -> list[str]:
    """An article body as paragraphs, as the reader shows them (hard-wrapped lines joined)."""
    return paragraphs(text)


# -- HTML -----------------------------------------------------------------------------------------

_CSS = """
body { font-family: Cambria, Charter, Georgia, 'Times New Roman', serif; font-size: 11pt;
  line-height: 1.45; color: #111; max-width: 46em; margin: 0 auto; padding: 3em 1.5em; }
h1, h2, h3, .marking, table, figcaption, .meta, .cite { font-family: Calibri, 'Segoe UI',
  'Helvetica Neue', Arial, sans-serif; }
.marking { text-align: center; font-weight: bold; letter-spacing: .08em; font-size: 10pt;
  border-top: 1px solid #000; border-bottom: 1px solid #000; padding: .25em 0; margin: 0 0 2em; }
.marking.bottom { margin: 3em 0 0; }
h1 { font-size: 24pt; line-height: 1.2; margin: 1em 0 .3em; }
h2 { font-size: 15pt; border-bottom: 1.5px solid #000; padding-bottom: .15em; margin: 2.2em 0 .7em; }
h3 { font-size: 11.5pt; margin: 1.6em 0 .3em; }
.meta { color: #444; margin-bottom: 2em; }
.toc ol { padding-left: 1.3em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: .8em 0; }
th { text-align: left; border-top: 1.5px solid #000; border-bottom: 1px solid #000; padding: 4px 6px; }
td { border-bottom: .5px solid #aaa; padding: 3px 6px; vertical-align: top; }
tr:last-child td { border-bottom: 1.5px solid #000; }
td.num { text-align: right; white-space: nowrap; }
figure { margin: 1.2em 0; } figcaption { font-size: 9pt; color: #333; margin-top: .3em; }
blockquote { margin: .6em 0 .6em 1em; padding-left: .9em; border-left: 2px solid #777; }
.cite { font-size: 9pt; color: #444; }
.note { background: #f3f3f3; padding: .4em .8em; margin: .5em 0; }
.note p { margin: .3em 0; } .article-body { font-size: 10pt; }
.link, .url { word-break: break-all; }
.section { break-before: page; }
@media print { body { max-width: none; padding: 0; } }
"""


def to_html(document: BriefingDocument) -> str:
    """A self-contained page: inline CSS, the chart as inline SVG, no external reference."""
    b = document.briefing
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(b.title)}</title>",
        f"<style>{_CSS}</style></head><body>",
    ]
    if b.marking:
        out.append(f'<div class="marking">{e(b.marking)}</div>')
    out.append(f"<h1>{e(b.title)}</h1>")
    if meta_line(document):
        out.append(f'<div class="meta">{e(meta_line(document))}</div>')
    sections = _sections(document)
    out.append('<nav class="toc"><h2>Contents</h2><ol>')
    out += [f'<li><a href="#{anchor}">{e(title)}</a></li>' for anchor, title in sections]
    out.append("</ol></nav>")
    anchors = dict((t, a) for a, t in sections)
    if b.summary.strip():
        out.append(f'<h2 id="{anchors["Executive summary"]}">Executive summary</h2>')
        out.append(markdown_to_html(b.summary, clickable_links=True, under=2))
    if has_key_figures(document):
        out.append(f'<h2 id="{anchors["Key figures"]}">Key figures</h2>')
        out.append(_html_figures_table(document))
        for chart in document.charts:
            if not chart.is_item:
                out.append(_html_chart(chart))
    if document.items:
        out.append(f'<h2 id="{anchors["Items"]}">Items</h2>')
        for item in document.items:
            out.append(_html_item(item))
    if b.notes.strip():
        out.append(f'<h2 id="{anchors["Notes"]}">Notes</h2>')
        out.append(markdown_to_html(b.notes, clickable_links=True, under=2))
    if document.index:
        out.append(f'<h2 id="{anchors["Index"]}">Index</h2>')
        out.append("<table><tr><th>Name</th><th>Kind</th><th>Items</th></tr>")
        for entry in document.index:
            items = ", ".join(f'<a href="#item-{n}">{n}</a>' for n in entry.items)
            out.append(f"<tr><td>{e(entry.name)}</td><td>{entry.label}</td><td>{items}</td></tr>")
        out.append("</table>")
    if document.sources:
        out.append(f'<h2 id="{anchors["Sources"]}">Sources</h2><ol>')
        for source in document.sources:
            where = f'<br><span class="url">{e(source.location)}</span>' if source.location else ""
            out.append(f'<li id="source-{source.number}">{e(source.citation())}{where}</li>')
        out.append("</ol>")
    if b.marking:
        out.append(f'<div class="marking bottom">{e(b.marking)}</div>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _sections(document: BriefingDocument) -> list[tuple[str, str]]:
    b = document.briefing
    candidates = [
        ("summary", "Executive summary", bool(b.summary.strip())),
        ("figures", "Key figures", has_key_figures(document)),
        ("items", "Items", bool(document.items)),
        ("notes", "Notes", bool(b.notes.strip())),
        ("index", "Index", bool(document.index)),
        ("sources", "Sources", bool(document.sources)),
    ]
    return [(anchor, title) for anchor, title, present in candidates if present]


def _html_figures_table(document: BriefingDocument) -> str:
    if not document.key_figures:
        return "<p>The items in this briefing report no troop figures.</p>"
    e = html.escape
    rows = ["<table><tr>" + "".join(f"<th>{h}</th>" for h in FIGURE_HEADERS) + "</tr>"]
    for report in document.key_figures:
        cells = figure_row(document, report)
        rows.append(
            "<tr>"
            + "".join(
                f'<td class="num">{e(c)}</td>' if i == 2 else f"<td>{e(c)}</td>"
                for i, c in enumerate(cells)
            )
            + "</tr>"
        )
    rows.append("</table>")
    if any(r.corrected for r in document.key_figures):
        rows.append('<p class="cite">* corrected by the user</p>')
    return "\n".join(rows)


def _html_chart(chart: ResolvedChart) -> str:
    svg = chart_svg(chart, 460)
    left_out = chart.table.left_out_text()
    caption = html.escape(
        f"Chart {chart.number}. {chart.caption}."
        + (f" Kinds not drawn, {left_out}." if left_out else "")
    )
    if not svg:
        return f"<p>{caption} No troop figures with a number in scope.</p>"
    note = markdown_to_html(chart.note, clickable_links=True, under=2)
    return f"<figure>{svg}<figcaption>{caption}</figcaption>{note}</figure>"


def _html_item(item: ResolvedItem) -> str:
    e = html.escape
    out = [f'<section class="item" id="item-{item.number}">']
    out.append(f"<h3>{item.number}. {e(item.heading)}</h3>")
    out.append(f'<div class="cite">{e(item_citation(item))}</div>')
    kind = item.item.kind
    if item.chart is not None:
        out.append(_html_chart(item.chart))
    elif kind == "article" and item.article is not None:
        out.append('<div class="article-body">')
        out += [f"<p>{e(p)}</p>" for p in body_paragraphs(item.quote)]
        out.append("</div>")
    elif item.quote:
        out.append(f"<blockquote>{e(item.quote)}</blockquote>")
    if item.item.note.strip() and item.chart is None:  # a chart's note is in its caption
        out.append(
            f'<div class="note">{markdown_to_html(item.item.note, clickable_links=True, under=3)}</div>'
        )
    out.append("</section>")
    return "\n".join(out)


def chart_svg(chart: ResolvedChart, width: float) -> str:
    """The chart as an SVG element drawn from the same primitives the PDF paints."""
    drawing = briefing_chart.draw(chart.table, width, chart.config.style, chart.config.scale)
    if drawing.empty:
        return ""
    parts = [drawing_svg(drawing, chart.caption)]
    if drawing.omitted:
        parts.append(
            f'<p class="cite">Not drawn for space: {html.escape(", ".join(drawing.omitted))}.</p>'
        )
    return "".join(parts)


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


# -- Markdown -------------------------------------------------------------------------------------


def to_markdown(document: BriefingDocument) -> str:
    b = document.briefing
    out: list[str] = []
    if b.marking:
        out += [f"**{b.marking}**", ""]
    out += [f"# {b.title}", ""]
    if meta_line(document):
        out += [meta_line(document), ""]
    if b.summary.strip():
        out += ["## Executive summary", "", demote_headings(b.summary.strip(), 2), ""]
    if has_key_figures(document):
        out += ["## Key figures", ""]
        if document.key_figures:
            out.append("| " + " | ".join(FIGURE_HEADERS) + " |")
            out.append(
                "|" + "|".join("---:" if h == "Troops" else "---" for h in FIGURE_HEADERS) + "|"
            )
            for report in document.key_figures:
                out.append(
                    "| " + " | ".join(_md_cell(c) for c in figure_row(document, report)) + " |"
                )
            out.append("")
        for chart in document.charts:
            if not chart.is_item:
                out += [
                    f"*Chart {chart.number}. {chart.caption}* (drawn in the PDF and HTML exports)",
                    "",
                ]
                if chart.note.strip():
                    out += [demote_headings(chart.note.strip(), 2), ""]
    if document.items:
        out += ["## Items", ""]
        for item in document.items:
            out += [f"### {item.number}. {item.heading}", "", f"*{item_citation(item)}*", ""]
            if item.chart is not None:
                out += _md_chart_cells(document, item.chart)
            elif item.item.kind == "article" and item.article is not None:
                for para in body_paragraphs(item.quote):
                    out += [para, ""]
            elif item.quote:
                out += ["> " + line if line else ">" for line in item.quote.splitlines()]
                out.append("")
            if item.item.note.strip():
                out += ["**Note:** " + demote_headings(item.item.note.strip(), 3), ""]
    if b.notes.strip():
        out += ["## Notes", "", demote_headings(b.notes.strip(), 2), ""]
    if document.index:
        out += ["## Index", ""]
        for entry in document.index:
            numbers = ", ".join(str(n) for n in entry.items)
            out.append(
                f"- {entry.name} ({entry.label}): item{'s' if len(entry.items) > 1 else ''} {numbers}"
            )
        out.append("")
    if document.sources:
        out += ["## Sources", ""]
        for source in document.sources:
            where = (
                f" <{source.url}>" if source.url else (f" ({source.path})" if source.path else "")
            )
            out.append(f"{source.number}. {source.citation()}.{where}")
        out.append("")
    if b.marking:
        out += [f"**{b.marking}**", ""]
    return "\n".join(out)


def _md_chart_cells(document: BriefingDocument, chart: ResolvedChart) -> list[str]:
    """A chart item in Markdown: its table, every cell with each report and its citation."""
    out = [
        "(the chart is drawn in the PDF and HTML exports)",
        "",
        f"| {chart.table.by.capitalize()} | Year | Drawn | Reports [source] |",
        "|---|---|---:|---|",
    ]
    for row in chart.table.rows:
        reports = []
        for report in row.reports:
            source = document.source_for(report.article_id)
            reports.append(
                f"{troops_text(report.figure)} {report.kind}"
                + (f" [{source.number}]" if source else "")
            )
        drawn = f"{row.value:,.0f}" + (f" ({row.low:,.0f}–{row.high:,.0f})" if row.disputed else "")
        out.append(
            f"| {_md_cell(row.country)} | {row.year_label} | {drawn} | {_md_cell('; '.join(reports))} |"
        )
    out.append("")
    if chart.table.left_out:
        out += [f"Kinds not drawn, {chart.table.left_out_text()}.", ""]
    return out


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


__all__ = [
    "FORMATS",
    "ExportError",
    "chart_svg",
    "drawing_svg",
    "export_briefing",
    "export_document",
    "figure_summary",
    "format_for",
    "to_html",
    "to_markdown",
    "write_atomically",
]

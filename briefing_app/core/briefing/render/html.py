"""A briefing as one self-contained HTML page: inline CSS, charts as inline SVG, nothing fetched."""

from __future__ import annotations

import html
from collections.abc import Callable

from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.document import BriefingDocument, ResolvedChart, ResolvedItem
from briefing_app.core.briefing.render.svg import drawing_svg
from briefing_app.core.briefing.render.user_markdown import markdown_to_html
from briefing_app.core.briefing.render.wording import (
    FIGURE_HEADERS,
    body_paragraphs,
    figure_row,
    item_citation,
    meta_line,
    sections,
)

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
    present = sections(document)
    out.append('<nav class="toc"><h2>Contents</h2><ol>')
    out += [f'<li><a href="#{anchor}">{e(title)}</a></li>' for anchor, title in present]
    out.append("</ol></nav>")
    for anchor, title in present:
        out += _SECTIONS[anchor](document, f'<h2 id="{anchor}">{e(title)}</h2>')
    if b.marking:
        out.append(f'<div class="marking bottom">{e(b.marking)}</div>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _summary(document: BriefingDocument, heading: str) -> list[str]:
    return [heading, markdown_to_html(document.briefing.summary, clickable_links=True, under=2)]


def _key_figures(document: BriefingDocument, heading: str) -> list[str]:
    charts = [_html_chart(chart) for chart in document.charts if not chart.is_item]
    return [heading, _html_figures_table(document), *charts]


def _items(document: BriefingDocument, heading: str) -> list[str]:
    return [heading, *(_html_item(item) for item in document.items)]


def _notes(document: BriefingDocument, heading: str) -> list[str]:
    return [heading, markdown_to_html(document.briefing.notes, clickable_links=True, under=2)]


def _index(document: BriefingDocument, heading: str) -> list[str]:
    e = html.escape
    out = [heading, "<table><tr><th>Name</th><th>Kind</th><th>Items</th></tr>"]
    for entry in document.index:
        items = ", ".join(f'<a href="#item-{n}">{n}</a>' for n in entry.items)
        out.append(f"<tr><td>{e(entry.name)}</td><td>{entry.label}</td><td>{items}</td></tr>")
    out.append("</table>")
    return out


def _sources(document: BriefingDocument, heading: str) -> list[str]:
    e = html.escape
    out = [heading + "<ol>"]
    for source in document.sources:
        where = f'<br><span class="url">{e(source.location)}</span>' if source.location else ""
        out.append(f'<li id="source-{source.number}">{e(source.citation())}{where}</li>')
    out.append("</ol>")
    return out


# How each section (wording.SECTIONS, which also gives their order) is written in HTML.
_SECTIONS: dict[str, Callable[[BriefingDocument, str], list[str]]] = {
    "summary": _summary,
    "figures": _key_figures,
    "items": _items,
    "notes": _notes,
    "index": _index,
    "sources": _sources,
}


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


__all__ = ["chart_svg", "to_html"]

"""The briefing as the HTML subset QTextDocument understands, sized for paper: the PDF's text.

Plain strings, no Qt: `pdf` lays this out and paints it. Qt's rich text applies no stylesheet to
bare tags, so every element carries its own style; sections are level-1 headings and items
level-3 headings, which is how `pdf` finds their pages for the contents and the index.
"""

from __future__ import annotations

import html
import re

from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.document import BriefingDocument, ResolvedChart, ResolvedItem
from briefing_app.core.briefing.phrases import display_date, troops_text
from briefing_app.core.briefing.render.user_markdown import markdown_to_html
from briefing_app.core.briefing.render.wording import (
    FIGURE_HEADERS,
    body_paragraphs,
    chart_citation,
    figure_row,
    item_source,
    quoted,
    sections,
    shortened,
)

# Where a chart goes: `pdf` replaces this text with the chart's drawing object.
PLACEHOLDER = "\u2063chart{}\u2063"
# Short closing sections follow on the same page rather than leaving a page nearly empty.
FOLLOW_ON = {"notes", "sources"}


# The pages where an index entry's names are printed, by (name, label): found on the laid-out
# document by `pdf`, since an item that runs onto a next page names some on that page only.
MentionPages = dict[tuple[str, str], tuple[int, ...]]


class PdfMarkup:
    """The briefing in the HTML subset QTextDocument understands, sized for paper."""

    def __init__(
        self,
        document: BriefingDocument,
        serif: str,
        sans: str,
        pages: dict[str, int],
        mentions: MentionPages | None = None,
    ) -> None:
        self.d = document
        self.serif = serif
        self.sans = sans
        self.pages = pages
        self.mentions = mentions or {}

    def page(self, anchor: str) -> str:
        return str(self.pages.get(anchor, "")) or "0"

    def build(self) -> str:
        d, b, e = self.d, self.d.briefing, html.escape
        sans = f"font-family:'{self.sans}'"
        out = [
            f"<html><body style=\"font-family:'{self.serif}'; font-size:10.5pt; color:#141414\">",
        ]
        # Title page. Qt drops the top margin of a document's first block, hence the spacer.
        out.append('<p style="font-size:1pt">&nbsp;</p>')
        out.append(
            f'<p style="{sans}; font-size:9pt; color:#555555; margin-top:200px; letter-spacing:2px">BRIEFING</p>'
        )
        out.append(
            f'<p style="{sans}; font-size:26pt; font-weight:bold; margin-top:6px; margin-bottom:14px;'
            f' line-height:115%">{e(b.title)}</p>'
        )
        out.append(
            '<table width="100%" cellspacing="0" cellpadding="0"><tr><td style="border-top:2.5px solid #000000"></td></tr></table>'
        )
        if b.author:
            out.append(f'<p style="{sans}; font-size:12pt; margin-top:16px">{e(b.author)}</p>')
        if b.date:
            out.append(
                f'<p style="{sans}; font-size:12pt; color:#333333; margin-top:2px">{e(display_date(b.date))}</p>'
            )
        counts = []
        if d.items:
            counts.append(f"{len(d.items)} item{'s' if len(d.items) != 1 else ''}")
        if d.sources:
            counts.append(f"{len(d.sources)} source{'s' if len(d.sources) != 1 else ''}")
        if d.key_figures:
            counts.append(
                f"{len(d.key_figures)} troop figure{'s' if len(d.key_figures) != 1 else ''}"
            )
        if counts:
            out.append(
                f'<p style="{sans}; font-size:9.5pt; color:#555555; margin-top:28px">{e(", ".join(counts))}</p>'
            )

        present = sections(d)
        out.append(self._h1("Contents"))
        out.append(
            '<table width="100%" cellspacing="0" cellpadding="5" style="border-collapse:collapse">'
        )
        for anchor, title in present:
            out.append(
                f'<tr><td style="{sans}; font-size:11pt; border-bottom:0.5px solid #bbbbbb">{e(title)}</td>'
                f'<td align="right" style="{sans}; font-size:11pt; border-bottom:0.5px solid #bbbbbb">{self.page(anchor)}</td></tr>'
            )
            if anchor == "items":
                for item in d.items:
                    out.append(
                        f'<tr><td style="{sans}; font-size:9pt; color:#444444; padding-left:18px">'
                        f"{item.number}.&nbsp;&nbsp;{e(shortened(item.heading, 80))}</td>"
                        f'<td align="right" style="{sans}; font-size:9pt; color:#444444">{self.page(f"item-{item.number}")}</td></tr>'
                    )
        out.append("</table>")

        writers = {
            "summary": lambda: [self._markdown(b.summary)],
            "figures": lambda: [
                self._figures_table(),
                *(self._chart(chart) for chart in d.charts if not chart.is_item),
            ],
            "items": lambda: [self._item(item) for item in d.items],
            "notes": lambda: [self._markdown(b.notes)],
            "index": lambda: [
                '<p style="font-size:9pt; color:#444444">People, places and organisations named in'
                " the items, with the items and pages where they appear.</p>",
                self._index(),
            ],
            "sources": lambda: [self._sources()],
        }
        for anchor, title in present:
            out.append(self._h1(title, new_page=anchor not in FOLLOW_ON))
            out += writers[anchor]()
        out.append("</body></html>")
        return "\n".join(out)

    def _h1(self, title: str, new_page: bool = True) -> str:
        # Short closing sections (notes, sources) follow on the same page rather than
        # leaving a page nearly empty; keep-with-next still stops them starting at a foot.
        spacing = "margin-top:0px; page-break-before:always" if new_page else "margin-top:36px"
        return (
            f"<h1 style=\"font-family:'{self.sans}'; font-size:17pt; font-weight:bold; {spacing};"
            f' margin-bottom:14px">{html.escape(title)}</h1>'
            '<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:12px">'
            '<tr><td style="border-top:1.5px solid #000000"></td></tr></table>'
        )

    def _markdown(self, text: str, size: str = "10.5pt") -> str:
        # Sections are level 1 and items level 3: the user's headings start at level 4.
        fragment = markdown_to_html(text, under=3)
        sans = f"font-family:'{self.sans}'"
        # Qt applies no stylesheet to bare tags, so size headings and rule tables here.
        replacements = {
            "<h4>": f'<h4 style="{sans}; font-size:13.5pt; margin-top:14px; margin-bottom:6px">',
            "<h5>": f'<h5 style="{sans}; font-size:12pt; margin-top:12px; margin-bottom:5px">',
            "<h6>": f'<h6 style="{sans}; font-size:11pt; margin-top:10px; margin-bottom:4px">',
            "<table>": '<table width="100%" cellspacing="0" cellpadding="4" style="border-collapse:collapse; margin-top:14px; margin-bottom:10px">',
            "<th>": f'<th align="left" style="{sans}; font-size:9pt; border-top:1.5px solid #000000; border-bottom:1px solid #000000">',
            "<td>": '<td style="font-size:9.5pt; border-bottom:0.5px solid #aaaaaa">',
            "<p>": f'<p style="font-size:{size}; margin-bottom:7px; line-height:135%">',
            "<li>": f'<li style="font-size:{size}; margin-bottom:3px">',
            "<ul>": '<ul style="margin-bottom:10px">',
            "<ol>": '<ol style="margin-bottom:10px">',
            "<pre>": '<pre style="font-size:8.5pt; background-color:#f2f2f2">',
        }
        # One pass, so that a replaced tag is never replaced again.
        pattern = re.compile("|".join(re.escape(old) for old in replacements))
        return pattern.sub(lambda m: replacements[m.group(0)], fragment)

    def _figures_table(self) -> str:
        d, e = self.d, html.escape
        if not d.key_figures:
            return "<p>The items in this briefing report no troop figures.</p>"
        sans = f"font-family:'{self.sans}'"
        head = f"{sans}; font-size:8.5pt; font-weight:bold; border-top:1.5px solid #000000; border-bottom:1px solid #000000; background-color:#eeeeee"
        rows = [
            '<table width="100%" cellspacing="0" cellpadding="4" style="border-collapse:collapse">',
            "<tr>",
        ]
        widths = ["17%", "19%", "13%", "11%", "8%", "32%"]
        for header, width in zip(FIGURE_HEADERS, widths, strict=True):
            align = "right" if header == "Troops" else "left"
            rows.append(f'<th width="{width}" align="{align}" style="{head}">{header}</th>')
        rows.append("</tr>")
        last = len(d.key_figures) - 1
        for n, report in enumerate(d.key_figures):
            rule = "1.5px solid #000000" if n == last else "0.5px solid #b0b0b0"
            rows.append("<tr>")
            for i, cell in enumerate(figure_row(d, report)):
                align = ' align="right"' if i == 2 else ""
                weight = "; font-weight:bold" if i == 2 else ""
                rows.append(
                    f'<td{align} style="{sans}; font-size:8.5pt; border-bottom:{rule}{weight}">{e(cell)}</td>'
                )
            rows.append("</tr>")
        rows.append("</table>")
        if any(r.corrected for r in d.key_figures):
            rows.append(
                f'<p style="{sans}; font-size:8pt; color:#444444">* corrected by the user</p>'
            )
        return "\n".join(rows)

    def _chart(self, chart: ResolvedChart) -> str:
        """The chart's drawing, its caption and note, and for a chart item the table of every
        drawn cell with each report behind it and its citation number."""
        e = html.escape
        sans = f"font-family:'{self.sans}'"
        drawing = briefing_chart.draw(chart.table, 400, chart.config.style, chart.config.scale)
        left_out = chart.table.left_out_text()
        if drawing.empty:
            return (
                f'<p style="margin-top:18px">Chart {chart.number}: no troop figures'
                f" with a number in its scope{'; ' + e(left_out) if left_out else ''}.</p>"
            )
        out = [
            f'<p style="margin-top:24px; margin-bottom:4px" align="center">{PLACEHOLDER.format(chart.number)}</p>'
        ]
        caption = f"Chart {chart.number}. {chart.caption}."
        if left_out:
            caption += f" Kinds not drawn, {left_out}."
        if drawing.omitted:
            caption += f" Not drawn for space (in the table below): {', '.join(drawing.omitted)}."
        # The note joins the caption so that it never lands alone on the next page.
        note = " ".join(chart.note.split())
        note_html = markdown_to_html(note).removeprefix("<p>").removesuffix("</p>") if note else ""
        out.append(
            f'<p style="{sans}; font-size:8.5pt; color:#333333; margin-top:4px">'
            f"<b>{e(caption)}</b> {note_html}</p>"
        )
        if chart.is_item:
            out.append(self._chart_cells(chart))
        return "\n".join(out)

    def _chart_cells(self, chart: ResolvedChart) -> str:
        """Every drawn cell: the number drawn, the spread of its reports, and each report with
        its citation, so a figure on the chart can be traced to its article."""
        d, e = self.d, html.escape
        sans = f"font-family:'{self.sans}'"
        head = f"{sans}; font-size:8pt; font-weight:bold; border-top:1.5px solid #000000; border-bottom:1px solid #000000; background-color:#eeeeee"
        rows = [
            '<table width="100%" cellspacing="0" cellpadding="3" style="border-collapse:collapse; margin-top:6px">',
            f'<tr><th align="left" width="22%" style="{head}">{e(chart.table.by.capitalize())}</th>'
            f'<th align="left" width="9%" style="{head}">Year</th>'
            f'<th align="right" width="13%" style="{head}">Drawn</th>'
            f'<th align="left" width="56%" style="{head}">Reports [source]</th></tr>',
        ]
        table = chart.table
        order = {c: i for i, c in enumerate(table.countries())}
        cell = f"{sans}; font-size:8pt; border-bottom:0.5px solid #b0b0b0"
        for row in sorted(
            table.rows, key=lambda r: (order[r.country], r.year is None, r.year or 0)
        ):
            reports = []
            for report in row.reports:
                source = d.source_for(report.article_id)
                cite = f" [{source.number}]" if source else ""
                reports.append(f"{troops_text(report.figure)} {report.kind}{cite}")
            drawn = f"{row.value:,.0f}"
            if row.disputed:
                drawn += f'<br/><span style="color:#555555">{row.low:,.0f}–{row.high:,.0f}</span>'
            rows.append(
                f'<tr><td style="{cell}">{e(row.country)}</td><td style="{cell}">{e(row.year_label)}</td>'
                f'<td align="right" style="{cell}; font-weight:bold">{drawn}</td>'
                f'<td style="{cell}">{e("; ".join(reports))}</td></tr>'
            )
        rows.append("</table>")
        return "\n".join(rows)

    def _item(self, item: ResolvedItem) -> str:
        e = html.escape
        sans = f"font-family:'{self.sans}'"
        if item.chart is not None:
            return "\n".join(
                [
                    f'<h3 style="{sans}; font-size:12pt; font-weight:bold; margin-top:20px; margin-bottom:2px">'
                    f"{item.number}.&nbsp;&nbsp;{e(item.heading)}</h3>",
                    f'<p style="{sans}; font-size:8.5pt; color:#444444; margin-bottom:6px">'
                    f"<b>Chart</b> · {e(chart_citation(item.chart))}</p>",
                    self._chart(item.chart),
                ]
            )
        kind = {"article": "Article", "passage": "Passage", "figure": "Troop figure"}[
            item.item.kind
        ]
        heading = (
            item.title
            if item.item.kind != "figure"
            else item.heading.removeprefix("Troop figure: ")
        )
        out = [
            f'<h3 style="{sans}; font-size:12pt; font-weight:bold; margin-top:20px; margin-bottom:2px">'
            f"{item.number}.&nbsp;&nbsp;{e(heading)}</h3>",
            f'<p style="{sans}; font-size:8.5pt; color:#444444; margin-bottom:6px">'
            f"<b>{e(kind)}</b> · {e(item_source(item))}</p>",
        ]
        if item.item.kind == "article" and item.article is not None:
            for para in body_paragraphs(item.quote):
                out.append(
                    f'<p style="font-size:10pt; margin-bottom:6px; line-height:130%" align="justify">{e(para)}</p>'
                )
        elif item.quote:
            out.append(
                '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:2px; margin-bottom:6px"><tr>'
                '<td width="3" style="background-color:#666666"></td>'
                f'<td style="padding-left:12px; font-size:10.5pt; font-style:italic">{e(quoted(item.quote))}</td></tr></table>'
            )
        elif item.item.kind == "figure":
            out.append('<p style="color:#555555">The figure is no longer found in the article.</p>')
        if item.item.note.strip():
            out.append(
                '<table width="100%" cellspacing="0" cellpadding="7" style="margin-top:6px; margin-bottom:6px">'
                '<tr><td style="background-color:#f0f0f0">'
                f'<p style="{sans}; font-size:8pt; font-weight:bold; color:#444444; margin-bottom:2px">NOTE</p>'
                f"{self._markdown(item.item.note, size='10pt')}</td></tr></table>"
            )
        return "\n".join(out)

    def _index(self) -> str:
        e = html.escape
        sans = f"font-family:'{self.sans}'"
        head = f"{sans}; font-size:8.5pt; font-weight:bold; border-top:1.5px solid #000000; border-bottom:1px solid #000000"
        rows = [
            '<table width="100%" cellspacing="0" cellpadding="3" style="border-collapse:collapse">',
            f'<tr><th align="left" width="46%" style="{head}">Name</th><th align="left" width="18%" style="{head}">Kind</th>'
            f'<th align="left" width="18%" style="{head}">Items</th><th align="left" width="18%" style="{head}">Pages</th></tr>',
        ]
        for entry in self.d.index:
            pages = self.mentions.get((entry.name, entry.label)) or sorted(
                {int(self.page(f"item-{n}")) for n in entry.items}
            )
            cell = "font-size:9pt; border-bottom:0.5px solid #c8c8c8"
            rows.append(
                f'<tr><td style="{cell}">{e(entry.name)}</td><td style="{cell}; color:#555555">{entry.label}</td>'
                f'<td style="{cell}">{", ".join(str(n) for n in entry.items)}</td>'
                f'<td style="{cell}">{", ".join(str(p) for p in pages)}</td></tr>'
            )
        rows.append("</table>")
        return "\n".join(rows)

    def _sources(self) -> str:
        e = html.escape
        rows = ['<table width="100%" cellspacing="0" cellpadding="4">']
        for source in self.d.sources:
            where = (
                f'<br/><span style="font-size:8pt; color:#555555">{e(source.location)}</span>'
                if source.location
                else ""
            )
            rows.append(
                f'<tr><td width="6%" style="font-size:10pt; font-weight:bold">[{source.number}]</td>'
                f'<td style="font-size:10pt">{e(source.citation())}{where}</td></tr>'
            )
        rows.append("</table>")
        return "\n".join(rows)


__all__ = ["PLACEHOLDER", "MentionPages", "PdfMarkup"]

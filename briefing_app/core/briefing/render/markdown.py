"""A briefing as Markdown: the same sections and words as the other formats, charts as tables."""

from __future__ import annotations

from collections.abc import Callable

from briefing_app.core.briefing.document import BriefingDocument, ResolvedChart
from briefing_app.core.briefing.phrases import troops_text
from briefing_app.core.briefing.render.user_markdown import demote_headings
from briefing_app.core.briefing.render.wording import (
    FIGURE_HEADERS,
    body_paragraphs,
    figure_row,
    item_citation,
    meta_line,
    sections,
)


def to_markdown(document: BriefingDocument) -> str:
    b = document.briefing
    out: list[str] = []
    if b.marking:
        out += [f"**{b.marking}**", ""]
    out += [f"# {b.title}", ""]
    if meta_line(document):
        out += [meta_line(document), ""]
    for anchor, title in sections(document):
        out += [f"## {title}", ""]
        out += _SECTIONS[anchor](document)
    if b.marking:
        out += [f"**{b.marking}**", ""]
    return "\n".join(out)


def _summary(document: BriefingDocument) -> list[str]:
    return [demote_headings(document.briefing.summary.strip(), 2), ""]


def _key_figures(document: BriefingDocument) -> list[str]:
    out: list[str] = []
    if document.key_figures:
        out.append("| " + " | ".join(FIGURE_HEADERS) + " |")
        out.append("|" + "|".join("---:" if h == "Troops" else "---" for h in FIGURE_HEADERS) + "|")
        for report in document.key_figures:
            out.append("| " + " | ".join(_md_cell(c) for c in figure_row(document, report)) + " |")
        out.append("")
    for chart in document.charts:
        if not chart.is_item:
            out += [
                f"*Chart {chart.number}. {chart.caption}* (drawn in the PDF and HTML exports)",
                "",
            ]
            if chart.note.strip():
                out += [demote_headings(chart.note.strip(), 2), ""]
    return out


def _items(document: BriefingDocument) -> list[str]:
    out: list[str] = []
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
    return out


def _notes(document: BriefingDocument) -> list[str]:
    return [demote_headings(document.briefing.notes.strip(), 2), ""]


def _index(document: BriefingDocument) -> list[str]:
    out: list[str] = []
    for entry in document.index:
        numbers = ", ".join(str(n) for n in entry.items)
        out.append(
            f"- {entry.name} ({entry.label}): item{'s' if len(entry.items) > 1 else ''} {numbers}"
        )
    out.append("")
    return out


def _sources(document: BriefingDocument) -> list[str]:
    out: list[str] = []
    for source in document.sources:
        where = f" <{source.url}>" if source.url else (f" ({source.path})" if source.path else "")
        out.append(f"{source.number}. {source.citation()}.{where}")
    out.append("")
    return out


# How each section (wording.SECTIONS, which also gives their order) is written in Markdown.
_SECTIONS: dict[str, Callable[[BriefingDocument], list[str]]] = {
    "summary": _summary,
    "figures": _key_figures,
    "items": _items,
    "notes": _notes,
    "index": _index,
    "sources": _sources,
}


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


__all__ = ["to_markdown"]

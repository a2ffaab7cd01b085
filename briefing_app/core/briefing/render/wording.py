"""What every format of a briefing says alike: its sections in order, citations and table rows.

The HTML, Markdown and PDF renderers each lay these out in their own way, but the words, the
sections present and their order come from here, so that the three exports never disagree.
"""

from __future__ import annotations

from briefing_app.core.briefing.document import BriefingDocument, ResolvedChart, ResolvedItem
from briefing_app.core.briefing.phrases import display_date, troops_text
from briefing_app.core.figures import FigureReport, year_label
from briefing_app.core.paragraphs import paragraphs

# The sections after the title page, in order: (anchor, heading). The HTML export links the
# anchors from its contents; the PDF keys the pages of its contents by them.
SECTIONS = [
    ("summary", "Executive summary"),
    ("figures", "Key figures"),
    ("items", "Items"),
    ("notes", "Notes"),
    ("index", "Index"),
    ("sources", "Sources"),
]


def sections(document: BriefingDocument) -> list[tuple[str, str]]:
    """The sections this briefing has, in order: (anchor, heading)."""
    b = document.briefing
    present = {
        "summary": bool(b.summary.strip()),
        "figures": has_key_figures(document),
        "items": bool(document.items),
        "notes": bool(b.notes.strip()),
        "index": bool(document.index),
        "sources": bool(document.sources),
    }
    return [(anchor, title) for anchor, title in SECTIONS if present[anchor]]


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
        year_label(f.year),
        cite,
    ]


FIGURE_HEADERS = ["Contributor", "Host", "Troops", "Kind", "Year", "Source"]


def meta_line(document: BriefingDocument) -> str:
    b = document.briefing
    return " · ".join(x for x in (b.author, display_date(b.date)) if x)


def body_paragraphs(text: str) -> list[str]:
    """An article body as paragraphs, as the reader shows them (hard-wrapped lines joined)."""
    return paragraphs(text)


def item_source(item: ResolvedItem) -> str:
    """The citation under an item's heading, without repeating the title the heading shows."""
    source = item.source
    if source is None:
        return item_citation(item)
    if item.item.kind == "figure":
        return f"[{source.number}] {source.citation()}"
    rest = ", ".join(x for x in (source.outlet, display_date(source.date)) if x)
    return f"source [{source.number}]" + (f", {rest}" if rest else "")


def quoted(text: str) -> str:
    """The passage in quotation marks, unless it opens with its own (“"…," he said.”)."""
    text = text.strip()
    if text[:1] in "\"“‘'":
        return text
    return f"“{text}”"


def shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


__all__ = [
    "FIGURE_HEADERS",
    "SECTIONS",
    "body_paragraphs",
    "chart_citation",
    "figure_row",
    "has_key_figures",
    "item_citation",
    "item_source",
    "meta_line",
    "quoted",
    "sections",
    "shortened",
]

"""Resolving a briefing: its items joined with the library into everything a renderer needs.

`resolve` looks up each item's article, troop figures and named entities, and each chart's
table, through the Workspace; the `BriefingDocument` it returns is all the HTML, Markdown and
PDF renderers read, so that no renderer touches the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing_app.core.briefing.model import Briefing, BriefingItem, ChartConfig
from briefing_app.core.briefing.phrases import display_date, figure_summary
from briefing_app.core.extract.records import Entity, Figure
from briefing_app.core.figure_keys import overlapping
from briefing_app.core.figures import KINDS, FigureReport, FiguresTable, build_table
from briefing_app.core.store import StoredArticle

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

# People, places and organisations go in the index; nationalities ("Russian") would swamp it.
INDEX_LABELS = {"PERSON": "person", "GPE": "place", "ORG": "organisation"}


@dataclass
class Source:
    """An article cited by the briefing, numbered in order of first citation."""

    number: int
    article_id: int
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    path: str | None

    def citation(self) -> str:
        """Title, outlet, date: how an item names where it came from."""
        parts = [self.title, self.outlet or "", display_date(self.date) if self.date else ""]
        return ", ".join(p for p in parts if p)

    @property
    def location(self) -> str:
        return self.url or self.path or ""


@dataclass
class ResolvedItem:
    number: int  # 1-based, counting only the items printed in order (charts go with the figures)
    item: BriefingItem
    article: StoredArticle | None  # None when the article has left the library
    quote: str  # passage: the quoted text; figure: its sentence; article: the body
    figure: FigureReport | None = None
    source: Source | None = None
    entities: list[Entity] = field(default_factory=list)
    figures: list[FigureReport] = field(default_factory=list)  # troop figures it contributes
    chart: ResolvedChart | None = None  # a chart item: what it draws

    @property
    def title(self) -> str:
        if self.chart is not None:
            return f"Chart {self.chart.number}: {self.chart.caption}"
        if self.article is not None:
            return self.article.title
        return self.item.label or f"Article {self.item.article_id}"

    @property
    def heading(self) -> str:
        if self.chart is not None:
            return self.title
        if self.item.kind == "figure":
            if self.figure is not None:
                return f"Troop figure: {figure_summary(self.figure.figure)}"
            return "Troop figure (no longer found in the article)"
        if self.item.kind == "passage":
            return f"Passage: {self.title}"
        return self.title


@dataclass
class ResolvedChart:
    number: int
    config: ChartConfig
    table: FiguresTable  # only the countries drawn
    note: str = ""
    caption: str = ""
    is_item: bool = False  # an item of the briefing; else the key figures' own chart
    sources: list[Source] = field(default_factory=list)  # every article behind a drawn bar


@dataclass
class IndexEntry:
    name: str
    label: str  # person | place | organisation
    items: list[int]


@dataclass
class BriefingDocument:
    """A briefing joined with the library: everything a renderer needs, nothing it must fetch."""

    briefing: Briefing
    items: list[ResolvedItem]
    key_figures: list[FigureReport]
    charts: list[ResolvedChart]
    sources: list[Source]
    index: list[IndexEntry]

    def source_for(self, article_id: int) -> Source | None:
        for source in self.sources:
            if source.article_id == article_id:
                return source
        return None


def resolve(workspace: Workspace, briefing: Briefing) -> BriefingDocument:
    """Look up every item's article, figures and entities and the charts' tables."""
    content = [
        i
        for i in briefing.items
        if (i.kind != "chart" and i.article_id is not None) or (i.kind == "chart" and i.chart)
    ]
    chart_tables = _chart_tables(workspace, content)
    item_ids = list(
        dict.fromkeys(
            i.article_id for i in content if i.kind != "chart" and i.article_id is not None
        )
    )
    ids = list(
        dict.fromkeys(
            item_ids
            + [a for table in chart_tables.values() for row in table.rows for a in row.article_ids]
        )
    )
    articles = workspace.articles(ids)
    # Only items show their entities (in the index); the articles behind a chart are only cited.
    entities = workspace.entities(item_ids)
    reports = workspace.figure_reports(ids) if ids else []
    by_key = {(r.article_id, r.key): r for r in reports}
    by_article: dict[int, list[FigureReport]] = {}
    for report in reports:
        by_article.setdefault(report.article_id, []).append(report)

    sources: list[Source] = []
    source_of: dict[int, Source] = {}
    items: list[ResolvedItem] = []

    def cite(article_id: int | None) -> Source | None:
        article = articles.get(article_id) if article_id is not None else None
        if article is not None and article.id not in source_of:
            source = Source(
                len(sources) + 1,
                article.id,
                article.title,
                article.source,
                article.date,
                article.url,
                article.path,
            )
            sources.append(source)
            source_of[article.id] = source
        return source_of.get(article_id) if article_id is not None else None

    charts: list[ResolvedChart] = []
    for item in content:
        if item.kind == "chart":
            assert item.chart is not None
            table = chart_tables[id(item)]
            # Every article behind a drawn bar is cited, in the order the chart's table lists them.
            cited = [cite(a) for row in table.rows for a in row.article_ids]
            chart = ResolvedChart(
                len(charts) + 1,
                item.chart,
                table,
                item.note,
                item.chart.describe(),
                is_item=True,
                sources=list({s.number: s for s in cited if s is not None}.values()),
            )
            charts.append(chart)
            items.append(ResolvedItem(len(items) + 1, item, None, "", chart=chart))
            continue
        cite(item.article_id)
        article_id = item.article_id
        article = articles.get(article_id) if article_id is not None else None
        resolved = ResolvedItem(
            number=len(items) + 1,
            item=item,
            article=article,
            quote=item.text,
            source=source_of.get(article_id) if article_id is not None else None,
        )
        found = entities.get(article_id, []) if article_id is not None else []
        _fill_item(resolved, found, by_article, by_key)
        items.append(resolved)

    key_figures = list({(r.article_id, r.key): r for i in items for r in i.figures}.values())
    if not charts and any(r.value is not None for r in key_figures):
        charts.append(_key_figures_chart(key_figures))
    return BriefingDocument(briefing, items, key_figures, charts, sources, _index(items))


def _fill_item(
    resolved: ResolvedItem,
    entities: list[Entity],
    by_article: dict[int, list[FigureReport]],
    by_key: dict[tuple[int, str], FigureReport],
) -> None:
    item, article = resolved.item, resolved.article
    if article is None:
        return
    body = article.body
    article_figures = by_article.get(article.id, [])
    if item.kind == "article":
        resolved.quote = body
        span = (0, len(body))
        resolved.figures = list(article_figures)
    elif item.kind == "passage":
        span = _passage_span(body, item)
        resolved.figures = [r for r in article_figures if _within(r.figure, span)]
    else:  # figure
        report = by_key.get((article.id, item.figure_key or ""))
        if report is None and item.figure_key:
            # A new engine moved the figure's span ("about 600 troops" for "600 troops"): the
            # item holds the figure that now stands where the user's figure stood.
            at = overlapping(item.figure_key, [r.figure for r in article_figures])
            report = article_figures[at] if at is not None else None
        resolved.figure = report
        if report is None:
            return
        resolved.figures = [report]
        sentence = report.figure.sentence or report.figure.text
        at = body.rfind(sentence, 0, report.figure.end + len(sentence))
        span = (at, at + len(sentence)) if at >= 0 else (report.figure.start, report.figure.end)
        resolved.quote = sentence
    resolved.entities = [
        e for e in entities if e.label in INDEX_LABELS and span[0] <= e.start and e.end <= span[1]
    ]


def _passage_span(body: str, item: BriefingItem) -> tuple[int, int]:
    """Where the quote is now: the stored offsets if the text still matches, else a search."""
    if item.start is not None and item.end is not None and body[item.start : item.end] == item.text:
        return item.start, item.end
    at = body.find(item.text) if item.text else -1
    return (at, at + len(item.text)) if at >= 0 else (0, 0)


def _within(figure: Figure, span: tuple[int, int]) -> bool:
    return span[0] <= figure.start and figure.end <= span[1] and span[1] > span[0]


def chart_table(workspace: Workspace, config: ChartConfig) -> FiguresTable:
    """The table a chart configured so draws: its scope, kinds and chosen countries."""
    table = workspace.figures_table(
        by=config.by,
        combine=config.combine,
        query=config.query,
        article_ids=config.article_ids,
        kinds=config.kinds,
    )
    return table.only(config.countries) if config.countries is not None else table


def _chart_tables(workspace: Workspace, items: list[BriefingItem]) -> dict[int, FiguresTable]:
    return {
        id(item): chart_table(workspace, item.chart)
        for item in items
        if item.kind == "chart" and item.chart is not None
    }


def _key_figures_chart(key_figures: list[FigureReport]) -> ResolvedChart:
    # With no chart configured, the key figures are still worth seeing at a glance.
    config = ChartConfig(article_ids=sorted({r.article_id for r in key_figures}), kinds=KINDS)
    table = build_table(key_figures)
    caption = "Troops by contributor and year (largest report), figures in this briefing"
    return ResolvedChart(1, config, table, "", caption)


def _index(items: list[ResolvedItem]) -> list[IndexEntry]:
    found: dict[tuple[str, str], set[int]] = {}
    spelling: dict[str, str] = {}  # one entry per name whatever its case, across articles
    for item in items:
        for entity in item.entities:
            name = spelling.setdefault(entity.canonical.casefold(), entity.canonical)
            found.setdefault((name, INDEX_LABELS[entity.label]), set()).add(item.number)
    entries = [IndexEntry(name, label, sorted(numbers)) for (name, label), numbers in found.items()]
    entries.sort(key=lambda e: (e.name.casefold(), e.label))
    return entries


__all__ = [
    "BriefingDocument",
    "IndexEntry",
    "ResolvedChart",
    "ResolvedItem",
    "Source",
    "chart_table",
    "resolve",
]

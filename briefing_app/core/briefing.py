"""The briefing model: what a user collects to brief someone, its JSON form, and its Markdown.

A briefing is a title page (title, author, date, marking), an executive summary and notes in
Markdown, and an ordered list of items: whole articles, quoted passages, troop figures and the
chart as configured. It is stored as a JSON document in the library (`Library.save_briefing`);
`resolve` joins it with the library into a `BriefingDocument`, everything a renderer (HTML,
Markdown, PDF) needs, so that no renderer touches the library.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import markdown as _markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from briefing_app.core.extract.records import Entity, Figure
from briefing_app.core.figure_keys import overlapping
from briefing_app.core.figure_text import troop_count, troop_text
from briefing_app.core.figures import (
    BY_CHOICES,
    COMBINE_CHOICES,
    DEFAULT_KINDS,
    KINDS,
    FigureReport,
    FiguresTable,
    build_table,
)
from briefing_app.core.library import StoredArticle

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

SCHEMA_VERSION = 1
DOCUMENT_KIND = "briefing-reader/briefing"
ITEM_KINDS = ("article", "passage", "figure", "chart")
PAGE_SIZES = ("A4", "Letter")
CHART_STYLES = ("bars", "lines", "matrix")
CHART_SCALES = ("linear", "log")
DEFAULT_MARKING = "UNCLASSIFIED"
UNTITLED = "Untitled briefing"
MARKDOWN_EXTENSIONS = ("tables", "sane_lists", "fenced_code")
# People, places and organisations go in the index; nationalities ("Russian") would swamp it.
INDEX_LABELS = {"PERSON": "person", "GPE": "place", "ORG": "organisation"}


class BriefingError(Exception):
    """A briefing problem a person can act on (a name taken, a document from a newer version)."""


# -- the model ------------------------------------------------------------------------------------


@dataclass
class ChartConfig:
    """The chart as the user configured it: grouping, combining, scope, style, the kinds of
    figure counted, the countries drawn and the scale — so the briefing draws the window's chart."""

    by: str = "contributor"
    combine: str = "largest"
    query: str | None = None  # scope: articles matching this search …
    article_ids: list[int] | None = None  # … or these articles; neither means the whole library
    style: str = "bars"
    kinds: tuple[str, ...] = DEFAULT_KINDS
    countries: list[str] | None = None  # the countries drawn; None: every country in scope
    scale: str = "linear"

    @property
    def scope(self) -> str:
        if self.query:
            return "query"
        if self.article_ids is not None:
            return "articles"
        return "library"

    def describe(self) -> str:
        """A caption in words: what is counted, how, and over which articles."""
        combine = {
            "largest": "largest report",
            "latest": "latest report",
            "sum": "sum of reports",
        }.get(self.combine, self.combine)
        if self.scope == "query":
            scope = f"articles matching “{self.query}”"
        elif self.scope == "articles":
            count = len(self.article_ids or [])
            scope = f"{count} selected article{'s' if count != 1 else ''}"
        else:
            scope = "the whole library"
        kinds = "all kinds" if set(self.kinds) == set(KINDS) else ", ".join(self.kinds)
        extra = ", log scale" if self.scale == "log" else ""
        if self.countries is not None:
            n = len(self.countries)
            extra += f", {n} chosen {'country' if n == 1 else 'countries'}"
        return f"Troops by {self.by} and year ({combine}; {kinds}), {scope}{extra}"

    def to_dict(self) -> dict[str, Any]:
        if self.scope == "query":
            scope: Any = {"query": self.query}
        elif self.scope == "articles":
            scope = {"article_ids": list(self.article_ids or [])}
        else:
            scope = "library"
        out: dict[str, Any] = {
            "by": self.by,
            "combine": self.combine,
            "scope": scope,
            "style": self.style,
            "kinds": list(self.kinds),
            "scale": self.scale,
        }
        if self.countries is not None:
            out["countries"] = list(self.countries)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ChartConfig:
        """Lenient: accepts our own form and the flat form a chart widget may emit."""
        data = dict(data or {})
        scope = data.get("scope")  # absent: the flat query / article_ids keys decide
        query = data.get("query")
        article_ids = data.get("article_ids")
        if isinstance(scope, dict):
            query = scope.get("query", query)
            article_ids = scope.get("article_ids", article_ids)
        elif scope == "library":
            query, article_ids = None, None
        elif scope in ("results", "articles"):
            # The chart panel's "search results" scope: the result ids it sends along.
            query, article_ids = None, article_ids or []
        elif isinstance(scope, str) and scope != "query":
            query = scope  # a bare query string
        by = data.get("by") if data.get("by") in BY_CHOICES else "contributor"
        combine = data.get("combine") if data.get("combine") in COMBINE_CHOICES else "largest"
        style = data.get("style") if data.get("style") in CHART_STYLES else "bars"
        kinds = data.get("kinds")
        kinds = tuple(k for k in KINDS if k in kinds) if isinstance(kinds, list) else DEFAULT_KINDS
        countries = data.get("countries")
        return cls(
            by=by,
            combine=combine,
            query=query or None,
            article_ids=[int(i) for i in article_ids] if article_ids is not None else None,
            style=style,
            kinds=kinds or DEFAULT_KINDS,
            countries=[str(c) for c in countries] if isinstance(countries, list) else None,
            scale=data.get("scale") if data.get("scale") in CHART_SCALES else "linear",
        )


@dataclass
class BriefingItem:
    """One entry of a briefing; which fields matter depends on `kind` (see ITEM_KINDS)."""

    kind: str
    article_id: int | None = None
    text: str = ""  # passage: the quoted text
    start: int | None = None  # passage: offsets into the article body when it was quoted
    end: int | None = None
    figure_key: str | None = None  # figure: StoredFigure.key
    chart: ChartConfig | None = None
    note: str = ""  # Markdown
    label: str = ""  # the article's title when added, shown if the article is later deleted

    @classmethod
    def article(cls, article_id: int, label: str = "") -> BriefingItem:
        return cls("article", article_id=article_id, label=label)

    @classmethod
    def passage(
        cls, article_id: int, text: str, start: int | None, end: int | None, label: str = ""
    ) -> BriefingItem:
        return cls("passage", article_id=article_id, text=text, start=start, end=end, label=label)

    @classmethod
    def figure(cls, article_id: int, figure_key: str, label: str = "") -> BriefingItem:
        return cls("figure", article_id=article_id, figure_key=figure_key, label=label)

    @classmethod
    def chart_of(cls, config: ChartConfig) -> BriefingItem:
        return cls("chart", chart=config)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.article_id is not None:
            out["article_id"] = self.article_id
        if self.kind == "passage":
            out.update(text=self.text, start=self.start, end=self.end)
        if self.figure_key is not None:
            out["figure_key"] = self.figure_key
        if self.chart is not None:
            out["chart"] = self.chart.to_dict()
        if self.note:
            out["note"] = self.note
        if self.label:
            out["label"] = self.label
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BriefingItem:
        kind = data.get("kind")
        if kind not in ITEM_KINDS:
            raise BriefingError(f"unknown briefing item kind {kind!r}")
        return cls(
            kind=kind,
            article_id=data.get("article_id"),
            text=data.get("text") or "",
            start=data.get("start"),
            end=data.get("end"),
            figure_key=data.get("figure_key"),
            chart=ChartConfig.from_dict(data["chart"]) if kind == "chart" else None,
            note=data.get("note") or "",
            label=data.get("label") or "",
        )


@dataclass
class Briefing:
    title: str = UNTITLED
    author: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    marking: str = DEFAULT_MARKING
    summary: str = ""  # Markdown: the executive summary
    notes: str = ""  # Markdown: closing notes, printed after the items
    items: list[BriefingItem] = field(default_factory=list)
    page_size: str = "A4"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": DOCUMENT_KIND,
            "schema": SCHEMA_VERSION,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "marking": self.marking,
            "summary": self.summary,
            "notes": self.notes,
            "page_size": self.page_size,
            "items": [item.to_dict() for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        schema = data.get("schema", 1)
        if not isinstance(schema, int) or schema > SCHEMA_VERSION:
            raise BriefingError(
                f"This briefing was written by a newer Briefing Reader (schema {schema})."
            )
        return cls(
            title=data.get("title") or "",
            author=data.get("author") or "",
            date=data.get("date") or "",
            marking=data.get("marking") if data.get("marking") is not None else DEFAULT_MARKING,
            summary=data.get("summary") or "",
            notes=data.get("notes") or "",
            items=[BriefingItem.from_dict(d) for d in data.get("items", [])],
            page_size=data.get("page_size") if data.get("page_size") in PAGE_SIZES else "A4",
        )


# -- storage: briefings live in the library, one JSON document per name -------------------------


def names(workspace: Workspace) -> list[str]:
    """Stored briefing names, the most recently saved first."""
    return workspace.library.briefing_names()


def load(workspace: Workspace, name: str) -> Briefing | None:
    document = workspace.library.load_briefing(name)
    return Briefing.from_dict(document) if document is not None else None


def find(workspace: Workspace, name_or_title: str) -> tuple[str, Briefing] | None:
    """A stored briefing by its name, else by its title; None when neither matches.

    The window shows both (the chooser lists the name, the Title field the title), so a user
    may give either. A title shared by several briefings raises BriefingError naming them.
    """
    brief = load(workspace, name_or_title)
    if brief is not None:
        return name_or_title, brief
    wanted = name_or_title.strip().casefold()
    matches = []
    for name in names(workspace):
        try:
            candidate = load(workspace, name)
        except BriefingError:  # a briefing from a newer version: not the one asked for
            continue
        if candidate is not None and candidate.title.strip().casefold() == wanted:
            matches.append((name, candidate))
    if len(matches) > 1:
        listed = ", ".join(f"“{name}”" for name, _ in matches)
        raise BriefingError(
            f"Several briefings have the title “{name_or_title}” ({listed}); give one's name."
        )
    return matches[0] if matches else None


def label(name: str, briefing: Briefing | None) -> str:
    """How a stored briefing is listed: its name, and its title when that says something else."""
    title = briefing.title.strip() if briefing is not None else ""
    return f"{name} — {title}" if title not in ("", name, UNTITLED) else name


def save(workspace: Workspace, name: str, briefing: Briefing) -> None:
    """Store the whole document in one transaction: a kill leaves the old or the new one."""
    if not name.strip():
        raise BriefingError("A briefing needs a name.")
    workspace.library.save_briefing(name, briefing.to_dict())


def rename(workspace: Workspace, old: str, new: str) -> None:
    new = new.strip()
    if not new:
        raise BriefingError("A briefing needs a name.")
    if new != old and new in names(workspace):
        raise BriefingError(f"There is already a briefing called “{new}”.")
    workspace.library.rename_briefing(old, new)


def delete(workspace: Workspace, name: str) -> None:
    workspace.library.delete_briefing(name)


def unused_name(workspace: Workspace, base: str = "Briefing") -> str:
    taken = set(names(workspace))
    if base not in taken:
        return base
    n = 2
    while f"{base} {n}" in taken:
        n += 1
    return f"{base} {n}"


# -- Markdown -------------------------------------------------------------------------------------


class _OfflineLinks(Treeprocessor):
    """Links become text with their URL; images become a text placeholder, so nothing is fetched."""

    def __init__(self, md: _markdown.Markdown, clickable: bool) -> None:
        super().__init__(md)
        self.clickable = clickable

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                src = element.get("src", "")
                alt = element.get("alt", "") or "image"
                element.tag = "span"
                element.attrib = {"class": "image"}
                element.text = f"[image: {alt}]"
                element.tail = (f" ({src})" if src else "") + (element.tail or "")
            elif element.tag == "a":
                href = element.get("href", "")
                text = "".join(element.itertext()).strip()
                if self.clickable:
                    element.attrib = {"href": href}
                else:
                    element.tag = "span"
                    element.attrib = {"class": "link"}
                if href and text != href and not href.startswith("mailto:"):
                    element.tail = f" ({href})" + (element.tail or "")


class _OfflineExtension(Extension):
    def __init__(self, clickable: bool) -> None:
        super().__init__()
        self.clickable = clickable

    def extendMarkdown(self, md: _markdown.Markdown) -> None:  # noqa: N802 (markdown's API)
        # Raw HTML in a note is shown as text: it could load remote images or hide content.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_OfflineLinks(md, self.clickable), "offline_links", 0)


_ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def demote_headings(text: str, under: int) -> str:
    """The user's Markdown with every heading `under` levels lower (at most level 6).

    A summary printed under "## Executive summary" keeps its own "# Key points" inside that
    section: with under=2 it becomes "### Key points". Headings underlined with === or ---
    are rewritten as # headings; fenced code is left alone.
    """
    if under <= 0 or not text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            continue
        underline = _SETEXT_UNDERLINE.match(line)
        previous = out[-1] if out else ""
        if underline and previous.strip() and not _ATX_HEADING.match(previous):
            if not _is_block_start(previous):
                level = 1 if underline.group(1)[0] == "=" else 2
                out[-1] = "#" * min(level + under, 6) + " " + previous.strip()
                continue
        heading = _ATX_HEADING.match(line)
        if heading:
            hashes = "#" * min(len(heading.group(2)) + under, 6)
            line = heading.group(1) + hashes + line[heading.end() :]
        out.append(line)
    return "\n".join(out)


def _is_block_start(line: str) -> bool:
    """A line an underline cannot turn into a heading: a list item, a quote, a table row."""
    return bool(re.match(r"^ {0,3}([-*+>|]|\d+[.)])( |$)", line)) or line.startswith("    ")


def markdown_to_html(text: str, *, clickable_links: bool = False, under: int = 0) -> str:
    """The user's Markdown as an HTML fragment that references nothing outside itself.

    `under` is the heading level of the section it is printed in (see demote_headings).
    """
    if not text.strip():
        return ""
    text = demote_headings(text, under)
    md = _markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, _OfflineExtension(clickable_links)],
        output_format="html",
    )
    return md.convert(text)


# -- resolving against the library ----------------------------------------------------------------


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
    library = workspace.library
    content = [
        i
        for i in briefing.items
        if (i.kind != "chart" and i.article_id is not None) or (i.kind == "chart" and i.chart)
    ]
    chart_tables = _chart_tables(workspace, content)
    ids = list(
        dict.fromkeys(
            [i.article_id for i in content if i.kind != "chart"]
            + [a for table in chart_tables.values() for row in table.rows for a in row.article_ids]
        )
    )
    articles = library.get_articles(ids)
    entities = library.entities_for(ids)
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
        article = articles.get(item.article_id)
        resolved = ResolvedItem(
            number=len(items) + 1,
            item=item,
            article=article,
            quote=item.text,
            source=source_of.get(item.article_id),
        )
        _fill_item(resolved, entities.get(item.article_id, []), by_article, by_key)
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


# -- wording shared by every renderer -------------------------------------------------------------


def display_date(iso: str | None) -> str:
    """ "2016-06-14" as "14 June 2016"; anything else as written."""
    if not iso:
        return ""
    try:
        day = _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def troops_text(figure: Figure) -> str:
    """The count as a reader says it: "about 1,000", "50–60", "several thousand"."""
    return troop_count(figure)


def figure_summary(figure: Figure) -> str:
    """ "Germany → Poland (Swidwin): about 360 (deployment, 2022)"."""
    return troop_text(figure)


__all__ = [
    "Briefing",
    "BriefingDocument",
    "BriefingError",
    "BriefingItem",
    "ChartConfig",
    "IndexEntry",
    "chart_table",
    "ResolvedChart",
    "ResolvedItem",
    "Source",
    "delete",
    "demote_headings",
    "display_date",
    "figure_summary",
    "find",
    "label",
    "load",
    "markdown_to_html",
    "names",
    "rename",
    "resolve",
    "save",
    "troops_text",
    "unused_name",
]

"""The briefing records: what a user collects to brief someone, and their JSON form.

A briefing is a title page (title, author, date, marking), an executive summary and notes in
Markdown, and an ordered list of items: whole articles, quoted passages, troop figures and the
chart as configured. It is stored as a JSON document in the library (`shelf`); `document`
joins it with the library for the renderers.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.figures import BY_CHOICES, COMBINE_CHOICES, DEFAULT_KINDS, KINDS

SCHEMA_VERSION = 1
DOCUMENT_KIND = "briefing-reader/briefing"
ITEM_KINDS = ("article", "passage", "figure", "chart")
PAGE_SIZES = ("A4", "Letter")
CHART_STYLES = ("bars", "lines", "matrix")
CHART_SCALES = ("linear", "log")
DEFAULT_MARKING = "UNCLASSIFIED"
UNTITLED = "Untitled briefing"


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
        by = data["by"] if data.get("by") in BY_CHOICES else "contributor"
        combine = data["combine"] if data.get("combine") in COMBINE_CHOICES else "largest"
        style = data["style"] if data.get("style") in CHART_STYLES else "bars"
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
            scale=data["scale"] if data.get("scale") in CHART_SCALES else "linear",
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
            marking=data["marking"] if data.get("marking") is not None else DEFAULT_MARKING,
            summary=data.get("summary") or "",
            notes=data.get("notes") or "",
            items=[BriefingItem.from_dict(d) for d in data.get("items", [])],
            page_size=data["page_size"] if data.get("page_size") in PAGE_SIZES else "A4",
        )


def label(name: str, briefing: Briefing | None) -> str:
    """How a stored briefing is listed: its name, and its title when that says something else."""
    title = briefing.title.strip() if briefing is not None else ""
    return f"{name} — {title}" if title not in ("", name, UNTITLED) else name


__all__ = [
    "CHART_SCALES",
    "CHART_STYLES",
    "DEFAULT_MARKING",
    "ITEM_KINDS",
    "PAGE_SIZES",
    "UNTITLED",
    "Briefing",
    "BriefingError",
    "BriefingItem",
    "ChartConfig",
    "label",
]

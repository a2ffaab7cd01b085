"""Qt item models over what the core returns: search hits, facets, an article's highlights."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from briefing_app.core.figure_text import review_state, troop_count, troop_details, troop_route

if TYPE_CHECKING:
    from briefing_app.core.workspace import (
        ArticleView,
        SearchResult,
        StoredArticle,
        StoredFigure,
    )

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ArticleId = Qt.ItemDataRole.UserRole + 1
    Meta = Qt.ItemDataRole.UserRole + 2
    Snippet = Qt.ItemDataRole.UserRole + 3
    Read = Qt.ItemDataRole.UserRole + 4
    Starred = Qt.ItemDataRole.UserRole + 5
    Item = Qt.ItemDataRole.UserRole + 6  # the row's record (HighlightItem, FacetValue)
    Kind = Qt.ItemDataRole.UserRole + 7


# -- search results ---------------------------------------------------------------------------


@dataclass
class ResultRow:
    id: int
    title: str
    date: str | None
    source: str | None
    snippet: str
    read: bool = False
    starred: bool = False

    @property
    def meta(self) -> str:
        return " · ".join(p for p in (self.date or "undated", self.source) if p)


def result_rows(result: SearchResult, articles: dict[int, StoredArticle]) -> list[ResultRow]:
    """Hits joined with the library's read/starred flags (the index's copy may lag an edit)."""
    rows = []
    for hit in result.hits:
        stored = articles.get(hit.id)
        rows.append(
            ResultRow(
                hit.id,
                hit.title,
                hit.date,
                hit.source,
                hit.snippet,
                read=bool(stored and stored.read),
                starred=bool(stored and stored.starred),
            )
        )
    return rows


class ResultsModel(QAbstractListModel):
    """One page or more of hits; asks for the next page when the view scrolls to the end."""

    moreWanted = Signal(int)  # the page to fetch

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.total = 0
        self.page = 0
        self._loading = False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.meta}"
        by_role: dict[int, Any] = {
            Role.ArticleId: row.id,
            Role.Meta: row.meta,
            Role.Snippet: row.snippet,
            Role.Read: row.read,
            Role.Starred: row.starred,
        }
        return by_role.get(role)

    def set_rows(self, rows: list[ResultRow], total: int, page: int) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total
        self.page = page
        self._loading = False
        self.endResetModel()

    def append_rows(self, rows: list[ResultRow], page: int) -> None:
        self._loading = False
        known = {r.id for r in self.rows}
        rows = [r for r in rows if r.id not in known]
        self.page = page
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def set_loading(self, loading: bool) -> None:
        self._loading = loading

    def set_total(self, total: int) -> None:
        """The number of hits, once counted (a page arrives before the count)."""
        self.total = total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._loading = True
            self.moreWanted.emit(self.page + 1)

    def row_of(self, article_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row.id == article_id:
                return i
        return -1

    def update_article(self, stored: StoredArticle) -> None:
        """An edit or a flag changed: show it without searching again."""
        i = self.row_of(stored.id)
        if i < 0:
            return
        row = self.rows[i]
        row.title, row.date, row.source = stored.title, stored.date, stored.source
        row.read, row.starred = stored.read, stored.starred
        self.dataChanged.emit(self.index(i), self.index(i))


# -- two-level trees: facets and highlights ---------------------------------------------------


@dataclass
class Group:
    key: str
    title: str
    children: list[Any] = field(default_factory=list)


class _GroupedModel(QAbstractItemModel):
    """Groups with children: a group's internal id is 0, a child's is its group's row + 1."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []

    def set_groups(self, groups: Iterable[Group]) -> None:
        self.beginResetModel()
        self.groups = [g for g in groups if g.children]
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()].children)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def item(self, index: Index) -> Any:
        """The child record at index, or None for a group row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1].children[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group.title if index.column() == 0 else str(len(group.children))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Role.Kind:
                return group.key
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return self.child_data(self.item(index), index.column(), role)

    def child_data(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError


@dataclass
class FacetValue:
    filter_key: str  # the search filter it adds: person, country, place, org, source, year
    value: str
    count: int


# result.facets key -> (search filter key, heading)
FACET_GROUPS = (
    ("countries", "country", "Countries"),
    ("people", "person", "People"),
    ("orgs", "org", "Organisations"),
    ("places", "place", "Places"),
    ("sources", "source", "Sources"),
    ("years", "year", "Years"),
)


class FacetsModel(_GroupedModel):
    """What the current results mention, with counts; clicking one narrows the search."""

    def set_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.set_groups(
            Group(
                key, title, [FacetValue(key, value, count) for value, count in facets.get(name, [])]
            )
            for name, key, title in FACET_GROUPS
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.internalId() == 0:
            # A heading's number would read like a hit count; the numbers are on the values.
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 1:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                title = self.groups[index.row()].title.lower()
                return f"The {title} most named in the results, with the number of articles naming each"
        return super().data(index, role)

    def child_data(self, item: FacetValue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return item.value if column == 0 else str(item.count)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Show only articles with {item.filter_key} “{item.value}” ({item.count})"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.Item:
            return item
        return None


# -- an article's highlights ------------------------------------------------------------------


@dataclass
class HighlightItem:
    """One row of the highlight pane: an entity (all its mentions) or one figure."""

    kind: str  # PERSON | GPE | ORG | NORP | troops | money | percent | equipment | date
    label: str
    detail: str
    spans: list[tuple[int, int]]
    article_id: int
    figure_key: str | None = None
    corrected: bool = False
    rejected: bool = False
    stored: StoredFigure | None = None

    @property
    def count(self) -> int:
        return len(self.spans)


ENTITY_GROUPS = (
    ("PERSON", "People"),
    ("GPE", "Places"),
    ("ORG", "Organisations"),
    ("NORP", "Nationalities"),
)
FIGURE_GROUPS = (
    ("troops", "Troop figures"),
    ("money", "Money"),
    ("percent", "Percentages"),
    ("equipment", "Equipment"),
    ("date", "Dates"),
)


def figure_summary(stored: StoredFigure) -> tuple[str, str]:
    """A figure as the pane and the tooltips show it: (headline, details)."""
    f = stored.figure
    if f.kind == "troops":
        # One wording with the briefings and the terminal, laid out as headline and details.
        state = review_state(corrected=stored.corrected, rejected=stored.rejected)
        details = [troop_count(f), *troop_details(f), *([state] if state else [])]
        return troop_route(f), " · ".join(details)
    if f.kind == "money":
        amount = _amount(f.low, f.high)
        return f.text, " ".join(p for p in (f.qualifier, amount, f.unit) if p)
    if f.kind == "equipment":
        return f.text, " ".join(p for p in (_amount(f.low, f.high), f.unit) if p)
    if f.kind == "date":
        return f.text, f.value or ""
    return f.text, _amount(f.low, f.high)


def _amount(low: float | None, high: float | None) -> str:
    def fmt(v: float) -> str:
        return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"

    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        return fmt(low if low is not None else high)  # type: ignore[arg-type]
    return f"{fmt(low)}–{fmt(high)}"


def highlight_items(view: ArticleView) -> list[Group]:
    """Entities grouped by canonical name (most mentioned first), then figures in text order."""
    article_id = view.article.id
    groups = []
    for label, title in ENTITY_GROUPS:
        by_name: dict[str, HighlightItem] = {}
        for e in view.entities:
            if e.label != label:
                continue
            item = by_name.get(e.canonical)
            if item is None:
                item = by_name[e.canonical] = HighlightItem(label, e.canonical, "", [], article_id)
            item.spans.append((e.start, e.end))
        items = sorted(by_name.values(), key=lambda i: (-i.count, i.label.lower()))
        for item in items:
            item.detail = str(item.count)
        groups.append(Group(label, title, items))
    for kind, title in FIGURE_GROUPS:
        items = []
        for stored in sorted(view.figures, key=lambda s: s.figure.start):
            if stored.figure.kind != kind:
                continue
            headline, detail = figure_summary(stored)
            items.append(
                HighlightItem(
                    kind,
                    headline,
                    detail,
                    [(stored.figure.start, stored.figure.end)],
                    article_id,
                    figure_key=stored.key,
                    corrected=stored.corrected,
                    rejected=stored.rejected,
                    stored=stored,
                )
            )
        groups.append(Group(kind, title, items))
    return groups


class HighlightsModel(_GroupedModel):
    def __init__(self, parent: Any = None, *, pencil: bool = True) -> None:
        super().__init__(parent)
        # The ✎ beside a corrected figure invites correcting it again: shown to whom may edit
        # (the second line still says "corrected" to everyone).
        self.pencil = pencil

    def set_article(self, view: ArticleView | None) -> None:
        self.set_groups(highlight_items(view) if view else [])

    def child_data(self, item: HighlightItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if item.stored is not None:
                # Figures: the headline, and what was parsed on a second line.
                if column == 1:
                    return ""
                mark = " ✎" if item.corrected and self.pencil else ""
                return f"{item.label}{mark}\n{item.detail}" if item.detail else item.label + mark
            return item.label if column == 0 else item.detail
        if role == Qt.ItemDataRole.ToolTipRole:
            text = item.label if column == 0 else item.detail
            if item.stored is not None:
                text = f"{item.label}\n{item.detail}\n“{item.stored.figure.text}”"
                if item.corrected:
                    o = item.stored.original
                    text += f"\nCorrected; extraction said {o.contributor or '?'} → {o.host or '?'} {_amount(o.low, o.high)}"
            return text
        if role == Qt.ItemDataRole.FontRole and item.rejected:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.FontRole and item.corrected:
            font = QFont()
            font.setItalic(True)
            return font
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and column == 1
            and item.kind
            in (
                "PERSON",
                "GPE",
                "ORG",
                "NORP",
            )
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.Item:
            return item
        if role == Role.Kind:
            return item.kind
        return None

    def find(self, predicate: Any) -> QModelIndex:
        """The first child index whose item satisfies predicate."""
        for g, group in enumerate(self.groups):
            for r, item in enumerate(group.children):
                if predicate(item):
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

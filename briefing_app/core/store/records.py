"""What the store hands out: an article with the user's edits applied, a figure with its correction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from briefing_app.core.records import Article

from briefing_app.core.dates import year_of
from briefing_app.core.extract.records import Figure

# Fields a user may edit on an article; the edit wins over what the importer read, and survives
# re-import because it is stored apart from the imported value.
EDITABLE_FIELDS = ("title", "date", "source")
# Fields a user may correct on a troop figure.
CORRECTABLE_FIELDS = ("contributor", "host", "low", "high", "year")


def stored_values(article: Article, content_hash: str) -> tuple[str | None, ...]:
    """An article's columns in the order both stores write them: title, body, date, source,
    url, dateline, author, path, origin, content_hash."""
    return (
        article.title,
        article.body,
        article.date,
        article.source,
        article.url,
        article.dateline,
        article.author,
        article.path,
        article.origin,
        content_hash,
    )


@dataclass
class StoredArticle:
    """An article as the library holds it: the user's edits applied over the imported values."""

    id: int
    title: str
    body: str
    date: str | None
    source: str | None
    url: str | None
    dateline: str | None
    author: str | None
    path: str | None
    origin: str | None
    imported_at: str
    updated_at: str | None
    read: bool
    starred: bool
    original_missing: bool
    content_hash: str
    parent_id: int | None = None  # the e-mail an attachment came from
    edited: dict[str, str | None] = field(default_factory=dict)  # field -> user value
    imported: dict[str, str | None] = field(default_factory=dict)  # field -> importer's value

    @property
    def year(self) -> int | None:
        return year_of(self.date)


class FieldsByName(Protocol):
    """A stored row read by column name: sqlite3.Row in the local store, a dict in the team's."""

    def __getitem__(self, name: str, /) -> Any: ...


def stored_article(
    row: FieldsByName,
    edits: dict[str, str | None],
    *,
    imported_at: str,
    updated_at: str | None,
) -> StoredArticle:
    """An article row (either store's columns) with the user's `edits` applied; the times come
    as text, since each store keeps them its own way."""
    imported = {name: row[name] for name in EDITABLE_FIELDS}
    effective = {name: edits.get(name, row[name]) for name in EDITABLE_FIELDS}
    return StoredArticle(
        id=row["id"],
        title=effective["title"] or "",
        body=row["body"],
        date=effective["date"],
        source=effective["source"],
        url=row["url"],
        dateline=row["dateline"],
        author=row["author"],
        path=row["path"],
        origin=row["origin"],
        imported_at=imported_at,
        updated_at=updated_at,
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        original_missing=bool(row["original_missing"]),
        content_hash=row["content_hash"],
        parent_id=row["parent_id"],
        edited=dict(edits),
        imported=imported,
    )


@dataclass
class StoredFigure:
    """A figure with the user's correction applied; `original` keeps what extraction found."""

    article_id: int
    key: str
    figure: Figure
    original: Figure
    corrected: bool = False
    rejected: bool = False
    # Who corrected the figure and when: a team library says so (the local one has one user).
    corrected_by: str | None = None
    corrected_at: str | None = None


@dataclass
class UpsertResult:
    article_id: int
    status: str  # "imported" | "updated" | "unchanged" | "duplicate"

"""An article as the index takes it (IndexDoc), and its Whoosh fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from briefing_app.core.index.schema import ENTITY_FIELDS, FACET_CODES, FACET_SEP


@dataclass
class IndexDoc:
    """What the index needs to know about one article."""

    id: int
    title: str
    body: str
    source: str | None
    date: str | None  # "YYYY-MM-DD"
    dateline: str | None
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    read: bool = False
    starred: bool = False


def _clean_value(value: str) -> str:
    # A comma inside a name would split it into two keyword terms.
    return " ".join(value.replace(",", " ").split())


def _parse_date(date: str | None) -> datetime | None:
    if not date:
        return None
    try:
        return datetime.strptime(date[:10], "%Y-%m-%d")
    except ValueError:
        return None


def _facet_column(doc: IndexDoc, year: int | None) -> str:
    parts: list[str] = []
    for attr, values in (
        ("people", doc.people),
        ("places", doc.places),
        ("countries", doc.countries),
        ("orgs", doc.orgs),
    ):
        code = FACET_CODES[attr]
        # A name listed twice in one article counts once in the facet.
        for value in dict.fromkeys(_clean_value(v) for v in values):
            if value:
                parts.append(code + value)
    if doc.source:
        parts.append(FACET_CODES["sources"] + doc.source.replace(FACET_SEP, " "))
    if year is not None:
        parts.append(FACET_CODES["years"] + str(year))
    return FACET_SEP.join(parts)


def to_fields(doc: IndexDoc) -> dict:
    when = _parse_date(doc.date)
    year = when.year if when else None
    out: dict = {
        "id": str(doc.id),
        "title": doc.title or "",
        "body": doc.body or "",
        "read": bool(doc.read),
        "starred": bool(doc.starred),
        "facets": _facet_column(doc, year),
    }
    if doc.source:
        out["source"] = doc.source
        out["source_exact"] = _clean_value(doc.source)
    if when is not None:
        out["date"] = when
        out["year"] = year
    if doc.dateline:
        out["dateline"] = doc.dateline
    for name, attr in ENTITY_FIELDS.items():
        values = [v for v in (_clean_value(v) for v in getattr(doc, attr)) if v]
        if values:
            out[name] = ",".join(values)
    return out

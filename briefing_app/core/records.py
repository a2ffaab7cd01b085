"""Plain records passed between importers, the library and the faces: an article and a skipped file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One article as an importer read it, before the library gives it an id."""

    body: str
    title: str = ""
    date: str | None = None  # ISO "YYYY-MM-DD"; None when the article does not say
    source: str | None = None
    url: str | None = None
    dateline: str | None = None  # "VILNIUS", kept apart from the title
    author: str | None = None
    path: str | None = None  # the file it came from (absolute), or None for pasted text
    # Distinguishes several articles from one file (a JSON Lines record id, an mbox message);
    # the library identifies an article by (path, origin) when the file changes.
    origin: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Skipped:
    """A file, or a record inside one, that was not imported, and the reason a person can read."""

    path: str
    reason: str

"""What a search answers: the page of hits, the summary of every hit, and a query it cannot read."""

from __future__ import annotations

from dataclasses import dataclass, field


class QueryError(ValueError):
    """A query that cannot be understood; the message is meant for the person who typed it."""


@dataclass
class Hit:
    id: int
    title: str
    date: str | None
    source: str | None
    score: float
    snippet: str  # HTML-safe: matched words in <b class="match">…</b>, the rest escaped


@dataclass
class HitSummary:
    """What the whole hit set says, beyond one page: its size, its facets, its articles."""

    total: int
    facets: dict[str, list[tuple[str, int]]]
    all_ids: list[int]  # every hit, in document order (search() gives them in result order)
    suggestion: str | None = None  # "did you mean", for a query with fewer than 3 hits


@dataclass
class SearchResult:
    query: str
    total: int | None  # None: not counted yet (a page searched with facets=False)
    hits: list[Hit]
    page: int
    page_size: int
    facets: dict[str, list[tuple[str, int]]] | None  # over all hits; None: not counted yet
    suggestion: str | None
    elapsed: float  # seconds
    all_ids: list[int] = field(default_factory=list)  # every hit, in result order
    more: bool = False  # a further page exists

    def add_summary(self, summary: HitSummary) -> None:
        """Complete a page searched with facets=False with what summarize() counted."""
        self.total = summary.total
        self.facets = summary.facets
        self.all_ids = summary.all_ids
        self.more = self.page * self.page_size < summary.total
        self.suggestion = summary.suggestion


# Checking the query text. Whoosh's parser never refuses anything: a stray quote or bracket
# becomes a literal word and an operator at the end is silently dropped, so the person would
# get puzzling results. We look for those mistakes first and say what is wrong.

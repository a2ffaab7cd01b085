"""The Whoosh index with its queries: the embedded `SearchEngine` (core/engines.py) of a Workspace."""

from __future__ import annotations

from collections.abc import Callable

from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.results import HitSummary, SearchResult
from briefing_app.core.query.search import search, summarize


class WhooshSearch(SearchIndex):
    """A SearchIndex (open, write, rebuild) that also answers searches over itself."""

    def search(
        self,
        query: str = "",
        *,
        sort: str = "relevance",
        page: int = 1,
        page_size: int = 20,
        since: str | None = None,
        until: str | None = None,
        filters: dict[str, list[str]] | None = None,
        text_for: Callable[[list[int]], dict[int, str]] | None = None,
        facets: bool = True,
    ) -> SearchResult:
        return search(
            self,
            query,
            sort=sort,
            page=page,
            page_size=page_size,
            since=since,
            until=until,
            filters=filters,
            text_for=text_for,
            facets=facets,
        )

    def summarize(
        self,
        query: str = "",
        *,
        since: str | None = None,
        until: str | None = None,
        filters: dict[str, list[str]] | None = None,
        text_for: Callable[[list[int]], dict[int, str]] | None = None,
    ) -> HitSummary:
        return summarize(self, query, since=since, until=until, filters=filters, text_for=text_for)

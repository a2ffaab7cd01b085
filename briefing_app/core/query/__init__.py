"""Querying the search index: from what the user typed to a page of hits, facets and suggestions.

syntax.py (the query language and filters), expansion.py (prefix, wildcard, fuzzy and
inflected words), ranking.py (the page by relevance or date), snippets.py, facets.py,
suggest.py ("did you mean"), caches.py (what one index commit yields), results.py (what a search
answers), search.py (the entry points) and engine.py (`WhooshSearch`: the index and its queries
as the Workspace's `SearchEngine`).
"""

from briefing_app.core.query.engine import WhooshSearch
from briefing_app.core.query.expansion import MAX_EXPANSION
from briefing_app.core.query.results import Hit, HitSummary, QueryError, SearchResult
from briefing_app.core.query.search import match_terms, search, summarize
from briefing_app.core.query.syntax import parse_query

__all__ = [
    "MAX_EXPANSION",
    "Hit",
    "HitSummary",
    "QueryError",
    "SearchResult",
    "WhooshSearch",
    "match_terms",
    "parse_query",
    "search",
    "summarize",
]

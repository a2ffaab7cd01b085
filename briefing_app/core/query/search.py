"""Searching the index: one page of hits with snippets, the summary (total, facets, ids) of every hit,
and the words a query matches (for highlighting)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from whoosh import query as wq
from whoosh.searching import Searcher

from briefing_app.core.engines import IndexDamaged
from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.caches import SUMMARIES, commit_key
from briefing_app.core.query.expansion import expand_once
from briefing_app.core.query.facets import column_values, count_facets
from briefing_app.core.query.ranking import (
    bounded_leaves,
    constant_page,
    date_page,
    hit_set,
    is_live,
    relevance_page,
    variant_leaves,
    variant_page,
)
from briefing_app.core.query.results import Hit, HitSummary, QueryError, SearchResult
from briefing_app.core.query.snippets import highlight_terms, make_snippet
from briefing_app.core.query.suggest import did_you_mean
from briefing_app.core.query.syntax import SORTS, filter_query, parse_query

log = logging.getLogger(__name__)
_T = TypeVar("_T")


def match_terms(index: SearchIndex, query: str) -> list[str]:
    """The indexed words (lowercase) that query matches in titles and bodies, with the forms
    that inflection, wildcards and fuzzy terms expand to; for marking them in the reader.
    An empty or malformed query gives []."""
    try:
        q = parse_query(index, query)
    except QueryError:
        return []
    if isinstance(q, wq.Every):
        return []

    def work(searcher: Searcher) -> list[str]:
        expand_once(index, searcher, q)
        return sorted(highlight_terms(q, searcher.reader()))

    return _read(index, work)


def checked_paging(sort: str, page: int, page_size: int) -> tuple[str, int, int]:
    if sort not in SORTS:
        raise QueryError(f"Unknown sort '{sort}'; use one of {', '.join(SORTS)}.")
    return sort, max(1, int(page)), max(1, int(page_size))


_RACED_COMMIT_RETRIES = 3


def _read(index: SearchIndex, work: Callable[[Searcher], _T]) -> _T:
    """work(searcher) on this thread's searcher; read errors become IndexDamaged, and odd
    queries QueryError.

    A commit during the work may have merged away segments whose files the searcher had not
    opened yet; Whoosh reads a missing file as empty, so such a result cannot be trusted and
    the work runs again on the new commit. Whoosh deletes files only after writing the new
    table of contents, so a searcher still current at the end read a whole commit.
    """
    for attempt in range(_RACED_COMMIT_RETRIES + 1):
        searcher = index.current_searcher()
        last = attempt == _RACED_COMMIT_RETRIES
        try:
            value = work(searcher)
        except QueryError:
            raise
        except Exception as exc:
            if not last and not _current(searcher):
                continue  # raced a commit: again, on the new one
            if isinstance(exc, (OSError, EOFError)):
                index.forget_searcher()
                raise IndexDamaged(f"The search index cannot be read ({exc}); rebuild it.") from exc
            # Whoosh raises assorted errors for odd but parseable queries.
            log.info("query could not be run", exc_info=True)
            raise QueryError(f"The query could not be run: {exc}") from exc
        if last or _current(searcher):
            return value
    raise AssertionError("unreachable")


def _current(searcher: Searcher) -> bool:
    try:
        return searcher.up_to_date()
    except Exception:  # the index folder is gone or unreadable: not current
        return False


def summarize(
    index: SearchIndex,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    filters: dict[str, list[str]] | None = None,
    facet_limit: int = 10,
    text_for: Callable[[list[int]], dict[int, str]] | None = None,
) -> HitSummary:
    """The number of hits, the facets over all of them, their ids and, with fewer than three,
    a "did you mean": what a window may show a moment after the page (search(...,
    facets=False)). Raises QueryError like search()."""
    text = query.strip()
    q = parse_query(index, text)
    flt = filter_query(index, since, until, filters)

    def work(searcher: Searcher) -> HitSummary:
        expand_once(index, searcher, q)
        key = (*commit_key(index, searcher), text, repr(flt), facet_limit)

        def make() -> HitSummary:
            summary = _summary(searcher, q, flt, facet_limit)
            if text and summary.total < 3:
                summary.suggestion = did_you_mean(
                    index, searcher, text, flt, summary.total, text_for
                )
            return summary

        return SUMMARIES.get(key, make)

    return _read(index, work)


def _summary(searcher: Searcher, q: wq.Query, flt: wq.Query | None, facet_limit: int) -> HitSummary:
    reader = searcher.reader()
    hits = hit_set(searcher, q, flt)
    if hits is None:
        live = is_live(searcher)
        docnums = [d for d in range(reader.doc_count_all()) if live(d)]
    else:
        docnums = sorted(hits)
    ids = [int(i) for i in column_values(reader, "id", docnums)]
    facets = count_facets(column_values(reader, "facets", docnums), facet_limit)
    return HitSummary(total=len(docnums), facets=facets, all_ids=ids)


def search(
    index: SearchIndex,
    query: str,
    *,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
    since: str | None = None,
    until: str | None = None,
    filters: dict[str, list[str]] | None = None,
    text_for: Callable[[list[int]], dict[int, str]] | None = None,
    facet_limit: int = 10,
    facets: bool = True,
) -> SearchResult:
    """Run query against index and return one page of hits with facets over all hits.

    An empty query lists every article, newest first unless sort says otherwise. With
    facets=False only the page is computed: facets stay None, all_ids empty, and total is
    None when counting would cost a second pass (summarize() gives them). Raises QueryError
    for a query, filter or date that cannot be understood.
    """
    started = time.perf_counter()
    sort, page, page_size = checked_paging(sort, page, page_size)
    text = query.strip()
    q = parse_query(index, text)
    if not text and sort == "relevance":
        sort = "date"
    flt = filter_query(index, since, until, filters)
    first = (page - 1) * page_size

    def work(searcher: Searcher) -> tuple:
        reader = searcher.reader()
        expand_once(index, searcher, q)
        # Every hit in order only when all ids are asked for (facets=True); otherwise the page
        # and one more hit, which says whether a next page exists.
        count: int | None
        total: int | None  # None: not counted on a page searched with facets=False
        start, count = (0, None) if facets else (first, page_size + 1)
        leaves = bounded_leaves(q)
        variants = variant_leaves(q)
        if sort == "relevance" and leaves is not None:
            ordered, total = constant_page(searcher, leaves, flt, start, count)
        elif sort == "relevance" and variants is not None:
            ordered, total = variant_page(searcher, q, variants, flt, start, count)
        elif sort == "relevance":
            ordered, total = relevance_page(searcher, q, flt, start, count)
        else:
            ordered, total = date_page(index, searcher, q, flt, sort, start, count)
        every_docnum = [d for d, _ in ordered] if facets else []
        if facets:
            ordered = ordered[first:]
        more = len(ordered) > page_size
        page_items = ordered[:page_size]
        stored = [reader.stored_fields(docnum) for docnum, _ in page_items]
        page_ids = [int(fields["id"]) for fields in stored]
        bodies = text_for(page_ids) if text_for and page_ids else {}
        terms = highlight_terms(q, reader) if text else frozenset()
        hits = []
        for (_docnum, score), fields, doc_id in zip(page_items, stored, page_ids, strict=True):
            date = fields.get("date")
            hits.append(
                Hit(
                    id=doc_id,
                    title=fields.get("title", ""),
                    date=date.strftime("%Y-%m-%d") if date else None,
                    source=fields.get("source"),
                    score=score,
                    snippet=make_snippet(bodies.get(doc_id, ""), terms),
                )
            )
        all_ids: list[int] = []
        facet_counts = None
        if facets:
            all_ids = [int(i) for i in column_values(reader, "id", every_docnum)]
            summary = summarize(
                index,
                text,
                since=since,
                until=until,
                filters=filters,
                facet_limit=facet_limit,
                text_for=text_for,
            )
            facet_counts, total, suggestion = summary.facets, summary.total, summary.suggestion
            more = first + page_size < total
        else:
            suggestion = None
        return total, hits, facet_counts, suggestion, all_ids, more

    total, hits, facet_counts, suggestion, all_ids, more = _read(index, work)
    return SearchResult(
        query=query,
        total=total,
        hits=hits,
        page=page,
        page_size=page_size,
        facets=facet_counts,
        suggestion=suggestion,
        elapsed=time.perf_counter() - started,
        all_ids=all_ids,
        more=more,
    )

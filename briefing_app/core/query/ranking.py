"""The page of hits: by relevance (exact words before their variants) or by date, without scoring every hit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from heapq import nsmallest

from whoosh import query as wq
from whoosh.searching import Searcher
from whoosh.util.times import datetime_to_long

from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.caches import DATE_ORDERS, commit_key
from briefing_app.core.query.expansion import BoundedFuzzy, BoundedPrefix, BoundedWildcard
from briefing_app.core.query.facets import whole_column

_UNDATED = datetime_to_long(datetime(9999, 12, 31))


def _date_order(index: SearchIndex, searcher: Searcher, newest_first: bool) -> list[int]:
    """Every document number, ordered by date (newest or oldest first), undated ones last,
    ties in document order. Computed once per commit: a date-sorted page then walks this
    order and stops after a page of hits, instead of reading and sorting every hit's date."""

    def make() -> list[int]:
        dates = whole_column(searcher.reader(), "date", translate=False)
        dated = [d for d, value in enumerate(dates) if value < _UNDATED]
        undated = [d for d, value in enumerate(dates) if value >= _UNDATED]
        # sorted() is stable, so equal dates keep document order in both directions.
        sign = -1 if newest_first else 1
        dated.sort(key=lambda d: sign * dates[d])
        return dated + undated

    return DATE_ORDERS.get((*commit_key(index, searcher), newest_first), make)


def hit_set(searcher: Searcher, q: wq.Query, flt: wq.Query | None) -> set[int] | None:
    """The document numbers q matches within flt; None for every document (empty query, no
    filter), which the caller walks without building a set."""
    if isinstance(q, wq.Every) and flt is None:
        return None
    if isinstance(q, wq.Every):
        return set(searcher.docs_for_query(flt))
    hits = _docs(searcher, q)
    if flt is not None and hits:
        hits.intersection_update(searcher.docs_for_query(flt))
    return hits


_VARIANT_KINDS = (BoundedPrefix, BoundedWildcard, BoundedFuzzy)


def variant_leaves(q: wq.Query) -> list[wq.Query] | None:
    """The leaves when q is only fuzzy or wildcard words (`bank*`, `gold~`: one leaf per field,
    OR'd), else None."""
    leaves = (
        [q] if isinstance(q, _VARIANT_KINDS) else list(q.subqueries) if type(q) is wq.Or else []
    )
    if leaves and all(isinstance(leaf, _VARIANT_KINDS) for leaf in leaves):
        return leaves
    return None


def bounded_leaves(q: wq.Query) -> list[wq.Query] | None:
    """The leaves when q is only fuzzy or wildcard words that each stand for several indexed
    words, else None.

    Whoosh scores such a leaf without its weighting model: a document scores the sum of the
    frequencies of the leaf's words in it (times the boost). A leaf of one word is scored as
    that word (BM25), so a query with one is left to Whoosh (see variant_page).
    """
    leaves = variant_leaves(q)
    if leaves and all(leaf.constantscore and len(leaf.words or ()) > 1 for leaf in leaves):
        return leaves
    return None


def _leaf_weights(searcher: Searcher, leaf: wq.Query) -> dict[int, float]:
    """Each matching document's summed word frequencies: the leaf's Whoosh score over boost.

    Posting lists read whole, without Whoosh's union matcher weighing every document against
    every other word's list: for words that cover most of the library, several times faster.
    """
    weights: dict[int, float] = {}
    get = weights.get
    for segment, offset in searcher.reader().leaf_readers():
        for btext in leaf.words or ():
            if (leaf.fieldname, btext) not in segment:
                continue
            m = segment.postings(leaf.fieldname, btext)
            while m.is_active():
                docnum = m.id() + offset
                weights[docnum] = get(docnum, 0.0) + m.weight()
                m.next()
    return weights


def _docs(searcher: Searcher, q: wq.Query) -> set[int]:
    leaves = bounded_leaves(q)
    if leaves is None:
        return set(searcher.docs_for_query(q))
    docs: set[int] = set()
    for leaf in leaves:
        docs.update(_leaf_weights(searcher, leaf))
    return docs


def constant_page(
    searcher: Searcher, leaves: list[wq.Query], flt: wq.Query | None, first: int, count: int | None
) -> tuple[list[tuple[int, float]], int]:
    """The relevance order of a query of fuzzy or wildcard words (see bounded_leaves): Whoosh's
    scores computed from whole posting lists, ranked by _exact_first."""
    scores: dict[int, float] = {}
    for leaf in leaves:
        boost = float(leaf.boost)
        for docnum, weight in _leaf_weights(searcher, leaf).items():
            scores[docnum] = scores.get(docnum, 0.0) + weight * boost
    if flt is not None:
        allowed = set(searcher.docs_for_query(flt))
        scores = {d: v for d, v in scores.items() if d in allowed}
    return _exact_first(searcher, leaves, scores, first, count), len(scores)


def variant_page(
    searcher: Searcher,
    q: wq.Query,
    leaves: list[wq.Query],
    flt: wq.Query | None,
    first: int,
    count: int | None,
) -> tuple[list[tuple[int, float]], int]:
    """As constant_page, for fuzzy or wildcard words Whoosh scores itself (a field where the
    word has no variant): every hit is scored, since an exact one may score lowest."""
    scores = dict(relevance_page(searcher, q, flt, 0, None)[0])
    return _exact_first(searcher, leaves, scores, first, count), len(scores)


def _exact_first(
    searcher: Searcher,
    leaves: list[wq.Query],
    scores: dict[int, float],
    first: int,
    count: int | None,
) -> list[tuple[int, float]]:
    """count hits from the first'th (all when None): the articles with a word as typed first
    (`gold` for `gold~` or `gold*`), then by score, ties in document order (Whoosh's order).

    Whoosh scores "cold" as it scores "gold", so the exact word could sink below pages of its
    variants. An exact article's score is raised above every other's, so the scores shown
    fall as the list goes down.
    """
    exact: set[int] = set()
    for leaf in leaves:
        exact.update(_exact_docs(searcher, leaf))
    ranked = list(scores.items())
    key = lambda pair: (pair[0] not in exact, -pair[1], pair[0])  # noqa: E731
    if count is None:
        ranked.sort(key=key)
    else:
        ranked = nsmallest(first + count, ranked, key=key)
    top = max(scores.values(), default=0.0)
    return [(d, score + top if d in exact else score) for d, score in ranked[first:]]


def _exact_docs(searcher: Searcher, leaf: wq.Query) -> Iterator[int]:
    """The documents that hold leaf's word as typed (none for a pattern such as `wo?d`)."""
    btext = leaf.text.encode("utf-8")
    for segment, offset in searcher.reader().leaf_readers():
        if (leaf.fieldname, btext) in segment:
            for docnum in segment.postings(leaf.fieldname, btext).all_ids():
                yield docnum + offset


def is_live(searcher: Searcher) -> Callable[[int], bool]:
    reader = searcher.reader()
    if not reader.has_deletions():
        return lambda _docnum: True
    return lambda docnum: not reader.is_deleted(docnum)


def date_page(
    index: SearchIndex,
    searcher: Searcher,
    q: wq.Query,
    flt: wq.Query | None,
    sort: str,
    first: int,
    count: int | None,
) -> tuple[list[tuple[int, float]], int]:
    """count hits from the first'th in date order (all of them when count is None), and the
    total number of hits."""
    hits = hit_set(searcher, q, flt)
    order = _date_order(index, searcher, newest_first=sort == "date")
    wanted = (lambda d: d in hits) if hits is not None else is_live(searcher)
    stop = None if count is None else first + count
    page: list[tuple[int, float]] = []
    seen = 0
    for docnum in order:
        if not wanted(docnum):
            continue
        if seen >= first:
            page.append((docnum, 0.0))
        seen += 1
        if stop is not None and seen >= stop:
            break
    total = len(hits) if hits is not None else searcher.reader().doc_count()
    return page, total


def relevance_page(
    searcher: Searcher, q: wq.Query, flt: wq.Query | None, first: int, count: int | None
) -> tuple[list[tuple[int, float]], int | None]:
    """count hits from the first'th by score (all when count is None), and the total when
    Whoosh knew it without a second pass (it skips blocks of low scores once the page is full,
    so it cannot count them), else None."""
    limit = None if count is None else first + count
    results = searcher.search(q, filter=flt, limit=limit)
    pairs = [(docnum, float(score or 0.0)) for score, docnum in results.top_n]
    total: int | None = None
    if limit is None or len(pairs) < limit:
        total = len(pairs)  # the page never filled, so nothing was skipped: every hit is here
    elif results.has_exact_length():
        total = len(results)
    return pairs[first:], total


def count_hits(searcher: Searcher, q: wq.Query, flt: wq.Query | None) -> int:
    return len(searcher.search(q, filter=flt, limit=1, scored=False))

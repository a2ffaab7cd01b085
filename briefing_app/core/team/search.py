"""Searching a team library: one page of hits with `ts_headline` snippets, facets counted by SQL
over the hits' facet names (or from the library-wide counts when most articles are hits),
fuzzy words and "did you mean" from the lexicon through `pg_trgm`.

Answers in the same records as the local search (`SearchResult`, `HitSummary`, `Hit`), so the
window and the command line cannot tell the engines apart.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from briefing_app.core.index.documents import IndexDoc
from briefing_app.core.query.expansion import MAX_EXPANSION, MAX_FUZZY_EDITS
from briefing_app.core.query.facets import FACET_KEYS
from briefing_app.core.query.results import Hit, HitSummary, QueryError, SearchResult
from briefing_app.core.query.search import checked_paging
from briefing_app.core.query.snippets import opening_snippet
from briefing_app.core.team.store import TeamStore
from briefing_app.core.team.tsquery import Sql, Translation, filters_sql, translate

# Private-use characters mark matches in ts_headline's output; news text does not hold them,
# and they are escaped apart from the text before they become <b class="match">.
_START, _STOP = "\ue000", "\ue001"
_HEADLINE_OPTIONS = (
    f"StartSel={_START}, StopSel={_STOP}, MaxWords=28, MinWords=12, MaxFragments=2,"
    ' FragmentDelimiter=" … "'
)
_ORDER = {
    "relevance": "rank DESC, a.id",
    "date": "a.shown_date DESC NULLS LAST, a.id DESC",
    "date_asc": "a.shown_date ASC NULLS LAST, a.id",
}
# How many of the given articles carry each facet name. Lists of ids go to the server in binary
# (%b): as text, 90,000 ids took psycopg 40 ms to write out.
_NAMES_OF = (
    "SELECT name_id, count(*) AS n FROM article_names WHERE article_id = ANY(%b) GROUP BY name_id"
)
_SUGGESTABLE_RE = re.compile(r"(?<![\w:*~\"])([A-Za-z]{3,40})(?![\w:*~])")


class TeamSearch:
    """The search side of a team library, the `SearchEngine` of core/engines.py: the server
    keeps the full-text index itself, in the transaction that stores each article, so there is
    nothing to write, rebuild or catch up."""

    rebuild_reason = ""

    def __init__(self, store: TeamStore) -> None:
        self.store = store

    def needs_rebuild(self) -> bool:
        return False

    def write(self, docs: Iterable[IndexDoc], *, delete_ids: Iterable[int] = ()) -> None:
        """Nothing to write: an article's vector is a generated column of its row."""

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Nothing to rebuild (see `write`)."""

    def doc_count(self) -> int:
        """Articles searchable: every stored one, indexed in the transaction that stored it."""
        return self.store.count()

    def close(self) -> None:
        """Nothing to release: the store's connections serve the searches too."""

    # -- the query -------------------------------------------------------------------------------

    def _where(
        self,
        text: str,
        since: str | None,
        until: str | None,
        filters: dict[str, list[str]] | None,
    ) -> tuple[Translation, Sql]:
        translation = translate(text, self.expand, self.fitting)
        extra = filters_sql(since, until, filters)
        where = Sql(
            f"{translation.where.text} AND {extra.text}",
            [*translation.where.params, *extra.params],
        )
        return translation, where

    def expand(self, word: str, edits: int) -> list[str]:
        """The lexicon's words within `edits` edits of `word`, the most used first."""
        edits = max(1, min(edits, MAX_FUZZY_EDITS))
        rows = self.store.query(
            "SELECT word FROM lexicon WHERE word %% %s AND levenshtein(word, %s) <= %s"
            " ORDER BY ndoc DESC, word LIMIT %s",
            (word, word, edits, MAX_EXPANSION),
        )
        return [r[0] for r in rows]

    def fitting(self, pattern: str) -> list[str]:
        """The lexicon's words that fit a LIKE pattern, the MAX_EXPANSION most used, as the
        local index keeps for a wildcard. The trigram index (lexicon_trgm) serves a pattern
        with three letters in a row or a word's first letters (`%ation`, `wom_n`, `un%ed`: 2-6 ms
        on 300,000 words); one with too few letters (`___`) reads the whole lexicon (40 ms)."""
        rows = self.store.query(
            "SELECT word FROM lexicon WHERE word LIKE %s ORDER BY ndoc DESC, word LIMIT %s",
            (pattern, MAX_EXPANSION),
        )
        return [r[0] for r in rows]

    # -- searching -------------------------------------------------------------------------------

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
        facet_limit: int = 10,
    ) -> SearchResult:
        """One page of hits; with facets=True also the total, facets and every hit's id.
        Snippets come from the server (`ts_headline`), so `text_for` is not needed."""
        started = time.perf_counter()
        with self.store.snapshot():
            result = self._search(
                query, sort, page, page_size, since, until, filters, facets, facet_limit
            )
        result.elapsed = time.perf_counter() - started
        return result

    def _search(
        self,
        query: str,
        sort: str,
        page: int,
        page_size: int,
        since: str | None,
        until: str | None,
        filters: dict[str, list[str]] | None,
        facets: bool,
        facet_limit: int,
    ) -> SearchResult:
        sort, page, page_size = checked_paging(sort, page, page_size)
        text = query.strip()
        translation, where = self._where(text, since, until, filters)
        if sort == "relevance" and translation.rank is None:
            sort = "date"
        first = (page - 1) * page_size
        rank_sql, rank_params = "0", []
        if sort == "relevance":
            rank_sql, rank_params = "ts_rank(a.tsv, to_tsquery('briefing', %s))", [translation.rank]
        sql = (
            f"SELECT a.id, {rank_sql} AS rank FROM articles a WHERE {where.text}"
            f" ORDER BY {_ORDER[sort]}"
        )
        params = [*rank_params, *where.params]
        total: int | None = None
        if facets:
            ordered = self.store.query(sql, params)
            total = len(ordered)
            window = ordered[first : first + page_size]
            more = first + page_size < total
        else:
            ordered = self.store.query(sql + " LIMIT %s OFFSET %s", [*params, page_size + 1, first])
            window = ordered[:page_size]
            more = len(ordered) > page_size
        hits = self._hits(window, translation.rank)
        result = SearchResult(
            query=query,
            total=total,
            hits=hits,
            page=page,
            page_size=page_size,
            facets=None,
            suggestion=None,
            elapsed=0.0,
            all_ids=[r[0] for r in ordered] if facets else [],
            more=more,
        )
        if facets:
            assert total is not None
            result.facets = self._facets(result.all_ids, facet_limit)
            if text and total < 3:
                result.suggestion = self._suggest(text, since, until, filters, total)
        return result

    def summarize(
        self,
        query: str = "",
        *,
        since: str | None = None,
        until: str | None = None,
        filters: dict[str, list[str]] | None = None,
        text_for: Callable[[list[int]], dict[int, str]] | None = None,
        facet_limit: int = 10,
    ) -> HitSummary:
        """The hit count, facets over every hit, their ids (in id order) and a suggestion."""
        text = query.strip()
        _translation, where = self._where(text, since, until, filters)
        with self.store.snapshot():
            ids = [
                r[0]
                for r in self.store.query(
                    f"SELECT a.id FROM articles a WHERE {where.text} ORDER BY a.id", where.params
                )
            ]
            summary = HitSummary(total=len(ids), facets=self._facets(ids, facet_limit), all_ids=ids)
            if text and summary.total < 3:
                summary.suggestion = self._suggest(text, since, until, filters, summary.total)
        return summary

    def _hits(self, window: list[tuple[Any, ...]], rank: str | None) -> list[Hit]:
        if not window:
            return []
        ids = [r[0] for r in window]
        if rank:
            snippet_sql = "ts_headline('briefing', a.body, to_tsquery('briefing', %s), %s)"
            params: list[object] = [rank, _HEADLINE_OPTIONS, ids]
        else:
            snippet_sql = "left(a.body, 2000)"
            params = [ids]
        rows = {
            r[0]: r
            for r in self.store.query(
                f"SELECT a.id, a.shown_title, a.shown_date, a.shown_source, {snippet_sql}"
                " FROM articles a WHERE a.id = ANY(%s)",
                params,
            )
        }
        hits = []
        for article_id, score in window:
            row = rows.get(article_id)
            if row is None:  # deleted between the two statements
                continue
            snippet = _marked(row[4]) if rank and _START in row[4] else opening_snippet(row[4])
            hits.append(
                Hit(
                    id=article_id,
                    title=row[1],
                    date=row[2][:10] if row[2] else None,
                    source=row[3],
                    score=float(score),
                    snippet=snippet,
                )
            )
        return hits

    def _facets(self, ids: list[int], limit: int) -> dict[str, list[tuple[str, int]]]:
        """The `limit` commonest names of each facet over the hits `ids` (read in the caller's
        snapshot). Names are counted over the hits, or, when the hits are most of the library
        (the empty query's are all of it), over the articles that are not hits and taken from
        the counts the server keeps for the whole library: the work follows the smaller side."""
        total = self.store.count()
        if len(ids) * 2 > total:
            others: list[int] = []
            if len(ids) < total:
                others = [
                    r[0]
                    for r in self.store.query(
                        "SELECT a.id FROM articles a WHERE NOT EXISTS"
                        " (SELECT 1 FROM unnest(%b::bigint[]) AS hit(id) WHERE hit.id = a.id)",
                        [ids],
                    )
                ]
            counted = (
                "SELECT c.name_id, c.n - coalesce(x.n, 0) AS n FROM facet_counts c"
                f" LEFT JOIN ({_NAMES_OF}) x ON x.name_id = c.name_id"
            )
            params: list[object] = [others]
        else:
            counted, params = _NAMES_OF, [ids]
        # Ranked by count alone first (integers), keeping ties at the edge, and only those few
        # by name: sorting 25,000 names by lower(value) took 30 ms of 50. Names compare by code
        # point (COLLATE "C"), as the local search's casefold() does.
        rows = self.store.query(
            "SELECT facet, value, n FROM ("
            " SELECT facet, value, n, row_number() OVER"
            '  (PARTITION BY facet ORDER BY n DESC, lower(value) COLLATE "C") AS place'
            " FROM ("
            "  SELECT f.facet, f.value, c.n,"
            '   rank() OVER (PARTITION BY f.facet COLLATE "C" ORDER BY c.n DESC) AS by_count'
            f"  FROM ({counted}) c JOIN facet_names f ON f.id = c.name_id WHERE c.n > 0"
            " ) counted WHERE by_count <= %s"
            ") ranked WHERE place <= %s",
            [*params, limit, limit],
        )
        out: dict[str, list[tuple[str, int]]] = {key: [] for key in FACET_KEYS}
        for facet, value, n in rows:
            out[facet].append((value, n))
        return {
            key: sorted(items, key=lambda kv: (-kv[1], kv[0].casefold()))
            for key, items in out.items()
        }

    def _suggest(
        self,
        text: str,
        since: str | None,
        until: str | None,
        filters: dict[str, list[str]] | None,
        total: int,
    ) -> str | None:
        """The query with its unknown words replaced by the closest common ones, when that
        finds more articles; None otherwise (a suggestion never breaks a search)."""
        changed = False

        def closest(m: re.Match[str]) -> str:
            nonlocal changed
            word = m.group(1)
            if word in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"):
                return word
            lower = word.lower()
            # One edit before two: "wheet" is "wheat", not the more common "week".
            for edits in (1, 2):
                rows = self.store.query(
                    "SELECT word, ndoc FROM lexicon WHERE word %% %s AND word <> %s"
                    " AND levenshtein(word, %s) <= %s ORDER BY ndoc DESC, word LIMIT 1",
                    (lower, lower, lower, edits),
                )
                known = self.store.query("SELECT ndoc FROM lexicon WHERE word = %s", (lower,))
                if rows and (not known or known[0][0] < rows[0][1]):
                    changed = True
                    return rows[0][0].capitalize() if word[:1].isupper() else rows[0][0]
            return word

        suggestion = _SUGGESTABLE_RE.sub(closest, text)
        if not changed or suggestion == text:
            return None
        try:
            _translation, where = self._where(suggestion, since, until, filters)
        except QueryError:
            return None
        found = self.store.query(
            f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {where.text}"
            " LIMIT %s) AS enough",
            [*where.params, total + 1],
        )
        return suggestion if found[0][0] > total else None


def _marked(headline: str) -> str:
    """ts_headline's text with its match markers as <b class="match">, everything escaped."""
    text = " ".join(html.escape(headline).split())
    return text.replace(_START, '<b class="match">').replace(_STOP, "</b>")

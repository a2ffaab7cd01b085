"""The two engines behind the Workspace, as contracts: an `ArticleStore` and a `SearchEngine`.

The Workspace (core/workspace.py) depends only on these Protocols. The embedded default is SQLite
(core/store, `Library`) and Whoosh (core/query, `WhooshSearch`); a server library (PostgreSQL
for both) implements the same methods and the window and the command line do not change.
The docstrings are the contract: what a caller may rely on, whatever the engine.

Records passed through them are engine-neutral: `Article` (core/records.py) in; `StoredArticle`,
`StoredFigure`, `UpsertResult`, `HeldArticle` (core/store) and extraction's `Entity`,
`Extraction` out; search answers are core/query's `SearchResult` and `HitSummary`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefing_app.core.extract.records import Entity, Extraction
    from briefing_app.core.index.documents import IndexDoc
    from briefing_app.core.query.results import HitSummary, SearchResult
    from briefing_app.core.records import Article
    from briefing_app.core.store.articles import HeldArticle
    from briefing_app.core.store.records import StoredArticle, StoredFigure, UpsertResult


class LibraryError(Exception):
    """A library problem a person can act on (locked, damaged, not a library, too new)."""


class IndexDamaged(Exception):
    """The index cannot be read; the caller destroys it and rebuilds it from the store."""


class IndexBusy(Exception):
    """Another writer (thread or process) holds the index; the write may be tried again later."""


class ArticleStore(Protocol):
    """The source of truth: articles, what extraction found in them, and everything the user made.

    Every write is durable when the method returns, unless it runs inside `transaction()`; then
    all writes of the block are durable together when it ends, or none of them if it raises.
    Reads by id silently leave out ids the store does not hold. An article's title, date and
    source as read are the user's edit where there is one. Any change to an article, its edits,
    its extraction or its flags marks it "not indexed" until `mark_indexed`.
    """

    def transaction(self) -> AbstractContextManager[None]:
        """A unit of work for this thread: all writes inside commit together or not at all.
        Blocks nest; the outermost one commits."""
        ...

    def close(self) -> None:
        """Release every connection; the store is not used afterwards."""
        ...

    def get_meta(self, key: str) -> str | None:
        """A small stored setting of the library (None when unset)."""
        ...

    def set_meta(self, key: str, value: str) -> None: ...

    # -- articles --------------------------------------------------------------------------------

    def count(self) -> int:
        """How many articles the library holds."""
        ...

    def held_articles(self, content_hashes: Sequence[str]) -> dict[str, HeldArticle]:
        """The articles already held with any of these texts (content hashes), by hash."""
        ...

    def record_seen(self, held: HeldArticle, article: Article) -> UpsertResult:
        """`article`'s text is held as `held`: "unchanged" when it is the same (path, origin),
        else "duplicate"; nothing is stored twice. A file seen again is no longer missing."""
        ...

    def store_new(
        self,
        article: Article,
        content_hash: str,
        extraction: Extraction,
        extractor_version: int,
        *,
        parent_id: int | None = None,
    ) -> UpsertResult:
        """Store a text that was not held when the caller looked (with `held_articles`): a new
        version of the article with the same (path, origin), which keeps its id, edits and
        reading state ("updated"), or a new article ("imported"), with its extraction. If the
        text was stored meanwhile (another process), this is `record_seen` of that article."""
        ...

    def upsert_article(
        self,
        article: Article,
        content_hash: str,
        extraction: Extraction,
        extractor_version: int,
        *,
        parent_id: int | None = None,
    ) -> UpsertResult:
        """`record_seen` if the text is held, else `store_new`."""
        ...

    def find_by_origin(self, path: str | None, origin: str | None) -> int | None:
        """The id of the first article read from (path, origin); None for no path."""
        ...

    def get_article(self, article_id: int) -> StoredArticle | None: ...

    def get_articles(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]: ...

    def bodies(self, article_ids: Sequence[int]) -> dict[int, str]:
        """The texts alone, by id (for snippets)."""
        ...

    def iter_articles(self, *, only_unindexed: bool = False) -> Iterator[StoredArticle]:
        """Every article (or every one not indexed) in id order, without holding all in memory."""
        ...

    def count_unindexed(self) -> int: ...

    def mark_indexed(self, article_ids: Iterable[int], indexed: bool = True) -> None: ...

    def mark_all_unindexed(self) -> None: ...

    def mark_original_missing(self, path: str, missing: bool = True) -> int:
        """Flag the articles read from `path` as having lost their file; returns how many."""
        ...

    def count_from_path(self, path: str) -> int: ...

    # -- extraction ------------------------------------------------------------------------------

    def store_extraction(self, article_id: int, extraction: Extraction, version: int) -> None:
        """Replace what extraction found in the article (by engine `version`); corrections stay
        and apply to the new figures."""
        ...

    def stale_extraction_ids(self, version: int) -> list[int]:
        """Ids of articles extracted by another engine version than `version`."""
        ...

    def entities(self, article_id: int) -> list[Entity]:
        """The article's entities in text order."""
        ...

    def entities_for(self, article_ids: Sequence[int]) -> dict[int, list[Entity]]: ...

    def figures(self, article_id: int) -> list[StoredFigure]: ...

    def figures_for(
        self, article_ids: Sequence[int] | None = None, *, kind: str | None = None
    ) -> dict[int, list[StoredFigure]]:
        """Figures in extraction order with the user's corrections applied (rejected ones
        included and flagged), per article; every article's when `article_ids` is None."""
        ...

    def correct_figure(
        self, article_id: int, key: str, changes: dict[str, object], *, rejected: bool = False
    ) -> None:
        """Merge `changes` into the figure's correction (ValueError for a field that cannot
        be corrected); it applies over every later extraction of the same figure."""
        ...

    def clear_correction(self, article_id: int, key: str) -> None: ...

    # -- the user's data -------------------------------------------------------------------------

    def edit_article(self, article_id: int, changes: dict[str, str | None]) -> None:
        """Store the user's title, date or source (ValueError for any other field); they
        survive re-import."""
        ...

    def revert_edit(self, article_id: int, name: str) -> None: ...

    def set_flag(self, article_id: int, name: str, value: bool) -> None:
        """Set "read" or "starred" (ValueError for any other name)."""
        ...

    def file_unchanged(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether `path` was remembered with this size and modification time."""
        ...

    def remember_file(self, path: str, size: int, mtime_ns: int) -> None:
        """Every article of `path` is stored: importing it again may skip it while unchanged."""
        ...

    def known_files(self, under: str | None = None) -> list[str]: ...

    def forget_file(self, path: str) -> None: ...

    def briefing_names(self) -> list[str]:
        """Stored briefings' names, the most recently saved first."""
        ...

    def load_briefing(self, name: str) -> dict | None: ...

    def save_briefing(self, name: str, document: dict) -> None:
        """Store the JSON document under `name`, replacing one of that name."""
        ...

    def rename_briefing(self, old: str, new: str) -> None: ...

    def delete_briefing(self, name: str) -> None: ...

    def watched_folders(self) -> list[str]: ...

    def add_watched_folder(self, path: str) -> None: ...

    def remove_watched_folder(self, path: str) -> bool:
        """False when `path` was not watched."""
        ...

    # -- the library as a whole ------------------------------------------------------------------

    def stats(self) -> dict[str, object]:
        """Counts for `briefing stats` and the library dialog (articles, dated, sources,
        entities, troop_figures, figures, edits, corrections, briefings, read, starred,
        database_bytes)."""
        ...

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last article dates."""
        ...

    def integrity_ok(self) -> bool: ...


class SearchEngine(Protocol):
    """Full-text search over what the store holds: derived data, rebuilt from the store at will.

    A search sees the index as of its last commit; writes may run in another thread meanwhile.
    A write that cannot get the index raises IndexBusy and changes nothing.
    """

    # Why a rebuild is needed, in words the user is told; "" while none is.
    rebuild_reason: str

    def needs_rebuild(self) -> bool:
        """True when the index is new, from another version, or its last rebuild did not
        finish: the caller should `rebuild` it from the store."""
        ...

    def doc_count(self) -> int: ...

    def write(self, docs: Iterable[IndexDoc], *, delete_ids: Iterable[int] = ()) -> None:
        """Add or replace `docs` (by id) and delete `delete_ids`, all in one commit."""
        ...

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Replace the whole index by `docs` in one commit; until then searches see the old
        index, and a cancel leaves it as it was (still needing a rebuild)."""
        ...

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
        """One page of hits for `query` (the query language of core/query/syntax.py) with
        snippets from `text_for`, and, with `facets`, the total, facets and every hit's id.
        Raises QueryError with a readable message for a query that cannot be read."""
        ...

    def summarize(
        self,
        query: str = "",
        *,
        since: str | None = None,
        until: str | None = None,
        filters: dict[str, list[str]] | None = None,
        text_for: Callable[[list[int]], dict[int, str]] | None = None,
    ) -> HitSummary:
        """What search(facets=True) adds to a page: the total, facets and ids of every hit."""
        ...

    def close(self) -> None: ...

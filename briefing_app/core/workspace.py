"""The one door into the core: an open library with its index, used by the command line and the window.

A Workspace owns the SQLite library, the Whoosh index and the extraction engine, and offers every
operation either face needs. Long operations take a `progress` callback and a `cancelled`
predicate so a worker thread or a terminal can drive them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core import articles as importers
from briefing_app.core.dates import year_of
from briefing_app.core.engines import ArticleStore, LibraryError, SearchEngine
from briefing_app.core.extract import EXTRACTOR_VERSION, extract
from briefing_app.core.extract.records import Entity, Extraction
from briefing_app.core.figures import FigureReport, FiguresTable, build_table
from briefing_app.core.index.sync import IndexSync, open_in_step
from briefing_app.core.ingest import ImportPipeline, ImportReport
from briefing_app.core.ingest.pipeline import BATCH_SIZE
from briefing_app.core.progress import CancelFn, Progress, ProgressFn
from briefing_app.core.query import (
    MAX_EXPANSION,
    HitSummary,
    QueryError,
    SearchResult,
    WhooshSearch,
)
from briefing_app.core.records import Article, Skipped
from briefing_app.core.store import Library, StoredArticle, StoredFigure
from briefing_app.paths import default_library_dir, seeds_dir

INDEX_DIR = "index"
# Set in the library's meta table once the built-in sample articles have been offered.
SEEDED_KEY = "seeded"


@dataclass
class ArticleView:
    """An article ready for the reader: its text, what extraction found, and the user's edits."""

    article: StoredArticle
    entities: list[Entity]
    figures: list[StoredFigure]


class Workspace:
    """An open library: SQLite store, Whoosh index and extraction behind one interface."""

    # The import pipeline (a team library's retries a batch that raced another importer).
    pipeline: type[ImportPipeline] = ImportPipeline

    def __init__(self, folder: Path, library: ArticleStore, index: SearchEngine) -> None:
        self.folder = folder
        # Where the library is, as shown to people (a team library's URL, without password).
        self.location = str(folder)
        self.library = library
        self.index = index
        self.notices: list[str] = []
        self._sync = IndexSync(library, index, self.notices)
        self._index_repair_needed = False

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: str | os.PathLike[str] | None = None,
        *,
        seed_if_empty: bool = True,
        repair: bool = True,
        progress: ProgressFn | None = None,
    ) -> Workspace:
        """Open (or create) the library in `folder`; rebuild a missing or damaged index.

        With `repair=False` the index work is left for `run_maintenance()`, so a window can do
        it in a worker; `maintenance_needed()` says whether there is any.
        """
        path = default_library_dir(folder)
        library = Library(path)
        index_dir = path / INDEX_DIR
        index, rebuild, notices = open_in_step(
            library, lambda: WhooshSearch(index_dir), lambda: WhooshSearch.destroy(index_dir)
        )
        workspace = cls(path, library, index)
        workspace.notices.extend(notices)
        workspace._index_repair_needed = rebuild
        if seed_if_empty and library.count() == 0 and library.get_meta(SEEDED_KEY) is None:
            # Once per library: a user who empties it does not get the samples back.
            seeds = sorted(seeds_dir().glob("*.txt"))
            if seeds:
                report = workspace.import_paths(seeds)
                library.set_meta(SEEDED_KEY, "1")
                workspace.notices.append(
                    f"A new, empty library: imported {report.imported} built-in sample articles"
                    " to start with (only on this first run; the command line never adds them)."
                )
        if repair and workspace.maintenance_needed():
            workspace.run_maintenance(progress=progress)
        return workspace

    def busy_notices(self) -> list[str]:
        """The notices (among `notices`) saying a change waits because another program held
        the search index: the change is saved, and searchable once that program finishes."""
        return list(self._sync.busy)

    def close(self) -> None:
        with self._sync.lock:
            self.index.close()
        self.library.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- maintenance: re-extraction after an engine upgrade, index catch-up and rebuild ---------

    def maintenance_needed(self) -> str | None:
        """A sentence saying what needs doing before search is complete, or None."""
        stale = len(self.library.stale_extraction_ids(EXTRACTOR_VERSION))
        if stale:
            return (
                "1 article needs extracting again with the current engine"
                if stale == 1
                else f"{stale} articles need extracting again with the current engine"
            )
        if self._index_repair_needed:
            return "the search index needs rebuilding"
        pending = self.library.count_unindexed()
        if pending:
            return (
                "1 article is not yet in the search index"
                if pending == 1
                else f"{pending} articles are not yet in the search index"
            )
        return None

    def run_maintenance(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> None:
        stale = self.library.stale_extraction_ids(EXTRACTOR_VERSION)
        if stale:
            self._reextract(stale, progress=progress, cancelled=cancelled)
        if self._index_repair_needed:
            self.reindex(progress=progress, cancelled=cancelled)
        else:
            self._sync.catch_up(progress=progress, cancelled=cancelled)

    def reindex(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        """Rebuild the whole index from the library in one commit; returns articles indexed.

        Searches see the old index until the commit; a cancel leaves the old index in place.
        """
        done = self._sync.rebuild(progress=progress, cancelled=cancelled)
        if not (cancelled and cancelled()):
            self._index_repair_needed = False
        return done

    def _reextract(
        self, ids: list[int], *, progress: ProgressFn | None, cancelled: CancelFn | None
    ) -> None:
        state = Progress("Extracting", 0, len(ids))
        for start in range(0, len(ids), BATCH_SIZE):
            if cancelled and cancelled():
                return
            chunk = ids[start : start + BATCH_SIZE]
            articles = self.library.get_articles(chunk)
            with self.library.transaction():
                for article_id in chunk:
                    stored = articles.get(article_id)
                    if stored is not None:
                        self.library.store_extraction(
                            article_id,
                            self._extract(stored.body, stored.date),
                            EXTRACTOR_VERSION,
                        )
            state.done += len(chunk)
            if progress:
                progress(state)

    # -- import ----------------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
        parent_id: int | None = None,
    ) -> ImportReport:
        """Import files and folders (see ingest.ImportPipeline); one bad file never stops it."""
        pipeline = self.pipeline(
            self.library, self._sync, progress=progress, cancelled=cancelled, parent_id=parent_id
        )
        return pipeline.run(paths)

    def import_text(
        self,
        text: str,
        *,
        title: str | None = None,
        date: str | None = None,
        source: str | None = None,
        url: str | None = None,
    ) -> ImportReport:
        """Import one article from text (standard input, the clipboard); returns the report."""
        started = time.monotonic()
        if not text.strip():
            return ImportReport(skipped=[Skipped("<text>", "empty text")])
        article = importers.read_text_article(text)
        if title:
            article.title = title
        if date:
            article.date = date
        if source:
            article.source = source
        if url:
            article.url = url
        report = self.import_article(article)
        report.seconds = time.monotonic() - started
        return report

    def import_article(self, article: Article) -> ImportReport:
        """Import an Article an outside reader produced (the window's paste dialog)."""
        if not article.body.strip():
            return ImportReport(skipped=[Skipped(article.path or "<text>", "no article text")])
        report = self.pipeline(self.library, self._sync).store_article(article)
        self._sync.refresh(report.article_ids)
        return report

    def _extract(self, body: str, date: str | None) -> Extraction:
        return extract(body, year=year_of(date))

    # -- reading and editing ---------------------------------------------------------------------

    def article(self, article_id: int) -> ArticleView | None:
        stored = self.library.get_article(article_id)
        if stored is None:
            return None
        return ArticleView(
            stored, self.library.entities(article_id), self.library.figures(article_id)
        )

    def articles(self, article_ids: Iterable[int]) -> dict[int, StoredArticle]:
        """The stored articles among `article_ids`, by id: text and metadata, no extraction."""
        return self.library.get_articles(list(article_ids))

    def open_article(self, article_id: int) -> ArticleView | None:
        """The article for reading; opening it marks it read."""
        view = self.article(article_id)
        if view is not None and not view.article.read:
            self.set_read(article_id, True)
            view.article.read = True
        return view

    def edit_article(self, article_id: int, **changes: str | None) -> None:
        """Set the user's title, date or source; the index (and so the chart) follows at once."""
        if "date" in changes and changes["date"]:
            parsed = importers.parse_date(changes["date"])
            if parsed is None:
                raise ValueError(f"'{changes['date']}' is not a date (try 2016-06-14)")
            changes["date"] = parsed
        before = self.library.get_article(article_id)
        if before is None:
            raise KeyError(article_id)
        self.library.edit_article(article_id, changes)
        if "date" in changes and year_of(changes["date"]) != before.year:
            # Figures whose sentence names no year take the article's year: extract again so
            # they follow the new date. Corrections are keyed by span and survive this.
            self.library.store_extraction(
                article_id, self._extract(before.body, changes["date"]), EXTRACTOR_VERSION
            )
        self._sync.refresh([article_id])

    def revert_edit(self, article_id: int, name: str) -> None:
        self.library.revert_edit(article_id, name)
        stored = self.library.get_article(article_id)
        if name == "date" and stored is not None:
            self.library.store_extraction(
                article_id, self._extract(stored.body, stored.date), EXTRACTOR_VERSION
            )
        self._sync.refresh([article_id])

    def set_read(self, article_id: int, read: bool) -> None:
        self.library.set_flag(article_id, "read", read)
        self._sync.refresh([article_id])

    def set_starred(self, article_id: int, starred: bool) -> None:
        self.library.set_flag(article_id, "starred", starred)
        self._sync.refresh([article_id])

    def correct_figure(
        self, article_id: int, key: str, *, rejected: bool = False, **changes: object
    ) -> None:
        """Correct a figure's contributor, host, count or year, or reject it."""
        if "count" in changes:
            count = changes.pop("count")
            changes.setdefault("low", count)
            changes.setdefault("high", count)
        self.library.correct_figure(article_id, key, changes, rejected=rejected)

    def clear_correction(self, article_id: int, key: str) -> None:
        self.library.clear_correction(article_id, key)

    # -- search and figures ----------------------------------------------------------------------

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
        facets: bool = True,
    ) -> SearchResult:
        """Search the index; raises search.QueryError with a readable message for a bad query.
        With facets=False only the page is computed (fast); summarize() gives the rest."""
        return self.index.search(
            query,
            sort=sort,
            page=page,
            page_size=page_size,
            since=since,
            until=until,
            filters=filters,
            text_for=self.library.bodies,
            facets=facets,
        )

    def summarize(
        self,
        query: str = "",
        *,
        since: str | None = None,
        until: str | None = None,
        filters: dict[str, list[str]] | None = None,
    ) -> HitSummary:
        """The hit count, facets and ids of every hit of a search (see search(facets=False))."""
        return self.index.summarize(
            query,
            since=since,
            until=until,
            filters=filters,
            text_for=self.library.bodies,
        )

    def figure_reports(self, article_ids: list[int] | None = None) -> list[FigureReport]:
        """Every troop figure with a number (corrections applied, rejected ones left out)."""
        by_article = self.library.figures_for(article_ids, kind="troops")
        articles = self.library.get_articles(list(by_article))
        reports = []
        for article_id, figures in by_article.items():
            article = articles.get(article_id)
            if article is None:
                continue
            for stored in figures:
                if stored.rejected:
                    continue
                reports.append(
                    FigureReport(
                        article_id=article_id,
                        article_title=article.title,
                        article_date=article.date,
                        source=article.source,
                        key=stored.key,
                        figure=stored.figure,
                        corrected=stored.corrected,
                    )
                )
        return reports

    def figures_table(
        self,
        *,
        by: str = "contributor",
        combine: str = "largest",
        query: str | None = None,
        article_ids: list[int] | None = None,
        kinds: Iterable[str] | None = None,
    ) -> FiguresTable:
        """Troop numbers by country and year over the whole library, a query, or given articles;
        only figures of `kinds` (every kind when None)."""
        if query:
            article_ids = self.search(query, page_size=1).all_ids
        return build_table(self.figure_reports(article_ids), by=by, combine=combine, kinds=kinds)

    # -- briefings and watched folders (core.briefing, core.watch) reach the store only here -------

    def entities(self, article_ids: list[int]) -> dict[int, list[Entity]]:
        return self.library.entities_for(article_ids)

    def briefing_names(self) -> list[str]:
        """Stored briefing names, the most recently saved first."""
        return self.library.briefing_names()

    def stored_briefing(self, name: str) -> dict | None:
        """A stored briefing's JSON document (`core.briefing.shelf` reads it), None if absent."""
        return self.library.load_briefing(name)

    def store_briefing(self, name: str, document: dict) -> None:
        self.library.save_briefing(name, document)

    def rename_briefing(self, old: str, new: str) -> None:
        self.library.rename_briefing(old, new)

    def delete_briefing(self, name: str) -> None:
        self.library.delete_briefing(name)

    def watched_folders(self) -> list[str]:
        return self.library.watched_folders()

    def watch_folder(self, folder: str) -> None:
        self.library.add_watched_folder(folder)

    def unwatch_folder(self, folder: str) -> bool:
        """Stop watching `folder` as stored; False when it was not watched."""
        return self.library.remove_watched_folder(folder)

    def file_unchanged(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether `path` was imported with this size and modification time."""
        return self.library.file_unchanged(path, size, mtime_ns)

    def imported_files(self, under: str) -> list[str]:
        return self.library.known_files(under=under)

    def original_gone(self, path: str) -> None:
        """The file `path` was imported from is gone: its articles stay, marked "original
        missing", and the file is forgotten so that one coming back is imported again."""
        self.library.mark_original_missing(path)
        self.library.forget_file(path)

    def stats(self) -> dict[str, object]:
        stats = self.library.stats()
        stats["indexed"] = self.index.doc_count()
        stats["library"] = str(self.folder)
        first, last = self.library.date_range()
        stats["first_date"], stats["last_date"] = first, last
        return stats


# The records the window and the command line receive come from the door too (issue 16): the
# store, the index and search stay private to the core.
__all__ = [
    "MAX_EXPANSION",
    "ArticleView",
    "HitSummary",
    "ImportReport",
    "LibraryError",
    "Progress",
    "QueryError",
    "SearchResult",
    "StoredArticle",
    "StoredFigure",
    "Workspace",
    "CancelFn",
    "ProgressFn",
]

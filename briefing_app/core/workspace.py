"""The one door into the core: an open library with its index, used by the command line and the window.

A Workspace owns the SQLite library, the Whoosh index and the extraction engine, and offers every
operation either face needs. Long operations take a `progress` callback and a `cancelled`
predicate so a worker thread or a terminal can drive them.
"""

from __future__ import annotations

import gzip
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.core import articles as importers
from briefing_app.core.extract import EXTRACTOR_VERSION, extract, facet_values
from briefing_app.core.extract.records import Entity, Extraction
from briefing_app.core.extract_pool import (
    POOL_THRESHOLD,
    ExtractionPool,
    PendingExtractions,
    extract_many,
)
from briefing_app.core.figures import FigureReport, FiguresTable, build_table
from briefing_app.core.index import IndexBusy, IndexDamaged, IndexDoc, SearchIndex
from briefing_app.core.library import (
    Library,
    LibraryError,
    StoredArticle,
    StoredFigure,
)
from briefing_app.core.records import Article, Skipped
from briefing_app.core.search import (
    MAX_EXPANSION,
    HitSummary,
    QueryError,
    SearchResult,
    search,
    summarize,
)
from briefing_app.paths import default_library_dir, seeds_dir

INDEX_DIR = "index"
# Set in the library's meta table once the built-in sample articles have been offered.
SEEDED_KEY = "seeded"
# Articles are committed to SQLite and then indexed in batches: large enough to keep Whoosh's
# per-commit cost small, small enough that a cancel or a kill loses little work.
BATCH_SIZE = 500
# Whoosh pays per commit (a new segment, then merges): index in large commits during an import.
# The library marks what is not yet indexed, so a kill between commits loses no article.
INDEX_BATCH = 5000
# Batches waiting for the extraction process: enough to keep it busy through an index commit.
MAX_INFLIGHT = 8

ProgressFn = Callable[["Progress"], None]
CancelFn = Callable[[], bool]


@dataclass
class Progress:
    """What a long job has done so far; `total` is 0 when it is not known."""

    stage: str
    done: int
    total: int
    current: str = ""
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        if not self.total or not self.done:
            return None
        return (self.total - self.done) / self.rate if self.rate else None


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # the same text as an article already held, from another file or record
    unchanged_files: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)  # imported or updated, in order
    cancelled: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [
            f"{self.imported} imported",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.duplicates} duplicates",
            f"{len(self.skipped)} skipped",
        ]
        text = ", ".join(parts)
        if self.unchanged_files:
            text += f" ({self.unchanged_files} unchanged files not read again)"
        if self.cancelled:
            text += " — cancelled; what was imported before the cancel is kept"
        return text


@dataclass
class ArticleView:
    """An article ready for the reader: its text, what extraction found, and the user's edits."""

    article: StoredArticle
    entities: list[Entity]
    figures: list[StoredFigure]


class Workspace:
    """An open library: SQLite store, Whoosh index and extraction behind one interface."""

    def __init__(self, folder: Path, library: Library, index: SearchIndex) -> None:
        self.folder = folder
        # Where the library is, as shown to people (a team library's URL, without password).
        self.location = str(folder)
        self.library = library
        self.index = index
        self.notices: list[str] = []
        self._index_lock = threading.RLock()
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
        notices: list[str] = []
        index_dir = path / INDEX_DIR
        try:
            index = SearchIndex(index_dir)
            rebuild = index.needs_rebuild() and library.count() > 0
            if index.needs_rebuild() and library.count() == 0:
                # An empty library's index is complete as it stands. Unless it is marked so,
                # the index the first import builds is never "complete" and every later open
                # rebuilds all of it (95 s for the Reuters corpus).
                index.rebuild(())
            indexed_at_least = library.count() - library.count_unindexed()
            if not rebuild and not indexed_at_least <= index.doc_count() <= library.count():
                rebuild = True
                notices.append("The search index did not match the library; rebuilding it.")
        except IndexDamaged as exc:
            notices.append(f"The search index was damaged ({exc}); rebuilding it from the library.")
            SearchIndex.destroy(index_dir)
            index = SearchIndex(index_dir)
            rebuild = library.count() > 0
        if rebuild:
            library.mark_all_unindexed()
            if not notices:  # a damaged or mismatched index has said why already
                reason = index.rebuild_reason or "The search index is incomplete"
                notices.append(f"{reason}; rebuilding it from the library.")
        workspace = cls(path, library, index)
        workspace.notices = notices
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

    def close(self) -> None:
        with self._index_lock:
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
            return f"{stale} articles need extracting again with the current engine"
        if self._index_repair_needed:
            return "the search index needs rebuilding"
        pending = self.library.count_unindexed()
        if pending:
            return f"{pending} articles are not yet in the search index"
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
            self._index_pending(progress=progress, cancelled=cancelled)

    def reindex(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        """Rebuild the whole index from the library in one commit; returns articles indexed.

        Searches see the old index until the commit; a cancel leaves the old index in place.
        """
        self.library.mark_all_unindexed()
        state = Progress("Indexing", 0, self.library.count())
        indexed: list[int] = []

        def docs() -> Iterator[IndexDoc]:
            for chunk in _batched(self.library.iter_articles(), BATCH_SIZE):
                for doc in self._index_docs(chunk):
                    indexed.append(doc.id)
                    yield doc

        def report(done: int) -> None:
            state.done = done
            if progress:
                progress(state)

        with self._index_lock:
            self.index.rebuild(docs(), progress=report, cancelled=cancelled)
        if cancelled and cancelled():
            return 0
        self.library.mark_indexed(indexed)
        self._index_repair_needed = False
        return len(indexed)

    def _reextract(
        self, ids: list[int], *, progress: ProgressFn | None, cancelled: CancelFn | None
    ) -> None:
        state = Progress("Extracting", 0, len(ids))
        for start in range(0, len(ids), BATCH_SIZE):
            if cancelled and cancelled():
                return
            chunk = ids[start : start + BATCH_SIZE]
            articles = self.library.get_articles(chunk)
            with self.library.transaction() as tx:
                for article_id in chunk:
                    stored = articles.get(article_id)
                    if stored is not None:
                        self.library.store_extraction(
                            tx,
                            article_id,
                            self._extract(stored.body, stored.date),
                            EXTRACTOR_VERSION,
                        )
            state.done += len(chunk)
            if progress:
                progress(state)

    def _index_pending(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        """Index every article the library marks as not yet indexed, in large commits."""
        state = Progress("Indexing", 0, self.library.count_unindexed())
        try:
            for chunk in _batched(self.library.iter_articles(only_unindexed=True), INDEX_BATCH):
                self._write_index(chunk)
                state.done += len(chunk)
                if progress:
                    progress(state)
                if cancelled and cancelled():
                    break
        except IndexBusy:
            # Another process holds the index (a second window opening, a second import). The
            # articles are committed and stay marked unindexed: whoever next holds the index
            # indexes them. Raising here killed a running import with a traceback.
            notice = (
                "The search index is busy in another Briefing Reader; some articles will be"
                " searchable once it finishes."
            )
            if notice not in self.notices:
                self.notices.append(notice)
        return state.done

    def _index_docs(self, stored: list[StoredArticle]) -> list[IndexDoc]:
        entities = self.library.entities_for([a.id for a in stored])
        docs = []
        for article in stored:
            facets = facet_values(Extraction(entities=entities.get(article.id, [])))
            docs.append(
                IndexDoc(
                    id=article.id,
                    title=article.title,
                    body=article.body,
                    source=article.source,
                    date=article.date,
                    dateline=article.dateline,
                    people=facets.get("people", []),
                    places=facets.get("places", []),
                    countries=facets.get("countries", []),
                    orgs=facets.get("orgs", []),
                    read=article.read,
                    starred=article.starred,
                )
            )
        return docs

    def _write_index(self, stored: list[StoredArticle]) -> None:
        docs = self._index_docs(stored)
        with self._index_lock:
            self.index.write(docs)
        self.library.mark_indexed([d.id for d in docs])

    def _reindex_ids(self, ids: Iterable[int]) -> None:
        """Bring a few edited articles up to date in the index, without waiting.

        While an import holds the index for a large commit, the articles stay marked as not
        indexed and the import indexes them when it finishes; the GUI thread never waits here.
        """
        if not self._index_lock.acquire(blocking=False):
            return
        try:
            articles = self.library.get_articles(list(ids))
            if articles:
                self._write_index(list(articles.values()))
        except IndexBusy:
            # Another process (a second window, a command-line import) holds the index. The
            # change is committed to the library and marked unindexed; that process's import,
            # or the next open, indexes it. Raising here would report a saved edit as failed.
            self.notices.append(
                "The search index is busy in another Briefing Reader; your change is saved and"
                " will be searchable once that finishes."
            )
        finally:
            self._index_lock.release()

    # -- import ----------------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
        parent_id: int | None = None,
    ) -> ImportReport:
        """Import files and folders; one bad file never stops the batch.

        Files whose size and modification time are unchanged since they were last imported are
        not read again. Each batch is committed to SQLite before it is indexed, so a kill at any
        moment leaves a consistent library whose unindexed tail is indexed at the next open.
        """
        started = time.monotonic()
        report = ImportReport()
        files = list(importers.iter_files([Path(p) for p in paths]))
        total = sum(_estimate_articles(f) for f in files)
        state = Progress("Importing", 0, total)
        pool = ExtractionPool() if total >= POOL_THRESHOLD else None
        # Batches read and sent for extraction but not yet stored; with a pool, several wait
        # here so the child extracts ahead while this process stores and indexes.
        inflight: deque[tuple[list[tuple[Article, str]], list, PendingExtractions | None]] = deque()
        finished_files: list[tuple[str, int, int]] = []

        def store_oldest() -> None:
            batch, jobs, handle = inflight.popleft()
            extractions = (
                pool.result(handle, jobs) if pool and handle is not None else extract_many(jobs)
            )
            self._store_batch(batch, report, parent_id, extractions)
            state.done += len(batch)
            if not inflight and finished_files:
                # A file is remembered only once all its articles are stored, so a kill
                # part-way makes the next import read it again.
                with self.library.transaction() as tx:
                    for entry in finished_files:
                        self.library.remember_file(tx, *entry)
                finished_files.clear()
            if self.library.count_unindexed() >= INDEX_BATCH:
                self._index_pending()
            if progress:
                progress(state)

        def send(batch: list[tuple[Article, str]]) -> None:
            jobs = [
                None if self.library.find_by_hash(digest) else (article.body, _year(article.date))
                for article, digest in batch
            ]
            inflight.append((batch, jobs, pool.submit(jobs) if pool else None))
            while len(inflight) > (MAX_INFLIGHT if pool else 0):
                store_oldest()

        pending: list[tuple[Article, str]] = []
        try:
            for path in files:
                if cancelled and cancelled():
                    report.cancelled = True
                    break
                state.current = str(path)
                try:
                    stat = path.stat()
                except OSError as exc:
                    report.skipped.append(Skipped(str(path), f"unreadable: {exc.strerror or exc}"))
                    continue
                resolved = str(path.resolve())
                if self.library.file_unchanged(resolved, stat.st_size, stat.st_mtime_ns):
                    report.unchanged_files += 1
                    known = self.library.count_from_path(resolved)
                    report.unchanged += known
                    state.done += max(known, 1) if total else 0
                    if progress:
                        progress(state)
                    continue
                for item in importers.read_path(path):
                    if isinstance(item, Skipped):
                        report.skipped.append(item)
                        continue
                    pending.append((item, importers.content_hash(item)))
                    if len(pending) >= BATCH_SIZE:
                        send(pending)
                        pending = []
                        if cancelled and cancelled():
                            report.cancelled = True
                            break
                if report.cancelled:
                    break
                if pending:
                    send(pending)
                    pending = []
                finished_files.append((resolved, stat.st_size, stat.st_mtime_ns))
                if not inflight:
                    with self.library.transaction() as tx:
                        self.library.remember_file(tx, *finished_files.pop())
                if progress:
                    progress(state)
            while inflight:
                if cancelled and cancelled():
                    # Read but not stored: none of it is in the library, so dropping it loses
                    # nothing; the files stay unremembered and are read again next time.
                    report.cancelled = True
                    inflight.clear()
                    break
                store_oldest()
        finally:
            if pool:
                pool.close()
        if self.library.count_unindexed():
            state.stage = "Indexing"
            if progress:
                progress(state)
            self._index_pending()
        report.seconds = time.monotonic() - started
        return report

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
        report = ImportReport()
        started = time.monotonic()
        if not text.strip():
            report.skipped.append(Skipped("<text>", "empty text"))
            return report
        article = importers.read_text_article(text)
        if title:
            article.title = title
        if date:
            article.date = date
        if source:
            article.source = source
        if url:
            article.url = url
        self._store_batch([(article, importers.content_hash(article))], report, None)
        self._reindex_ids(report.article_ids)
        report.seconds = time.monotonic() - started
        return report

    def import_article(self, article: Article) -> ImportReport:
        """Import an Article an outside reader produced (the window's paste dialog)."""
        report = ImportReport()
        if not article.body.strip():
            report.skipped.append(Skipped(article.path or "<text>", "no article text"))
            return report
        self._store_batch([(article, importers.content_hash(article))], report, None)
        self._reindex_ids(report.article_ids)
        return report

    def _store_batch(
        self,
        batch: list[tuple[Article, str]],
        report: ImportReport,
        parent_id: int | None,
        extractions: list[Extraction | None] | None = None,
    ) -> None:
        with self.library.transaction() as tx:
            for n, (article, digest) in enumerate(batch):
                if not article.body.strip():
                    report.skipped.append(Skipped(article.path or "<text>", "no article text"))
                    continue
                existing = self.library.find_by_hash(digest)
                if existing is not None:
                    # Same text already held: no extraction, no index work.
                    result = self.library.upsert_article(
                        tx, article, digest, Extraction(), EXTRACTOR_VERSION
                    )
                else:
                    found = extractions[n] if extractions else None
                    parent = parent_id
                    if parent is None and "parent_origin" in article.extra:
                        # An e-mail attachment: its message was yielded (and stored) just before.
                        parent = self.library.find_by_origin(
                            article.path, article.extra["parent_origin"] or None
                        )
                    result = self.library.upsert_article(
                        tx,
                        article,
                        digest,
                        found or self._extract(article.body, article.date),
                        EXTRACTOR_VERSION,
                        parent_id=parent,
                    )
                if result.status == "unchanged":
                    report.unchanged += 1
                    continue
                if result.status == "duplicate":
                    report.duplicates += 1
                    continue
                if result.status == "imported":
                    report.imported += 1
                else:
                    report.updated += 1
                report.article_ids.append(result.article_id)

    def _extract(self, body: str, date: str | None) -> Extraction:
        return extract(body, year=_year(date))

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
        if "date" in changes and _year(changes["date"]) != before.year:
            # Figures whose sentence names no year take the article's year: extract again so
            # they follow the new date. Corrections are keyed by span and survive this.
            with self.library.transaction() as tx:
                self.library.store_extraction(
                    tx, article_id, self._extract(before.body, changes["date"]), EXTRACTOR_VERSION
                )
        self._reindex_ids([article_id])

    def revert_edit(self, article_id: int, name: str) -> None:
        self.library.revert_edit(article_id, name)
        stored = self.library.get_article(article_id)
        if name == "date" and stored is not None:
            with self.library.transaction() as tx:
                self.library.store_extraction(
                    tx, article_id, self._extract(stored.body, stored.date), EXTRACTOR_VERSION
                )
        self._reindex_ids([article_id])

    def set_read(self, article_id: int, read: bool) -> None:
        self.library.set_flag(article_id, "read", read)
        self._reindex_ids([article_id])

    def set_starred(self, article_id: int, starred: bool) -> None:
        self.library.set_flag(article_id, "starred", starred)
        self._reindex_ids([article_id])

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
        return search(
            self.index,
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
        return summarize(
            self.index,
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


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _estimate_articles(path: Path) -> int:
    """How many articles a file holds, for the progress bar: bulk files are counted by line."""
    name = path.name.lower()
    try:
        if name.endswith(".jsonl.gz"):
            with gzip.open(path, "rb") as handle:
                return sum(1 for _ in handle)
        if name.endswith(".jsonl"):
            with open(path, "rb") as handle:
                return sum(1 for _ in handle)
    except (OSError, EOFError):
        return 1
    return 1


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
]

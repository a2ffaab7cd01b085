"""The import pipeline: files → articles → extraction → store, with the index kept in step.

One `ImportPipeline` is one import. Files are read into articles, articles go in batches to
extraction (a second process for large imports, see pool.py) and, in order, into the store; the
index catches up in large commits. Each batch's texts are looked up in the store once, when it is
sent: a text already held is not extracted again, and the answer travels with the batch.
"""

from __future__ import annotations

import gzip
import os
import time
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.core import articles as importers
from briefing_app.core.dates import year_of
from briefing_app.core.engines import ArticleStore
from briefing_app.core.extract import EXTRACTOR_VERSION, extract
from briefing_app.core.extract.records import Extraction
from briefing_app.core.index.sync import INDEX_BATCH, IndexSync
from briefing_app.core.ingest.pool import (
    POOL_THRESHOLD,
    ExtractionPool,
    Job,
    PendingExtractions,
    extract_many,
)
from briefing_app.core.progress import CancelFn, Progress, ProgressFn
from briefing_app.core.records import Article, Skipped
from briefing_app.core.store import HeldArticle, UpsertResult
from briefing_app.core.wording import counted

# Articles are committed to the store and then indexed in batches: large enough to keep the
# index's per-commit cost small, small enough that a cancel or a kill loses little work.
BATCH_SIZE = 500
# Batches waiting for the extraction process: enough to keep it busy through an index commit.
MAX_INFLIGHT = 8


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
            counted(self.duplicates, "duplicate"),
            f"{len(self.skipped)} skipped",
        ]
        text = ", ".join(parts)
        if self.unchanged_files:
            text += f" ({counted(self.unchanged_files, 'unchanged file')} not read again)"
        if self.cancelled:
            text += " — cancelled; what was imported before the cancel is kept"
        return text


@dataclass
class _Batch:
    """Articles read and sent for extraction; `jobs[n]` is None for a text already known."""

    articles: list[tuple[Article, str]]  # (article, content hash)
    jobs: list[Job | None]
    pending: PendingExtractions | None = None  # the pool's handle, None when extracted here


@dataclass
class _File:
    """A file whose articles have all been read; remembered once they are all stored."""

    path: str
    size: int
    mtime_ns: int


class ImportPipeline:
    """One import into `store`, indexing through `sync`; one bad file never stops the batch."""

    def __init__(
        self,
        store: ArticleStore,
        sync: IndexSync,
        *,
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
        parent_id: int | None = None,
    ) -> None:
        self.store = store
        self.sync = sync
        self.report = ImportReport()
        self._progress = progress
        self._cancelled = cancelled
        self._parent_id = parent_id
        self._state = Progress("Importing", 0, 0)
        self._pool: ExtractionPool | None = None
        # Batches sent for extraction but not yet stored; with a pool, several wait here so the
        # child extracts ahead while this process stores and indexes.
        self._inflight: deque[_Batch] = deque()
        self._finished: list[_File] = []
        # Texts known in this import, by hash: held by the store (as found, or as this import
        # stored them), or None while a batch sent earlier carries the first copy.
        self._known: dict[str, HeldArticle | None] = {}

    # -- files -----------------------------------------------------------------------------------

    def run(self, paths: Iterable[str | os.PathLike[str]]) -> ImportReport:
        """Import files and folders. Files whose size and modification time are unchanged
        since they were last imported are not read again. Each batch is committed to the store
        before it is indexed, so a kill at any moment leaves a consistent library whose
        unindexed tail is indexed at the next open."""
        started = time.monotonic()
        files = list(importers.iter_files([Path(p) for p in paths]))
        self._state.total = sum(_estimate_articles(f) for f in files)
        if self._state.total >= POOL_THRESHOLD:
            self._pool = ExtractionPool()
        try:
            for path in files:
                if self._is_cancelled():
                    break
                self._import_file(path)
                if self.report.cancelled:
                    break
            while self._inflight:
                if self._is_cancelled():
                    # Read but not stored: none of it is in the store, so dropping it loses
                    # nothing; the files stay unremembered and are read again next time.
                    self._inflight.clear()
                    break
                self._store_oldest()
        finally:
            if self._pool:
                self._pool.close()
        if self.store.count_unindexed():
            self._state.stage = "Indexing"
            self._report_progress()
            self.sync.catch_up()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _import_file(self, path: Path) -> None:
        report, state = self.report, self._state
        state.current = str(path)
        try:
            stat = path.stat()
        except OSError as exc:
            report.skipped.append(Skipped(str(path), f"unreadable: {exc.strerror or exc}"))
            return
        resolved = str(path.resolve())
        if self.store.file_unchanged(resolved, stat.st_size, stat.st_mtime_ns):
            report.unchanged_files += 1
            known = self.store.count_from_path(resolved)
            report.unchanged += known
            state.done += max(known, 1) if state.total else 0
            self._report_progress()
            return
        pending: list[tuple[Article, str]] = []
        for item in importers.read_path(path):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            pending.append((item, importers.content_hash(item)))
            if len(pending) >= BATCH_SIZE:
                self._send(pending)
                pending = []
                if self._is_cancelled():
                    return
        if pending:
            self._send(pending)
        self._finished.append(_File(resolved, stat.st_size, stat.st_mtime_ns))
        if not self._inflight:
            self._remember_finished()
        self._report_progress()

    # -- batches ---------------------------------------------------------------------------------

    def _send(self, articles: list[tuple[Article, str]]) -> None:
        jobs = self._look_up(articles)
        batch = _Batch(articles, jobs, self._pool.submit(jobs) if self._pool else None)
        self._inflight.append(batch)
        while len(self._inflight) > (MAX_INFLIGHT if self._pool else 0):
            self._store_oldest()

    def _look_up(self, articles: Sequence[tuple[Article, str]]) -> list[Job | None]:
        """What to extract: each text not already known, once (one store query per batch)."""
        unknown = dict.fromkeys(digest for _, digest in articles if digest not in self._known)
        self._known.update(self.store.held_articles(list(unknown)))
        jobs: list[Job | None] = []
        for article, digest in articles:
            if digest in self._known:
                jobs.append(None)
            else:
                self._known[digest] = None  # this batch carries the first copy
                jobs.append((article.body, year_of(article.date)))
        return jobs

    def _store_oldest(self) -> None:
        batch = self._inflight.popleft()
        if self._pool and batch.pending is not None:
            extractions = self._pool.result(batch.pending, batch.jobs)
        else:
            extractions = extract_many(batch.jobs)
        self._store(batch.articles, batch.jobs, extractions)
        self._state.done += len(batch.articles)
        if not self._inflight:
            self._remember_finished()
        if self.store.count_unindexed() >= INDEX_BATCH:
            self.sync.catch_up()
        self._report_progress()

    def _remember_finished(self) -> None:
        # A file is remembered only once all its articles are stored, so a kill part-way
        # makes the next import read it again.
        if not self._finished:
            return
        with self.store.transaction():
            for done in self._finished:
                self.store.remember_file(done.path, done.size, done.mtime_ns)
        self._finished.clear()

    def _store(
        self,
        articles: Sequence[tuple[Article, str]],
        jobs: Sequence[Job | None],
        extractions: Sequence[Extraction | None],
    ) -> None:
        """Store a batch in one unit of work and count what happened to each article."""
        with self.store.transaction():
            for (article, digest), job, found in zip(articles, jobs, extractions, strict=True):
                if not article.body.strip():
                    self.report.skipped.append(Skipped(article.path or "<text>", "no article text"))
                    continue
                if job is not None:
                    result = self._store_new(article, digest, found or extract(job[0], year=job[1]))
                else:
                    result = self._record_seen(article, digest)
                self._count(result)

    def _store_new(self, article: Article, digest: str, extraction: Extraction) -> UpsertResult:
        parent = self._parent_id
        if parent is None and "parent_origin" in article.extra:
            # An e-mail attachment: its message was yielded (and stored) just before.
            parent = self.store.find_by_origin(article.path, article.extra["parent_origin"] or None)
        result = self.store.store_new(
            article, digest, extraction, EXTRACTOR_VERSION, parent_id=parent
        )
        if result.status in ("imported", "updated"):
            self._known[digest] = HeldArticle(result.article_id, article.path, article.origin)
        return result

    def _record_seen(self, article: Article, digest: str) -> UpsertResult:
        held = self._known.get(digest)
        if held is None:
            # The first copy was stored as a duplicate of a text another process stored
            # meanwhile (or was empty): ask the store, which knows.
            return self.store.upsert_article(article, digest, Extraction(), EXTRACTOR_VERSION)
        return self.store.record_seen(held, article)

    def _count(self, result: UpsertResult) -> None:
        report = self.report
        if result.status == "unchanged":
            report.unchanged += 1
        elif result.status == "duplicate":
            report.duplicates += 1
        else:
            if result.status == "imported":
                report.imported += 1
            else:
                report.updated += 1
            report.article_ids.append(result.article_id)

    # -- one article (standard input, the clipboard, the paste dialog) ---------------------------

    def store_article(self, article: Article) -> ImportReport:
        """Store one article read elsewhere, extracting it here; the caller indexes it."""
        batch = [(article, importers.content_hash(article))]
        jobs = self._look_up(batch)
        self._store(batch, jobs, extract_many(jobs))
        return self.report

    # -- progress and cancel ---------------------------------------------------------------------

    def _is_cancelled(self) -> bool:
        if self._cancelled is not None and self._cancelled():
            self.report.cancelled = True
        return self.report.cancelled

    def _report_progress(self) -> None:
        if self._progress:
            self._progress(self._state)


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

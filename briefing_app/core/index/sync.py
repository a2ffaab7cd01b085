"""Keeping the search index in step with the store: what to index, when, and repair on open.

The store marks every changed article "not indexed"; this writes those articles to the index in
large commits and then marks them indexed, so a kill between the two only means indexing them
again. It works on any `ArticleStore` and `SearchEngine` (core/engines.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from briefing_app.core.engines import ArticleStore, IndexBusy, IndexDamaged, SearchEngine
from briefing_app.core.extract import facet_values
from briefing_app.core.extract.records import Extraction
from briefing_app.core.index.documents import IndexDoc
from briefing_app.core.progress import CancelFn, Progress, ProgressFn
from briefing_app.core.store.records import StoredArticle

# Articles read from the store at once for a rebuild.
READ_BATCH = 500
# Whoosh pays per commit (a new segment, then merges): index in large commits during an import.
# The store marks what is not yet indexed, so a kill between commits loses no article.
INDEX_BATCH = 5000

BUSY_NOTICE = (
    "The search index is busy in another Briefing Reader; some articles will be"
    " searchable once it finishes."
)
BUSY_EDIT_NOTICE = (
    "The search index is busy in another Briefing Reader; your change is saved and"
    " will be searchable once that finishes."
)

_T = TypeVar("_T")


def open_in_step(
    store: ArticleStore, open_index: Callable[[], SearchEngine], destroy: Callable[[], None]
) -> tuple[SearchEngine, bool, list[str]]:
    """Open the index and check it against the store: (index, needs a rebuild, notices).

    A damaged index is destroyed and created anew; one that is incomplete, from another
    version, or holds a number of articles the store cannot explain is to be rebuilt."""
    notices: list[str] = []
    try:
        index = open_index()
        rebuild = index.needs_rebuild() and store.count() > 0
        if index.needs_rebuild() and store.count() == 0:
            # An empty library's index is complete as it stands. Unless it is marked so,
            # the index the first import builds is never "complete" and every later open
            # rebuilds all of it (95 s for the Reuters corpus).
            index.rebuild(())
        indexed_at_least = store.count() - store.count_unindexed()
        if not rebuild and not indexed_at_least <= index.doc_count() <= store.count():
            rebuild = True
            notices.append("The search index did not match the library; rebuilding it.")
    except IndexDamaged as exc:
        notices.append(f"The search index was damaged ({exc}); rebuilding it from the library.")
        destroy()
        index = open_index()
        rebuild = store.count() > 0
    if rebuild:
        store.mark_all_unindexed()
        if not notices:  # a damaged or mismatched index has said why already
            reason = index.rebuild_reason or "The search index is incomplete"
            notices.append(f"{reason}; rebuilding it from the library.")
    return index, rebuild, notices


class IndexSync:
    """Writes what the store marks unindexed to the index; one writer at a time per process."""

    def __init__(self, store: ArticleStore, index: SearchEngine, notices: list[str]) -> None:
        self.store = store
        self.index = index
        self.notices = notices  # the Workspace's: what the user is told
        # The notices given because another program held the index (see Workspace.busy_notices).
        self.busy: list[str] = []
        self.lock = threading.RLock()

    def docs(self, stored: list[StoredArticle]) -> list[IndexDoc]:
        """The index's view of these articles: text, metadata, entity facets, flags."""
        entities = self.store.entities_for([a.id for a in stored])
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

    def write(self, stored: list[StoredArticle]) -> None:
        docs = self.docs(stored)
        with self.lock:
            self.index.write(docs)
        self.store.mark_indexed([d.id for d in docs])

    def rebuild(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        """Rebuild the whole index from the store in one commit; returns articles indexed.

        Searches see the old index until the commit; a cancel leaves the old index in place.
        """
        self.store.mark_all_unindexed()
        state = Progress("Indexing", 0, self.store.count())
        indexed: list[int] = []

        def docs() -> Iterator[IndexDoc]:
            for chunk in batched(self.store.iter_articles(), READ_BATCH):
                for doc in self.docs(chunk):
                    indexed.append(doc.id)
                    yield doc

        def report(done: int) -> None:
            state.done = done
            if progress:
                progress(state)

        with self.lock:
            self.index.rebuild(docs(), progress=report, cancelled=cancelled)
        if cancelled and cancelled():
            return 0
        self.store.mark_indexed(indexed)
        return len(indexed)

    def catch_up(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        """Index every article the store marks as not yet indexed, in large commits."""
        state = Progress("Indexing", 0, self.store.count_unindexed())
        try:
            for chunk in batched(self.store.iter_articles(only_unindexed=True), INDEX_BATCH):
                self.write(chunk)
                state.done += len(chunk)
                if progress:
                    progress(state)
                if cancelled and cancelled():
                    break
        except IndexBusy:
            # Another process holds the index (a second window opening, a second import). The
            # articles are committed and stay marked unindexed: whoever next holds the index
            # indexes them. Raising here killed a running import with a traceback.
            self._tell(BUSY_NOTICE)
        return state.done

    def refresh(self, ids: Iterable[int]) -> None:
        """Bring a few edited articles up to date in the index, without waiting.

        While an import holds the index for a large commit, the articles stay marked as not
        indexed and the import indexes them when it finishes; the GUI thread never waits here.
        """
        if not self.lock.acquire(blocking=False):
            return
        try:
            articles = self.store.get_articles(list(ids))
            if articles:
                self.write(list(articles.values()))
        except IndexBusy:
            # Another process (a second window, a command-line import) holds the index. The
            # change is committed to the store and marked unindexed; that process's import,
            # or the next open, indexes it. Raising here would report a saved edit as failed.
            self._tell(BUSY_EDIT_NOTICE, again=True)
        finally:
            self.lock.release()

    def _tell(self, notice: str, *, again: bool = False) -> None:
        # Each edit that waits is told (again); a waiting import once.
        if again or notice not in self.notices:
            self.notices.append(notice)
        if notice not in self.busy:
            self.busy.append(notice)


def batched(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """`items` in lists of `size` (the last may be shorter)."""
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

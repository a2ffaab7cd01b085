"""The index in one folder: opening it (or finding it damaged), writing it, rebuilding it."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from whoosh import fields, index, writing
from whoosh.index import LockError
from whoosh.searching import Searcher

from briefing_app.core.engines import IndexBusy, IndexDamaged
from briefing_app.core.index.documents import IndexDoc, to_fields
from briefing_app.core.index.schema import SCHEMA_VERSION, analyzer_stamp, make_schema

INDEX_NAME = "MAIN"
_STATE_FILE = "briefing-index.json"

DEFAULT_LOCK_TIMEOUT = 10.0
_BATCH_PROGRESS = 250  # documents between progress/cancel checks during a rebuild


class SearchIndex:
    """The index in one folder. Search it with core/query; write it from the library.

    Each thread searches with a searcher of its own, kept between searches and replaced when
    the index has changed (opening one costs 10-30 ms, checking that it is current well under one),
    so one thread may search while another writes: a search sees the index as of the last
    commit. Writes are serialised within the process by a lock and across processes by
    Whoosh's write lock.
    """

    def __init__(self, folder: Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.folder = Path(folder)
        self.lock_timeout = lock_timeout
        self._write_lock = threading.Lock()
        # Each thread's searcher by thread id. Not threading.local: a thread Qt's pool started
        # gets a new Python thread state for each job, and its thread-local values with it.
        self._searchers: dict[int, Searcher] = {}
        self._searchers_lock = threading.Lock()
        self._created = False
        self._schema = make_schema()
        self.folder.mkdir(parents=True, exist_ok=True)
        state = self._read_state()
        # Any table of contents means an index is here, readable or not (exists_in would
        # raise on a damaged one instead of answering).
        # Why a rebuild is needed, in words the user is told; "" while none is.
        self.rebuild_reason = ""
        if not any(self.folder.glob(f"_{INDEX_NAME}_*.toc")):
            self._create()
            self.rebuild_reason = "The search index is missing"
        elif state.get("schema") != SCHEMA_VERSION or state.get("analyzer") != self._stamp():
            # Derived data in an older layout, or words cut another way (a query would not find
            # what the old analyzer indexed): start afresh and let the caller rebuild.
            self._create()
            self.rebuild_reason = "The search index was written by an older version"
        else:
            self._ix = self._open()
            if not state.get("complete", False):
                self.rebuild_reason = "The last rebuild of the search index did not finish"

    # Opening

    def _open(self) -> index.Index:
        try:
            ix = index.open_dir(str(self.folder), indexname=INDEX_NAME, schema=self._schema)
            # Opening reads only the table of contents; touch every segment so that a missing
            # or truncated file is found now and not in the middle of a search.
            with ix.reader() as reader:
                for leaf, _ in reader.leaf_readers():
                    count = leaf.doc_count_all()
                    if count:
                        leaf.stored_fields(count - 1)
                        for name in ("title", "body"):
                            list(islice(leaf.lexicon(name), 5))
                        leaf.column_reader("facets")[count - 1]
        except Exception as exc:  # any failure here means the files cannot be trusted
            raise IndexDamaged(
                f"The search index in {self.folder} is damaged and cannot be read "
                f"({type(exc).__name__}: {exc}). It can be deleted and rebuilt from the library."
            ) from exc
        return ix

    def _create(self) -> None:
        self._ix = index.create_in(str(self.folder), self._schema, indexname=INDEX_NAME)
        self._created = True
        self._write_state(complete=False)

    def _state_path(self) -> Path:
        return self.folder / _STATE_FILE

    def _read_state(self) -> dict:
        try:
            return json.loads(self._state_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _stamp(self) -> str:
        return analyzer_stamp(self._schema["body"].analyzer)

    def _write_state(self, *, complete: bool) -> None:
        tmp = self._state_path().with_suffix(".tmp")
        state = {"schema": SCHEMA_VERSION, "analyzer": self._stamp(), "complete": complete}
        tmp.write_text(json.dumps(state), "utf-8")
        os.replace(tmp, self._state_path())

    # Public

    def needs_rebuild(self) -> bool:
        """True when the index was just created empty (absent, another schema version or
        another text analyzer) or the last rebuild did not finish; the caller should then rebuild() from the library."""
        return self._created or not self._read_state().get("complete", False)

    def doc_count(self) -> int:
        return self._ix.doc_count()

    def close(self) -> None:
        with self._searchers_lock:
            for searcher in self._searchers.values():
                searcher.close()
            self._searchers.clear()
        self._ix.close()

    @staticmethod
    def destroy(folder: Path) -> None:
        """Delete an index folder (a damaged one, typically) so a new one can be built."""
        shutil.rmtree(folder, ignore_errors=True)

    def write(self, docs: Iterable[IndexDoc], *, delete_ids: Iterable[int] = ()) -> None:
        """Add or replace docs (by id) and delete delete_ids, in one commit."""
        with self._writer() as writer:
            for doc_id in delete_ids:
                writer.delete_by_term("id", str(int(doc_id)))
            # update_document looks the id up first; skip that on an empty index (first import).
            add = writer.add_document if self._ix.is_empty() else writer.update_document
            # update_document only replaces committed documents: an id twice in one batch
            # would be indexed twice, so the last version wins here.
            for doc in {doc.id: doc for doc in docs}.values():
                add(**to_fields(doc))

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Replace the whole index by docs. Searches see the old index until the single commit
        at the end; when cancelled, the old index stays as it was (and needs_rebuild stays)."""
        done = 0
        try:
            with self._writer(mergetype=writing.CLEAR) as writer:
                # Until the commit below, a crash leaves a half-built index: say so on disk.
                self._write_state(complete=False)
                for doc in docs:
                    writer.add_document(**to_fields(doc))
                    done += 1
                    if done % _BATCH_PROGRESS == 0:
                        if cancelled is not None and cancelled():
                            raise _Cancelled
                        if progress is not None:
                            progress(done)
                if cancelled is not None and cancelled():
                    raise _Cancelled
        except _Cancelled:
            return
        self._write_state(complete=True)
        self._created = False
        if progress is not None:
            progress(done)

    # Internals for core/query: the only other code that touches Whoosh objects.

    def searcher(self) -> Searcher:
        """A fresh searcher on the latest commit; close it when done (use `with`)."""
        return self._ix.searcher()

    def current_searcher(self) -> Searcher:
        """This thread's searcher, on the latest commit; do not close it.

        Whoosh searchers are not shared between threads (they read through open files), so
        each thread keeps its own and opens a new one after a commit. Not Searcher.refresh():
        its reader reuse keeps segments the commit merged away and misses new deletions.
        A commit while a search runs may delete files the searcher has yet to open: core/query
        runs such a search again (see query.search._read).
        """
        thread = threading.get_ident()
        with self._searchers_lock:
            old = self._searchers.get(thread)
        if old is not None and not old.is_closed and old.up_to_date():
            return old
        if old is not None:
            old.close()  # first, so that two searchers' buffers never coexist
        fresh = self._ix.searcher()
        with self._searchers_lock:
            self._searchers[thread] = fresh
        return fresh

    def forget_searcher(self) -> None:
        """Drop this thread's searcher (after a read failed: the next search opens afresh)."""
        with self._searchers_lock:
            old = self._searchers.pop(threading.get_ident(), None)
        if old is not None:
            try:
                old.close()
            except Exception:  # a damaged index may fail to close; it is dropped either way
                pass

    @property
    def schema(self) -> fields.Schema:
        # Not self._ix.schema: that reads the newest table of contents from disk each time, and
        # a writer in another thread may delete it in between (FileNotFoundError mid-search).
        return self._schema

    @contextmanager
    def _writer(self, mergetype: object = None) -> Iterator[writing.SegmentWriter]:
        if not self._write_lock.acquire(timeout=self.lock_timeout):
            raise IndexBusy("The search index is being written by another task; try again later.")
        try:
            self._remove_dead_temp_dirs()
            try:
                # Whoosh's lock is an fcntl/msvcrt lock on the WRITELOCK file: the system drops
                # it when its holder dies, so a file left by a killed writer does not block us;
                # only a live writer does, and the timeout turns that into a readable error.
                writer = self._ix.writer(
                    procs=1,
                    limitmb=256,
                    timeout=self.lock_timeout,
                    delay=0.05,
                    # Segments as separate files, not one compound file: every searcher copies a
                    # compound segment into memory (420 MB and 80-200 ms to open at 94,000
                    # articles); separate files are read in place (0.3 ms, a few MB).
                    compound=False,
                )
            except LockError as exc:
                raise IndexBusy(
                    "The library is being written by another process (the search index is "
                    "locked). Close the other Briefing Reader and try again."
                ) from exc
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            try:
                if mergetype is not None:
                    writer.commit(mergetype=mergetype)
                else:
                    writer.commit()
            except BaseException:
                # A failed commit keeps Whoosh's lock until cancelled; every later write in
                # this process would then report "written by another process".
                writer.cancel()
                raise
        finally:
            self._write_lock.release()

    def _remove_dead_temp_dirs(self) -> None:
        # A writer killed mid-batch leaves its sorting pool (the "MAIN.tmp" folder) behind, and
        # the next writer would reuse the folder. Clear it only while holding the write lock,
        # so that it cannot belong to a live writer.
        leftovers = [p for p in self.folder.glob("*.tmp") if p.is_dir()]
        if not leftovers:
            return
        lock = self._ix.lock("WRITELOCK")
        if not lock.acquire(False):
            return
        try:
            for path in leftovers:
                shutil.rmtree(path, ignore_errors=True)
        finally:
            lock.release()


class _Cancelled(Exception):
    pass

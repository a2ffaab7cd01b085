"""Extraction in a second process during large imports, so it overlaps with indexing.

Whoosh indexing and extraction are both pure Python and hold the GIL; on a machine with two or
more cores a large import finishes sooner when extraction runs in a child process while the
parent stores and indexes. Small imports extract in-process: starting a child costs a second.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from briefing_app.core.extract import extract
from briefing_app.core.extract.records import Extraction

# Below this many articles an import extracts in its own process.
POOL_THRESHOLD = 2000

Job = tuple[str, "int | None"]  # (body, article year)
# A batch's extractions: a future while the child works on it, the list when done in-process.
PendingExtractions = Future | list[Extraction | None]


def extract_many(jobs: Sequence[Job | None]) -> list[Extraction | None]:
    """Extract each (body, year); None entries (articles already held) stay None."""
    return [None if job is None else extract(job[0], year=job[1]) for job in jobs]


class ExtractionPool:
    """One child process that extracts batches; falls back to in-process work if it breaks."""

    def __init__(self) -> None:
        # "spawn" everywhere: forking a process that runs Qt threads can deadlock in the child.
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn")
        )

    def submit(self, jobs: list[Job | None]) -> PendingExtractions:
        if self._executor is not None:
            try:
                return self._executor.submit(extract_many, jobs)
            except (BrokenProcessPool, RuntimeError, OSError):
                self._executor = None
        return extract_many(jobs)

    def result(
        self, pending: PendingExtractions, jobs: list[Job | None]
    ) -> list[Extraction | None]:
        if isinstance(pending, list):
            return pending
        try:
            return pending.result()
        except (BrokenProcessPool, OSError):
            self._executor = None
            return extract_many(jobs)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

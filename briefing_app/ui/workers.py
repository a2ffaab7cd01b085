"""Long jobs off the GUI thread: a thread pool runs them, signals bring progress and results back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from briefing_app.core.workspace import Progress

# What a job body receives: report progress, and ask whether the user cancelled.
JobBody = Callable[[Callable[["Progress"], None], Callable[[], bool]], Any]


class Job(QObject):
    """One long operation (import, re-index, an edit) run in a pool with progress and cancel.

    The signals are emitted from the worker thread; because this object lives in the GUI
    thread, Qt queues them there, so slots can touch widgets.
    """

    progress = Signal(object)  # Progress
    finished = Signal(object)  # whatever the body returned
    failed = Signal(str)  # a message a person can read

    def __init__(self, title: str, body: JobBody, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._body = body
        self._cancel = threading.Event()
        self.done = False

    def start(self, pool: QThreadPool | None = None) -> Job:
        (pool or QThreadPool.globalInstance()).start(_Runner(self._run))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self._body(self.progress.emit, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user, not kill a thread
            # The user sees one sentence; the log keeps the traceback.
            log.error("a background job failed", exc_info=True)
            self.done = True
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.done = True
        self.finished.emit(result)


class LatestOnly(QObject):
    """Runs a function in the pool and delivers only the newest request's result.

    Typing fires a search per pause; an older search that finishes after a newer one was asked
    for is stale and must never overwrite what the user sees, and one still waiting for a
    thread when a newer one is asked for is not run at all.
    """

    finished = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._pool = pool or QThreadPool.globalInstance()
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._deliver)
        self.pending = False

    def submit(self, fn: Callable[[], Any]) -> int:
        self._generation += 1
        generation = self._generation
        self.pending = True
        bridge = self._bridge

        def run() -> None:
            if generation != self._generation:
                return  # superseded while it waited for a thread: never started
            try:
                outcome = (True, fn())
            except Exception as exc:  # noqa: BLE001 - handed to the GUI thread to show
                log.debug("a background call failed", exc_info=True)
                outcome = (False, exc)
            bridge.done.emit(generation, outcome)

        self._pool.start(_Runner(run))
        return generation

    def _deliver(self, generation: int, outcome: tuple[bool, object]) -> None:
        if generation != self._generation:
            return  # stale
        self.pending = False
        ok, value = outcome
        (self.finished if ok else self.failed).emit(value)


class _Bridge(QObject):
    # No bool argument: PySide6 6.12 mis-counts references to True/False passed through a
    # queued (cross-thread) signal, which crashes the interpreter at exit.
    done = Signal(int, object)  # generation, (ok, result or exception)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        self._fn()

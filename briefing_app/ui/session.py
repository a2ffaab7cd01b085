"""The open library as the window sees it: the Workspace plus signals that say what changed.

Every change a view makes (read, star, edit, correct a figure, import, re-index) goes through
here, runs off the GUI thread, and ends in a signal every other view listens to, so the
results list, reader, highlights and chart all follow at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from briefing_app.ui.team_role import Rights, rights_of
from briefing_app.ui.workers import Job

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace


class Session(QObject):
    articleChanged = Signal(int)  # title/date/source of one article
    flagsChanged = Signal(int)  # read/starred of one article: lists follow, the chart need not
    figuresChanged = Signal(int)  # an article's figures (correction, re-extraction after a date)
    libraryChanged = Signal()  # many articles at once: import, re-index, maintenance
    jobStarted = Signal(object)  # Job, for the status bar's progress and Cancel
    error = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        # What the connected person may do (everything on a local library): views grey out
        # the rest rather than let the server refuse a click.
        self.rights: Rights = rights_of(workspace)
        # Edits are small but may wait for the index's write lock while an import holds it;
        # one serial thread keeps them in order and keeps that wait off the GUI thread.
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._jobs: list[Job] = []

    # -- small edits ----------------------------------------------------------------------------

    def set_read(self, article_id: int, read: bool) -> Job:
        return self._edit(
            "Marking read",
            lambda: self.workspace.set_read(article_id, read),
            article_id,
            signal=self.flagsChanged,
        )

    def set_starred(self, article_id: int, starred: bool) -> Job:
        return self._edit(
            "Starring",
            lambda: self.workspace.set_starred(article_id, starred),
            article_id,
            signal=self.flagsChanged,
        )

    def edit_article(self, article_id: int, **changes: str | None) -> Job:
        return self._edit(
            "Saving article",
            lambda: self.workspace.edit_article(article_id, **changes),
            article_id,
            # A new date re-extracts figures that take the article's year.
            figures="date" in changes,
        )

    def correct_figure(self, article_id: int, key: str, **changes: Any) -> Job:
        return self._edit(
            "Correcting figure",
            lambda: self.workspace.correct_figure(article_id, key, **changes),
            article_id,
            figures=True,
        )

    def clear_correction(self, article_id: int, key: str) -> Job:
        return self._edit(
            "Reverting correction",
            lambda: self.workspace.clear_correction(article_id, key),
            article_id,
            figures=True,
        )

    def _edit(
        self,
        title: str,
        action: Callable[[], None],
        article_id: int,
        *,
        figures: bool = False,
        signal: Any = None,
    ) -> Job:
        job = Job(title, lambda _progress, _cancelled: action(), self)
        changed = signal or self.articleChanged

        def done(_result: object) -> None:
            changed.emit(article_id)
            if figures:
                self.figuresChanged.emit(article_id)

        job.finished.connect(done)
        job.failed.connect(self.error)
        return self._start(job, self._writes, announce=False)

    # -- long jobs --------------------------------------------------------------------------------

    def import_paths(self, paths: Sequence[str]) -> Job:
        job = Job(
            "Importing",
            lambda progress, cancelled: self.workspace.import_paths(
                list(paths), progress=progress, cancelled=cancelled
            ),
            self,
        )
        job.finished.connect(lambda _report: self.libraryChanged.emit())
        return self._start(job, self._writes)

    def reindex(self) -> Job:
        job = Job(
            "Re-indexing",
            lambda progress, cancelled: self.workspace.reindex(
                progress=progress, cancelled=cancelled
            ),
            self,
        )
        job.finished.connect(lambda _count: self.libraryChanged.emit())
        return self._start(job, self._writes)

    def maintain(self) -> Job:
        job = Job(
            "Updating the index",
            lambda progress, cancelled: self.workspace.run_maintenance(
                progress=progress, cancelled=cancelled
            ),
            self,
        )
        job.finished.connect(lambda _none: self.libraryChanged.emit())
        return self._start(job, self._writes)

    def _start(self, job: Job, pool: QThreadPool, *, announce: bool = True) -> Job:
        self._jobs.append(job)
        job.finished.connect(lambda _r, j=job: self._forget(j))
        job.failed.connect(lambda _m, j=job: self._forget(j))
        if announce:
            self.jobStarted.emit(job)
        return job.start(pool)

    def _forget(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def shutdown(self, timeout_ms: int = 15000) -> None:
        """Cancel running jobs, wait for them, then close the library (the window is closing)."""
        for job in list(self._jobs):
            job.cancel()
        self._writes.waitForDone(timeout_ms)
        QThreadPool.globalInstance().waitForDone(timeout_ms)
        self.workspace.close()

"""The door (`Workspace`) on a team library: the team store and search in place of SQLite and
Whoosh, with everything else (import pipeline, extraction, figures, briefings) shared.

There is no index to keep in step: the server computes each article's full-text vector in the
transaction that stores it, so the index catch-up and rebuild of the local library fall away.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from psycopg import errors

from briefing_app.core.extract.records import Extraction
from briefing_app.core.index.sync import IndexSync
from briefing_app.core.ingest import ImportPipeline
from briefing_app.core.ingest.pool import Job
from briefing_app.core.progress import CancelFn, ProgressFn
from briefing_app.core.records import Article
from briefing_app.core.team.location import shown_url
from briefing_app.core.team.roles import Permissions, permissions
from briefing_app.core.team.search import TeamSearch
from briefing_app.core.team.settings import TeamLibraryError
from briefing_app.core.team.store import TeamStore
from briefing_app.core.workspace import Workspace

# A batch that lost a race with another importer (a deadlock the server broke, or the same new
# text inserted by both) is rolled back whole and stored again: the second time it finds the
# other's rows. More attempts than this means something else is wrong.
_BATCH_ATTEMPTS = 5
_RACES = (errors.DeadlockDetected, errors.UniqueViolation, errors.SerializationFailure)

_F = TypeVar("_F", bound=Callable[..., Any])


def _needs(what: str) -> Callable[[_F], _F]:
    """A change the connected role may be refused: the server's refusal becomes one sentence."""

    def wrap(method: _F) -> _F:
        @functools.wraps(method)
        def checked(self: TeamWorkspace, *args: Any, **kwargs: Any) -> Any:
            with self._refused_as(what):
                return method(self, *args, **kwargs)

        return checked  # type: ignore[return-value]

    return wrap


class _ServerIndexed(IndexSync):
    """The index sync of a library whose server indexes each row as it stores it: every
    article is searchable once committed, so there is never anything to write or rebuild."""

    def catch_up(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        return 0

    def rebuild(
        self, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
    ) -> int:
        return self.index.doc_count()

    def refresh(self, ids: Iterable[int]) -> None:
        pass


class _RetryingPipeline(ImportPipeline):
    """The import pipeline on a shared server: a batch that raced another importer is rolled
    back whole and stored again; a lost connection is said in one sentence."""

    def _store(
        self,
        articles: Sequence[tuple[Article, str]],
        jobs: Sequence[Job | None],
        extractions: Sequence[Extraction | None],
    ) -> None:
        report = self.report
        counts = (report.imported, report.updated, report.unchanged, report.duplicates)
        skipped, ids = len(report.skipped), len(report.article_ids)
        known = {digest: self._known.get(digest) for _, digest in articles}
        for attempt in range(_BATCH_ATTEMPTS):
            try:
                super()._store(articles, jobs, extractions)
                return
            except _RACES:
                if attempt + 1 == _BATCH_ATTEMPTS:
                    raise
                # The transaction rolled back whole: forget what it counted and what it
                # stored, then retry.
                report.imported, report.updated, report.unchanged, report.duplicates = counts
                del report.skipped[skipped:]
                del report.article_ids[ids:]
                self._known.update(known)
                time.sleep(0.05 * (attempt + 1))
            except psycopg.OperationalError as exc:
                location = getattr(self.store, "location", "the server")
                raise TeamLibraryError(
                    f"The connection to the team library at {location} was lost ({exc})."
                ) from exc


class TeamWorkspace(Workspace):
    """An open team library behind the same interface as a local one."""

    pipeline = _RetryingPipeline

    def __init__(self, url: str, store: TeamStore, search: TeamSearch) -> None:
        # Workspace keeps a folder for messages and the window's title: the URL without password.
        super().__init__(Path(shown_url(url)), store, search)
        self.location = shown_url(url)
        self._sync = _ServerIndexed(store, search, self.notices)
        self.store = store
        self.permissions: Permissions = permissions(store)

    @classmethod
    def open_url(cls, url: str, *, create: bool = True) -> TeamWorkspace:
        """Open the team library at `url`; TeamLibraryError in one sentence when it cannot be."""
        store = TeamStore(url, create=create)
        return cls(url, store, TeamSearch(store))

    @contextmanager
    def _refused_as(self, what: str) -> Iterator[None]:
        try:
            yield
        except errors.InsufficientPrivilege as exc:
            raise TeamLibraryError(
                f"{self.permissions.user} may not {what} in the team library at {self.location};"
                " its administrator grants that."
            ) from exc

    # -- changes the server may refuse the connected role (roles.py) ---------------------------

    import_paths = _needs("import articles")(Workspace.import_paths)
    import_text = _needs("import articles")(Workspace.import_text)
    import_article = _needs("import articles")(Workspace.import_article)
    edit_article = _needs("edit articles")(Workspace.edit_article)
    revert_edit = _needs("edit articles")(Workspace.revert_edit)
    correct_figure = _needs("correct figures")(Workspace.correct_figure)
    clear_correction = _needs("correct figures")(Workspace.clear_correction)
    store_briefing = _needs("save briefings")(Workspace.store_briefing)
    rename_briefing = _needs("rename briefings")(Workspace.rename_briefing)
    delete_briefing = _needs("delete briefings")(Workspace.delete_briefing)
    watch_folder = _needs("watch folders")(Workspace.watch_folder)
    unwatch_folder = _needs("watch folders")(Workspace.unwatch_folder)

    def briefing_owner(self, name: str) -> str | None:
        """Who first saved the shared briefing `name`."""
        return self.store.briefing_owner(name)

    def stats(self) -> dict[str, object]:
        stats = super().stats()
        stats["library"] = self.location
        stats["user"] = self.store.user()
        return stats

"""`briefing team push`: copy a local library into a team library, resumable and idempotent.

Articles go over in batches of the local library's id order, each batch in one transaction
with its extraction (as the local library holds it: nothing is extracted again), edits, figure
corrections and the pushing person's reading state. After each batch the team library records
how far this local library got, so an interrupted push resumes there; and since every write is
keyed (content hash, field, figure key, briefing name) pushing twice adds nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from psycopg import errors

from briefing_app.core.extract import EXTRACTOR_VERSION
from briefing_app.core.extract.records import Extraction
from briefing_app.core.records import Article
from briefing_app.core.store import CORRECTABLE_FIELDS, Library, StoredArticle
from briefing_app.core.team.errors import TeamLibraryError
from briefing_app.core.team.store import TeamStore
from briefing_app.core.wording import counted

BATCH = 200


@dataclass
class PushReport:
    articles: int = 0  # new to the team library
    already: int = 0  # the team library held the same text
    briefings: int = 0
    resumed_after: int = 0  # local id the push resumed after (0: from the start)
    sent_before: int = 0  # articles an earlier push of this library had sent

    def summary(self) -> str:
        briefings = counted(self.briefings, "briefing")
        if self.sent_before and not (self.articles or self.already):
            return (
                f"nothing new: an earlier push sent all {counted(self.sent_before, 'article')},"
                f" {briefings} added"
            )
        text = (
            f"{counted(self.articles, 'article')} added, {self.already} already in the team"
            f" library, {briefings} added"
        )
        if self.sent_before:
            text += f" (after the {self.sent_before} an earlier, interrupted push sent)"
        return text


def push_library(
    local: str | os.PathLike[str],
    url: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[PushReport, str]:
    """Push the local library in `local` to the team library at `url` (set up by `team init`);
    returns the report and the team library's location as shown to people."""
    store = TeamStore(url, create=False)
    try:
        return push(local, store, progress=progress), store.location
    except errors.InsufficientPrivilege as exc:
        raise TeamLibraryError(
            f"{store.user()} may not push to the team library at {store.location}: pushing"
            " imports articles, which only its importers may do; its administrator grants that."
        ) from exc
    finally:
        store.close()


def push(
    local: str | os.PathLike[str],
    store: TeamStore,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Copy the local library in folder `local` into the team library `store`."""
    library = Library(Path(local))
    try:
        return _push(library, store, progress)
    finally:
        library.close()


def _push(
    library: Library, store: TeamStore, progress: Callable[[int, int], None] | None
) -> PushReport:
    report = PushReport()
    mark = f"push:{library.path.resolve()}"
    done = int(store.get_meta(mark) or 0)
    report.resumed_after = done
    total = library.count()
    if library.stale_extraction_ids(EXTRACTOR_VERSION):
        # The team library's articles are extracted with the current engine; a local library
        # opened once by this version (`briefing stats --library LOCAL`) is brought up to it.
        raise ValueError(
            "the local library was extracted by an older version: open it once with this"
            " version (e.g. `briefing stats --library LOCAL`), then push again"
        )
    batch: list[StoredArticle] = []
    sent = 0
    for stored in library.iter_articles():
        if stored.id <= done:
            sent += 1
            report.sent_before += 1
            continue
        batch.append(stored)
        if len(batch) >= BATCH:
            _send(library, store, batch, report, mark)
            sent += len(batch)
            batch = []
            if progress:
                progress(sent, total)
    if batch:
        _send(library, store, batch, report, mark)
        sent += len(batch)
        if progress:
            progress(sent, total)
    for name in reversed(library.briefing_names()):  # oldest first keeps the local order
        document = library.load_briefing(name)
        if document is not None and store.adopt_briefing(name, document):
            report.briefings += 1
    return report


def _send(
    library: Library,
    store: TeamStore,
    batch: list[StoredArticle],
    report: PushReport,
    mark: str,
) -> None:
    ids = [a.id for a in batch]
    entities = library.entities_for(ids)
    figures = library.figures_for(ids)
    team_ids: dict[int, int] = {}
    with store.transaction():
        for stored in batch:
            article = Article(
                body=stored.body,
                title=stored.imported.get("title") or "",
                date=stored.imported.get("date"),
                source=stored.imported.get("source"),
                url=stored.url,
                dateline=stored.dateline,
                author=stored.author,
                path=stored.path,
                origin=stored.origin,
            )
            extraction = Extraction(
                entities=entities.get(stored.id, []),
                figures=[f.original for f in figures.get(stored.id, [])],
            )
            parent = _team_parent(library, store, stored.parent_id, team_ids)
            result = store.upsert_article(
                article, stored.content_hash, extraction, EXTRACTOR_VERSION, parent_id=parent
            )
            team_ids[stored.id] = result.article_id
            if result.status == "imported":
                report.articles += 1
            else:
                report.already += 1
            store.adopt_edits(result.article_id, stored.edited)
            for figure in figures.get(stored.id, []):
                if figure.corrected:
                    changes = {
                        name: getattr(figure.figure, name)
                        for name in CORRECTABLE_FIELDS
                        if getattr(figure.figure, name) != getattr(figure.original, name)
                    }
                    store.adopt_correction(result.article_id, figure.key, changes, figure.rejected)
            if stored.read or stored.starred:
                store.adopt_flags(result.article_id, stored.read, stored.starred)
        # In the same transaction: the mark never runs ahead of what is stored.
        store.set_meta(mark, str(batch[-1].id))


def _team_parent(
    library: Library, store: TeamStore, local_parent: int | None, team_ids: dict[int, int]
) -> int | None:
    """The team id of an attachment's message (pushed before it, maybe by an earlier push)."""
    if local_parent is None:
        return None
    if local_parent in team_ids:
        return team_ids[local_parent]
    parent = library.get_article(local_parent)
    return store.find_by_hash(parent.content_hash) if parent else None

"""The SQLite library: every article's text and metadata, its extraction, and every user edit.

This is the source of truth. The Whoosh index is derived from it and may be rebuilt at any time;
the user's own data (edits, figure corrections, reading state, briefings) lives only here.
Nothing outside this module writes SQL.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from briefing_app.core.extract.records import Entity, Extraction, Figure
from briefing_app.core.figure_keys import figure_key, keys_in_order, overlapping
from briefing_app.core.migrations import SCHEMA_VERSION, migrate

__all__ = [
    "CORRECTABLE_FIELDS",
    "EDITABLE_FIELDS",
    "SCHEMA_VERSION",
    "Library",
    "LibraryError",
    "StoredArticle",
    "StoredFigure",
    "UpsertResult",
    "apply_corrections",
    "stored_values",
    "figure_key",
    "now_iso",
]
from briefing_app.core.records import Article

DB_NAME = "library.sqlite3"

# Fields a user may edit on an article; the edit wins over what the importer read, and survives
# re-import because it is stored apart from the imported value.
EDITABLE_FIELDS = ("title", "date", "source")
# Fields a user may correct on a troop figure.
CORRECTABLE_FIELDS = ("contributor", "host", "low", "high", "year")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    dateline TEXT,
    author TEXT,
    path TEXT,
    origin TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    updated_at TEXT,
    extractor_version INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    original_missing INTEGER NOT NULL DEFAULT 0,
    parent_id INTEGER
);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path, origin);
CREATE INDEX IF NOT EXISTS articles_indexed ON articles (indexed);
CREATE TABLE IF NOT EXISTS article_edits (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT,
    edited_at TEXT NOT NULL,
    PRIMARY KEY (article_id, field)
);
CREATE TABLE IF NOT EXISTS entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities (canonical);
CREATE TABLE IF NOT EXISTS figures (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS figures_kind ON figures (kind);
CREATE TABLE IF NOT EXISTS figure_corrections (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    figure_key TEXT NOT NULL,
    changes TEXT NOT NULL,
    rejected INTEGER NOT NULL DEFAULT 0,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (article_id, figure_key)
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS briefings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watched_folders (
    path TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
"""


def stored_values(article: Article, content_hash: str) -> tuple[str | None, ...]:
    """An article's columns in the order both stores write them: title, body, date, source,
    url, dateline, author, path, origin, content_hash."""
    return (
        article.title,
        article.body,
        article.date,
        article.source,
        article.url,
        article.dateline,
        article.author,
        article.path,
        article.origin,
        content_hash,
    )


class FieldsByName(Protocol):
    """A stored row read by column name: sqlite3.Row here, a dict from the team store."""

    def __getitem__(self, name: str, /) -> Any: ...


class LibraryError(Exception):
    """A library problem a person can act on (locked, damaged, not a library)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class StoredArticle:
    """An article as the library holds it: the user's edits applied over the imported values."""

    id: int
    title: str
    body: str
    date: str | None
    source: str | None
    url: str | None
    dateline: str | None
    author: str | None
    path: str | None
    origin: str | None
    imported_at: str
    updated_at: str | None
    read: bool
    starred: bool
    original_missing: bool
    content_hash: str
    parent_id: int | None = None  # the e-mail an attachment came from
    edited: dict[str, str | None] = field(default_factory=dict)  # field -> user value
    imported: dict[str, str | None] = field(default_factory=dict)  # field -> importer's value

    @property
    def year(self) -> int | None:
        if self.date and len(self.date) >= 4 and self.date[:4].isdigit():
            return int(self.date[:4])
        return None


@dataclass
class StoredFigure:
    """A figure with the user's correction applied; `original` keeps what extraction found."""

    article_id: int
    key: str
    figure: Figure
    original: Figure
    corrected: bool = False
    rejected: bool = False
    # Who corrected the figure and when: a team library says so (the local one has one user).
    corrected_by: str | None = None
    corrected_at: str | None = None


@dataclass
class UpsertResult:
    article_id: int
    status: str  # "imported" | "updated" | "unchanged" | "duplicate"


class Library:
    """An open SQLite library. Safe to use from several threads: each gets its own connection."""

    def __init__(self, folder: Path, *, timeout: float = 30.0) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DB_NAME
        self._timeout = timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            conn = self._conn
            conn.execute("PRAGMA journal_mode=WAL")
            # executescript commits on its own; every statement is idempotent.
            conn.executescript(_SCHEMA)
            version = self._meta("schema_version")
            if version is None:
                self._set_meta("schema_version", str(SCHEMA_VERSION))
            elif int(version) > SCHEMA_VERSION:
                raise LibraryError(
                    f"This library was written by a newer Briefing Reader (schema {version})."
                )
            elif int(version) < SCHEMA_VERSION:
                # Each step runs in its own transaction and records its version, so an upgrade
                # cut short resumes where it stopped and never half-applies a step.
                migrate(conn, int(version))
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{self.path} is not a readable library: {exc}") from exc

    # -- connections -----------------------------------------------------------------------------

    @property
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            # NORMAL is durable in WAL mode up to the last checkpointed commit; a power cut may
            # lose the last transaction but never corrupts the file.
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
        self._local = threading.local()

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        return self._meta(key)

    def set_meta(self, key: str, value: str) -> None:
        self._set_meta(key, value)

    # -- articles --------------------------------------------------------------------------------

    def count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def find_by_origin(self, path: str | None, origin: str | None) -> int | None:
        if path is None:
            return None
        row = self._conn.execute(
            "SELECT id FROM articles WHERE path = ? AND origin IS ? ORDER BY id LIMIT 1",
            (path, origin),
        ).fetchone()
        return row[0] if row else None

    def upsert_article(
        self,
        tx: sqlite3.Connection,
        article: Article,
        content_hash: str,
        extraction: Extraction,
        extractor_version: int,
        *,
        parent_id: int | None = None,
    ) -> UpsertResult:
        """Insert a new article, update one whose file changed, or leave an identical one alone.

        Call inside `with library.transaction() as tx`. Identity: the same normalised text is the
        same article wherever it came from; otherwise the same (path, origin) is the same article
        in a newer version, which keeps its id, edits and reading state.
        """
        existing = tx.execute(
            "SELECT id, path, origin FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if existing is not None:
            same_record = existing["path"] == article.path and existing["origin"] == article.origin
            if article.path and existing["path"] == article.path:
                tx.execute("UPDATE articles SET original_missing = 0 WHERE id = ?", (existing[0],))
            # The same record read again is unchanged; the same text from another file or
            # record is a duplicate, kept once.
            return UpsertResult(existing[0], "unchanged" if same_record else "duplicate")
        stamp = now_iso()
        previous = None
        if article.path is not None:
            previous = tx.execute(
                "SELECT id FROM articles WHERE path = ? AND origin IS ? ORDER BY id LIMIT 1",
                (article.path, article.origin),
            ).fetchone()
        values = stored_values(article, content_hash)
        if previous is not None:
            article_id = previous[0]
            tx.execute(
                "UPDATE articles SET title=?, body=?, date=?, source=?, url=?, dateline=?, author=?,"
                " path=?, origin=?, content_hash=?, updated_at=?, indexed=0, original_missing=0"
                " WHERE id=?",
                (*values, stamp, article_id),
            )
            status = "updated"
        else:
            cur = tx.execute(
                "INSERT INTO articles (title, body, date, source, url, dateline, author, path,"
                " origin, content_hash, imported_at, parent_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, stamp, parent_id),
            )
            article_id = cur.lastrowid
            status = "imported"
        self.store_extraction(tx, article_id, extraction, extractor_version)
        return UpsertResult(article_id, status)

    def store_extraction(
        self, tx: sqlite3.Connection, article_id: int, extraction: Extraction, version: int
    ) -> None:
        tx.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        tx.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
        tx.executemany(
            'INSERT INTO entities (article_id, text, label, canonical, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (article_id, e.text, e.label, e.canonical, e.start, e.end)
                for e in extraction.entities
            ],
        )
        tx.executemany(
            "INSERT INTO figures (article_id, seq, kind, data) VALUES (?, ?, ?, ?)",
            [
                (article_id, seq, f.kind, json.dumps(f.to_dict(), ensure_ascii=False))
                for seq, f in enumerate(extraction.figures)
            ],
        )
        tx.execute(
            "UPDATE articles SET extractor_version = ?, indexed = 0 WHERE id = ?",
            (version, article_id),
        )

    def stale_extraction_ids(self, version: int) -> list[int]:
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE extractor_version != ? ORDER BY id", (version,)
        ).fetchall()
        return [r[0] for r in rows]

    def delete_article(self, article_id: int) -> None:
        with self.transaction() as tx:
            tx.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _edits(self, article_ids: list[int]) -> dict[int, dict[str, str | None]]:
        edits: dict[int, dict[str, str | None]] = {}
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT article_id, field, value FROM article_edits WHERE article_id IN ({marks})",
                chunk,
            ):
                edits.setdefault(row[0], {})[row[1]] = row[2]
        return edits

    def _stored(self, row: sqlite3.Row, edits: dict[str, str | None]) -> StoredArticle:
        imported = {name: row[name] for name in EDITABLE_FIELDS}
        effective = {name: edits.get(name, row[name]) for name in EDITABLE_FIELDS}
        return StoredArticle(
            id=row["id"],
            title=effective["title"] or "",
            body=row["body"],
            date=effective["date"],
            source=effective["source"],
            url=row["url"],
            dateline=row["dateline"],
            author=row["author"],
            path=row["path"],
            origin=row["origin"],
            imported_at=row["imported_at"],
            updated_at=row["updated_at"],
            read=bool(row["read"]),
            starred=bool(row["starred"]),
            original_missing=bool(row["original_missing"]),
            content_hash=row["content_hash"],
            parent_id=row["parent_id"],
            edited=dict(edits),
            imported=imported,
        )

    def get_article(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return self._stored(row, self._edits([article_id]).get(article_id, {}))

    def get_articles(self, article_ids: list[int]) -> dict[int, StoredArticle]:
        out: dict[int, StoredArticle] = {}
        edits = self._edits(article_ids)
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
                out[row["id"]] = self._stored(row, edits.get(row["id"], {}))
        return out

    def bodies(self, article_ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT id, body FROM articles WHERE id IN ({marks})", chunk
            ):
                out[row[0]] = row[1]
        return out

    def iter_articles(self, *, only_unindexed: bool = False) -> Iterator[StoredArticle]:
        """Every article in id order, in pages, so a 100,000-article library never sits in memory."""
        last = 0
        where = "AND indexed = 0" if only_unindexed else ""
        while True:
            rows = self._conn.execute(
                f"SELECT * FROM articles WHERE id > ? {where} ORDER BY id LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            ids = [r["id"] for r in rows]
            edits = self._edits(ids)
            for row in rows:
                yield self._stored(row, edits.get(row["id"], {}))
            last = ids[-1]

    def count_unindexed(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM articles WHERE indexed = 0").fetchone()[0]

    def mark_indexed(self, article_ids: Iterable[int], indexed: bool = True) -> None:
        ids = list(article_ids)
        with self.transaction() as tx:
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                tx.execute(
                    f"UPDATE articles SET indexed = ? WHERE id IN ({marks})", (int(indexed), *chunk)
                )

    def mark_all_unindexed(self) -> None:
        with self.transaction() as tx:
            tx.execute("UPDATE articles SET indexed = 0")

    def edit_article(self, article_id: int, changes: dict[str, str | None]) -> None:
        """Store the user's values for title, date or source; None for a field removes the edit."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        stamp = now_iso()
        with self.transaction() as tx:
            for name, value in changes.items():
                tx.execute(
                    "INSERT OR REPLACE INTO article_edits (article_id, field, value, edited_at)"
                    " VALUES (?, ?, ?, ?)",
                    (article_id, name, value, stamp),
                )
            tx.execute("UPDATE articles SET indexed = 0 WHERE id = ?", (article_id,))

    def revert_edit(self, article_id: int, name: str) -> None:
        with self.transaction() as tx:
            tx.execute(
                "DELETE FROM article_edits WHERE article_id = ? AND field = ?", (article_id, name)
            )
            tx.execute("UPDATE articles SET indexed = 0 WHERE id = ?", (article_id,))

    def set_flag(self, article_id: int, name: str, value: bool) -> None:
        if name not in ("read", "starred"):
            raise ValueError(name)
        with self.transaction() as tx:
            tx.execute(
                f"UPDATE articles SET {name} = ?, indexed = 0 WHERE id = ?",
                (int(value), article_id),
            )

    def mark_original_missing(self, path: str, missing: bool = True) -> int:
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE articles SET original_missing = ? WHERE path = ?", (int(missing), path)
            )
            return cur.rowcount

    # -- extraction ------------------------------------------------------------------------------

    def entities(self, article_id: int) -> list[Entity]:
        rows = self._conn.execute(
            'SELECT text, label, canonical, start, "end" FROM entities WHERE article_id = ?'
            " ORDER BY start",
            (article_id,),
        ).fetchall()
        return [Entity(*row) for row in rows]

    def entities_for(self, article_ids: list[int]) -> dict[int, list[Entity]]:
        out: dict[int, list[Entity]] = {}
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f'SELECT article_id, text, label, canonical, start, "end" FROM entities'
                f" WHERE article_id IN ({marks}) ORDER BY article_id, start",
                chunk,
            ):
                out.setdefault(row[0], []).append(Entity(*tuple(row)[1:]))
        return out

    def entity_values(self, article_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        """(label, canonical) pairs per article, for the index's entity fields."""
        out: dict[int, list[tuple[str, str]]] = {}
        for chunk in _chunks(article_ids, 500):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT DISTINCT article_id, label, canonical FROM entities"
                f" WHERE article_id IN ({marks})",
                chunk,
            ):
                out.setdefault(row[0], []).append((row[1], row[2]))
        return out

    def figures(self, article_id: int) -> list[StoredFigure]:
        return self.figures_for([article_id]).get(article_id, [])

    def figures_for(
        self, article_ids: list[int] | None = None, *, kind: str | None = None
    ) -> dict[int, list[StoredFigure]]:
        """Figures with corrections applied (rejected ones included, flagged), per article."""
        corrections: dict[int, dict[str, sqlite3.Row]] = {}
        out: dict[int, list[StoredFigure]] = {}
        kind_sql = " AND kind = ?" if kind else ""
        kind_arg = (kind,) if kind else ()
        if article_ids is None:
            rows = self._conn.execute(
                f"SELECT article_id, seq, data FROM figures WHERE 1=1{kind_sql}"
                " ORDER BY article_id, seq",
                kind_arg,
            ).fetchall()
            for c in self._conn.execute("SELECT * FROM figure_corrections"):
                corrections.setdefault(c["article_id"], {})[c["figure_key"]] = c
        else:
            rows = []
            for chunk in _chunks(article_ids, 500):
                marks = ",".join("?" * len(chunk))
                rows += self._conn.execute(
                    f"SELECT article_id, seq, data FROM figures WHERE article_id IN ({marks})"
                    f"{kind_sql} ORDER BY article_id, seq",
                    (*chunk, *kind_arg),
                ).fetchall()
                for c in self._conn.execute(
                    f"SELECT * FROM figure_corrections WHERE article_id IN ({marks})", chunk
                ):
                    corrections.setdefault(c["article_id"], {})[c["figure_key"]] = c
        by_id: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            by_id.setdefault(row["article_id"], []).append(row)
        for article_id, article_rows in by_id.items():
            out[article_id] = apply_corrections(
                article_id, article_rows, corrections.get(article_id, {})
            )
        return out

    def correct_figure(
        self, article_id: int, key: str, changes: dict[str, object], *, rejected: bool = False
    ) -> None:
        """Store a correction; it is applied over every later extraction of the same figure."""
        unknown = set(changes) - set(CORRECTABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot correct {', '.join(sorted(unknown))}")
        with self.transaction() as tx:
            row = tx.execute(
                "SELECT changes FROM figure_corrections WHERE article_id = ? AND figure_key = ?",
                (article_id, key),
            ).fetchone()
            merged = json.loads(row[0]) if row else {}
            merged.update(changes)
            tx.execute(
                "INSERT OR REPLACE INTO figure_corrections"
                " (article_id, figure_key, changes, rejected, corrected_at) VALUES (?, ?, ?, ?, ?)",
                (article_id, key, json.dumps(merged), int(rejected), now_iso()),
            )

    def clear_correction(self, article_id: int, key: str) -> None:
        with self.transaction() as tx:
            tx.execute(
                "DELETE FROM figure_corrections WHERE article_id = ? AND figure_key = ?",
                (article_id, key),
            )

    # -- files seen (so importing a folder again only reads what changed) ----------------------

    def file_unchanged(self, path: str, size: int, mtime_ns: int) -> bool:
        row = self._conn.execute(
            "SELECT size, mtime_ns FROM files WHERE path = ?", (path,)
        ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime_ns

    def remember_file(self, tx: sqlite3.Connection, path: str, size: int, mtime_ns: int) -> None:
        tx.execute(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, seen_at) VALUES (?, ?, ?, ?)",
            (path, size, mtime_ns, now_iso()),
        )

    def count_from_path(self, path: str) -> int:
        return self._conn.execute(
            "SELECT COUNT(*) FROM articles WHERE path = ?", (path,)
        ).fetchone()[0]

    def known_files(self, under: str | None = None) -> list[str]:
        if under is None:
            rows = self._conn.execute("SELECT path FROM files").fetchall()
        else:
            prefix = under.rstrip("/\\")
            rows = self._conn.execute(
                "SELECT path FROM files WHERE substr(path, 1, ?) = ?",
                (len(prefix) + 1, prefix + "/"),
            ).fetchall()
        return [r[0] for r in rows]

    def forget_file(self, path: str) -> None:
        with self.transaction() as tx:
            tx.execute("DELETE FROM files WHERE path = ?", (path,))

    # -- statistics ------------------------------------------------------------------------------

    def stats(self) -> dict[str, object]:
        c = self._conn
        return {
            "articles": c.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "dated": c.execute("SELECT COUNT(*) FROM articles WHERE date IS NOT NULL").fetchone()[
                0
            ],
            "sources": c.execute("SELECT COUNT(DISTINCT source) FROM articles").fetchone()[0],
            "entities": c.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
            "troop_figures": c.execute(
                "SELECT COUNT(*) FROM figures WHERE kind = 'troops'"
            ).fetchone()[0],
            "figures": c.execute("SELECT COUNT(*) FROM figures").fetchone()[0],
            "edits": c.execute("SELECT COUNT(*) FROM article_edits").fetchone()[0],
            "corrections": c.execute("SELECT COUNT(*) FROM figure_corrections").fetchone()[0],
            "briefings": c.execute("SELECT COUNT(*) FROM briefings").fetchone()[0],
            "read": c.execute("SELECT COUNT(*) FROM articles WHERE read = 1").fetchone()[0],
            "starred": c.execute("SELECT COUNT(*) FROM articles WHERE starred = 1").fetchone()[0],
            "database_bytes": self.path.stat().st_size if self.path.exists() else 0,
        }

    def date_range(self) -> tuple[str | None, str | None]:
        row = self._conn.execute("SELECT MIN(date), MAX(date) FROM articles").fetchone()
        return row[0], row[1]

    def integrity_ok(self) -> bool:
        return self._conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    # -- briefings (documents are JSON, owned by core.briefing) ----------------------------------

    def briefing_names(self) -> list[str]:
        rows = self._conn.execute("SELECT name FROM briefings ORDER BY updated_at DESC").fetchall()
        return [r[0] for r in rows]

    def load_briefing(self, name: str) -> dict | None:
        row = self._conn.execute(
            "SELECT document FROM briefings WHERE name = ?", (name,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def save_briefing(self, name: str, document: dict) -> None:
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO briefings (name, document, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET document = excluded.document,"
                " updated_at = excluded.updated_at",
                (name, json.dumps(document, ensure_ascii=False), now_iso()),
            )

    def rename_briefing(self, old: str, new: str) -> None:
        with self.transaction() as tx:
            tx.execute("UPDATE briefings SET name = ? WHERE name = ?", (new, old))

    def delete_briefing(self, name: str) -> None:
        with self.transaction() as tx:
            tx.execute("DELETE FROM briefings WHERE name = ?", (name,))

    # -- watched folders -------------------------------------------------------------------------

    def watched_folders(self) -> list[str]:
        rows = self._conn.execute("SELECT path FROM watched_folders ORDER BY path").fetchall()
        return [r[0] for r in rows]

    def add_watched_folder(self, path: str) -> None:
        with self.transaction() as tx:
            tx.execute(
                "INSERT OR IGNORE INTO watched_folders (path, added_at) VALUES (?, ?)",
                (path, now_iso()),
            )

    def remove_watched_folder(self, path: str) -> bool:
        with self.transaction() as tx:
            return tx.execute("DELETE FROM watched_folders WHERE path = ?", (path,)).rowcount > 0


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception: all of a change or none of it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._nested = False

    def __enter__(self) -> sqlite3.Connection:
        self._nested = self._conn.in_transaction
        if not self._nested:
            self._conn.execute("BEGIN IMMEDIATE")
        return self._conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._nested:
            return
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")


def apply_corrections(
    article_id: int, rows: Sequence[FieldsByName], own: Mapping[str, FieldsByName]
) -> list[StoredFigure]:
    """An article's figures (rows in extraction order) with its corrections applied.

    A correction names the figure by kind and span (figure_keys); one whose span no figure has
    any more (a new engine widened or narrowed it) applies to the figure that overlaps it most,
    and that figure then carries the correction's key, so briefing items still find it."""
    originals = [Figure(**json.loads(row["data"])) for row in rows]
    keys = keys_in_order(originals)
    taken = {i for i, key in enumerate(keys) if key in own}
    for key in own.keys() - set(keys):
        i = overlapping(key, originals, taken)
        if i is not None:
            keys[i] = key
            taken.add(i)
    stored_figures = []
    for row, original, key in zip(rows, originals, keys, strict=True):
        figure = Figure(**json.loads(row["data"]))
        stored = StoredFigure(article_id, key, figure, original)
        correction = own.get(key)
        if correction is not None:
            for name, value in json.loads(correction["changes"]).items():
                if name in CORRECTABLE_FIELDS:
                    setattr(figure, name, value)
            stored.corrected = True
            stored.rejected = bool(correction["rejected"])
        stored_figures.append(stored)
    return stored_figures


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

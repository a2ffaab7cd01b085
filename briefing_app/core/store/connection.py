"""Opening the library file: one connection per thread, its pragmas, the schema brought up to date.

`Connection` is the base every table module of the store builds on: it gives a thread its
connection (`_conn`), the unit of work (`transaction()`, and `_writing()` inside the store), and
the one chunked `IN (…)` query (`_rows_in`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from briefing_app.core.engines import LibraryError
from briefing_app.core.store.migrations import SCHEMA_VERSION, migrate
from briefing_app.core.store.schema import TABLES
from briefing_app.core.store.transaction import immediate

DB_NAME = "library.sqlite3"
# Ids bound in one `IN (…)`: well under SQLite's 999-variable limit of older builds.
_IN_CHUNK = 500


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Connection:
    """An open SQLite library file. Safe to use from several threads: each gets its own connection."""

    def __init__(self, folder: Path, *, timeout: float = 30.0) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / DB_NAME
        self._timeout = timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            self._prepare(self._conn)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{self.path} is not a readable library: {exc}") from exc

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        # executescript commits on its own; every statement is idempotent.
        conn.executescript(TABLES)
        version = self.get_meta("schema_version")
        if version is None:
            self.set_meta("schema_version", str(SCHEMA_VERSION))
        elif int(version) > SCHEMA_VERSION:
            raise LibraryError(
                f"This library was written by a newer Briefing Reader (schema {version})."
            )
        elif int(version) < SCHEMA_VERSION:
            # Each step runs in its own transaction and records its version, so an upgrade
            # cut short resumes where it stopped and never half-applies a step.
            migrate(conn, int(version))

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

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of work: every write of this thread inside the block commits together, or
        none does if the block raises. Blocks nest (the outermost commits)."""
        with immediate(self._conn):
            yield

    def _writing(self) -> AbstractContextManager[sqlite3.Connection]:
        """The connection to write with, inside this thread's unit of work (one of its own if
        the caller opened none)."""
        return immediate(self._conn)

    def _rows_in(
        self,
        sql: str,
        ids: Sequence[int] | Sequence[str],
        *,
        before: Sequence[object] = (),
        after: Sequence[object] = (),
    ) -> list[sqlite3.Row]:
        """Run `sql`, whose `{ids}` stands for the id list of an `IN ({ids})`, over `ids` in
        chunks; `before` and `after` are the parameters around the ids. Returns every row."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows += self._conn.execute(sql.format(ids=marks), (*before, *chunk, *after))
        return rows

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
        self._local = threading.local()

    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._writing() as tx:
            tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

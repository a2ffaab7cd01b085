"""The team library's store: the same operations as the local `Library`, on PostgreSQL.

Every statement is parameterised. Articles are keyed by their content hash, so importers on
several machines at once never store one text twice (INSERT … ON CONFLICT waits for the other
importer's transaction and then sees its row). Reading state and stars are the connected
person's own; edits, corrections and briefings are the desk's, each marked with who and when.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from briefing_app.core.extract import facet_values
from briefing_app.core.extract.records import Entity, Extraction
from briefing_app.core.records import Article
from briefing_app.core.store.articles import HeldArticle
from briefing_app.core.store.extraction import apply_corrections
from briefing_app.core.store.records import (
    CORRECTABLE_FIELDS,
    EDITABLE_FIELDS,
    StoredArticle,
    StoredFigure,
    UpsertResult,
    stored_article,
    stored_values,
)
from briefing_app.core.team import schema
from briefing_app.core.team.location import shown_url
from briefing_app.core.team.names import (
    EXTRACTED_FACETS,
    PendingNames,
    lock_counts,
    write_names,
)
from briefing_app.core.team.settings import TeamLibraryError, connect

Tx = psycopg.Connection

# Words kept for fuzzy terms and suggestions: letters only, as people type them.
_LEXICON_WORD = "^[a-z]{3,40}$"

_ARTICLE_COLUMNS = (
    "a.id, a.title, a.body, a.date, a.source, a.url, a.dateline, a.author, a.path, a.origin,"
    " a.content_hash, a.imported_at, a.updated_at, a.original_missing, a.parent_id,"
    " coalesce(r.read, false) AS read, coalesce(r.starred, false) AS starred"
)
_ARTICLE_FROM = (
    "articles a LEFT JOIN reading_state r ON r.article_id = a.id AND r.user_name = current_user"
)


def by_origin_sql(path: str, origin: str | None) -> tuple[str, tuple[str, ...]]:
    """The statement that finds the first article read from (path, origin). `origin = %s` or
    `origin IS NULL`, never IS NOT DISTINCT FROM, which no index serves: with it, each article
    of a bulk file read every article stored from that file before it (40 of the 76 s an import
    of Reuters took)."""
    if origin is None:
        return (
            "SELECT id FROM articles WHERE path = %s AND origin IS NULL ORDER BY id LIMIT 1",
            (path,),
        )
    return (
        "SELECT id FROM articles WHERE path = %s AND origin = %s ORDER BY id LIMIT 1",
        (path, origin),
    )


class TeamStore:
    """An open team library. Safe from several threads: each gets its own connection."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.location = shown_url(url)
        self._local = threading.local()
        self._connections: list[psycopg.Connection] = []
        self._lock = threading.Lock()
        conn = self._conn
        with conn.transaction():
            version = schema.installed_version(conn)
        if version is None:
            if not create:
                raise TeamLibraryError(
                    f"The database at {self.location} holds no team library: its administrator"
                    " sets one up with `briefing team init URL`, or check the database's name."
                )
            with conn.transaction():
                schema.install(conn)
        elif version > schema.SCHEMA_VERSION:
            raise TeamLibraryError(
                f"This team library was set up by a newer Briefing Reader (schema {version})."
            )
        elif version < schema.SCHEMA_VERSION:
            self._upgrade(conn)

    def _upgrade(self, conn: psycopg.Connection) -> None:
        """Bring a library made by an earlier version up to this one's tables; only a role
        that may change the tables can, anyone else is told who can."""
        try:
            with conn.transaction():
                schema.install(conn)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise TeamLibraryError(
                f"The team library at {self.location} was set up by an earlier Briefing Reader:"
                " its administrator brings it up to date with `briefing team init`."
            ) from exc

    # -- connections -----------------------------------------------------------------------------

    @property
    def _conn(self) -> psycopg.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            # Autocommit outside `transaction()`: a read never leaves a transaction open that
            # would hold back the server's clean-up or see a stale snapshot.
            conn = connect(self.url, autocommit=True)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All of a change or none of it, for this thread; a nested block joins the outer one,
        which commits (as the local store's unit of work).

        The facet names and the words of the articles a transaction adds or changes are
        written once, as it commits (names.py): one statement per batch rather than per article
        (ten times fewer row versions for the lexicon), names before words, always in that
        order, so two importers take their locks in the same order."""
        if getattr(self._local, "pending", None) is not None:
            yield
            return
        conn = self._conn
        pending = self._local.pending = PendingNames()
        try:
            # Pipeline mode: statements whose results nobody reads (an article's entities and
            # figures) go out without waiting for the server; a fetch waits for what it needs.
            with conn.pipeline(), conn.transaction():
                yield
                if pending:
                    write_names(conn, pending)
                if pending.fresh:
                    self._add_to_lexicon(conn, pending.fresh)
        finally:
            self._local.pending = None

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that see one state of the library: a search's hits, their count and facets
        agree even while an importer commits (a read-only repeatable-read transaction)."""
        if getattr(self._local, "pending", None) is not None:
            yield  # inside a change: its own transaction already sees one state
            return
        conn = self._conn
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    @property
    def _pending(self) -> PendingNames:
        pending = getattr(self._local, "pending", None)
        assert pending is not None, "names change only inside transaction()"
        return pending

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def _one(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self._conn.execute(sql, tuple(params)).fetchone()
        return row[0] if row else None

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one parameterised statement (the team search's way to the server)."""
        return self._conn.execute(sql, tuple(params)).fetchall()

    def get_meta(self, key: str) -> str | None:
        return self._one("SELECT value FROM meta WHERE key = %s", (key,))

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def user(self) -> str:
        """The connected role: whose reading state and stars these are."""
        return self._one("SELECT current_user")

    # -- articles --------------------------------------------------------------------------------

    def count(self) -> int:
        return self._one("SELECT count(*) FROM articles")

    def find_by_hash(self, content_hash: str) -> int | None:
        return self._one("SELECT id FROM articles WHERE content_hash = %s", (content_hash,))

    def find_by_origin(self, path: str | None, origin: str | None) -> int | None:
        if path is None:
            return None
        return self._one(*by_origin_sql(path, origin))

    def held_articles(self, content_hashes: Sequence[str]) -> dict[str, HeldArticle]:
        """The articles already held with any of these texts (content hashes), by hash."""
        if not content_hashes:
            return {}
        rows = self._conn.execute(
            "SELECT content_hash, id, path, origin FROM articles WHERE content_hash = ANY(%s)",
            (list(content_hashes),),
        ).fetchall()
        return {row[0]: HeldArticle(row[1], row[2], row[3]) for row in rows}

    def record_seen(self, held: HeldArticle, article: Article) -> UpsertResult:
        """`article`'s text is held as `held`: "unchanged" for the same (path, origin), else
        "duplicate"; a file seen again is no longer missing."""
        same_record = held.path == article.path and held.origin == article.origin
        if article.path and held.path == article.path:
            self._conn.execute(
                "UPDATE articles SET original_missing = false WHERE id = %s", (held.id,)
            )
        return UpsertResult(held.id, "unchanged" if same_record else "duplicate")

    def upsert_article(
        self,
        article: Article,
        content_hash: str,
        extraction: Extraction,
        extractor_version: int,
        *,
        parent_id: int | None = None,
    ) -> UpsertResult:
        """`record_seen` if the text is held, else `store_new`."""
        held = self.held_articles([content_hash]).get(content_hash)
        if held is not None:
            return self.record_seen(held, article)
        return self.store_new(
            article, content_hash, extraction, extractor_version, parent_id=parent_id
        )

    def store_new(
        self,
        article: Article,
        content_hash: str,
        extraction: Extraction,
        extractor_version: int,
        *,
        parent_id: int | None = None,
    ) -> UpsertResult:
        """Store a text not held when the caller looked: a new version of the article from the
        same (path, origin), or a new article. Another importer may have stored the same text
        since; then this is `record_seen` of that article."""
        with self.transaction():
            tx = self._conn
            previous = self.find_by_origin(article.path, article.origin)
            values = stored_values(article, content_hash)
            if previous is not None:
                # Another importer of the same file may have stored this very text since the
                # caller looked: that is the article seen again, not a new version of it.
                held = self.held_articles([content_hash]).get(content_hash)
                if held is not None:
                    return self.record_seen(held, article)
                tx.execute(
                    "UPDATE articles SET title=%s, body=%s, date=%s, source=%s, url=%s,"
                    " dateline=%s, author=%s, path=%s, origin=%s, content_hash=%s,"
                    " updated_at=now(), original_missing=false WHERE id=%s",
                    (*values, previous),
                )
                self._refresh_shown(tx, [previous])
                self.store_extraction(previous, extraction, extractor_version)
                return UpsertResult(previous, "updated")
            # Another importer may be inserting the same text right now: ON CONFLICT waits for
            # its transaction and then does nothing, so the text is stored exactly once.
            row = tx.execute(
                "INSERT INTO articles (title, body, date, source, url, dateline, author, path,"
                " origin, content_hash, parent_id, shown_title, shown_date, shown_source,"
                " extractor_version)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
                (
                    *values,
                    parent_id,
                    article.title or "",
                    article.date,
                    article.source,
                    extractor_version,
                ),
            ).fetchone()
            if row is not None:
                self._insert_extraction(tx, row[0], extraction)
                self._pending.fresh.append(row[0])
                return UpsertResult(row[0], "imported")
            held = self.held_articles([content_hash]).get(content_hash)
            if held is None:
                # The other importer's row was gone again (deleted meanwhile): let the caller's
                # retry store this batch afresh.
                raise psycopg.errors.SerializationFailure("the conflicting article vanished")
            return self.record_seen(held, article)

    def store_extraction(self, article_id: int, extraction: Extraction, version: int) -> None:
        """Replace an article's extraction with `extraction`, found by engine `version`."""
        with self.transaction():
            tx = self._conn
            tx.execute("DELETE FROM entities WHERE article_id = %s", (article_id,))
            tx.execute("DELETE FROM figures WHERE article_id = %s", (article_id,))
            # Its facet names are replaced as the transaction commits (names.py).
            self._insert_extraction(tx, article_id, extraction)
            tx.execute(
                "UPDATE articles SET extractor_version = %s WHERE id = %s", (version, article_id)
            )

    def _insert_extraction(self, tx: Tx, article_id: int, extraction: Extraction) -> None:
        with tx.cursor() as cur:
            if extraction.entities:
                cur.executemany(
                    'INSERT INTO entities (article_id, text, label, canonical, start, "end")'
                    " VALUES (%s, %s, %s, %s, %s, %s)",
                    [
                        (article_id, e.text, e.label, e.canonical, e.start, e.end)
                        for e in extraction.entities
                    ],
                )
            if extraction.figures:
                cur.executemany(
                    "INSERT INTO figures (article_id, seq, kind, data) VALUES (%s, %s, %s, %s)",
                    [
                        (article_id, seq, f.kind, json.dumps(f.to_dict(), ensure_ascii=False))
                        for seq, f in enumerate(extraction.figures)
                    ],
                )
        facets = facet_values(extraction)
        self._pending.extracted[article_id] = sorted(
            {(key, value) for key in EXTRACTED_FACETS for value in facets.get(key, [])}
        )

    def _add_to_lexicon(self, tx: Tx, article_ids: list[int]) -> None:
        # Sorted, so two importers adding the same words lock them in the same order and
        # cannot deadlock on the lexicon.
        tx.execute(
            "INSERT INTO lexicon (word, ndoc)"
            " SELECT w, count(*) FROM articles a,"
            " unnest(tsvector_to_array(to_tsvector('simple', a.shown_title || ' ' || a.body))) w"
            " WHERE a.id = ANY(%s) AND w ~ %s GROUP BY w ORDER BY w"
            " ON CONFLICT (word) DO UPDATE SET ndoc = lexicon.ndoc + excluded.ndoc",
            (article_ids, _LEXICON_WORD),
        )

    def stale_extraction_ids(self, version: int) -> list[int]:
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE extractor_version != %s ORDER BY id", (version,)
        ).fetchall()
        return [r[0] for r in rows]

    def delete_article(self, article_id: int) -> None:
        with self.transaction():
            # Its names go with it (ON DELETE CASCADE), and their counts with them.
            lock_counts(self._conn)
            self._conn.execute("DELETE FROM articles WHERE id = %s", (article_id,))

    def _edits(self, article_ids: list[int]) -> dict[int, dict[str, str | None]]:
        edits: dict[int, dict[str, str | None]] = {}
        for row in self._conn.execute(
            "SELECT article_id, field, value FROM article_edits WHERE article_id = ANY(%s)",
            (article_ids,),
        ):
            edits.setdefault(row[0], {})[row[1]] = row[2]
        return edits

    def _stored(self, row: dict[str, Any], edits: dict[str, str | None]) -> StoredArticle:
        updated = row["updated_at"]
        return stored_article(
            row,
            edits,
            imported_at=row["imported_at"].isoformat(timespec="seconds"),
            updated_at=updated.isoformat(timespec="seconds") if updated else None,
        )

    def _rows(self, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        with self._conn.cursor(row_factory=dict_row) as cur:
            cur.execute(f"SELECT {_ARTICLE_COLUMNS} FROM {_ARTICLE_FROM} {where}", params)
            return cur.fetchall()

    def get_article(self, article_id: int) -> StoredArticle | None:
        return self.get_articles([article_id]).get(article_id)

    def get_articles(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        if not article_ids:
            return {}
        rows = self._rows("WHERE a.id = ANY(%s)", (list(article_ids),))
        edits = self._edits([r["id"] for r in rows])
        return {r["id"]: self._stored(r, edits.get(r["id"], {})) for r in rows}

    def bodies(self, article_ids: Sequence[int]) -> dict[int, str]:
        rows = self._conn.execute(
            "SELECT id, body FROM articles WHERE id = ANY(%s)", (list(article_ids),)
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def iter_articles(self, *, only_unindexed: bool = False) -> Iterator[StoredArticle]:
        """Every article in id order, in pages. The server indexes each article as it is
        stored, so none is ever waiting for the index (`only_unindexed` yields nothing)."""
        if only_unindexed:
            return
        last = 0
        while True:
            rows = self._rows("WHERE a.id > %s ORDER BY a.id LIMIT 500", (last,))
            if not rows:
                return
            edits = self._edits([r["id"] for r in rows])
            for row in rows:
                yield self._stored(row, edits.get(row["id"], {}))
            last = rows[-1]["id"]

    def count_unindexed(self) -> int:
        """Always 0: the full-text column is computed in the transaction that stores a row."""
        return 0

    def mark_indexed(self, article_ids: Iterable[int], indexed: bool = True) -> None:
        """Nothing to mark: every stored article is searchable once committed."""

    def mark_all_unindexed(self) -> None:
        """Nothing to mark: the server's full-text index is never behind the rows."""

    def _refresh_shown(self, tx: Tx, article_ids: list[int]) -> None:
        """Set what the desk sees (and searches) to the importer's values with edits over them."""
        tx.execute(
            "UPDATE articles a SET"
            " shown_title = coalesce(CASE WHEN t.article_id IS NULL THEN a.title"
            "   ELSE t.value END, ''),"
            " shown_date = CASE WHEN d.article_id IS NULL THEN a.date ELSE d.value END,"
            " shown_source = CASE WHEN s.article_id IS NULL THEN a.source ELSE s.value END"
            " FROM articles x"
            " LEFT JOIN article_edits t ON t.article_id = x.id AND t.field = 'title'"
            " LEFT JOIN article_edits d ON d.article_id = x.id AND d.field = 'date'"
            " LEFT JOIN article_edits s ON s.article_id = x.id AND s.field = 'source'"
            " WHERE a.id = x.id AND x.id = ANY(%s)",
            (article_ids,),
        )
        # The shown source and year are facet names: they follow as the transaction commits.
        self._pending.shown.update(article_ids)

    def edit_article(self, article_id: int, changes: dict[str, str | None]) -> None:
        """Store the desk's values for title, date or source; later edits win."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        with self.transaction():
            tx = self._conn
            for name, value in changes.items():
                tx.execute(
                    "INSERT INTO article_edits (article_id, field, value) VALUES (%s, %s, %s)"
                    " ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value,"
                    " edited_at = now(), edited_by = current_user",
                    (article_id, name, value),
                )
            self._refresh_shown(tx, [article_id])

    def revert_edit(self, article_id: int, name: str) -> None:
        with self.transaction():
            tx = self._conn
            tx.execute(
                "DELETE FROM article_edits WHERE article_id = %s AND field = %s",
                (article_id, name),
            )
            self._refresh_shown(tx, [article_id])

    def set_flag(self, article_id: int, name: str, value: bool) -> None:
        """Mark an article read or starred for the connected person only."""
        if name not in ("read", "starred"):
            raise ValueError(name)
        column = "read" if name == "read" else "starred"  # never the caller's text in SQL
        self._conn.execute(
            f"INSERT INTO reading_state (article_id, {column}) VALUES (%s, %s)"
            f" ON CONFLICT (user_name, article_id) DO UPDATE SET {column} = excluded.{column}",
            (article_id, value),
        )

    def mark_original_missing(self, path: str, missing: bool = True) -> int:
        cur = self._conn.execute(
            "UPDATE articles SET original_missing = %s WHERE path = %s", (missing, path)
        )
        return cur.rowcount

    # -- extraction ------------------------------------------------------------------------------

    def entities(self, article_id: int) -> list[Entity]:
        return self.entities_for([article_id]).get(article_id, [])

    def entities_for(self, article_ids: Sequence[int]) -> dict[int, list[Entity]]:
        out: dict[int, list[Entity]] = {}
        for row in self._conn.execute(
            'SELECT article_id, text, label, canonical, start, "end" FROM entities'
            " WHERE article_id = ANY(%s) ORDER BY article_id, start",
            (list(article_ids),),
        ):
            out.setdefault(row[0], []).append(Entity(*row[1:]))
        return out

    def figures(self, article_id: int) -> list[StoredFigure]:
        return self.figures_for([article_id]).get(article_id, [])

    def figures_for(
        self, article_ids: Sequence[int] | None = None, *, kind: str | None = None
    ) -> dict[int, list[StoredFigure]]:
        """Figures with corrections applied (rejected ones included, flagged), per article;
        a corrected figure says who corrected it and when."""
        where, params = (
            ("TRUE", ()) if article_ids is None else ("article_id = ANY(%s)", (list(article_ids),))
        )
        kind_sql = " AND kind = %s" if kind else ""
        with self._conn.cursor(row_factory=dict_row) as cur:
            cur.execute(
                f"SELECT article_id, seq, data::text AS data FROM figures WHERE {where}{kind_sql}"
                " ORDER BY article_id, seq",
                (*params, *((kind,) if kind else ())),
            )
            rows = cur.fetchall()
            cur.execute(
                "SELECT article_id, figure_key, changes::text AS changes, rejected,"
                f" corrected_at, corrected_by FROM figure_corrections WHERE {where}",
                params,
            )
            corrections: dict[int, dict[str, dict[str, Any]]] = {}
            for c in cur.fetchall():
                corrections.setdefault(c["article_id"], {})[c["figure_key"]] = c
        by_id: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            by_id.setdefault(row["article_id"], []).append(row)
        out: dict[int, list[StoredFigure]] = {}
        for article_id, article_rows in by_id.items():
            own = corrections.get(article_id, {})
            figures = apply_corrections(article_id, article_rows, own)
            for stored in figures:
                if stored.corrected and stored.key in own:
                    stored.corrected_by = own[stored.key]["corrected_by"]
                    stored.corrected_at = own[stored.key]["corrected_at"].isoformat(
                        timespec="seconds"
                    )
            out[article_id] = figures
        return out

    def correct_figure(
        self, article_id: int, key: str, changes: dict[str, object], *, rejected: bool = False
    ) -> None:
        """Store a correction; two people correcting one figure: the later wins, field by field
        as in the local library, and the figure shows who corrected it last and when."""
        unknown = set(changes) - set(CORRECTABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot correct {', '.join(sorted(unknown))}")
        self._conn.execute(
            "INSERT INTO figure_corrections (article_id, figure_key, changes, rejected)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (article_id, figure_key) DO UPDATE SET"
            " changes = figure_corrections.changes || excluded.changes,"
            " rejected = excluded.rejected, corrected_at = clock_timestamp(),"
            " corrected_by = current_user",
            (article_id, key, json.dumps(changes), rejected),
        )

    def clear_correction(self, article_id: int, key: str) -> None:
        self._conn.execute(
            "DELETE FROM figure_corrections WHERE article_id = %s AND figure_key = %s",
            (article_id, key),
        )

    # -- adopting a local library's user data (team push): the team's own value, once
    # present, is never overwritten, so pushing again changes nothing

    def adopt_edits(self, article_id: int, edits: dict[str, str | None]) -> None:
        with self.transaction():
            tx = self._conn
            for name, value in edits.items():
                if name in EDITABLE_FIELDS:
                    tx.execute(
                        "INSERT INTO article_edits (article_id, field, value)"
                        " VALUES (%s, %s, %s) ON CONFLICT (article_id, field) DO NOTHING",
                        (article_id, name, value),
                    )
            if edits:
                self._refresh_shown(tx, [article_id])

    def adopt_correction(
        self, article_id: int, key: str, changes: dict[str, object], rejected: bool
    ) -> None:
        self._conn.execute(
            "INSERT INTO figure_corrections (article_id, figure_key, changes, rejected)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (article_id, figure_key) DO NOTHING",
            (article_id, key, json.dumps(changes), rejected),
        )

    def adopt_flags(self, article_id: int, read: bool, starred: bool) -> None:
        """The pushing person's reading state: read or starred in either library stays so."""
        self._conn.execute(
            "INSERT INTO reading_state (article_id, read, starred) VALUES (%s, %s, %s)"
            " ON CONFLICT (user_name, article_id) DO UPDATE SET"
            " read = reading_state.read OR excluded.read,"
            " starred = reading_state.starred OR excluded.starred",
            (article_id, read, starred),
        )

    def adopt_briefing(self, name: str, document: dict) -> bool:
        """Add a briefing unless the team has one of that name; whether it was added."""
        cur = self._conn.execute(
            "INSERT INTO briefings (name, document) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING",
            (name, json.dumps(document, ensure_ascii=False)),
        )
        return cur.rowcount > 0

    # -- files seen (so importing a folder again only reads what changed) ----------------------

    def file_unchanged(self, path: str, size: int, mtime_ns: int) -> bool:
        row = self._conn.execute(
            "SELECT size, mtime_ns FROM files WHERE path = %s", (path,)
        ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime_ns

    def remember_file(self, path: str, size: int, mtime_ns: int) -> None:
        self._conn.execute(
            "INSERT INTO files (path, size, mtime_ns) VALUES (%s, %s, %s)"
            " ON CONFLICT (path) DO UPDATE SET size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, seen_at = now()",
            (path, size, mtime_ns),
        )

    def count_from_path(self, path: str) -> int:
        return self._one("SELECT count(*) FROM articles WHERE path = %s", (path,))

    def known_files(self, under: str | None = None) -> list[str]:
        if under is None:
            rows = self._conn.execute("SELECT path FROM files").fetchall()
        else:
            prefix = under.rstrip("/\\") + "/"
            rows = self._conn.execute(
                "SELECT path FROM files WHERE left(path, %s) = %s", (len(prefix), prefix)
            ).fetchall()
        return [r[0] for r in rows]

    def forget_file(self, path: str) -> None:
        self._conn.execute("DELETE FROM files WHERE path = %s", (path,))

    # -- statistics ------------------------------------------------------------------------------

    def stats(self) -> dict[str, object]:
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM articles),"
            " (SELECT count(*) FROM articles WHERE shown_date IS NOT NULL),"
            " (SELECT count(DISTINCT shown_source) FROM articles),"
            " (SELECT count(*) FROM entities),"
            " (SELECT count(*) FROM figures WHERE kind = 'troops'),"
            " (SELECT count(*) FROM figures),"
            " (SELECT count(*) FROM article_edits),"
            " (SELECT count(*) FROM figure_corrections),"
            " (SELECT count(*) FROM briefings),"
            " (SELECT count(*) FROM reading_state WHERE user_name = current_user AND read),"
            " (SELECT count(*) FROM reading_state WHERE user_name = current_user AND starred),"
            " pg_database_size(current_database())"
        ).fetchone()
        assert row is not None
        names = (
            "articles dated sources entities troop_figures figures edits corrections briefings"
            " read starred database_bytes"
        ).split()
        return dict(zip(names, row, strict=True))

    def date_range(self) -> tuple[str | None, str | None]:
        row = self._conn.execute("SELECT min(shown_date), max(shown_date) FROM articles").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def integrity_ok(self) -> bool:
        """The server guarantees its own integrity; this checks that the schema is in place."""
        return schema.installed_version(self._conn) == schema.SCHEMA_VERSION

    # -- briefings (documents are JSON, owned by core.briefing) ----------------------------------

    def briefing_names(self) -> list[str]:
        rows = self._conn.execute(
            "SELECT name FROM briefings ORDER BY updated_at DESC, id DESC"
        ).fetchall()
        return [r[0] for r in rows]

    def load_briefing(self, name: str) -> dict | None:
        return self._one("SELECT document FROM briefings WHERE name = %s", (name,))

    def briefing_owner(self, name: str) -> str | None:
        """Who first saved the briefing `name` (briefings are shared; each has an owner)."""
        return self._one("SELECT owner FROM briefings WHERE name = %s", (name,))

    def save_briefing(self, name: str, document: dict) -> None:
        self._conn.execute(
            "INSERT INTO briefings (name, document) VALUES (%s, %s)"
            " ON CONFLICT (name) DO UPDATE SET document = excluded.document,"
            " updated_at = clock_timestamp(), updated_by = current_user",
            (name, json.dumps(document, ensure_ascii=False)),
        )

    def rename_briefing(self, old: str, new: str) -> None:
        self._conn.execute("UPDATE briefings SET name = %s WHERE name = %s", (new, old))

    def delete_briefing(self, name: str) -> None:
        self._conn.execute("DELETE FROM briefings WHERE name = %s", (name,))

    # -- watched folders -------------------------------------------------------------------------

    def watched_folders(self) -> list[str]:
        rows = self._conn.execute("SELECT path FROM watched_folders ORDER BY path").fetchall()
        return [r[0] for r in rows]

    def add_watched_folder(self, path: str) -> None:
        self._conn.execute(
            "INSERT INTO watched_folders (path) VALUES (%s) ON CONFLICT DO NOTHING", (path,)
        )

    def remove_watched_folder(self, path: str) -> bool:
        return (
            self._conn.execute("DELETE FROM watched_folders WHERE path = %s", (path,)).rowcount > 0
        )

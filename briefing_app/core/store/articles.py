"""Articles in the store: storing what the importer read, reading them back with the user's edits.

Identity: the same normalised text (its content hash) is the same article wherever it came from;
otherwise the same (path, origin) is the same article in a newer version, which keeps its id,
edits and reading state.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from briefing_app.core.extract.records import Extraction
from briefing_app.core.records import Article
from briefing_app.core.store.connection import now_iso
from briefing_app.core.store.extraction import ExtractionTables
from briefing_app.core.store.records import (
    StoredArticle,
    UpsertResult,
    stored_article,
    stored_values,
)


class HeldArticle(NamedTuple):
    """An article already in the store, as the importer needs it to tell a duplicate apart."""

    id: int
    path: str | None
    origin: str | None


class ArticleTables(ExtractionTables):
    """The `articles` table and the edits read with it; a new article is stored with what
    extraction found in it, in one unit of work."""

    def count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def find_by_hash(self, content_hash: str) -> int | None:
        held = self.held_articles([content_hash]).get(content_hash)
        return held.id if held else None

    def held_articles(self, content_hashes: Sequence[str]) -> dict[str, HeldArticle]:
        """The articles already held with these texts, by content hash (one query per 500)."""
        rows = self._rows_in(
            "SELECT content_hash, id, path, origin FROM articles WHERE content_hash IN ({ids})",
            list(content_hashes),
        )
        return {row[0]: HeldArticle(row[1], row[2], row[3]) for row in rows}

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
        article: Article,
        content_hash: str,
        extraction: Extraction,
        extractor_version: int,
        *,
        parent_id: int | None = None,
    ) -> UpsertResult:
        """Insert a new article, update one whose file changed, or leave an identical one alone."""
        with self._writing():
            held = self.held_articles([content_hash]).get(content_hash)
            if held is not None:
                return self.record_seen(held, article)
            return self.store_new(
                article, content_hash, extraction, extractor_version, parent_id=parent_id
            )

    def record_seen(self, held: HeldArticle, article: Article) -> UpsertResult:
        """`article`'s text is already held as `held`: "unchanged" when it is the same record
        read again (its file, if it was missing, is back), else a "duplicate", kept once."""
        with self._writing() as tx:
            if article.path and held.path == article.path:
                tx.execute("UPDATE articles SET original_missing = 0 WHERE id = ?", (held.id,))
        same_record = held.path == article.path and held.origin == article.origin
        return UpsertResult(held.id, "unchanged" if same_record else "duplicate")

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
        same (path, origin), or a new article. Another process may have stored the same text
        since; then this is `record_seen` of that article."""
        stamp = now_iso()
        values = stored_values(article, content_hash)
        with self._writing() as tx:
            previous = self.find_by_origin(article.path, article.origin)
            try:
                if previous is not None:
                    tx.execute(
                        "UPDATE articles SET title=?, body=?, date=?, source=?, url=?, dateline=?,"
                        " author=?, path=?, origin=?, content_hash=?, updated_at=?, indexed=0,"
                        " original_missing=0 WHERE id=?",
                        (*values, stamp, previous),
                    )
                    result = UpsertResult(previous, "updated")
                else:
                    cur = tx.execute(
                        "INSERT INTO articles (title, body, date, source, url, dateline, author,"
                        " path, origin, content_hash, imported_at, parent_id)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*values, stamp, parent_id),
                    )
                    assert cur.lastrowid is not None
                    result = UpsertResult(cur.lastrowid, "imported")
            except sqlite3.IntegrityError:
                # The content hash is unique: the text was stored after the caller looked.
                held = self.held_articles([content_hash]).get(content_hash)
                if held is None:
                    raise
                return self.record_seen(held, article)
            self.store_extraction(result.article_id, extraction, extractor_version)
        return result

    def stale_extraction_ids(self, version: int) -> list[int]:
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE extractor_version != ? ORDER BY id", (version,)
        ).fetchall()
        return [r[0] for r in rows]

    def delete_article(self, article_id: int) -> None:
        with self._writing() as tx:
            tx.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _edits(self, article_ids: Sequence[int]) -> dict[int, dict[str, str | None]]:
        edits: dict[int, dict[str, str | None]] = {}
        for row in self._rows_in(
            "SELECT article_id, field, value FROM article_edits WHERE article_id IN ({ids})",
            article_ids,
        ):
            edits.setdefault(row[0], {})[row[1]] = row[2]
        return edits

    def _stored(self, row: sqlite3.Row, edits: dict[str, str | None]) -> StoredArticle:
        return stored_article(
            row, edits, imported_at=row["imported_at"], updated_at=row["updated_at"]
        )

    def get_article(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return self._stored(row, self._edits([article_id]).get(article_id, {}))

    def get_articles(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        edits = self._edits(article_ids)
        rows = self._rows_in("SELECT * FROM articles WHERE id IN ({ids})", article_ids)
        return {row["id"]: self._stored(row, edits.get(row["id"], {})) for row in rows}

    def bodies(self, article_ids: Sequence[int]) -> dict[int, str]:
        rows = self._rows_in("SELECT id, body FROM articles WHERE id IN ({ids})", article_ids)
        return {row[0]: row[1] for row in rows}

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
        with self._writing():
            self._rows_in(
                "UPDATE articles SET indexed = ? WHERE id IN ({ids})",
                list(article_ids),
                before=(int(indexed),),
            )

    def mark_all_unindexed(self) -> None:
        with self._writing() as tx:
            tx.execute("UPDATE articles SET indexed = 0")

    def mark_original_missing(self, path: str, missing: bool = True) -> int:
        with self._writing() as tx:
            cur = tx.execute(
                "UPDATE articles SET original_missing = ? WHERE path = ?", (int(missing), path)
            )
            return cur.rowcount

    def count_from_path(self, path: str) -> int:
        return self._conn.execute(
            "SELECT COUNT(*) FROM articles WHERE path = ?", (path,)
        ).fetchone()[0]

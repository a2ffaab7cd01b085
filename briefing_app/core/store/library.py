"""The whole SQLite store as one object: articles, extraction and user data over one file."""

from __future__ import annotations

from briefing_app.core.store.user_data import UserData


class Library(UserData):
    """An open SQLite library: the `ArticleStore` (core/engines.py) a single desk uses.

    Its table modules stack (connection ← extraction ← articles ← user_data); this adds what
    reads across all of them."""

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

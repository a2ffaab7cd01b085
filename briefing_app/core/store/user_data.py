"""What the user made, kept only in the store: edits, reading state, briefings, watched folders,
and the files already imported (so importing a folder again only reads what changed)."""

from __future__ import annotations

import json

from briefing_app.core.store.articles import ArticleTables
from briefing_app.core.store.connection import now_iso
from briefing_app.core.store.records import EDITABLE_FIELDS


class UserData(ArticleTables):
    """The `article_edits`, `briefings`, `watched_folders` and `files` tables, and the read and
    starred flags of `articles`."""

    # -- edits and reading state -----------------------------------------------------------------

    def edit_article(self, article_id: int, changes: dict[str, str | None]) -> None:
        """Store the user's values for title, date or source; None for a field removes the edit."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        stamp = now_iso()
        with self._writing() as tx:
            for name, value in changes.items():
                tx.execute(
                    "INSERT OR REPLACE INTO article_edits (article_id, field, value, edited_at)"
                    " VALUES (?, ?, ?, ?)",
                    (article_id, name, value, stamp),
                )
            tx.execute("UPDATE articles SET indexed = 0 WHERE id = ?", (article_id,))

    def revert_edit(self, article_id: int, name: str) -> None:
        with self._writing() as tx:
            tx.execute(
                "DELETE FROM article_edits WHERE article_id = ? AND field = ?", (article_id, name)
            )
            tx.execute("UPDATE articles SET indexed = 0 WHERE id = ?", (article_id,))

    def set_flag(self, article_id: int, name: str, value: bool) -> None:
        if name not in ("read", "starred"):
            raise ValueError(name)
        with self._writing() as tx:
            tx.execute(
                f"UPDATE articles SET {name} = ?, indexed = 0 WHERE id = ?",
                (int(value), article_id),
            )

    # -- files seen ------------------------------------------------------------------------------

    def file_unchanged(self, path: str, size: int, mtime_ns: int) -> bool:
        row = self._conn.execute(
            "SELECT size, mtime_ns FROM files WHERE path = ?", (path,)
        ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime_ns

    def remember_file(self, path: str, size: int, mtime_ns: int) -> None:
        with self._writing() as tx:
            tx.execute(
                "INSERT OR REPLACE INTO files (path, size, mtime_ns, seen_at) VALUES (?, ?, ?, ?)",
                (path, size, mtime_ns, now_iso()),
            )

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
        with self._writing() as tx:
            tx.execute("DELETE FROM files WHERE path = ?", (path,))

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
        with self._writing() as tx:
            tx.execute(
                "INSERT INTO briefings (name, document, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET document = excluded.document,"
                " updated_at = excluded.updated_at",
                (name, json.dumps(document, ensure_ascii=False), now_iso()),
            )

    def rename_briefing(self, old: str, new: str) -> None:
        with self._writing() as tx:
            tx.execute("UPDATE briefings SET name = ? WHERE name = ?", (new, old))

    def delete_briefing(self, name: str) -> None:
        with self._writing() as tx:
            tx.execute("DELETE FROM briefings WHERE name = ?", (name,))

    # -- watched folders -------------------------------------------------------------------------

    def watched_folders(self) -> list[str]:
        rows = self._conn.execute("SELECT path FROM watched_folders ORDER BY path").fetchall()
        return [r[0] for r in rows]

    def add_watched_folder(self, path: str) -> None:
        with self._writing() as tx:
            tx.execute(
                "INSERT OR IGNORE INTO watched_folders (path, added_at) VALUES (?, ?)",
                (path, now_iso()),
            )

    def remove_watched_folder(self, path: str) -> bool:
        with self._writing() as tx:
            return tx.execute("DELETE FROM watched_folders WHERE path = ?", (path,)).rowcount > 0

"""Who may do what in a team library: three PostgreSQL roles, and what the connected one may do.

readers search and read (and keep their own reading state and stars); editors also correct
figures, edit articles and make briefings; importers also import. Role names start with the
database's name, so two team libraries on one server keep their members apart. People are
PostgreSQL login roles made members of one of them by the administrator.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql

from briefing_app.core.team import schema
from briefing_app.core.team.location import shown_url
from briefing_app.core.team.settings import TeamLibraryError, connect
from briefing_app.core.team.store import TeamStore

ROLE_KINDS = ("readers", "editors", "importers")

_READ_TABLES = (
    "meta article_edits entities article_facets figures figure_corrections reading_state"
    " files briefings watched_folders lexicon articles facet_names article_names facet_counts"
).split()
# What each role may change, beyond what the role it includes may.
_WRITES = {
    "readers": {"reading_state": "INSERT, UPDATE"},
    "editors": {
        "article_edits": "INSERT, UPDATE, DELETE",
        "figure_corrections": "INSERT, UPDATE, DELETE",
        "briefings": "INSERT, UPDATE, DELETE",
        "watched_folders": "INSERT, DELETE",
        # an edited date re-extracts figures, and the shown title/date/source follow edits
        "articles": "UPDATE",
        "entities": "INSERT, DELETE",
        "figures": "INSERT, DELETE",
        # an article's facet names follow its extraction and its shown source and year; the
        # server counts them as they change (schema.py, version 2)
        "article_names": "INSERT, DELETE",
        "facet_names": "INSERT",
        "facet_counts": "INSERT, UPDATE",
    },
    "importers": {
        "articles": "INSERT, UPDATE",
        "files": "INSERT, UPDATE, DELETE",
        "lexicon": "INSERT, UPDATE",
        "meta": "INSERT, UPDATE",
    },
}


@dataclass(frozen=True)
class Permissions:
    """What the connected person may do; the window greys out the rest."""

    user: str
    edit: bool  # correct figures, edit articles, make and change briefings
    import_: bool  # import articles, watch folders


def role_names(database: str) -> dict[str, str]:
    return {kind: f"{database}_{kind}" for kind in ROLE_KINDS}


def init_library(url: str) -> dict[str, str]:
    """Create the schema and the three roles with their rights (idempotent, as an administrator
    or the database's owner); returns the role names by kind."""
    with connect(url) as conn:
        try:
            with conn.transaction():
                schema.install(conn)
                database = conn.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
                names = role_names(database)
                _create_roles(conn, database, names)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise TeamLibraryError(
                f"Setting up {shown_url(url)} needs an administrator or the database's owner"
                f" ({exc.diag.message_primary})."
            ) from exc
    return names


def _create_roles(conn: psycopg.Connection, database: str, names: dict[str, str]) -> None:
    for kind in ROLE_KINDS:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (names[kind],))
        if exists.fetchone() is None:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(names[kind])))
    readers, editors, importers = (sql.Identifier(names[k]) for k in ROLE_KINDS)
    conn.execute(sql.SQL("GRANT {} TO {}").format(readers, editors))
    conn.execute(sql.SQL("GRANT {} TO {}").format(editors, importers))
    conn.execute(
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), readers)
    )
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(readers))
    for table in _READ_TABLES:
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(table), readers))
    for kind, writes in _WRITES.items():
        for table, rights in writes.items():
            conn.execute(
                sql.SQL("GRANT " + rights + " ON {} TO {}").format(  # rights: the constants above
                    sql.Identifier(table), sql.Identifier(names[kind])
                )
            )
    conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(editors))
    # Each person reads and changes only their own reading state and stars.
    conn.execute("ALTER TABLE reading_state ENABLE ROW LEVEL SECURITY")
    conn.execute("DROP POLICY IF EXISTS own_reading_state ON reading_state")
    conn.execute(
        "CREATE POLICY own_reading_state ON reading_state"
        " USING (user_name = current_user) WITH CHECK (user_name = current_user)"
    )


def permissions(store: TeamStore) -> Permissions:
    """What the connected role may do, asked of the server (whatever role names it uses)."""
    row = store.query(
        "SELECT current_user,"
        " has_table_privilege('figure_corrections', 'INSERT'),"
        " has_table_privilege('articles', 'INSERT')"
    )[0]
    return Permissions(user=row[0], edit=bool(row[1]), import_=bool(row[2]))

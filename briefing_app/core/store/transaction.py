"""The store's one transaction style: BEGIN IMMEDIATE … COMMIT, rolled back on any exception.

Every write in the store, a schema migration's included, runs inside `immediate()`. Blocks nest:
an inner block joins the transaction already open on its connection, so several writes a caller
groups with `Library.transaction()` commit together or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All of a change or none of it, on an autocommit connection (isolation_level=None)."""
    if conn.in_transaction:
        yield conn  # joins the outer block, which commits or rolls back
        return
    # IMMEDIATE takes the write lock now, so two writers queue here instead of failing later
    # with "database is locked" when a read transaction tries to become a write.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")

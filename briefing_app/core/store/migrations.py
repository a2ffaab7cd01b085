"""Numbered schema migrations of the SQLite library, each run once on a library written before it.

SCHEMA_VERSION is the version this program writes. A library stores its version in the `meta`
table; opening an older one runs every step from its version up, each in one transaction that
also records the new version, so an upgrade cut short resumes at the step it stopped in.
To change the schema: add `_to_N` below, register it in STEPS and raise SCHEMA_VERSION; test it
on a library written by the version before (tests/core/test_library.py, with the v1 library
tests/core/data/make_library_v1.py writes).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from briefing_app.core.store.transaction import immediate

SCHEMA_VERSION = 2


def _to_2(tx: sqlite3.Connection) -> None:
    """Figure keys name what the user saw, not what extraction found.

    Version 1 keyed corrections and briefing items by kind:start:end:contributor, with the
    contributor as extracted; version 2 by kind:start:end:n (the n-th figure over that span).
    The stored figures are still those the old keys were made from, so each old key finds its
    figure and its number. A key whose figure had already changed (orphaned under version 1)
    takes the first figure of its span: that is the figure the user corrected."""
    mapping: dict[tuple[int, str], str] = {}
    for (article_id,) in tx.execute("SELECT DISTINCT article_id FROM figures").fetchall():
        seen: dict[tuple[str, int, int], int] = {}
        for row in tx.execute(
            "SELECT data FROM figures WHERE article_id = ? ORDER BY seq", (article_id,)
        ):
            data = json.loads(row[0])
            span = (data["kind"], data["start"], data["end"])
            n = seen.get(span, 0)
            seen[span] = n + 1
            old = f"{span[0]}:{span[1]}:{span[2]}:{data.get('contributor') or ''}"
            mapping.setdefault((article_id, old), f"{span[0]}:{span[1]}:{span[2]}:{n}")

    def new_key(article_id: int, old: str) -> str:
        if (article_id, old) in mapping:
            return mapping[(article_id, old)]
        kind, start, end = (old.split(":") + ["", "", ""])[:3]
        if start.isdigit() and end.isdigit():
            return f"{kind}:{start}:{end}:0"
        return old

    rows = tx.execute(
        "SELECT article_id, figure_key, changes, rejected, corrected_at FROM figure_corrections"
    ).fetchall()
    tx.execute("DELETE FROM figure_corrections")
    # Matched keys first, so an orphan that lands on a corrected figure's key never displaces it.
    rows.sort(key=lambda r: (r[0], r[1]) not in mapping)
    tx.executemany(
        "INSERT OR IGNORE INTO figure_corrections"
        " (article_id, figure_key, changes, rejected, corrected_at) VALUES (?, ?, ?, ?, ?)",
        [(r[0], new_key(r[0], r[1]), r[2], r[3], r[4]) for r in rows],
    )
    for briefing_id, document in tx.execute("SELECT id, document FROM briefings").fetchall():
        try:
            doc = json.loads(document)
        except ValueError:
            continue  # a damaged briefing stays as it was; opening it reports the damage
        changed = False
        for item in doc.get("items", []) if isinstance(doc, dict) else []:
            if isinstance(item, dict) and item.get("figure_key") and item.get("article_id"):
                item["figure_key"] = new_key(item["article_id"], item["figure_key"])
                changed = True
        if changed:
            tx.execute(
                "UPDATE briefings SET document = ? WHERE id = ?",
                (json.dumps(doc, ensure_ascii=False), briefing_id),
            )


# STEPS[n] upgrades a library of version n - 1 to version n.
STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _to_2}


def migrate(conn: sqlite3.Connection, version: int) -> int:
    """Run every step above version on an autocommit connection; returns the version reached."""
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with immediate(conn):
            STEPS[target](conn)
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(target),),
            )
        version = target
    return version


__all__ = ["SCHEMA_VERSION", "STEPS", "migrate"]

"""Shared by the trust tests (issue 7): the fuzzing budget, counts of cases run, subprocess helpers,
and the library under test on either engine (a local folder, or a team library's URL)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from briefing_app.core.store import DB_NAME

REPO = Path(__file__).resolve().parent.parent.parent
SHARED = REPO.parent / "shared"
REUTERS = SHARED / "corpora" / "reuters21578.jsonl.gz"
REUTERS_ARTICLES = 19_043
PYTHON = sys.executable

# A fixed, derandomised budget so CI sees the same cases every run and the whole trust folder
# stays well under 90 s of fuzzing. TRUST_FUZZ_SCALE=10 (say) runs ten times as many, with
# fresh random cases, for a longer local hunt.
_SCALE = float(os.environ.get("TRUST_FUZZ_SCALE", "1"))
settings.register_profile(
    "trust-ci",
    deadline=None,
    derandomize=_SCALE == 1,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
TRUST = settings.get_profile("trust-ci")


def budget(examples: int) -> settings:
    """Settings for one property test: the trust profile with `examples` cases (scaled)."""
    return settings(TRUST, max_examples=max(1, int(examples * _SCALE)))


# How many cases each kind of fuzzing ran, and how many kill points were tried; written to
# <pytest basetemp>/trust-counts.json and printed at the end so docs/reliability.md can quote it.
COUNTS: Counter[str] = Counter()


def count(kind: str, n: int = 1) -> None:
    COUNTS[kind] += n


# -- helpers shared by the subprocess tests ---------------------------------------------------


def read_only_count(db: Path) -> int | None:
    """Articles in a library another process is writing, read without taking any write lock."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def wait_for(predicate, timeout: float, interval: float = 0.05):
    """Poll until predicate() is truthy (returned) or timeout (None)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None


def needs_reuters() -> Path:
    if not REUTERS.exists():
        pytest.skip(f"needs {REUTERS} (the shared Reuters corpus beside the clone): not present")
    return REUTERS


def cli(*args: str) -> list[str]:
    """The real command line, as a user runs it from a checkout."""
    return [PYTHON, str(REPO / "main.py"), *args]


# -- the library under test, on either engine ---------------------------------------------------

ENGINES = ("local", "team")


@dataclass(frozen=True)
class LibraryUnderTest:
    """A library the trust tests write to from another process and then check.

    `location` is what the program is given (`--library`, open_workspace): a folder for the
    local library, a `postgresql://` URL (as the administrator) for a team library."""

    engine: str
    location: str

    def live_count(self) -> int | None:
        """Articles stored so far while another process imports (None: not readable yet)."""
        if self.engine == "local":
            return read_only_count(Path(self.location) / DB_NAME)
        import psycopg

        try:
            with psycopg.connect(self.location, autocommit=True, connect_timeout=5) as conn:
                row = conn.execute("SELECT count(*) FROM articles").fetchone()
        except psycopg.Error:
            return None
        return row[0] if row else None

    def checked_hashes(self) -> list[str]:
        """Check the stored rows with the engine's own means, below the program; the content
        hash of every article stored (a repeat would be a duplicate article)."""
        if self.engine == "local":
            return _checked_sqlite(Path(self.location) / DB_NAME)
        return _checked_team(self.location)


def _checked_sqlite(db: Path) -> list[str]:
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Nothing half-written: no article without its text.
        assert raw.execute("SELECT COUNT(*) FROM articles WHERE body = ''").fetchone()[0] == 0
        return [r[0] for r in raw.execute("SELECT content_hash FROM articles")]
    finally:
        raw.close()


def _orphans(table: str) -> str:
    return (
        f"SELECT count(*) FROM {table} r"
        " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)"
    )


def _names_out_of_step(facet: str, shown: str) -> str:
    """Articles whose shown source (or year) is not the one name of that facet they carry."""
    return (
        "SELECT count(*) FROM articles a WHERE"
        f" (SELECT array_agg(n.value) FROM article_names an JOIN facet_names n ON n.id = an.name_id"
        f"  WHERE an.article_id = a.id AND n.facet = '{facet}')"
        f" IS DISTINCT FROM CASE WHEN {shown} IS NULL THEN NULL ELSE ARRAY[{shown}] END"
    )


# The server keeps its own pages whole (there is no PRAGMA integrity_check to run); what a kill
# could leave behind is a unit of work half done across tables, so each of these must be 0.
TEAM_CHECKS = {
    "articles without their text": "SELECT count(*) FROM articles WHERE body = ''",
    "texts stored twice": "SELECT count(*) - count(DISTINCT content_hash) FROM articles",
    **{
        f"{table} rows of no article": _orphans(table)
        for table in (
            "entities",
            "figures",
            "article_names",
            "article_edits",
            "figure_corrections",
            "reading_state",
        )
    },
    # What the desk sees is the importer's value with the edit over it, in the same commit.
    "shown title or source not the edited one": (
        "SELECT count(*) FROM articles a"
        " LEFT JOIN article_edits t ON t.article_id = a.id AND t.field = 'title'"
        " LEFT JOIN article_edits s ON s.article_id = a.id AND s.field = 'source'"
        " WHERE a.shown_title <> coalesce(CASE WHEN t.article_id IS NULL THEN a.title"
        "   ELSE t.value END, '')"
        " OR a.shown_source IS DISTINCT FROM"
        "   CASE WHEN s.article_id IS NULL THEN a.source ELSE s.value END"
    ),
    # The facet names follow the articles as their transaction commits (team/names.py) ...
    "articles not named by their shown source": _names_out_of_step("sources", "a.shown_source"),
    "articles not named by their year": _names_out_of_step("years", "a.year::text"),
    # ... and the server-kept counts follow the names (schema.py, version 2).
    "facet counts out of step with the names": (
        "SELECT count(*) FROM facet_counts c FULL JOIN"
        " (SELECT name_id, count(*) AS n FROM article_names GROUP BY name_id) a USING (name_id)"
        " WHERE coalesce(c.n, 0) <> coalesce(a.n, 0)"
    ),
}


def _checked_team(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn, conn.transaction():
        # One state of the library for every check.
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        broken = {
            what: n
            for what, sql in TEAM_CHECKS.items()
            if (n := conn.execute(sql).fetchone()[0]) != 0
        }
        assert not broken, broken
        return [r[0] for r in conn.execute("SELECT content_hash FROM articles")]


def synthetic_corpus(path: Path, n: int, *, repeat_every: int = 40) -> Path:
    """n JSON Lines records of distinct texts (they differ by their numbers), except that every
    `repeat_every`-th record repeats an earlier one's text under another id, as wire copy does:
    the library must hold each text once."""
    countries = ("Latvia", "Estonia", "Lithuania", "Poland", "Finland")
    sources = ("Test Wire", "Baltic Desk", "Other Wire")
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            j = i // 2 if i and i % repeat_every == 0 else i
            record = {
                "id": f"r{i}",
                "title": f"Battalion {j} deploys",
                "date": f"20{10 + j % 12:02d}-0{1 + j % 9}-1{j % 9}",
                "source": sources[j % len(sources)],
                "body": f"About {100 + j} soldiers of battalion {j} arrived in"
                f" {countries[j % len(countries)]} on day {j}, the ministry said. "
                + "The deployment continues. "
                * (j % 7),
            }
            out.write(json.dumps(record) + "\n")
    return path

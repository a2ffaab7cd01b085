"""Shared fixtures: offscreen Qt, the shared dev data when present, temporary libraries, and a
throwaway PostgreSQL cluster for the tests that run on a team library (tests/team, tests/trust).

Each such test gets a database of its own on one cluster per session. Skipped, with the reason,
only when the server's programs are not installed (`bash tools/setup.sh test` installs them).
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The program's log file lives in the user's data folder: tests keep theirs in a temporary one.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="briefing-test-data-")

from pg_cluster import Cluster, ClusterUnavailable, start
from shared_data import REPO, SHARED, shared_path  # noqa: F401  (re-exported for tests)

SEEDS = REPO / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


# -- a throwaway PostgreSQL cluster, one per session, a fresh database per test ------------------

_databases = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = start()
    except ClusterUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def empty_database_url(pg_cluster: Cluster) -> str:
    """A fresh database on the throwaway cluster, never set up, as the administrator."""
    name = f"t{os.getpid()}_{next(_databases)}"
    pg_cluster.admin_sql(f"CREATE DATABASE {name}")
    return pg_cluster.url(name)


@pytest.fixture
def team_url(empty_database_url: str) -> str:
    """A fresh, empty team library (`team init` has run), as the administrator."""
    from briefing_app.core.opening import init_team_library

    init_team_library(empty_database_url)
    return empty_database_url

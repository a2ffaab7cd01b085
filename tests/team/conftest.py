"""A throwaway PostgreSQL cluster for the team-library tests, and a Workspace on either engine.

Each test gets a database of its own on one cluster per session. Skipped, with the reason, only
when the server's programs are not installed (`bash tools/setup.sh test` installs them).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from password_sources import SECRET, MemoryKeyring
from pg_cluster import Cluster, ClusterUnavailable, start

from briefing_app.core.opening import init_team_library, open_workspace
from briefing_app.core.team import credentials
from briefing_app.core.workspace import Workspace

_counter = itertools.count()
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def new_database(cluster: Cluster) -> str:
    name = f"t{os.getpid()}_{next(_counter)}"
    cluster.admin_sql(f"CREATE DATABASE {name}")
    return name


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
    return pg_cluster.url(new_database(pg_cluster))


@pytest.fixture
def team_url(empty_database_url: str) -> str:
    """A fresh, empty team library (`team init` has run), as the administrator."""
    init_team_library(empty_database_url)
    return empty_database_url


@pytest.fixture(params=["local", "team"])
def engine_workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """An empty Workspace on the local library (SQLite + Whoosh) and on a team library."""
    if request.param == "local":
        location = str(tmp_path / "library")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        location = cluster.url(new_database(cluster))
        init_team_library(location)
    workspace = open_workspace(location, seed_if_empty=False)
    try:
        yield workspace
    finally:
        workspace.close()


# -- passwords: a keyring in memory, and a library whose user must give one ------------------


@pytest.fixture
def fresh_session(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Nothing known from an earlier test, and libpq finds no password of its own."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    credentials._known.clear()
    previous = keyring.get_keyring()
    yield
    credentials._known.clear()
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def guarded(pg_cluster, team_url: str, fresh_session: None) -> str:  # noqa: ANN001
    """The URL, without password, of a team library whose user must give SECRET."""
    init_team_library(team_url)
    with open_workspace(team_url) as admin:
        admin.import_paths([SEEDS])
    database = team_url.split("@/")[1].split("?")[0]
    user = f"{database}_pw"
    pg_cluster.admin_sql(
        f"CREATE ROLE {user} LOGIN PASSWORD '{SECRET.replace(chr(39), 2 * chr(39))}'"
    )
    pg_cluster.admin_sql(f"GRANT {database}_editors TO {user}")
    hba = pg_cluster.base / "data" / "pg_hba.conf"
    rule = f"local all {user} scram-sha-256\n"
    hba.write_text(rule + hba.read_text())  # first match wins: this user alone needs one
    pg_cluster.admin_sql("SELECT pg_reload_conf()")
    return pg_cluster.url(database, user)

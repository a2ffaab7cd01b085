"""A throwaway PostgreSQL cluster for the team-library tests, and a Workspace on either engine.

Each test gets a database of its own on one cluster per session. Skipped, with the reason, only
when the server's programs are not installed (`bash tools/setup.sh test` installs them).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_cluster import Cluster, ClusterUnavailable, start

from briefing_app.core.opening import open_workspace
from briefing_app.core.workspace import Workspace

_counter = itertools.count()


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
def team_url(pg_cluster: Cluster) -> str:
    """A fresh, empty database on the throwaway cluster, as the administrator."""
    return pg_cluster.url(new_database(pg_cluster))


@pytest.fixture(params=["local", "team"])
def engine_workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """An empty Workspace on the local library (SQLite + Whoosh) and on a team library."""
    if request.param == "local":
        location = str(tmp_path / "library")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        location = cluster.url(new_database(cluster))
    workspace = open_workspace(location, seed_if_empty=False)
    try:
        yield workspace
    finally:
        workspace.close()

"""Team-library fixtures: a Workspace on either engine, and passwords.

The throwaway PostgreSQL cluster and its fresh databases (pg_cluster, empty_database_url,
team_url) are in tests/conftest.py, shared with the trust tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from password_sources import SECRET, MemoryKeyring

from briefing_app.core.opening import init_team_library, open_workspace
from briefing_app.core.team import credentials
from briefing_app.core.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(params=["local", "team"])
def engine_workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """An empty Workspace on the local library (SQLite + Whoosh) and on a team library."""
    if request.param == "local":
        location = str(tmp_path / "library")
    else:
        location = request.getfixturevalue("team_url")
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

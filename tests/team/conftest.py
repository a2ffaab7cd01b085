"""A throwaway PostgreSQL cluster for the team-library tests, and a Workspace on either engine.

The cluster lives in a temporary folder and listens only on a Unix socket there; each test gets
a database of its own. initdb refuses to run as root, so as root the server runs as the
`postgres` user the server package creates. Skipped, with the reason, only when the server's
programs are not installed (`bash tools/setup.sh test` installs them).
"""

from __future__ import annotations

import getpass
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_app.core.workspace import Workspace

_counter = itertools.count()


@dataclass
class Cluster:
    socket_dir: Path
    admin: str = "admin"

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.admin}@/{database}?host={self.socket_dir}"

    def admin_sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)  # test set-up only: names come from the tests themselves

    def new_database(self) -> str:
        name = f"t{os.getpid()}_{next(_counter)}"
        self.admin_sql(f"CREATE DATABASE {name}")
        return name


def _server_bindir() -> Path | None:
    found = shutil.which("pg_config")
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        candidates.insert(0, Path(out.stdout.strip()))
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    return None


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bindir = _server_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server programs (initdb, pg_ctl) are not installed:"
            " `bash tools/setup.sh test` installs them"
        )
    if os.geteuid() == 0:
        try:
            server_user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
    # A short path: a Unix socket's path may not exceed 107 bytes.
    base = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    base.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(base, server_user.pw_uid, server_user.pw_gid)
    data = base / "data"
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "admin",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-N",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield Cluster(base)
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def team_url(pg_cluster: Cluster) -> str:
    """A fresh, empty database on the throwaway cluster, as the administrator."""
    return pg_cluster.url(pg_cluster.new_database())


@pytest.fixture(params=["local", "team"])
def engine_workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """An empty Workspace on the local library (SQLite + Whoosh) and on a team library."""
    if request.param == "local":
        location: str = str(tmp_path / "library")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        location = cluster.url(cluster.new_database())
    workspace = Workspace.open(location, seed_if_empty=False)
    try:
        yield workspace
    finally:
        workspace.close()


__all__ = ["Cluster", "getpass"]

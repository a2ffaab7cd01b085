"""A throwaway PostgreSQL cluster in a temporary folder, on a Unix socket only: for the
team-library tests (tests/conftest.py) and benchmarks/bench_team.py.

initdb refuses to run as root, so as root the server runs as the `postgres` user that the
server package creates.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class ClusterUnavailable(Exception):
    """Why no cluster can be started here (the server is not installed, no user to run it)."""


@dataclass
class Cluster:
    base: Path
    bindir: Path
    admin: str = "admin"

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.admin}@/{database}?host={self.base}"

    def admin_sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)  # set-up only: the names come from the caller's own code

    def stop(self) -> None:
        subprocess.run(
            _as_server_user(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.base / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.base, ignore_errors=True)


def server_bindir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        candidates.insert(0, Path(out.stdout.strip()))
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    return None


def _as_server_user(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def start(*, durable: bool = False) -> Cluster:
    """Start a cluster; `durable=False` turns fsync off (tests), True keeps the server's
    defaults (benchmarks measure what a real server does)."""
    bindir = server_bindir()
    if bindir is None:
        raise ClusterUnavailable(
            "PostgreSQL server programs (initdb, pg_ctl) are not installed:"
            " `bash tools/setup.sh test` installs them"
        )
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise ClusterUnavailable(
                "running as root and there is no 'postgres' user to run the server as"
            ) from exc
    # A short path: a Unix socket's path may not exceed 107 bytes.
    base = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    base.chmod(0o755)
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(base / "data"),
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
    options = f"-k {base} -c listen_addresses=''"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(base / "data"),
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
    return Cluster(base, bindir)

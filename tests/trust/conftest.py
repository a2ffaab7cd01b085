"""Trust tests (issue 7): the library under test on either engine; report how many fuzz cases and
kill points ran, at the end of the session."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# The trust tests share helpers in trust_support.py beside this file (tests/ is not a package).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from trust_support import COUNTS, ENGINES, LibraryUnderTest  # noqa: E402


@pytest.fixture(params=ENGINES)
def library(request: pytest.FixtureRequest, tmp_path: Path) -> LibraryUnderTest:
    """Where a test's library is, on each engine: a new folder for the local library, a fresh
    team library (set up, empty) on the session's throwaway PostgreSQL cluster."""
    if request.param == "local":
        return LibraryUnderTest("local", str(tmp_path / "lib"))
    return LibraryUnderTest("team", request.getfixturevalue("team_url"))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ARG001
    if not COUNTS:
        return
    terminalreporter.section("trust: cases run")
    for kind, n in sorted(COUNTS.items()):
        terminalreporter.write_line(f"{kind:40s} {n:>7d}")
    try:
        base = config._tmp_path_factory.getbasetemp()  # noqa: SLF001 - pytest's own tmp dir
    except Exception:  # noqa: BLE001 - the counts are a report, never a failure
        return
    target = Path(base) / "trust-counts.json"
    target.write_text(json.dumps(dict(sorted(COUNTS.items())), indent=1), "utf-8")
    terminalreporter.write_line(f"counts written to {target}")

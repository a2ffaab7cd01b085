"""Shared by the trust tests (issue 7): the fuzzing budget, counts of cases run, subprocess helpers."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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

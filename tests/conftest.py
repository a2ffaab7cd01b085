"""Shared fixtures: offscreen Qt, the shared dev data when present, temporary libraries."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The program's log file lives in the user's data folder: tests keep theirs in a temporary one.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="briefing-test-data-")

from shared_data import REPO, SHARED, shared_path  # noqa: F401  (re-exported for tests)

SEEDS = REPO / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"

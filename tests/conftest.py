"""Shared fixtures: offscreen Qt, the shared dev data when present, temporary libraries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when a clone has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} beside the clone (not present)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"

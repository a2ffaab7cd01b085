"""Where the shared development data lives, and skipping cleanly in a clone that has none."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when a clone has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} beside the clone (not present)")
    return path


def load_script(path: Path) -> ModuleType:
    """A script outside any package (benchmarks/, the golden-file generator) loaded as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/ loaded as a module, for tests and tools."""
    return load_script(REPO / "benchmarks" / f"{name}.py")

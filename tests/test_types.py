"""The package's type hints hold: mypy finds no error in briefing_app (core, cli, ui, all).

One mypy run over the whole package keeps the suite fast. mypy reads its settings ([tool.mypy]
in pyproject.toml: Python 3.11, and the third-party modules without type information it may not
follow) from the repository root.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_has_no_type_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e .[test])")
    monkeypatch.chdir(ROOT)  # the paths in pyproject.toml's [tool.mypy] are the root's
    stdout, stderr, status = api.run(["--config-file", "pyproject.toml", "briefing_app"])
    assert status == 0, f"mypy found type errors in briefing_app:\n{stdout}{stderr}"
    assert "Success: no issues found" in stdout
    checked = int(stdout.rsplit(" in ", 1)[1].split()[0])
    modules = len(list((ROOT / "briefing_app").rglob("*.py")))
    assert checked == modules, f"mypy checked {checked} of the package's {modules} modules"

"""`briefing chart` end to end: the real command line in a subprocess, with no display."""

from __future__ import annotations

import re

import pytest

from briefing_app.core.country_colours import country_colour
from tests.test_cli_export import REPO, run  # the real command line in a subprocess, no display


@pytest.fixture
def library_dir(library_dir):
    # The command line never seeds a library: import the seeds as a user would.
    assert run(library_dir, "import", str(REPO / "seeds")).returncode == 0
    return library_dir


def _labels(svg: str) -> set[str]:
    return set(re.findall(r">([^<>]+)</text>", svg))


def test_chart_svg_with_the_windows_options(library_dir, tmp_path):
    out = tmp_path / "chart.svg"
    result = run(library_dir, "chart", "--out", str(out))
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    labels = _labels(svg)
    # Deployments and presence by default: Russia's exercise is left out, and the output says so.
    assert "Russia" not in labels and {"United Kingdom", "Germany", "United States"} <= labels
    assert "1 exercise (up to 100,000)" in result.stdout
    assert country_colour("United Kingdom") in svg  # the colour the window uses for it

    result = run(
        library_dir, "chart", "--out", str(out), "--kinds", "all", "--scale", "log",
        "--countries", "Russia,Norway",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    labels = _labels(svg)
    assert "Russia" in labels and "Norway" in labels and "Germany" not in labels
    assert "troops (log scale)" in labels and "100,000" in labels
    assert "2 countries" in result.stdout


def test_chart_png_matrix_and_bad_options(library_dir, tmp_path):
    out = tmp_path / "chart.png"
    result = run(library_dir, "chart", "--out", str(out), "--style", "matrix", "--top", "3")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:4] == b"\x89PNG" and out.stat().st_size > 5000
    assert "3 countries" in result.stdout and "as matrix" in result.stdout

    result = run(library_dir, "chart", "--out", str(out), "--kinds", "parade")
    assert result.returncode == 2 and "unknown kind 'parade'" in result.stderr
    result = run(library_dir, "chart", "--out", str(tmp_path / "chart.gif"))
    assert result.returncode == 1 and "name it .svg or .png" in result.stderr
    missing = tmp_path / "no-such-folder" / "chart.svg"
    result = run(library_dir, "chart", "--out", str(missing))
    assert result.returncode == 1 and "does not exist" in result.stderr and not missing.exists()

"""`briefing --self-test`: every step runs and passes from a checkout, and a failure says which."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app import selftest

REPO = Path(__file__).resolve().parent.parent
STEPS = ("seeds", "search", "extract", "chart", "html", "pdf")


def sandbox_env(home: Path) -> dict[str, str]:
    """Offscreen, with HOME and the XDG folders in `home`, and the library variable pointed there."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env["BRIEFING_LIBRARY"] = str(home / "user-library")
    return env


def test_self_test_from_a_checkout_passes_every_step(tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--self-test"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=sandbox_env(tmp_path),
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Briefing Reader ") and "checkout" in lines[0]
    for step in STEPS:
        line = next((x for x in lines if x.split()[1:2] == [step]), None)
        assert line is not None, f"no line for step {step!r} in:\n{done.stdout}"
        assert line.startswith("ok "), line
        assert " s  " in line  # the step's time
    assert "hits for 'NATO'" in done.stdout
    assert "United States 600" in done.stdout
    assert "bars drawn" in done.stdout
    assert lines[-1].startswith("Self-test passed: 6 steps")
    # The self-test works in a temporary library, never in the user's.
    assert not (tmp_path / "user-library").exists()
    assert not any(p.name == "BriefingReader" for p in tmp_path.rglob("*"))


def test_a_failed_check_names_the_step_and_exits_non_zero(monkeypatch):
    monkeypatch.setattr(selftest, "EXPECTED_FIGURE", ("Atlantis", 12345))
    out = io.StringIO()
    assert selftest.run_self_test(out) == selftest.EXIT_FAILED
    text = out.getvalue()
    assert "ok   seeds" in text and "ok   search" in text
    assert "FAIL extract" in text and "Atlantis 12,345" in text
    # What extraction did find is listed, so the message can be acted on.
    assert "United States 600" in text
    for step in ("chart", "html", "pdf"):
        assert f"SKIP {step}" in text
    assert text.splitlines()[-1].startswith("Self-test FAILED")


def test_missing_seeds_fail_the_first_step(monkeypatch, tmp_path):
    import briefing_app.paths

    monkeypatch.setattr(briefing_app.paths, "seeds_dir", lambda: tmp_path / "no-seeds")
    out = io.StringIO()
    assert selftest.run_self_test(out) == selftest.EXIT_FAILED
    assert "FAIL seeds" in out.getvalue() and "no seed articles" in out.getvalue()


def test_a_crash_in_a_step_is_reported_as_one_line(monkeypatch, capsys):
    def broken(ctx):
        raise ImportError("wrapper with a page of advice") from OSError("libfoo.so: not found")

    monkeypatch.setattr(selftest, "_step_search", broken)
    out = io.StringIO()
    assert selftest.run_self_test(out) == selftest.EXIT_FAILED
    fail = next(x for x in out.getvalue().splitlines() if x.startswith("FAIL"))
    assert fail.startswith("FAIL search") and "OSError: libfoo.so: not found" in fail
    assert "Traceback" in capsys.readouterr().err  # the details go to stderr


@pytest.mark.parametrize("bars", [0, 3])
def test_the_chart_check_counts_bars(monkeypatch, bars, tmp_path, qapp):
    """If bars go missing from the image, the chart step fails (the check is not decorative)."""
    import pyqtgraph as pg

    real = pg.BarGraphItem

    def fewer(**kwargs):
        kwargs["height"] = list(kwargs["height"])[:bars] if bars else []
        kwargs["x"] = list(kwargs["x"])[: len(kwargs["height"])]
        return real(**kwargs)

    monkeypatch.setattr(pg, "BarGraphItem", fewer)
    ctx = selftest._Context(folder=tmp_path)
    selftest._step_seeds(ctx)
    try:
        with pytest.raises(selftest.StepFailed, match="bars in the chart image"):
            selftest._step_chart(ctx)
    finally:
        ctx.workspace.close()

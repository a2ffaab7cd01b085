"""A crash during import never costs an article: the real command line is SIGKILLed part-way
through the Reuters corpus, twice, and the library is checked after each kill and after the
import is run again to the end.

The protections under test: each batch is one SQLite transaction (kill mid-batch and the
batch is all there or not at all: otherwise integrity or the hash check fails); a file is
remembered only once all its articles are stored (otherwise the re-run skips the file as
"unchanged" and the count stays short); the index is repaired from the library on open
(otherwise search("").total lags the library); identical text is one article (otherwise the
re-run duplicates what the killed run stored).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest
from trust_support import cli, count, needs_reuters, read_only_count, wait_for

from briefing_app.core import articles
from briefing_app.core.store import DB_NAME
from briefing_app.core.workspace import Workspace

# Kill when the library holds this share of the corpus (early-middle and late).
KILL_AT = (0.30, 0.70)


def _corpus_hashes(corpus: Path) -> set[str]:
    return {
        articles.content_hash(item)
        for item in articles.read_path(corpus)
        if isinstance(item, articles.Article)
    }


def _start_import(library: Path, corpus: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        cli("--library", str(library), "import", "--quiet", str(corpus)),
        stdout=open(log, "wb"),  # noqa: SIM115 - closed when the process ends
        stderr=subprocess.STDOUT,
        # Its own process group, so the kill takes any extraction helper with it, as a crash of
        # the program (or a power cut) would.
        start_new_session=True,
    )


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def _check_library(folder: Path, corpus_hashes: set[str], *, complete: bool) -> int:
    db = folder / DB_NAME
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        hashes = [r[0] for r in raw.execute("SELECT content_hash FROM articles")]
        # Nothing half-written: no article without its text.
        assert raw.execute("SELECT COUNT(*) FROM articles WHERE body = ''").fetchone()[0] == 0
    finally:
        raw.close()
    assert len(hashes) == len(set(hashes)), "duplicate articles"
    stored = set(hashes)
    # Nothing but the corpus: the command line never adds the built-in articles.
    assert stored <= corpus_hashes
    if complete:
        assert corpus_hashes <= stored, f"{len(corpus_hashes - stored)} corpus articles missing"
    with Workspace.open(folder) as ws:
        total = ws.library.count()
        assert total == len(hashes)
        assert ws.library.integrity_ok()
        # The index agrees with the library once open has repaired it.
        assert ws.search("").total == total
        assert ws.maintenance_needed() is None
    count("recovery: articles checked after a kill", total)
    return total


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_during_import_loses_nothing_and_rerun_completes(tmp_path):
    corpus = needs_reuters()
    hashes = _corpus_hashes(corpus)
    expected = len(hashes)
    folder = tmp_path / "lib"
    db = folder / DB_NAME
    previous = 0
    for n, share in enumerate(KILL_AT):
        proc = _start_import(folder, corpus, tmp_path / f"run{n}.log")
        target = int(share * expected)
        reached = wait_for(
            lambda t=target, p=proc: p.poll() is not None or (read_only_count(db) or 0) >= t,
            timeout=240,
            interval=0.02,
        )
        assert reached and proc.poll() is None, (
            f"import finished or stalled before the {share:.0%} kill point: "
            + (tmp_path / f"run{n}.log").read_text(errors="replace")[-2000:]
        )
        _kill(proc)
        count("kill points: import SIGKILLed")
        total = _check_library(folder, hashes, complete=False)
        # Some but not all; and nothing the earlier run stored was lost.
        assert previous <= total < expected
        previous = total
    # Run the same import to the end: it completes the job without duplicates.
    log = tmp_path / "final.log"
    proc = _start_import(folder, corpus, log)
    assert proc.wait(timeout=400) == 0, log.read_text(errors="replace")[-2000:]
    total = _check_library(folder, hashes, complete=True)
    assert total == expected
    # Unique texts: the corpus has 19,043 lines of which some repeat earlier articles' text.
    count("recovery: Reuters lines re-imported to completion", 19_043)

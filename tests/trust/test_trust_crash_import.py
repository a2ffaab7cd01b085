"""A crash during import never costs an article: the real command line is SIGKILLed part-way
through an import, twice, and the library is checked after each kill and after the import is
run again to the end. On both engines: the local library imports the Reuters corpus; a team
library (PostgreSQL) a synthetic corpus, whose size keeps three runs over the server short.

The protections under test: each batch is one transaction (kill mid-batch and the batch is all
there or not at all: otherwise the engine's own checks or the hash check fail); a file is
remembered only once all its articles are stored (otherwise the re-run skips the file as
"unchanged" and the count stays short); the local index is repaired from the library on open,
the team library's is the server's, in the same transaction (otherwise search("").total lags
the library); identical text is one article (otherwise the re-run duplicates what the killed
run stored).
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from trust_support import (
    LibraryUnderTest,
    cli,
    count,
    needs_reuters,
    synthetic_corpus,
    wait_for,
)

from briefing_app.core import articles
from briefing_app.core.opening import open_workspace

# Kill when the library holds this share of the corpus (early-middle and late).
KILL_AT = (0.30, 0.70)
# Records of the team library's corpus: 8 batches of 500, so each kill point has whole batches
# behind it and ahead of it (Reuters over the server is ~40 s a run, three runs too long).
TEAM_RECORDS = 4_000


def _corpus(library: LibraryUnderTest, tmp_path: Path) -> Path:
    if library.engine == "local":
        return needs_reuters()
    return synthetic_corpus(tmp_path / "corpus.jsonl", TEAM_RECORDS)


def _corpus_hashes(corpus: Path) -> set[str]:
    return {
        articles.content_hash(item)
        for item in articles.read_path(corpus)
        if isinstance(item, articles.Article)
    }


def _start_import(location: str, corpus: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        cli("--library", location, "import", "--quiet", str(corpus)),
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


def _check_library(library: LibraryUnderTest, corpus_hashes: set[str], *, complete: bool) -> int:
    hashes = library.checked_hashes()
    assert len(hashes) == len(set(hashes)), "duplicate articles"
    stored = set(hashes)
    # Nothing but the corpus: the command line never adds the built-in articles.
    assert stored <= corpus_hashes
    if complete:
        assert corpus_hashes <= stored, f"{len(corpus_hashes - stored)} corpus articles missing"
    with open_workspace(library.location) as ws:
        total = ws.library.count()
        assert total == len(hashes)
        assert ws.library.integrity_ok()
        # The index agrees with the library once open has repaired it.
        assert ws.search("").total == total
        assert ws.maintenance_needed() is None
    count(f"recovery: articles checked after a kill ({library.engine})", total)
    return total


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_during_import_loses_nothing_and_rerun_completes(library, tmp_path):
    corpus = _corpus(library, tmp_path)
    hashes = _corpus_hashes(corpus)
    expected = len(hashes)
    previous = 0
    for n, share in enumerate(KILL_AT):
        proc = _start_import(library.location, corpus, tmp_path / f"run{n}.log")
        target = int(share * expected)
        reached = wait_for(
            lambda t=target, p=proc: p.poll() is not None or (library.live_count() or 0) >= t,
            timeout=240,
            interval=0.02,
        )
        assert reached and proc.poll() is None, (
            f"import finished or stalled before the {share:.0%} kill point: "
            + (tmp_path / f"run{n}.log").read_text(errors="replace")[-2000:]
        )
        _kill(proc)
        count(f"kill points: import SIGKILLed ({library.engine})")
        total = _check_library(library, hashes, complete=False)
        # Some but not all; and nothing the earlier run stored was lost.
        assert previous <= total < expected
        previous = total
    # Run the same import to the end: it completes the job without duplicates.
    log = tmp_path / "final.log"
    proc = _start_import(library.location, corpus, log)
    assert proc.wait(timeout=400) == 0, log.read_text(errors="replace")[-2000:]
    total = _check_library(library, hashes, complete=True)
    assert total == expected
    # Unique texts: the corpus's lines include some that repeat earlier articles' text.
    lines = sum(1 for _ in articles.read_path(corpus))
    count(f"recovery: corpus lines re-imported to completion ({library.engine})", lines)

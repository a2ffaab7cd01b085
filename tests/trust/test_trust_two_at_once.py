"""Two at once: while the command line imports, a second Workspace and a second command-line
process on the same library neither corrupt it nor hang.

What they may do: wait and succeed, work read-only (search), or stop with a sentence saying
why, within a bounded time. What they may not: raise a traceback, hang, or leave the library
inconsistent. Take away SQLite's busy timeout (Library(timeout=...)) and the second writer
fails with "database is locked" tracebacks; take away Whoosh's write lock and two writers
interleave segment files, which the final integrity and index checks catch.
"""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import time
from itertools import islice

import pytest
from trust_support import cli, count, needs_reuters, read_only_count, wait_for

from briefing_app.core.store import DB_NAME, LibraryError
from briefing_app.core.workspace import Workspace

LINES = 8_000  # a slice of Reuters: long enough to overlap with everything below
BOUND = 90  # seconds any second party may take before we call it a hang

EXTRA = """title: Norwegian frigate joins NATO group
date: 2021-09-01

OSLO — Norway sent a frigate with about 150 sailors to the NATO maritime group, the navy said.
"""


def _run(*args: str, timeout: float = BOUND) -> subprocess.CompletedProcess:
    started = time.monotonic()
    done = subprocess.run(cli(*args), capture_output=True, text=True, timeout=timeout)
    done.elapsed = time.monotonic() - started  # type: ignore[attr-defined]
    return done


def _clear(done: subprocess.CompletedProcess) -> None:
    """Exit 0, or a non-zero exit whose message is a sentence, never a traceback."""
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    if done.returncode != 0:
        assert done.stderr.strip().startswith("briefing:"), done.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX")
def test_second_workspace_and_second_cli_while_importing(tmp_path):
    corpus = tmp_path / "slice.jsonl.gz"
    with gzip.open(needs_reuters(), "rb") as src, gzip.open(corpus, "wb") as dst:
        dst.writelines(islice(src, LINES))
    extra = tmp_path / "extra.txt"
    extra.write_text(EXTRA, encoding="utf-8")
    folder = tmp_path / "lib"
    Workspace.open(folder).close()  # seeds, so the importer is not the one creating the library
    db = folder / DB_NAME
    log = tmp_path / "import.log"
    importer = subprocess.Popen(
        cli("--library", str(folder), "import", "--quiet", str(corpus)),
        stdout=open(log, "wb"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert wait_for(lambda: (read_only_count(db) or 0) > 1000, timeout=BOUND)
        outcomes: dict[str, str] = {}

        # 1. A second Workspace in this process: opens (perhaps catching up the index, perhaps
        #    waiting for the lock) or says why it cannot, within the bound.
        started = time.monotonic()
        try:
            ws = Workspace.open(folder)
        except LibraryError as exc:
            outcomes["open"] = f"refused: {exc}"
            ws = None
        assert time.monotonic() - started < BOUND
        if ws is not None:
            outcomes["open"] = f"opened in {time.monotonic() - started:.1f} s"
            try:
                result = ws.search("oil")  # read-only work goes on during the import
                assert result.total >= 0
                n = ws.library.count()
                assert n > 1000
                ids = ws.search("", page_size=1).all_ids
                ws.edit_article(ids[0], title="Edited during the import")
                assert ws.library.get_article(ids[0]).title == "Edited during the import"
                edited = ids[0]
            finally:
                ws.close()
        else:
            edited = None

        # 2. A second command line: search, stats, and a second import.
        if importer.poll() is None:
            count("concurrency: second parties run during an import", 3)
        for name, args in {
            "cli search": ("--library", str(folder), "search", "oil", "--limit", "3"),
            "cli stats": ("--library", str(folder), "stats"),
            "cli import": ("--library", str(folder), "import", "--quiet", str(extra)),
        }.items():
            done = _run(*args)
            _clear(done)
            outcomes[name] = f"exit {done.returncode} in {done.elapsed:.1f} s"
        print(outcomes)

        assert importer.wait(timeout=300) == 0, log.read_text(errors="replace")[-2000:]
    finally:
        if importer.poll() is None:
            os.killpg(importer.pid, signal.SIGKILL)
            importer.wait()

    # Afterwards: intact, complete, the index agrees, and the second import's article is in.
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    with Workspace.open(folder) as ws:
        assert ws.search("").total == ws.library.count()
        assert ws.search("Norwegian frigate").total == 1
        if edited is not None:
            assert ws.library.get_article(edited).title == "Edited during the import"
            assert ws.search('"Edited during the import"').all_ids == [edited]

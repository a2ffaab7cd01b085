"""User data is sacred: edits, figure corrections and briefings survive a SIGKILL at any moment,
and an export that fails leaves no partial file.

A child process edits continuously and prints each change only after its transaction has
committed; we kill it at random moments and reopen. Every change it reported must be there
(take away the transaction's COMMIT-before-return, or write the edit to the index only, and
the reported change is missing), a title and source edited together are both there or both
not (split edit_article's single transaction and they can disagree), and the library is intact
(SQLite's own check; on a team library, no change half done across its tables).

On both engines: the local library in a folder, and a team library on a PostgreSQL server,
which the child reaches by the URL it is given.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from trust_support import REPO, LibraryUnderTest, count

from briefing_app.core.opening import open_workspace
from briefing_app.core.workspace import Workspace

SEEDS = REPO / "seeds"

_EDITOR = textwrap.dedent(
    """
    import json, sys
    from briefing_app.core.opening import open_workspace

    ws = open_workspace(sys.argv[1])  # a folder, or a team library's URL
    ids = sorted(ws.search("", page_size=100).all_ids)
    # The first article with a troop figure (each engine numbers the seeds its own way).
    first, figure = next(
        (i, f) for i in ids for f in ws.article(i).figures if f.figure.kind == "troops"
    )
    start = int(sys.argv[2])
    print(json.dumps({"ready": True, "article": first, "figure": figure.key}), flush=True)
    i = start
    while True:
        kind = i % 3
        if kind == 0:
            aid = ids[(i // 3) % len(ids)]
            ws.edit_article(aid, title=f"T{i}", source=f"S{i}")
            print(json.dumps({"i": i, "kind": "edit", "id": aid}), flush=True)
        elif kind == 1:
            ws.correct_figure(first, figure.key, count=i, contributor="Estonia")
            print(json.dumps({"i": i, "kind": "figure"}), flush=True)
        else:
            # A large document, so a kill often lands inside the write.
            ws.library.save_briefing(
                f"B{i % 2}", {"i": i, "notes": "x" * 50_000, "items": [{"article": first}]}
            )
            print(json.dumps({"i": i, "kind": "briefing", "name": f"B{i % 2}"}), flush=True)
        i += 1
    """
)

KILLS = 6


def _value(text: str | None) -> int:
    return int(text[1:]) if text and text[:1] in "TS" and text[1:].isdigit() else -1


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_edits_survive_sigkill_at_random_moments(library: LibraryUnderTest):
    # The seeds: a new local library gets them on opening, a team library by importing them.
    with open_workspace(library.location) as ws:
        if library.engine == "team":
            ws.import_paths([SEEDS])
    rng = random.Random(20261123)  # fixed: the same kill moments on every run
    reported: dict[str, int] = {}  # what the child said it committed, latest per key
    issued = 0
    for _ in range(KILLS):
        start = issued + 1000  # every run's values are new, so a stale value cannot pass
        proc = subprocess.Popen(
            [sys.executable, "-c", _EDITOR, library.location, str(start)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        hello = json.loads(proc.stdout.readline() or "{}")
        assert hello.get("ready"), proc.stderr.read()
        time.sleep(rng.uniform(0.2, 1.5))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        lines = [json.loads(line) for line in out.splitlines() if line.strip()]
        count(f"kill points: editor SIGKILLed ({library.engine})")
        count(f"user data: changes reported committed ({library.engine})", len(lines))
        for entry in lines:
            key = {
                "edit": f"edit:{entry.get('id')}",
                "figure": "figure",
                "briefing": f"briefing:{entry.get('name')}",
            }[entry["kind"]]
            reported[key] = entry["i"]
        issued = max([start, *[e["i"] for e in lines]]) + 1

        library.checked_hashes()  # the engine's own checks, below the program
        with open_workspace(library.location) as ws:
            assert ws.library.integrity_ok()
            assert ws.search("").total == ws.library.count()
            for key, i in reported.items():
                if key.startswith("edit:"):
                    article = ws.library.get_article(int(key[5:]))
                    # The change reported, or a later one that committed just before the kill.
                    assert _value(article.title) >= i, (key, article.title, i)
                    # Title and source were one transaction: never one without the other.
                    assert _value(article.title) == _value(article.source), article
                elif key == "figure":
                    figure = next(
                        f for f in ws.article(hello["article"]).figures if f.key == hello["figure"]
                    )
                    assert figure.corrected and figure.figure.low >= i, (figure.figure.low, i)
                    assert figure.figure.low == figure.figure.high
                else:
                    document = ws.library.load_briefing(key.split(":", 1)[1])
                    assert document is not None and document["i"] >= i
                    assert len(document["notes"]) == 50_000  # never half a document
            count(f"user data: changes verified after kill ({library.engine})", len(reported))
    assert len(reported) == 3 + 1 + 2  # three edited articles, one figure, two briefings


# -- a failed export leaves nothing behind -----------------------------------------------------


def _briefing():
    from briefing_app.core.briefing import Briefing

    return Briefing(title="Baltic deployments", summary="Troops in the Baltic states.")


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.open(tmp_path / "lib")
    yield workspace
    workspace.close()


def test_export_that_fails_mid_write_leaves_the_old_file_and_no_partial(ws, tmp_path, monkeypatch):
    """Fails if export writes the target in place (a half file) or leaves its temp file."""
    from briefing_app.core.briefing import export

    out = tmp_path / "out"
    out.mkdir()
    target = out / "briefing.html"
    target.write_text("OLD", encoding="utf-8")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", disk_full)
    with pytest.raises(export.ExportError, match="disk is full"):
        export.export_briefing(ws, _briefing(), target)
    assert target.read_text(encoding="utf-8") == "OLD"
    assert sorted(p.name for p in out.iterdir()) == ["briefing.html"]


@pytest.mark.parametrize("name", ["briefing.html", "briefing.md"])
def test_export_to_a_missing_or_unwritable_folder(ws, tmp_path, name):
    from briefing_app.core.briefing import export

    with pytest.raises(export.ExportError, match="does not exist"):
        export.export_briefing(ws, _briefing(), tmp_path / "no" / "such" / name)
    assert not (tmp_path / "no").exists()
    if os.geteuid() == 0:
        return  # root may write anywhere: the permission case cannot be staged
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(export.ExportError, match="permission"):
            export.export_briefing(ws, _briefing(), locked / name)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)

"""Write library_v1.sql: a library exactly as main at 738cafc (schema 1, extractor 4) writes it.

Run from the repository root (needs git and the venv):

    .venv/bin/python tests/core/data/make_library_v1.py

The old program is taken from the commit itself (`git archive 738cafc`), run in a child process
on the three seed articles (no other article text), and its user data is made through its own
Workspace: an edit, reading state, a star, corrections (one of three figures over one span, a
rejection, a host) and a briefing holding figures. The SQL dump is what
tests/core/test_library_migrations.py opens with the current program.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OLD_COMMIT = "738cafc"
REPO = Path(__file__).resolve().parents[3]
OUT = Path(__file__).resolve().parent / "library_v1.sql"

# Runs inside the old checkout: every call is the old program's own API.
_MAKE = r"""
import sys
from pathlib import Path
from briefing_app.core import briefing as B
from briefing_app.core.workspace import Workspace

ws = Workspace.open(Path(sys.argv[1]))
keys = {r.key: r for r in ws.figure_reports()}
ws.edit_article(1, title="Russia's western drills", date="2017-07-11")
ws.edit_article(2, date="2017-02-03")
ws.set_read(1, True)
ws.set_starred(3, True)
ws.correct_figure(2, "troops:1171:1189:Germany", count=1200)
ws.correct_figure(1, "troops:959:978:", rejected=True)
ws.correct_figure(3, "troops:1236:1256:United Kingdom", host="Estonia (Tapa)", year=2018)
doc = B.Briefing(title="Baltic deterrence", summary="Three views.")
doc.items = [
    B.BriefingItem.article(1, "seed 000"),
    B.BriefingItem.figure(2, "troops:1171:1189:United Kingdom", "seed 001"),
    B.BriefingItem.figure(2, "troops:1171:1189:Germany", "seed 001"),
    B.BriefingItem.figure(3, "troops:1236:1256:United Kingdom", "seed 002"),
]
B.save(ws, "Baltic deterrence", doc)
ws.close()
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", OLD_COMMIT, "briefing_app", "resources", "seeds"],
            check=True,
            capture_output=True,
        ).stdout
        archive_path = Path(tmp) / "old.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(old, filter="data")
        library = Path(tmp) / "library"
        subprocess.run([sys.executable, "-c", _MAKE, str(library)], cwd=old, check=True)
        conn = sqlite3.connect(library / "library.sqlite3")
        OUT.write_text("\n".join(conn.iterdump()) + "\n", encoding="utf-8")
        conn.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

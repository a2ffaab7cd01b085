"""A damaged search index never costs an article or an edit: the next open rebuilds it from the
library and says so.

Each damage below makes Whoosh's own open or search fail (or silently lose documents). Take
away Workspace.open's IndexDamaged/mismatch handling and the search after reopening raises or
returns fewer articles; take away the rebuild's reading of user edits from the library and the
edited title, the star or the corrected figure is gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from trust_support import count

from briefing_app.core.workspace import INDEX_DIR, Workspace

EXTRA = """title: Danish battalion heads for Latvia
date: 2023-03-14
source: Test Wire

COPENHAGEN — Denmark will send a battalion of about 800 soldiers to Latvia in 2024, the defence ministry said on Tuesday.
"""

NEW_TITLE = "Edited headline zebrafinch"


def _prepare(folder: Path, tmp_path: Path) -> dict:
    """A library with seeds, one import and every kind of user edit; returns what to expect."""
    src = tmp_path / "extra.txt"
    src.write_text(EXTRA, encoding="utf-8")
    with Workspace.open(folder) as ws:
        ws.import_paths([src])
        ids = sorted(h for h in ws.search("", page_size=100).all_ids)
        first = ids[0]
        ws.edit_article(first, title=NEW_TITLE, date="2019-05-06")
        ws.set_starred(ids[1], True)
        figure = next(f for f in ws.article(first).figures if f.figure.kind == "troops")
        ws.correct_figure(first, figure.key, count=1234, contributor="Estonia")
        ws.library.save_briefing("Baltic", {"title": "Baltic", "items": [{"article": first}]})
        return {
            "count": ws.library.count(),
            "first": first,
            "starred": ids[1],
            "figure_key": figure.key,
        }


def _assert_everything_is_there(ws: Workspace, expected: dict) -> None:
    assert ws.library.integrity_ok()
    assert ws.library.count() == expected["count"]
    assert ws.search("").total == expected["count"]
    # The edit is in the index again (the rebuild reads the library's edited values).
    hits = ws.search("zebrafinch").hits
    assert [h.id for h in hits] == [expected["first"]]
    assert hits[0].date == "2019-05-06"
    starred = ws.search("", filters={"starred": ["true"]}).all_ids
    assert starred == [expected["starred"]]
    figures = {f.key: f for f in ws.article(expected["first"]).figures}
    corrected = figures[expected["figure_key"]]
    assert corrected.corrected and corrected.figure.low == 1234
    assert corrected.figure.contributor == "Estonia"
    assert ws.library.load_briefing("Baltic")["items"] == [{"article": expected["first"]}]
    count("recovery: articles checked after index repair", expected["count"])


def _segments(index: Path) -> list[Path]:
    # A segment is one compound .seg file (indexes written before issue 15) or its files side
    # by side (MAIN_<id>.trm, .pst, .col …).
    return sorted(p for p in index.glob("MAIN_*") if p.name != "MAIN_WRITELOCK")


def _delete_segment(index: Path) -> None:
    for seg in _segments(index):
        seg.unlink()


def _truncate_segment(index: Path) -> None:
    for seg in _segments(index):
        size = seg.stat().st_size
        with open(seg, "r+b") as handle:
            handle.truncate(size // 2)


def _zero_segment(index: Path) -> None:
    for seg in _segments(index):
        seg.write_bytes(b"\0" * seg.stat().st_size)


def _garble_toc(index: Path) -> None:
    for toc in index.glob("_MAIN_*.toc"):
        toc.write_bytes(b"not a table of contents")


def _delete_index(index: Path) -> None:
    import shutil

    shutil.rmtree(index)


def _delete_state(index: Path) -> None:
    (index / "briefing-index.json").unlink()


DAMAGE = {
    "segment deleted": _delete_segment,
    "segment truncated": _truncate_segment,
    "segment zeroed": _zero_segment,
    "table of contents garbled": _garble_toc,
    "index folder deleted": _delete_index,
    "index state file deleted": _delete_state,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_index_is_rebuilt_and_nothing_is_lost(tmp_path, damage):
    folder = tmp_path / "lib"
    expected = _prepare(folder, tmp_path)
    DAMAGE[damage](folder / INDEX_DIR)
    count("recovery: index damages tried")
    with Workspace.open(folder) as ws:
        # The user is told (the window and the command line both show notices).
        assert any("index" in n.lower() for n in ws.notices), ws.notices
        assert ws.maintenance_needed() is None
        _assert_everything_is_there(ws, expected)
    # And the repaired index is good for the open after that, without another rebuild.
    with Workspace.open(folder) as ws:
        assert not any("rebuild" in n.lower() for n in ws.notices), ws.notices
        _assert_everything_is_there(ws, expected)


def test_stale_lock_file_left_behind(tmp_path):
    """A WRITELOCK file (and a sorting-pool folder) left by a killed writer does not block."""
    folder = tmp_path / "lib"
    expected = _prepare(folder, tmp_path)
    index = folder / INDEX_DIR
    (index / "MAIN_WRITELOCK").write_text("12345")
    (index / "MAIN.tmp").mkdir(exist_ok=True)
    (index / "MAIN.tmp" / "junk").write_bytes(b"x" * 100)
    started = time.monotonic()
    with Workspace.open(folder) as ws:
        ws.set_read(expected["first"], True)  # an index write: needs the lock
        _assert_everything_is_there(ws, expected)
    assert time.monotonic() - started < 10
    assert not (index / "MAIN.tmp").exists()


_HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from whoosh import index
    ix = index.open_dir(sys.argv[1], indexname="MAIN")
    writer = ix.writer()  # takes the WRITELOCK (an fcntl lock) and never lets go
    print("locked", flush=True)
    time.sleep(600)
    """
)


def _hold_index_lock(folder):
    """Another process that takes the index's write lock and keeps it until killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(folder / INDEX_DIR)],
        stdout=subprocess.PIPE,
        text=True,
    )
    if holder.stdout.readline().strip() != "locked":
        holder.kill()
        pytest.fail("the helper process did not take the index lock")
    return holder


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_lock_held_by_a_process_that_died(tmp_path):
    """A writer killed while holding Whoosh's lock: the system drops the lock, we carry on."""
    folder = tmp_path / "lib"
    expected = _prepare(folder, tmp_path)
    holder = _hold_index_lock(folder)
    try:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
    count("kill points: lock holder killed")
    started = time.monotonic()
    with Workspace.open(folder) as ws:
        ws.edit_article(expected["first"], source="After the kill")
        assert ws.search('source:"After the kill"').all_ids == [expected["first"]]
        _assert_everything_is_there(ws, expected)
    assert time.monotonic() - started < 10


def test_lock_held_by_a_live_process_keeps_the_edit(tmp_path):
    """While another live process holds the index lock, an edit is saved in the library at
    once, the user is told the index is busy (within the lock timeout), and the next open
    makes it searchable. Fails if Workspace._reindex_ids lets IndexBusy escape (the saved
    edit would be reported as an error) or if the unindexed mark were lost."""
    folder = tmp_path / "lib"
    expected = _prepare(folder, tmp_path)
    holder = _hold_index_lock(folder)
    try:
        ws = Workspace.open(folder)
        ws.index.lock_timeout = 1.0
        started = time.monotonic()
        ws.edit_article(expected["first"], title="Written while locked")
        assert time.monotonic() - started < 10
        assert any("busy" in n for n in ws.notices), ws.notices
        # The edit is in the library (the source of truth) even though the index could not follow.
        assert ws.library.get_article(expected["first"]).title == "Written while locked"
        ws.close()
    finally:
        holder.kill()
        holder.wait(timeout=10)
    with Workspace.open(folder) as ws:
        # The unindexed edit is caught up on the next open.
        assert ws.search('"Written while locked"').all_ids == [expected["first"]]


def test_first_import_leaves_an_index_the_next_open_trusts(tmp_path):
    """Regression: the index a fresh library builds while importing was never marked complete,
    so every later open rebuilt the whole index (95 s for Reuters). Fixed in Workspace.open."""
    folder = tmp_path / "lib"
    with Workspace.open(folder) as ws:  # seeds imported into a brand-new library
        assert ws.search("").total == ws.library.count() > 0
    with Workspace.open(folder, repair=False) as ws:
        assert ws.maintenance_needed() is None
        assert not any("rebuild" in n for n in ws.notices), ws.notices

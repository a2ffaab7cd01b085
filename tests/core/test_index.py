"""The Whoosh index: writing, updating, rebuilding, schema versions, damage and write locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from briefing_app.core.index import IndexBusy, IndexDamaged, IndexDoc, SearchIndex
from briefing_app.core.index import schema as index_module
from briefing_app.core.query import search

REPO = Path(__file__).resolve().parents[2]


def make_doc(doc_id: int, title: str = "", body: str = "", **kw) -> IndexDoc:
    return IndexDoc(
        id=doc_id,
        title=title or f"Report number {doc_id}",
        body=body or f"A routine paragraph about patrol {doc_id} near the border.",
        source=kw.pop("source", "Wire"),
        date=kw.pop("date", "2016-05-01"),
        dateline=kw.pop("dateline", None),
        people=kw.pop("people", []),
        places=kw.pop("places", []),
        countries=kw.pop("countries", []),
        orgs=kw.pop("orgs", []),
        **kw,
    )


def ids(ix: SearchIndex, q: str) -> list[int]:
    return sorted(search(ix, q, page_size=1000).all_ids)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "index"


def test_new_index_is_empty_and_needs_rebuild(folder: Path) -> None:
    ix = SearchIndex(folder)
    assert ix.doc_count() == 0
    assert ix.needs_rebuild()
    ix.rebuild([])
    assert not ix.needs_rebuild()
    ix.close()
    again = SearchIndex(folder)
    assert not again.needs_rebuild()


def test_write_updates_by_id_and_deletes(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.write([make_doc(1, "Frigate visits harbour"), make_doc(2, "Minister resigns")])
    assert ix.doc_count() == 2
    ix.write([make_doc(1, "Submarine visits harbour")])
    assert ix.doc_count() == 2
    assert ids(ix, "frigate") == []
    assert ids(ix, "submarine") == [1]
    ix.write([], delete_ids=[2])
    assert ix.doc_count() == 1
    assert ids(ix, "minister") == []
    # Deleting and re-adding in one call: the new version wins.
    ix.write([make_doc(1, "Destroyer visits harbour")], delete_ids=[1])
    assert ids(ix, "destroyer") == [1]
    assert ix.doc_count() == 1


def test_same_id_twice_in_one_batch_is_indexed_once(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.write([make_doc(1, "First draft"), make_doc(1, "Final version")])
    assert ix.doc_count() == 1
    assert ids(ix, "final") == [1]
    ix.write([make_doc(1, "Second draft"), make_doc(1, "Second final")])
    assert ix.doc_count() == 1
    assert ids(ix, "draft") == []


def test_index_survives_reopen(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(i) for i in range(1, 6)])
    ix.close()
    again = SearchIndex(folder)
    assert again.doc_count() == 5
    assert ids(again, "patrol") == [1, 2, 3, 4, 5]


def test_rebuild_replaces_everything_and_reports_progress(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.write([make_doc(i, "Old title") for i in range(1, 4)])
    seen: list[int] = []
    ix.rebuild((make_doc(i, "Fresh title") for i in range(10, 610)), progress=seen.append)
    assert ix.doc_count() == 600
    assert ids(ix, "old") == []
    assert len(ids(ix, "fresh")) == 600
    assert seen[-1] == 600
    assert seen == sorted(seen)
    assert not ix.needs_rebuild()


def test_cancelled_rebuild_keeps_old_index(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(i, "Kept title") for i in range(1, 4)])
    ix.rebuild((make_doc(i, "Lost title") for i in range(10, 2000)), cancelled=lambda: True)
    assert ix.doc_count() == 3
    assert ids(ix, "kept") == [1, 2, 3]
    assert ids(ix, "lost") == []
    # The half-done rebuild is remembered: the caller should try again.
    assert ix.needs_rebuild()


def test_schema_version_change_triggers_rebuild(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(1)])
    ix.close()
    state = folder / "briefing-index.json"
    data = json.loads(state.read_text())
    data["schema"] = index_module.SCHEMA_VERSION - 1
    state.write_text(json.dumps(data))
    again = SearchIndex(folder)
    assert again.needs_rebuild()
    assert again.doc_count() == 0


def test_an_index_written_by_another_analyzer_is_rebuilt(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whoosh.analysis import RegexTokenizer
    from whoosh.analysis.filters import LowercaseFilter

    # The analyzer before possessives were dropped: "Kremlin’s" was one word.
    old = RegexTokenizer(r"\w+(?:[.'’]\w+)*") | LowercaseFilter()
    doc = make_doc(1, body="The Kremlin’s generals met NATO's envoy.")
    with monkeypatch.context() as patch:
        patch.setattr(index_module, "TEXT_ANALYZER", old)
        written = SearchIndex(folder)
        written.rebuild([doc])
        assert ids(written, "kremlin") == []  # the fault this analyzer had
        written.close()
    # Same schema version, but the words are cut another way: out of step, so rebuilt.
    assert json.loads((folder / "briefing-index.json").read_text())["schema"] == (
        index_module.SCHEMA_VERSION
    )
    again = SearchIndex(folder)
    assert again.needs_rebuild()
    assert again.doc_count() == 0
    again.rebuild([doc])
    assert ids(again, "kremlin") == [1]
    assert ids(again, "NATO") == [1]
    again.close()
    assert not SearchIndex(folder).needs_rebuild()


def _segment_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.suffix == ".seg" or p.name.endswith((".trm", ".pst"))]


def test_missing_segment_file_is_damage(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(i) for i in range(1, 20)])
    ix.close()
    files = _segment_files(folder)
    assert files, sorted(p.name for p in folder.iterdir())
    for path in files:
        path.unlink()
    with pytest.raises(IndexDamaged, match="damaged"):
        SearchIndex(folder)


def test_truncated_segment_file_is_damage(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(i) for i in range(1, 50)])
    ix.close()
    for path in _segment_files(folder):
        path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(IndexDamaged):
        SearchIndex(folder)


def test_bad_toc_is_damage_and_destroy_recovers(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(1)])
    ix.close()
    for toc in folder.glob("*.toc"):
        toc.write_bytes(b"not a table of contents")
    with pytest.raises(IndexDamaged) as caught:
        SearchIndex(folder)
    assert "rebuilt" in str(caught.value)
    SearchIndex.destroy(folder)
    fresh = SearchIndex(folder)
    assert fresh.needs_rebuild()
    assert fresh.doc_count() == 0


_CHILD = textwrap.dedent(
    """
    import os, signal, sys, time
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from whoosh import index
    from briefing_app.core.index.documents import IndexDoc, to_fields as _to_fields
    from briefing_app.core.index.whoosh_index import INDEX_NAME, SearchIndex
    ix = SearchIndex(Path({folder!r}))
    writer = ix._ix.writer(procs=1, limitmb=16)
    for i in range(200):
        writer.add_document(**_to_fields(IndexDoc(1000 + i, "Ghost", "never committed", None,
                                                   None, None)))
    print("locked", flush=True)
    if {kill!r}:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(30)
    """
)


def _start_writer_child(folder: Path, *, kill: bool) -> subprocess.Popen:
    script = _CHILD.format(repo=str(REPO), folder=str(folder), kill=kill)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


@pytest.mark.skipif(os.name == "nt", reason="uses SIGKILL")
def test_writer_killed_mid_write_does_not_block(folder: Path) -> None:
    ix = SearchIndex(folder, lock_timeout=5)
    ix.rebuild([make_doc(1)])
    child = _start_writer_child(folder, kill=True)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert (folder / "MAIN_WRITELOCK").exists()  # the lock file stays behind

    started = time.monotonic()
    ix.write([make_doc(2)])
    assert time.monotonic() - started < 3
    assert ix.doc_count() == 2
    assert ids(ix, "ghost") == []
    # The dead writer's sorting folder was cleared away.
    assert not [p for p in folder.glob("*.tmp") if p.is_dir()]


def test_live_writer_in_another_process_gives_readable_error(folder: Path) -> None:
    ix = SearchIndex(folder, lock_timeout=0.3)
    ix.rebuild([make_doc(1)])
    child = _start_writer_child(folder, kill=False)
    try:
        with pytest.raises(IndexBusy, match="being written by another process"):
            ix.write([make_doc(2)])
    finally:
        child.kill()
        child.wait(timeout=10)
    # Once that process is gone the lock is free again.
    ix.write([make_doc(2)])
    assert ix.doc_count() == 2


def test_search_while_another_thread_writes(folder: Path) -> None:
    ix = SearchIndex(folder)
    ix.rebuild([make_doc(i) for i in range(1, 50)])
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for batch in range(10):
                start = 100 + batch * 50
                ix.write([make_doc(i) for i in range(start, start + 50)])
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    totals = []
    while thread.is_alive():
        totals.append(search(ix, "patrol").total)
    thread.join()
    assert not errors
    assert totals == sorted(totals)  # each search sees a whole commit, never a partial one
    assert all(t % 50 == 49 for t in totals)
    assert search(ix, "patrol").total == 549

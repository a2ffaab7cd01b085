"""The stated limits: a single-article file over MAX_FILE_BYTES (50 MB) is refused with a reason
without being read; JSON Lines files are streamed, so their size has no limit and memory stays
flat. docs/reliability.md quotes these; benchmarks/bench_scale.py measures the large cases.
"""

from __future__ import annotations

import json
import tracemalloc

import pytest

from briefing_app.core import articles
from briefing_app.core.workspace import Workspace

LIMIT = 64 * 1024  # a parameterised, smaller limit: the behaviour at the edge is the same
TEXT_LINE = "RIGA — About 1,000 NATO troops train in Latvia, officials said on Monday.\n"


def test_a_file_of_exactly_50_mb_is_not_refused_for_its_size(tmp_path):
    """The other side of the stated limit (the next test is one byte over it)."""
    path = tmp_path / "edge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: all NUL bytes, so read as binary at once
    (item,) = list(articles.read_path(path))
    assert isinstance(item, articles.Skipped) and "larger than" not in item.reason


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json"])
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_just_under_and_over_the_limit(tmp_path, suffix, delta):
    path = tmp_path / f"edge{suffix}"
    head = '{"body": "' if suffix == ".json" else ""
    tail = '"}' if suffix == ".json" else ""
    filler = TEXT_LINE.replace("\n", " ") if suffix == ".json" else TEXT_LINE
    size = LIMIT + delta
    data = (head + filler * (size // len(filler.encode()) + 1)).encode()
    data = data[: size - len(tail.encode())] + tail.encode()
    data = data.decode("utf-8", errors="ignore").encode()  # whole characters only
    data = data + b" " * (size - len(data)) if len(data) < size else data
    if suffix == ".json":
        data = data[: size - 2].rstrip(b" ") + b'"}'
        data = data + b" " * (size - len(data))
    assert len(data) == size
    path.write_bytes(data)
    items = list(articles.read_path(path, max_bytes=LIMIT))
    if delta <= 0:
        # Up to and including the limit: read.
        assert [type(i) for i in items] == [articles.Article], items[:1]
    else:
        # One byte over: refused with the reason, the file not read at all.
        assert len(items) == 1 and isinstance(items[0], articles.Skipped)
        assert items[0].reason == "larger than 64 KB"


def test_over_50_mb_is_refused_without_reading(tmp_path):
    """A sparse 50 MB + 1 byte file: stat says too big; reading it would take seconds."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(articles.MAX_FILE_BYTES + 1)
    (item,) = list(articles.read_path(path))
    assert isinstance(item, articles.Skipped) and item.reason == "larger than 50 MB"
    with Workspace.open(tmp_path / "lib", seed_if_empty=False) as ws:
        report = ws.import_paths([path])
        assert report.imported == 0 and report.skipped[0].reason == "larger than 50 MB"


def test_json_lines_are_streamed_past_the_limit_in_flat_memory(tmp_path):
    """A JSON Lines file 40 times the (small) limit is read whole, and memory does not grow
    with it: fails if the reader loaded the file at once (peak ≈ file size)."""
    path = tmp_path / "big.jsonl"
    record = {"title": "Drill", "body": TEXT_LINE * 20}
    with open(path, "w", encoding="utf-8") as out:
        n = 0
        while out.tell() < 40 * LIMIT * 16:  # ≈ 40 MB
            out.write(json.dumps({**record, "id": n}) + "\n")
            n += 1
    size = path.stat().st_size
    tracemalloc.start()
    read = 0
    try:
        for item in articles.read_path(path, max_bytes=LIMIT):
            assert isinstance(item, articles.Article)
            read += 1
            del item
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == n
    assert peak < size / 10, f"peak {peak:,} bytes for a {size:,}-byte file"

"""Benchmark: the team library (PostgreSQL) side by side with the local library (SQLite + Whoosh).

    .venv/bin/python benchmarks/bench_team.py [--copies N] [--url URL] [--repeat R] [--local-copies M]

Imports Reuters-21578 (N copies in one file, as `bench_scale.py` builds them; default 1) into a
new team library and into a new local library, and prints each import's time and their ratio.
Then, on both, per query of `bench_search.py`'s set: the page the window shows (20 hits with
titles, dates and snippets: `Workspace.search(q, page_size=20, facets=False)`) and the count
that follows it (`Workspace.summarize`: total, facets over every hit, ids), each the median of
R runs, with p50/p95. Without --url a throwaway cluster is started (tests/pg_cluster.py) with
the server's default durability; --local-copies (default: N) lets a 5-copy team run compare
with a 1-copy local library when time is short.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench_search import QUERIES, median_ms, percentile
from corpus import CORPUS, REPO

sys.path.insert(0, str(REPO / "tests"))


def _import(location: str, source: Path) -> tuple[float, int]:
    from briefing_app.core.opening import open_workspace

    started = time.perf_counter()
    with open_workspace(location, seed_if_empty=False) as ws:
        ws.import_paths([source])
        count = int(ws.stats()["articles"])  # type: ignore[call-overload]
    return time.perf_counter() - started, count


def _searches(location: str, repeat: int) -> list[tuple[str, float, float]]:
    from briefing_app.core.opening import open_workspace

    rows = []
    with open_workspace(location, seed_if_empty=False) as ws:
        for query in QUERIES:
            ws.search(query, page_size=20, facets=False)  # warm: the first run opens connections
            page = median_ms(
                lambda q=query: ws.search(q, page_size=20, facets=False), repeat, _empty_caches
            )
            counts = median_ms(lambda q=query: ws.summarize(q), repeat, _empty_caches)
            rows.append((query, page, counts))
    return rows


def _empty_caches() -> None:
    """Every run pays what a new query pays: the local search's caches of expansions and
    counts are emptied (as bench_search.py does); the team library keeps none of its own."""
    from briefing_app.core.query import caches

    caches.EXPANSIONS.clear()
    caches.SUMMARIES.clear()


def _corpus(copies: int, folder: Path) -> Path:
    if copies == 1:
        return CORPUS
    from bench_scale import build_corpus

    target = folder / f"reuters-x{copies}.jsonl.gz"
    if not target.exists():
        build_corpus(copies, target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--local-copies", type=int, default=None)
    parser.add_argument("--url", help="an empty team library (default: a throwaway cluster)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 1
    local_copies = args.local_copies or args.copies
    # Other programs on the machine slow both engines: the load is printed to go with the figures.
    print("load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    cluster = None
    with tempfile.TemporaryDirectory(prefix="bench-team-") as tmp:
        folder = Path(tmp)
        url = args.url
        if url is None:
            from pg_cluster import start

            cluster = start(durable=True)
            cluster.admin_sql("CREATE DATABASE bench")
            url = cluster.url("bench")
        from briefing_app.core.opening import init_team_library

        init_team_library(url)  # as an administrator would first (safe on a library set up)
        try:
            team_source = _corpus(args.copies, folder)
            local_source = _corpus(local_copies, folder)
            team_seconds, team_count = _import(url, team_source)
            local_seconds, local_count = _import(str(folder / "local"), local_source)
            print(
                f"import, {args.copies} × Reuters into the team library: {team_count:,} articles"
                f" in {team_seconds:.1f} s ({team_count / team_seconds:.0f}/s)"
            )
            print(
                f"import, {local_copies} × Reuters into the local library: {local_count:,}"
                f" articles in {local_seconds:.1f} s ({local_count / local_seconds:.0f}/s)"
            )
            if local_copies == args.copies:
                print(f"  team / local: {team_seconds / local_seconds:.2f}×")
            team = _searches(url, args.repeat)
            local = _searches(str(folder / "local"), args.repeat)
        finally:
            if cluster is not None:
                cluster.stop()
    print(
        f"\n{'query':<32}{'team page':>10}{'local page':>11}{'team count':>11}{'local count':>12}  (ms)"
    )
    for (query, t_page, t_count), (_q, l_page, l_count) in zip(team, local, strict=True):
        shown = repr(query) if query else "(empty: newest first)"
        print(f"{shown:<32}{t_page:>10.1f}{l_page:>11.1f}{t_count:>11.1f}{l_count:>12.1f}")
    for name, rows in (("team", team), ("local", local)):
        pages = [r[1] for r in rows]
        counts = [r[2] for r in rows]
        print(
            f"{name:>5}: page p50 {percentile(pages, 0.5):.1f} ms, p95 {percentile(pages, 0.95):.1f}"
            f" ms; count with facets p50 {percentile(counts, 0.5):.1f} ms,"
            f" p95 {percentile(counts, 0.95):.1f} ms"
        )
    print("load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

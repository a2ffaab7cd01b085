"""Benchmark: searching through Workspace.search beside bare Whoosh on the same index.

    .venv/bin/python benchmarks/bench_search.py [--library DIR] [--large DIR] [--repeat N]

--library is a Reuters-21578 library (built there, about a minute, when the folder holds none;
a temporary one without the option). --large adds a second library, built when empty from
Reuters five times over (about 94,000 articles, as `bench_scale.py --copies 5 --keep DIR`; some
minutes and about 500 MB).

For each library it prints, per query: the hits, the time of the page the window shows
(`Workspace.search(q, page_size=20, facets=False)`: 20 hits with titles, dates and snippets),
the time of a bare Whoosh top-20 search of the same query on the same index files (Whoosh's
own parser over title and body with fuzzy terms, a searcher kept open, nothing read but the
document numbers), their ratio, and the time of the count that follows the page
(`Workspace.summarize`: total, facets over every hit, the ids). Then the same for every prefix
of the queries typed letter by letter, and p50/p95 of each column. Each time is the median
of --repeat runs; the caches that hold a query's expansion and counts are emptied before each
run, so every run pays what a new query pays; the date order is computed once per commit and
its cost is printed once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import CORPUS

# The queries of issue 15's measurements, then the listings the window shows most.
QUERIES = [
    "oil",
    "oil price",
    '"interest rates"',
    "bank*",
    "gold~",
    "wheat OR corn",
    "(opec OR saudi) AND NOT iran",
    "cocoa brazil",
    "troops",
    "dollar yen",
    "",
    "year:1987",
]


def prefixes(queries: list[str]) -> list[str]:
    """Every text the search box holds while the queries are typed one key at a time."""
    seen: dict[str, None] = {}
    for query in queries:
        for n in range(1, len(query) + 1):
            seen.setdefault(query[:n])
    return [p for p in seen if p not in queries]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def median_ms(fn: Callable[[], object], repeat: int, before: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def open_library(folder: Path, copies: int):
    """A Workspace on folder, filled from Reuters (copies times over) when it is empty."""
    from briefing_app.core.workspace import Workspace

    workspace = Workspace.open(folder, seed_if_empty=False)
    if workspace.library.count() == 0:
        source = CORPUS
        if copies > 1:
            from bench_scale import build_corpus

            source = folder.parent / f"{folder.name}-corpus.jsonl.gz"
            build_corpus(copies, source)
        started = time.perf_counter()
        workspace.import_paths([source])
        print(f"built {folder}: {workspace.library.count():,} articles in ", end="")
        print(f"{time.perf_counter() - started:.0f} s")
        if source != CORPUS:
            source.unlink()
    return workspace


class BareWhoosh:
    """Whoosh alone on the same index: its own parser and a top-20 search, nothing else."""

    def __init__(self, workspace) -> None:
        from whoosh import qparser

        self.searcher = workspace.index.searcher()
        self.parser = qparser.MultifieldParser(["title", "body"], workspace.index.schema)
        self.parser.add_plugin(qparser.FuzzyTermPlugin())

    def search(self, text: str) -> int | None:
        from whoosh import query as wq

        try:
            q = self.parser.parse(text) if text.strip() else wq.Every()
        except Exception:  # Whoosh's parser refuses little; what it refuses is not timed
            return None
        return len(self.searcher.search(q, limit=20).top_n)

    def close(self) -> None:
        self.searcher.close()


def measure(workspace, queries: list[str], repeat: int) -> list[dict]:
    from briefing_app.core.query import QueryError
    from briefing_app.core.query import caches as search_module

    def empty_caches() -> None:
        search_module.EXPANSIONS.clear()
        search_module.SUMMARIES.clear()

    bare = BareWhoosh(workspace)
    rows = []
    try:
        for text in queries:
            row: dict = {"query": text}
            try:
                result = workspace.search(text, page_size=20, facets=False)
            except QueryError as exc:
                row["error"] = str(exc)
                row["page"] = median_ms(lambda t=text: _refused(workspace, t), repeat, empty_caches)
                rows.append(row)
                continue
            row["page"] = median_ms(
                lambda t=text: workspace.search(t, page_size=20, facets=False), repeat, empty_caches
            )
            row["counts"] = median_ms(lambda t=text: workspace.summarize(t), repeat, empty_caches)
            row["hits"] = workspace.summarize(text).total
            row["suggestion"] = result.suggestion
            if bare.search(text) is not None:
                row["bare"] = median_ms(lambda t=text: bare.search(t), repeat, lambda: None)
            rows.append(row)
    finally:
        bare.close()
    return rows


def _refused(workspace, text: str) -> None:
    from briefing_app.core.query import QueryError

    try:
        workspace.search(text, page_size=20, facets=False)
    except QueryError:
        pass


def print_rows(title: str, rows: list[dict], *, each: bool) -> None:
    print(f"\n{title}")
    if each:
        header = f"{'query':<32}{'hits':>8}{'page ms':>10}{'bare ms':>10}{'ratio':>7}"
        print(header + f"{'count ms':>10}  note")
        for row in rows:
            shown = repr(row["query"]) if row["query"] else "(empty: newest first)"
            if "error" in row:
                print(f"{shown:<32}{'':>8}{row['page']:>10.1f}{'':>27}  refused: {row['error']}")
                continue
            bare = row.get("bare")
            ratio = f"{row['page'] / bare:>7.1f}" if bare else f"{'':>7}"
            print(
                f"{shown:<32}{row['hits']:>8,}{row['page']:>10.1f}"
                f"{(f'{bare:.1f}' if bare is not None else '-'):>10}{ratio}"
                f"{row['counts']:>10.1f}  {('did you mean ' + row['suggestion']) if row['suggestion'] else ''}"
            )
    pages = [r["page"] for r in rows]
    if not each:
        slowest = sorted(rows, key=lambda r: -r["page"])[:5]
        print("  slowest: " + ", ".join(f"{r['query']!r} {r['page']:.0f} ms" for r in slowest))
    bares = [r["bare"] for r in rows if r.get("bare") is not None]
    counts = [r["counts"] for r in rows if "counts" in r]
    line = (
        f"  {len(rows)} searches: page p50 {percentile(pages, 0.5):.1f} ms, "
        f"p95 {percentile(pages, 0.95):.1f} ms, max {max(pages):.1f} ms"
    )
    if bares:
        line += (
            f"; bare Whoosh p50 {percentile(bares, 0.5):.1f} ms, p95 {percentile(bares, 0.95):.1f} ms"
            f"; ratio p50 {percentile(pages, 0.5) / percentile(bares, 0.5):.1f}×, "
            f"p95 {percentile(pages, 0.95) / percentile(bares, 0.95):.1f}×"
        )
    print(line)
    if counts:
        print(
            f"  count (total, facets, ids) after the page: p50 {percentile(counts, 0.5):.1f} ms, "
            f"p95 {percentile(counts, 0.95):.1f} ms, max {max(counts):.1f} ms"
        )


def bench(workspace, repeat: int) -> None:
    from briefing_app.core.query import caches as search_module

    count = workspace.library.count()
    print(f"\n=== {count:,} articles ({workspace.folder}) ===")
    search_module.DATE_ORDERS.clear()
    started = time.perf_counter()
    workspace.search("", page_size=20, facets=False)
    print("first listing after a commit (computes the date order): ", end="")
    print(f"{(time.perf_counter() - started) * 1000:.0f} ms")
    print_rows("queries", measure(workspace, QUERIES, repeat), each=True)
    print_rows(
        "every prefix of the queries, typed letter by letter",
        measure(workspace, prefixes(QUERIES), repeat),
        each=False,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, help="the Reuters library (built when empty)")
    parser.add_argument("--large", type=Path, help="also a 5 × Reuters library (built when empty)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"Skipped: {CORPUS} is not present (see ../shared/corpora/README.md).")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder, copies in ((args.library or Path(tmp) / "library", 1), (args.large, 5)):
            if folder is None:
                continue
            workspace = open_library(folder, copies)
            try:
                bench(workspace, args.repeat)
            finally:
                workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

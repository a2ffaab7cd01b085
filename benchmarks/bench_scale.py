"""Scale benchmark: the Reuters corpus repeated N times (new ids, distinct text) in one library.

    .venv/bin/python benchmarks/bench_scale.py --copies 5          # ≈ 95,000 articles
    .venv/bin/python benchmarks/bench_scale.py --copies 1 --stream-mb 200

Prints the import rate, the library's size on disk (SQLite and index), the time to open the
library again, search latency (the page: median and max of 5 runs per query; the count and
facets that follow it: the first run, later ones are cached) and, with --stream-mb, how fast and in
how much memory a JSON Lines file of that size is read (the streamed path has no size limit).
The figures are quoted in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, QUERIES


def build_corpus(copies: int, target: Path) -> int:
    """N copies of Reuters in one .jsonl.gz; each copy's records get new ids and a line that
    makes the text distinct (identical text would be stored once)."""
    lines = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
        records = [json.loads(line) for line in src]
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for copy in range(copies):
            for number, record in enumerate(records):
                record = dict(record)
                record["id"] = f"copy{copy}-{record.get('id', number)}"
                body = record.get("body") or record.get("text") or ""
                record["body"] = f"{body}\n\n(Archive copy {copy + 1}.)"
                record.pop("text", None)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                lines += 1
    return lines


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def bench_library(copies: int, keep: Path | None) -> None:
    from briefing_app.core.workspace import Workspace

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        corpus = work / "corpus.jsonl.gz"
        lines = build_corpus(copies, corpus)
        print(
            f"corpus: {copies} × Reuters = {lines:,} records, {mb(corpus.stat().st_size)} gzipped"
        )
        library = keep or work / "library"
        started = time.monotonic()
        with Workspace.open(library, seed_if_empty=False) as ws:
            report = ws.import_paths([corpus])
            elapsed = time.monotonic() - started
            count = ws.library.count()
            print(
                f"import: {report.summary()} in {elapsed:,.1f} s = {count / elapsed:,.0f} articles/s"
            )
        sqlite_bytes = sum(p.stat().st_size for p in library.glob("library.sqlite3*"))
        index_bytes = folder_bytes(library / "index")
        print(
            f"library: {count:,} articles; SQLite {mb(sqlite_bytes)}, index {mb(index_bytes)}, "
            f"total {mb(folder_bytes(library))}"
        )
        started = time.monotonic()
        ws = Workspace.open(library, seed_if_empty=False)
        print(f"open again: {time.monotonic() - started:.2f} s; notices: {ws.notices or 'none'}")
        try:
            assert ws.search("").total == count, "index and library disagree"
            for query in QUERIES:
                # The page the window shows first, then the count and facets that follow it.
                pages, counts = [], []
                for _ in range(5):
                    t = time.monotonic()
                    ws.search(query, facets=False)
                    pages.append(time.monotonic() - t)
                    t = time.monotonic()
                    summary = ws.summarize(query)
                    counts.append(time.monotonic() - t)
                print(
                    f"search {query!r:34} {summary.total:>7,} hits  page median "
                    f"{statistics.median(pages) * 1000:6.1f} ms, max {max(pages) * 1000:6.1f} ms; "
                    f"count first {counts[0] * 1000:6.1f} ms"
                )
        finally:
            ws.close()
        print(f"peak memory (this process): {mb(peak_rss())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_stream(megabytes: int) -> None:
    """Read (not import) a JSON Lines file of `megabytes`: rate and peak memory."""
    from briefing_app.core import articles

    work = Path(tempfile.mkdtemp(prefix="bench-stream-"))
    try:
        path = work / "big.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
            sample = [line for line in src][:2000]
        written = 0
        with open(path, "w", encoding="utf-8") as out:
            n = 0
            while written < megabytes * 1024 * 1024:
                line = sample[n % len(sample)]
                out.write(line)
                written += len(line.encode("utf-8"))
                n += 1
        before = peak_rss()
        started = time.monotonic()
        read = skipped = 0
        for item in articles.read_path(path):
            if isinstance(item, articles.Skipped):
                skipped += 1
            else:
                read += 1
        elapsed = time.monotonic() - started
        print(
            f"stream: {mb(path.stat().st_size)} .jsonl, {read:,} records read, {skipped} skipped, "
            f"{elapsed:.1f} s ({mb(path.stat().st_size / elapsed)}/s); peak memory "
            f"{mb(peak_rss())} (was {mb(before)} before reading)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=5, help="copies of Reuters (default 5)")
    parser.add_argument(
        "--stream-mb", type=int, default=0, help="also read a JSON Lines file of this size"
    )
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 1
    if args.stream_mb:
        bench_stream(args.stream_mb)
    if args.copies:
        bench_library(args.copies, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())

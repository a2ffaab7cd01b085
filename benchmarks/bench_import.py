"""Import benchmark: the Reuters-21578 corpus into a temporary library, side by side with bare Whoosh.

    .venv/bin/python benchmarks/bench_import.py [--limit N]

Prints articles per second for (1) indexing the bare texts in a plain Whoosh index, (2) extraction
alone, (3) the full import (read, extract, store in SQLite, index), the ratio of (3) to (1), the
time of importing the same file again, and the time of a fixed set of queries.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, QUERIES


def load_records(limit: int | None) -> list[dict]:
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def bare_whoosh_seconds(records: list[dict], folder: Path) -> float:
    """Index the same texts in the plainest Whoosh index: the yardstick for import cost."""
    from whoosh import fields, index

    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True), title=fields.TEXT(stored=True), body=fields.TEXT
    )
    ix = index.create_in(str(folder), schema)
    started = time.perf_counter()
    writer = ix.writer(limitmb=256)
    for rec in records:
        writer.add_document(id=rec["id"], title=rec.get("title", ""), body=rec["body"])
    writer.commit()
    return time.perf_counter() - started


def extraction_seconds(records: list[dict]) -> float:
    from briefing_app.core.extract import extract

    # Loading the gazetteer is a one-off cost, left out here as bench_extraction.py leaves it
    # out, so the two benchmarks measure the same thing.
    extract("warm up the gazetteer", year=None)
    started = time.perf_counter()
    for rec in records:
        extract(rec["body"], year=1987)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present (it lives in ../shared beside the clone)")
        return 0
    from briefing_app.core.workspace import Workspace

    records = load_records(args.limit)
    n = len(records)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = CORPUS
        if args.limit:
            source = tmp / "subset.jsonl.gz"
            with gzip.open(source, "wt", encoding="utf-8") as out:
                for rec in records:
                    out.write(json.dumps(rec) + "\n")
        (tmp / "bare").mkdir()
        bare = bare_whoosh_seconds(records, tmp / "bare")
        extract_only = extraction_seconds(records)

        ws = Workspace.open(tmp / "library", seed_if_empty=False)
        started = time.perf_counter()
        report = ws.import_paths([source])
        full = time.perf_counter() - started
        started = time.perf_counter()
        again = ws.import_paths([source])
        second = time.perf_counter() - started

        print(f"Reuters-21578, Distribution 1.0: {n} articles")
        print(f"{'step':<44}{'seconds':>10}{'articles/s':>12}")
        print(f"{'bare Whoosh index of the texts':<44}{bare:>10.1f}{n / bare:>12.0f}")
        print(f"{'extraction alone':<44}{extract_only:>10.1f}{n / extract_only:>12.0f}")
        print(f"{'full import (read+extract+SQLite+index)':<44}{full:>10.1f}{n / full:>12.0f}")
        print(f"{'import the same file again':<44}{second:>10.2f}")
        print(f"full import / bare Whoosh: {full / bare:.2f}x (target <= 2.00x)")
        print(
            f"imported {report.imported}, unchanged {report.unchanged}, duplicates {report.duplicates}, skipped {len(report.skipped)};"
            f" second run imported {again.imported}"
        )
        print()
        print(f"{'query':<34}{'hits':>8}{'ms (incl. facets)':>20}")
        for query in QUERIES:
            ws.search(query)  # warm the searcher and caches once
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                result = ws.search(query)
                best = min(best, time.perf_counter() - started)
            print(f"{query or '(empty: newest first)':<34}{result.total:>8}{best * 1000:>20.1f}")
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: index the Reuters-21578 corpus into a SearchIndex and time a fixed set of queries.

Run from the checkout:  .venv/bin/python benchmarks/bench_search.py [path/to/reuters21578.jsonl.gz]
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from corpus import CORPUS
from corpus import QUERIES as IMPORT_QUERIES

from briefing_app.core.index import TEXT_ANALYZER, IndexDoc, SearchIndex
from briefing_app.core.search import search

QUERIES = [*IMPORT_QUERIES, "wheet"]  # a misspelling: exercises the suggestion


def read_corpus(path: Path = CORPUS) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def to_docs(records: Iterable[dict]) -> Iterator[IndexDoc]:
    for n, rec in enumerate(records, start=1):
        yield IndexDoc(
            id=n,
            title=rec.get("title") or "",
            body=rec.get("body") or "",
            source=rec.get("source"),
            date=rec.get("date"),
            dateline=None,
            people=[],
            places=[],
            countries=[],
            orgs=[],
        )


def bare_index_seconds(texts: Iterable[str]) -> float:
    """Seconds to index texts as bodies in a bare Whoosh index (one TEXT field, same analyzer,
    same writer settings), for comparing the cost of extraction against plain indexing."""
    from whoosh import fields, index

    folder = Path(tempfile.mkdtemp(prefix="bare-whoosh-"))
    try:
        schema = fields.Schema(
            id=fields.NUMERIC(int, stored=True),
            body=fields.TEXT(analyzer=TEXT_ANALYZER, phrase=True),
        )
        ix = index.create_in(str(folder), schema)
        started = time.perf_counter()
        writer = ix.writer(procs=1, limitmb=256)
        for n, text in enumerate(texts):
            writer.add_document(id=n, body=text)
        writer.commit()
        elapsed = time.perf_counter() - started
        ix.close()
        return elapsed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def time_queries(ix: SearchIndex, queries: list[str] = QUERIES, repeat: int = 3) -> list[dict]:
    """Best-of-repeat timings for each query, with the facet share measured separately."""
    from briefing_app.core import search as search_module

    rows = []
    for text in queries:
        best = float("inf")
        for _ in range(repeat):
            result = search(ix, text, text_for=lambda ids: {i: "" for i in ids})
            best = min(best, result.elapsed)
        # Facet time alone: count the facet column of every hit again.
        with ix.searcher() as searcher:
            q = search_module.parse_query(ix, text)
            ordered = search_module._hits_in_order(
                searcher, q, None, "date" if not text else "relevance"
            )
            started = time.perf_counter()
            docnums = [d for d, _ in ordered]
            search_module._count_facets(
                search_module._column_values(searcher.reader(), "facets", docnums), 10
            )
            facet_time = time.perf_counter() - started
        rows.append(
            {
                "query": text,
                "total": result.total,
                "seconds": best,
                "facet_seconds": facet_time,
                "suggestion": result.suggestion,
            }
        )
    return rows


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else CORPUS
    if not path.exists():
        print(f"Skipped: {path} is not present (see ../shared/corpora/README.md).")
        return 0
    records = list(read_corpus(path))
    docs = list(to_docs(records))
    folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        ix = SearchIndex(folder / "index")
        started = time.perf_counter()
        # Batches the size the library uses during an import.
        for start in range(0, len(docs), 1000):
            ix.write(docs[start : start + 1000])
        batched = time.perf_counter() - started
        print(
            f"write() in batches of 1000: {len(docs)} docs in {batched:.1f} s "
            f"= {len(docs) / batched:.0f} docs/s"
        )
        started = time.perf_counter()
        ix.rebuild(docs)
        rebuilt = time.perf_counter() - started
        print(f"rebuild(): {len(docs)} docs in {rebuilt:.1f} s = {len(docs) / rebuilt:.0f} docs/s")
        bare = bare_index_seconds(d.body for d in docs)
        print(f"bare Whoosh, body only: {bare:.1f} s = {len(docs) / bare:.0f} docs/s")
        print(f"{'query':<20} {'hits':>6} {'search ms':>10} {'facets ms':>10}  suggestion")
        for row in time_queries(ix):
            print(
                f"{row['query'] or '(empty)':<20} {row['total']:>6} {row['seconds'] * 1000:>10.1f} "
                f"{row['facet_seconds'] * 1000:>10.1f}  {row['suggestion'] or ''}"
            )
        ix.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

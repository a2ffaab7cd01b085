"""Facets: counting people, countries, places, organisations, sources and years over the hits."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from whoosh.reading import IndexReader

from briefing_app.core.index.schema import FACET_CODES, FACET_SEP

FACET_KEYS = ("people", "countries", "places", "orgs", "sources", "years")


_FACET_SLICE = 2000  # documents' facet strings counted per C call


def count_facets(values: list[str], limit: int) -> dict[str, list[tuple[str, int]]]:
    # One column string per hit, all facet values in it with a one-letter prefix: joining
    # and splitting is far faster than walking the hits' stored fields. In slices: one join,
    # split and count over a large library is a single C call of 100 ms or more that holds the
    # GIL, and the window's GUI thread would wait that long.
    counts: Counter[str] = Counter()
    for start in range(0, len(values), _FACET_SLICE):
        chunk = values[start : start + _FACET_SLICE]
        counts.update(FACET_SEP.join(v for v in chunk if v).split(FACET_SEP))
    counts.pop("", None)
    by_key: dict[str, list[tuple[str, int]]] = {key: [] for key in FACET_KEYS}
    code_to_key = {code: key for key, code in FACET_CODES.items()}
    for item, n in counts.items():
        key = code_to_key.get(item[:1])
        if key:
            by_key[key].append((item[1:], n))
    return {
        key: sorted(items, key=lambda kv: (-kv[1], kv[0].casefold()))[:limit]
        for key, items in by_key.items()
    }


def whole_column(reader: IndexReader, name: str, translate: bool = True) -> list:
    # Per segment, not through MultiReader.column_reader: that one drops the segments that
    # lack the column (no document there had a value) and then maps docnums to the wrong one.
    every: list = []
    if reader.doc_count_all() == 0:
        return every  # an index never written to has no columns to read (Whoosh raises)
    for leaf, _ in reader.leaf_readers():
        every.extend(leaf.column_reader(name, translate=translate))
    return every


def column_values(
    reader: IndexReader, name: str, docnums: list[int], translate: bool = True
) -> list:
    if not docnums:
        return []
    if len(docnums) > reader.doc_count_all() // 8:
        # Many hits: reading whole columns in one pass beats random access.
        every = whole_column(reader, name, translate)
        return [every[d] for d in docnums]
    leaves = reader.leaf_readers()
    offsets = [offset for _, offset in leaves]
    cols = [leaf.column_reader(name, translate=translate) for leaf, _ in leaves]
    out = []
    for d in docnums:
        i = bisect_right(offsets, d) - 1
        out.append(cols[i][d - offsets[i]])
    return out

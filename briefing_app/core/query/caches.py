"""What searches derive from one index commit (date order, summaries, expansions), kept until the next."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from whoosh.searching import Searcher

from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.results import HitSummary

_V = TypeVar("_V")  # what one _DerivedCache holds


class _DerivedCache(Generic[_V]):
    """Values computed from one commit of one index (the date order, hit summaries), dropped
    when the index changes. Whoosh numbers commits (generations); a new searcher on the same
    commit finds what an earlier one computed."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: dict[tuple, _V] = {}

    def get(self, key: tuple, make: Callable[[], _V]) -> _V:
        with self._lock:
            if key in self._entries:
                value = self._entries.pop(key)
                self._entries[key] = value  # most recently used last
                return value
        value = make()  # outside the lock: two threads may both compute it, harmlessly
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._size:
                del self._entries[next(iter(self._entries))]
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


DATE_ORDERS: _DerivedCache[list[int]] = _DerivedCache(size=4)
SUMMARIES: _DerivedCache[HitSummary] = _DerivedCache(size=16)
EXPANSIONS: _DerivedCache[tuple[bytes, ...]] = _DerivedCache(size=64)


def commit_key(index: SearchIndex, searcher: Searcher) -> tuple:
    reader = searcher.reader()
    return (str(index.folder), id(index), reader.generation(), reader.doc_count_all())

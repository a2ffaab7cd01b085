"""A figure's identity as the user saw it: its kind and span in the body, never its values.

A correction, a rejection or a briefing item names a figure by this key, so it must survive a new
engine that reads the same words differently (another contributor, another count). One span may
yield several figures ("Britain, Canada and Germany would each send 800 soldiers" gives three),
told apart by their order among the figures of that span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Protocol


class _Spanned(Protocol):
    kind: str
    start: int
    end: int


def figure_key(figure: _Spanned, n: int = 0) -> str:
    """The key of the n-th figure of its kind over its span ("troops:14:32:0")."""
    return f"{figure.kind}:{figure.start}:{figure.end}:{n}"


def keys_in_order(figures: Iterable[_Spanned]) -> list[str]:
    """The key of each figure, numbering figures that share a kind and span in their order."""
    seen: dict[tuple[str, int, int], int] = {}
    keys = []
    for f in figures:
        span = (f.kind, f.start, f.end)
        n = seen.get(span, 0)
        seen[span] = n + 1
        keys.append(figure_key(f, n))
    return keys


def parse_key(key: str) -> tuple[str, int, int, int] | None:
    """(kind, start, end, n) of a key, or None for a key this version did not write."""
    parts = key.split(":")
    if len(parts) != 4:
        return None
    kind, start, end, n = parts
    try:
        return kind, int(start), int(end), int(n)
    except ValueError:
        return None


def overlapping(
    key: str, figures: Sequence[_Spanned], taken: AbstractSet[int] = frozenset()
) -> int | None:
    """Index of the figure that stands where a key's figure stood when no figure has its exact
    span any more (a new engine took the qualifier "about" into the span): the same kind, the
    most overlap, not already claimed by another key."""
    parsed = parse_key(key)
    if parsed is None:
        return None
    kind, start, end, _ = parsed
    best, best_overlap = None, 0
    for i, f in enumerate(figures):
        if i in taken or f.kind != kind:
            continue
        overlap = min(end, f.end) - max(start, f.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best

"""Possessives: "Kremlin’s" is found by `Kremlin`, with straight or curly apostrophes, in
words, phrases, snippets and the reader's match words."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.index import TEXT_ANALYZER, IndexDoc, SearchIndex
from briefing_app.core.query import match_terms, search

BODIES = {
    1: "The Kremlin’s generals and Moldova's army met Zelenskyy’s envoy.",
    2: "The soldiers’ families waited while O'Brien spoke for NATO’s staff.",
    3: "The Kremlin said nothing; Moldova and NATO were silent.",
}


def text_for(ids: list[int]) -> dict[int, str]:
    return {i: BODIES[i] for i in ids}


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    index = SearchIndex(Path(tmp_path_factory.mktemp("possessive")) / "index")
    index.rebuild(
        IndexDoc(n, f"Report {n}", body, "Wire", "2022-03-01", None) for n, body in BODIES.items()
    )
    return index


def found(ix: SearchIndex, q: str) -> list[int]:
    return sorted(search(ix, q, page_size=100).all_ids)


def test_the_analyzer_drops_a_possessive_ending() -> None:
    words = [t.text for t in TEXT_ANALYZER("Kremlin’s Moldova's NATO’S soldiers’ O'Brien it's")]
    assert words == ["kremlin", "moldova", "nato", "soldiers", "o'brien", "it"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kremlin", [1, 3]),
        ("Moldova", [1, 3]),
        ("Zelenskyy", [1]),
        ("NATO", [2, 3]),
        ("soldiers", [2]),
        # The possessive typed in the query, with either apostrophe, finds the plain word too.
        ("Kremlin's", [1, 3]),
        ("Moldova’s", [1, 3]),
        ('"Kremlin generals"', [1]),
        ('"Kremlin’s generals"', [1]),
        ('"met Zelenskyy\'s envoy"', [1]),
        ("O'Brien", [2]),
    ],
)
def test_possessives_are_found_by_the_plain_word(ix: SearchIndex, query: str, expected) -> None:
    assert found(ix, query) == expected


def test_snippets_mark_the_whole_possessive_word(ix: SearchIndex) -> None:
    hits = {h.id: h.snippet for h in search(ix, "Kremlin OR NATO", text_for=text_for).hits}
    assert '<b class="match">Kremlin’s</b> generals' in hits[1]
    assert '<b class="match">NATO’s</b> staff' in hits[2]
    assert '<b class="match">Kremlin</b> said' in hits[3]


def test_the_reader_is_given_the_plain_word(ix: SearchIndex) -> None:
    assert match_terms(ix, "Zelenskyy’s") == ["zelenskyy"]
    assert match_terms(ix, "kremlin") == ["kremlin"]

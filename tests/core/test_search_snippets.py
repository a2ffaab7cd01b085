"""Snippet fragments begin and end on whole written words, and never part a number from its
"thousand" or "million"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from briefing_app.core.index import IndexDoc, SearchIndex
from briefing_app.core.query import search

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split()


def _body(n: int) -> str:
    # The filler's length moves every fragment boundary along the numbers, one word at a time.
    filler = " ".join(WORDS[i % len(WORDS)] for i in range(n))
    return (
        f"The envoy spoke. {filler} Officials said some 32 thousand American soldiers, "
        "28-thousand-500 marines, 45,000 reservists and 1.5 million rounds of anti-aircraft "
        f"ammunition were sent. {filler} Later the envoy left, and two hundred thousand "
        "civilians followed."
    )


MAGNITUDE = "(hundred|thousand|million)"


def _short_words(n: int) -> str:
    # One-letter words move the fragment's end one letter at a time, so that for some n Whoosh
    # would end it exactly on "32".
    return f"The envoy spoke {'a ' * n}of the 32 thousand American soldiers sent there."


BODIES = {n: _body(n) for n in range(1, 41)} | {100 + n: _short_words(n) for n in range(90)}


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    index = SearchIndex(Path(tmp_path_factory.mktemp("snippets")) / "index")
    index.rebuild(IndexDoc(n, f"Report {n}", body, None, None, None) for n, body in BODIES.items())
    return index


def _fragments(snippet: str) -> list[str]:
    plain = html.unescape(re.sub(r"</?b[^>]*>", "", snippet))
    return [part.strip() for part in plain.split(" … ")]


@pytest.mark.parametrize("query", ["envoy", "envoy OR soldiers", "marines OR civilians", "left"])
def test_fragments_hold_whole_words_and_whole_numbers(ix: SearchIndex, query: str) -> None:
    hits = search(ix, query, page_size=100, text_for=lambda ids: {i: BODIES[i] for i in ids}).hits
    assert len(hits) > 0
    for hit in hits:
        body = BODIES[hit.id]
        previous_end = 0
        for fragment in _fragments(hit.snippet):
            at = body.find(fragment, previous_end)
            # In the article's order, and no passage twice (fragments that meet are joined).
            assert at >= 0, (hit.id, hit.snippet)
            previous_end = at + len(fragment)
            before, after = body[:at], body[at + len(fragment) :]
            # Each end of a fragment is a word's end as the article writes it, not a piece of one.
            assert not before or before[-1].isspace(), (hit.id, fragment)
            assert not after or after[0].isspace(), (hit.id, fragment)
            # A number keeps its magnitude word: neither "32 …" nor "… thousand American".
            if re.search(rf"(?i)(\d|\b{MAGNITUDE})$", fragment):
                assert not re.match(rf"(?i)\s+{MAGNITUDE}\b", after), (hit.id, fragment)
            if re.match(rf"(?i){MAGNITUDE}\b", fragment):
                assert not re.search(rf"(?i)(\d|\b{MAGNITUDE})\s+$", before), (hit.id, fragment)

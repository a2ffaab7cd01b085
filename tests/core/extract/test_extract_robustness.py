"""Any text extracts without error, and every offset points at the text it reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.extract import extract

_WORDS = st.sampled_from(
    [
        "NATO", "troops", "1,100-strong", "U.S.", "Moscow", "said", "about", "3,000", "soldiers",
        "Three", "thousand", "Jens", "Stoltenberg", "\n", "\n\n", ".", ",", "—", "VILNIUS",
        "$268", "million", "12%", "July", "11,", "2017", "between", "and", "each", "from",
        "Germany", "British", "killed", "the", "Baltic", "states", "Ministry", "of", "Defence",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join) | st.text(max_size=200))
def test_offsets_always_index_the_text(text):
    result = extract(text, year=2020)
    for item in result.entities + result.figures:
        assert text[item.start : item.end] == item.text
        assert item.start < item.end
    for fig in result.figures:
        if fig.low is not None and fig.high is not None:
            assert fig.low <= fig.high

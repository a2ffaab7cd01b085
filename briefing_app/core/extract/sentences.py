"""Split an article body into sentences, as (start, end) offsets into the body."""

from __future__ import annotations

import re

from briefing_app.core.abbreviations import is_abbreviation

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space;
# a blank line; or a line break before an indented line (a new paragraph in wire copy).
# A lone line break is not a boundary: wire copy wraps sentences at 65 characters.
_BOUNDARY = re.compile(
    r"(?=[.!?\n])(?:(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]+\S)|"
    r"(?<=[:\"”’])\n|(?<=\d)\n(?=[A-Z•*·–-]))"
)
# A short line that ends in a number is a row of a box or table ("Poland - 900"), not prose
# wrapped at 65 characters.
_ROW_LINE = 40
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; paragraph breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if _is_long_row_break(text, m):
            continue
        if text[m.start()] == ".":
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if word:
                w = word.group(1).rstrip(".")
                # "U.S." or an initial ("J.") does not end a sentence unless a new one clearly starts.
                if is_abbreviation(w) or (len(w) == 1 and w.isalpha()):
                    continue
        _push(text, start, end, spans)
        start = end
    _push(text, start, len(text), spans)
    return spans


def _is_long_row_break(text: str, m: re.Match) -> bool:
    """A line break after a number before an unindented line, on a line too long to be a row."""
    if (
        m.group() != "\n"
        or not text[m.start() - 1].isdigit()
        or text[m.end() : m.end() + 1] in " \t"
    ):
        return False
    return m.start() - (text.rfind("\n", 0, m.start()) + 1) > _ROW_LINE


# No real sentence is this long; a "sentence" that is (a table, a run of numbers, a file with no
# full stops) is cut at white space so that the figure patterns never scan unbounded text.
MAX_SENTENCE = 1500


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut == -1:
            cut = start + MAX_SENTENCE
        _push(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))

"""An article body as paragraphs: hard-wrapped lines (wire copy, e-mail) joined, real breaks kept.

Wire copy is stored as it was filed, wrapped at about 70 characters, with a paragraph's first
line indented. Shown line by line it reads as a column of one-line paragraphs, so the reader
and every export show `reflow(body)` instead: each newline that only wraps a line becomes a
space. That is one character for one character, so an offset into the stored body (an
entity, a figure, a search match, a quoted passage) is the same offset into the reflowed
text; the stored body, and so extraction, never change.

A newline is kept where a person would see a break: around blank lines, before an indented
line, a list item or a quoted ("> ") line, around table rows (a gap of three or more spaces),
after a short line that ends a sentence and would have had room for the next word, and after
a short line in capitals (a heading). A text whose lines are not wrapped at a common width
(one paragraph a line, as web pages are saved) is left as it is.
"""

from __future__ import annotations

import re

# Wrapped text is filed at 60 to 80 characters; below 40 it is a list, above 100 it is not wrapped.
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
# A table row or aligned columns: three spaces or a tab between two words, or two spaces twice
# (two spaces after a full stop are a typist's sentence gap, not a column).
_TABLE_GAP = re.compile(r"[^\s.!?:;](?: {3,}|\t)\S")
_COLUMN_GAP = re.compile(r"[^\s.!?:;] {2}\S")
# How far inside its width a line must stop to count as short (wire copy wraps unevenly).
_WRAP_SLACK = 8
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·–]|\d{1,3}[.)])[ \t]")
# Sentence punctuation, perhaps followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


def reflow(text: str) -> str:
    """`text` with every newline that only wraps a line replaced by a space (same length)."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    base_indent = min(_indent(line) for line in lines if line.strip())
    first = next(i for i, line in enumerate(lines) if line.strip())
    out = [lines[0]]
    for i, (line, following) in enumerate(zip(lines, lines[1:], strict=False)):
        # One character for one character: every later offset stays where it was.
        wraps = _wraps(line, following, width, base_indent, first=i == first)
        out.append(" " if wraps else "\n")
        out.append(following)
    return "".join(out)


def wrap_width(lines: list[str]) -> int | None:
    """The width `lines` were wrapped at, or None when they were not hard-wrapped.

    Wrapped text has its lines within one width of 40 to 100 characters, and some sentence
    running from one line into the next (a line ending in a comma, or the next starting in
    lower case): a list of short items or a page saved one paragraph a line has not.
    """
    text_lines = [line.rstrip() for line in lines if line.strip() and not is_table_row(line)]
    if len(text_lines) < 2:
        return None
    lengths = [len(line) for line in text_lines]
    over = sum(1 for n in lengths if n > MAX_WRAP_WIDTH)
    if over * 10 > len(lengths):
        return None
    width = max(n for n in lengths if n <= MAX_WRAP_WIDTH)
    if width < MIN_WRAP_WIDTH:
        return None
    runs_on = any(
        a.strip() and (b[:1].islower() or a.rstrip().endswith(","))
        for a, b in zip(lines, lines[1:], strict=False)
    )
    return width if runs_on else None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `reflow(text)`: its non-blank lines, indent kept."""
    spans = []
    start = 0
    for line in reflow(text).split("\n"):
        if line.strip():
            spans.append((start, start + len(line.rstrip())))
        start += len(line) + 1
    return spans


def paragraphs(text: str) -> list[str]:
    """The paragraphs of `text` with wrapping undone and runs of whitespace made one space."""
    flowed = reflow(text)
    return [" ".join(flowed[a:b].split()) for a, b in paragraph_spans(text)]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def is_table_row(line: str) -> bool:
    """Whether `line` is a row of a table or aligned columns (kept as its own line)."""
    text = line.strip()
    return bool(_TABLE_GAP.search(text)) or len(_COLUMN_GAP.findall(text)) >= 2


def _wraps(line: str, following: str, width: int, base_indent: int, *, first: bool) -> bool:
    """Whether the break between `line` and `following` only wraps one paragraph."""
    text = line.rstrip()
    if not text.strip() or not following.strip():
        return False  # a blank line separates paragraphs
    # One space more is noise in wire copy (" year ended March 31"); a paragraph indents more.
    if _indent(following) > base_indent + 1 or following.lstrip().startswith(">"):
        return False  # an indented first line, or a quotation
    if _LIST_ITEM.match(following) or is_table_row(line) or is_table_row(following):
        return False
    words = text.split()
    if words[0].startswith("#") or (
        text.upper() == text and any(c.isalpha() for c in text) and len(words) <= 8
    ):
        return False  # a heading: Markdown's "## Background", or one in capitals
    if following.lstrip()[:1].islower():
        return True  # the sentence goes on ("EE U.S." then "savings bonds were")
    # Wire copy is not wrapped greedily at one column, so a line counts as short (ending its
    # paragraph) only when the next word would have fitted well inside the width.
    room = width - _WRAP_SLACK - len(text) - 1
    if len(following.split()[0]) > room:
        return True
    # A short first line that stops mid-sentence was cut short by a dateline taken off the
    # wire ("Showers continued throughout the week in"); any other short line ends a paragraph.
    return first and not _SENTENCE_END.search(text)

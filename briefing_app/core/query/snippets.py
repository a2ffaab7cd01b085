"""Snippets: the sentence around a match with the matched words marked, or an article's opening."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from whoosh import highlight
from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.reading import IndexReader

from briefing_app.core.index.schema import TEXT_ANALYZER

_SNIPPET_CHARS = 200


_OPENING_CHARS = 240


_LONGEST_WRITTEN_WORD = 40
_MAGNITUDE = r"(?:hundred|thousand|million|billion|trillion)s?"
_MAGNITUDE_AFTER_RE = re.compile(rf"\s+{_MAGNITUDE}\b", re.IGNORECASE)
_MAGNITUDE_FIRST_RE = re.compile(rf"{_MAGNITUDE}\b", re.IGNORECASE)
_NUMBER_LAST_RE = re.compile(rf"(?:\d|\b{_MAGNITUDE})$", re.IGNORECASE)
_NUMBER_BEFORE_RE = re.compile(rf"(?:\d|\b{_MAGNITUDE})\s+$", re.IGNORECASE)


def _word_start(text: str, start: int) -> int:
    floor = max(0, start - _LONGEST_WRITTEN_WORD)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start


def _word_end(text: str, end: int) -> int:
    ceiling = min(len(text), end + _LONGEST_WRITTEN_WORD)
    while end < ceiling and not text[end].isspace():
        end += 1
    return end


def _fragment_start(text: str, start: int) -> int:
    start = _word_start(text, start)
    # "32 | thousand": take the number in too (and "one hundred | thousand": both words).
    while _MAGNITUDE_FIRST_RE.match(text, start):
        before = _NUMBER_BEFORE_RE.search(text, max(0, start - _LONGEST_WRITTEN_WORD), start)
        if before is None:
            break
        start = _word_start(text, before.start() + 1)
    return start


def _fragment_end(text: str, end: int) -> int:
    end = _word_end(text, end)
    while _NUMBER_LAST_RE.search(text, max(0, end - _LONGEST_WRITTEN_WORD), end):
        after = _MAGNITUDE_AFTER_RE.match(text, end)
        if after is None:
            break
        end = _word_end(text, after.end())
    return end


class _WholeWordFragmenter(highlight.ContextFragmenter):
    """Whoosh's context fragments, widened to words as written (see _fragment_start): Whoosh
    cuts at the analyzer's tokens, and "32-thousand" or "32,000" is two of them."""

    def fragment_tokens(self, text: str, tokens: Iterator[Token]) -> Iterator[highlight.Fragment]:
        for fragment in super().fragment_tokens(text, tokens):
            fragment.startchar = _fragment_start(text, fragment.startchar)
            fragment.endchar = _fragment_end(text, fragment.endchar)
            yield fragment


class _MatchFormatter(highlight.Formatter):
    """Wraps matches in <b class="match"> and escapes everything else."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text)

    def format(self, fragments: list[highlight.Fragment], replace: bool = False) -> str:
        # Widened fragments may meet: one passage, not "32-thousand … thousand American".
        joined: list[highlight.Fragment] = []
        for fragment in sorted(fragments, key=lambda f: f.startchar):
            last = joined[-1] if joined else None
            if last is not None and not fragment.text[last.endchar : fragment.startchar].strip():
                last.endchar = max(last.endchar, fragment.endchar)
                last.matches = [*last.matches, *fragment.matches]
            else:
                joined.append(fragment)
        return super().format(joined, replace=replace)

    def format_token(self, text: str, token: Token, replace: bool = False) -> str:
        return '<b class="match">' + html.escape(highlight.get_text(text, token, replace)) + "</b>"


def opening_snippet(body: str) -> str:
    body = " ".join(body.split())
    if len(body) <= _OPENING_CHARS:
        return html.escape(body)
    cut = body.rfind(" ", 0, _OPENING_CHARS)
    return html.escape(body[: cut if cut > 0 else _OPENING_CHARS]) + " …"


def make_snippet(body: str, terms: frozenset[str]) -> str:
    if terms and body:
        fragmenter = _WholeWordFragmenter(maxchars=_SNIPPET_CHARS, surround=60)
        marked = highlight.highlight(
            body, terms, TEXT_ANALYZER, fragmenter, _MatchFormatter(), top=2
        )
        if marked:
            return " ".join(marked.split())
    return opening_snippet(body)


def highlight_terms(q: wq.Query, reader: IndexReader) -> frozenset[str]:
    # Leaf by leaf rather than Query.existing_terms(), which reuses its `fieldname` argument
    # as a loop variable and so skips every leaf after the first whose field differs.
    words = set()
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if leaf.field() not in ("title", "body"):
            continue
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            if fieldname in ("title", "body") and (fieldname, text) in reader:
                words.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return frozenset(words)

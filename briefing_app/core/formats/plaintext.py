"""Plain-text articles (.txt): a `key: value` header block or a leading "date 2017-07-11", then the text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing_app.core.formats.decoding import FileProblem, decode_bytes, normalise_newlines
from briefing_app.core.formats.fields import build_article, is_known_key, key_value
from briefing_app.core.records import Article, Skipped

# The seeds' form: " date 2017-07-11 German Defense Minister ..." with the text on the same
# line. Only an all-numeric date is taken, so an ordinary first word is never eaten.
_INLINE_DATE = re.compile(
    r"\s*date:?[ \t]+(\d{4}[-/]\d{1,2}[-/]\d{1,2})[ \t]+(?=\S)", re.IGNORECASE
)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(metadata, body) of a text article.

    A header block is the run of `key: value` lines at the top. When a blank line ends it,
    every key counts (unknown ones go to Article.extra); when the text follows at once, only
    the leading known keys (date, source, title, url, author and their synonyms) count, so
    a first sentence such as "WASHINGTON: The Pentagon said" stays in the body. A header
    needs at least one known key; otherwise the whole text is the body.
    """
    inline = _INLINE_DATE.match(text)
    if inline:
        return {"date": inline.group(1)}, text[inline.end() :]
    lines = text.lstrip("\n").split("\n")
    pairs: list[tuple[str, str]] = []
    for line in lines:
        pair = key_value(line) if line.strip() else None
        if pair is None:
            break
        pairs.append(pair)
    ended_by_blank = len(pairs) < len(lines) and not lines[len(pairs)].strip()
    if not ended_by_blank:
        known = 0
        while known < len(pairs) and is_known_key(pairs[known][0]):
            known += 1
        pairs = pairs[:known]
    if not any(is_known_key(key) for key, _ in pairs):
        return {}, text
    meta: dict[str, str] = {}
    for key, value in pairs:
        meta.setdefault(key, value)
    return meta, "\n".join(lines[len(pairs) :])


def read_text_article(text: str, *, path: str | None = None) -> Article:
    """Parse `text` as a text file is parsed (also for standard input and pasted text).

    The Article's body may be empty; `read_path` reports such a file as "no article text".
    """
    meta, body = split_header(normalise_newlines(text))
    return build_article(body, meta, path=path)


def read_single_article(path: Path, parse: Callable[..., Article]) -> Iterator[Article | Skipped]:
    """A file holding one article as text: decode it, parse it, refuse it when it is empty."""
    article = parse(decode_bytes(path.read_bytes()), path=str(path))
    if not article.body:
        raise FileProblem("no article text")
    yield article


def read_txt(path: Path) -> Iterator[Article | Skipped]:
    return read_single_article(path, read_text_article)


READERS = {".txt": read_txt, ".text": read_txt}

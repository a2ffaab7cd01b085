"""Markdown articles (.md): optional `---` front matter of `key: value` lines, a `# Heading` title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from briefing_app.core.formats.decoding import normalise_newlines
from briefing_app.core.formats.fields import build_article, key_value
from briefing_app.core.formats.plaintext import read_single_article, split_header
from briefing_app.core.records import Article, Skipped

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")
_SETEXT_TITLE = re.compile(r"\A\s*+(\S[^\n]*)\n=+[ \t]*(?:\n|\Z)")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, rest) for front matter between `---` lines. Only flat `key: value` lines are
    read (quotes around a value are dropped); nested YAML is not, to need no YAML library."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        pair = key_value(line)
        if pair and not line[:1].isspace():
            key, value = pair
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta.setdefault(key, value)
    return meta, text[match.end() :]


def read_markdown_article(text: str, *, path: str | None = None) -> Article:
    """An Article from Markdown text. A leading heading that is the title is taken out of the
    body (the title is stored apart); the rest of the Markdown is kept as written."""
    text = normalise_newlines(text)
    meta, rest = front_matter(text)
    if not meta:
        # A .md file may also use the plain-text header block.
        meta, rest = split_header(text)
    heading = _ATX_TITLE.match(rest) or _SETEXT_TITLE.match(rest)
    if heading:
        given = next((v for k, v in meta.items() if k.lower() in ("title", "headline")), None)
        if given is None:
            meta["title"] = heading.group(1).strip()
        # A heading that differs from the front matter's title is part of the text.
        if given is None or given.strip() == heading.group(1).strip():
            rest = rest[heading.end() :]
    if heading and not meta.keys() - {"title"}:
        # "# Title" then a "Published: ..." block: the header may follow the heading.
        more, rest = split_header(rest)
        meta = {**more, **meta}
    return build_article(rest, meta, path=path)


def read_md(path: Path) -> Iterator[Article | Skipped]:
    return read_single_article(path, read_markdown_article)


READERS = {".md": read_md, ".markdown": read_md}

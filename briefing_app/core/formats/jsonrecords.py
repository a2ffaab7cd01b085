"""Articles as JSON records: .json (one object or an array), .jsonl/.ndjson and .jsonl.gz.

A record carries `title`, `date`, `source`, `url`, `author`, the text in `body` or `text`
(or `content`), and optionally `id`. JSON Lines files are streamed a line at a time, so a
large (or compressed) collection costs little memory and one bad record skips only itself.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing_app.core.formats.decoding import (
    FileProblem,
    bom_encoding,
    decode_bytes,
    decode_line,
    looks_binary,
    normalise_newlines,
)
from briefing_app.core.formats.fields import as_text, build_article
from briefing_app.core.records import Article, Skipped

_BODY_KEYS = ("body", "text", "content")
_ID_KEYS = ("id", "_id", "guid")


def article_from_record(record: object, *, path: str, origin: str, where: str) -> Article | Skipped:
    """An Article from one decoded JSON value; `origin` is used when the record has no id and
    `where` ("line 17", "item 3") locates a bad record in the Skipped path."""
    if not isinstance(record, dict):
        return Skipped(f"{path}#{where}", f"not a JSON object on {where}")
    body = next((record[key] for key in _BODY_KEYS if record.get(key)), None)
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body if isinstance(part, str))
    if not isinstance(body, str) or not body.strip():
        return Skipped(f"{path}#{where}", "no article text")
    record_id = next((as_text(record[key]) for key in _ID_KEYS if record.get(key) is not None), "")
    meta = {
        key: value
        for key, value in record.items()
        if key not in _BODY_KEYS and key not in _ID_KEYS and value not in (None, "", [])
    }
    return build_article(
        normalise_newlines(body) if "\r" in body else body,
        meta,
        path=path,
        origin=record_id or origin,
    )


def read_json(path: Path) -> Iterator[Article | Skipped]:
    """One object, or an array of them (origin "item N" for those without an id)."""
    text = decode_bytes(path.read_bytes())
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(f"malformed JSON on line {error.lineno}") from None
    except RecursionError:
        raise FileProblem("JSON nested too deeply to read") from None
    if isinstance(value, dict):
        yield article_from_record(value, path=str(path), origin="item 1", where="item 1")
    elif isinstance(value, list):
        for number, record in enumerate(value, start=1):
            where = f"item {number}"
            yield article_from_record(record, path=str(path), origin=where, where=where)
    else:
        raise FileProblem("not a JSON object or array of objects")


def read_jsonl(path: Path) -> Iterator[Article | Skipped]:
    with path.open("rb") as stream:
        yield from _records(stream, str(path))


def read_jsonl_gz(path: Path) -> Iterator[Article | Skipped]:
    try:
        with gzip.open(path, "rb") as stream:
            yield from _records(stream, str(path))
    except gzip.BadGzipFile:
        yield Skipped(str(path), "not a gzip file")
    except (EOFError, zlib.error):
        # The records before the damage have been yielded; say where the rest went.
        yield Skipped(str(path), "damaged gzip file: the end is missing or corrupt")


def _records(stream: io.BufferedReader | gzip.GzipFile, path: str) -> Iterator[Article | Skipped]:
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    if not head.strip():
        raise FileProblem("empty file")
    lines: Iterable[str]
    encoding = bom_encoding(head)
    if encoding == "utf-8-sig":
        stream.read(len(codecs.BOM_UTF8))
        encoding = None
    if encoding is not None:
        # A damaged character spoils only its own record (as malformed JSON), not the rest.
        lines = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    elif looks_binary(head):
        raise FileProblem("binary file")
    else:
        lines = (decode_line(line) for line in stream)
    seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        where = f"line {number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):  # JSONDecodeError, or nesting deeper than Python can
            yield Skipped(f"{path}#{where}", f"malformed JSON on {where}")
            continue
        yield article_from_record(record, path=path, origin=where, where=where)
    if not seen:
        # Only white space a byte-level test missed ("\xa0", a no-break space): still empty.
        raise FileProblem("empty file")


READERS = {
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".jsonl.gz": read_jsonl_gz,
}

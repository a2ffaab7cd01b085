"""Building an Article from a body and metadata as files name it ("title", "headline", "date")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing_app.core.dates import parse_date
from briefing_app.core.formats.furniture import drop_furniture
from briefing_app.core.formats.leads import dateline_of, title_from_body
from briefing_app.core.records import Article

# What files call each Article field; keys are compared in lower case.
FIELD_NAMES = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "published_at": "date",
    "pubdate": "date",
    "source": "source",
    "publisher": "source",
    "site": "source",
    "site_name": "source",
    "url": "url",
    "link": "url",
    "author": "author",
    "authors": "author",
    "byline": "author",
}

# "key: value" as header blocks and front matter write it: one short word (letters, digits,
# "_" or "-") then a colon. Longer keys would catch ordinary sentences with a colon.
_KEY_VALUE = re.compile(r"\s*([A-Za-z][\w-]{0,30})\s*:\s?(.*?)\s*$")


def key_value(line: str) -> tuple[str, str] | None:
    """("date", "2014-04-23") for the line "Date: 2014-04-23", else None."""
    match = _KEY_VALUE.match(line)
    if not match:
        return None
    return match.group(1).lower(), match.group(2)


def is_known_key(key: str) -> bool:
    return key.lower() in FIELD_NAMES


def as_text(value: object) -> str:
    """A metadata value as one string: lists are joined with ", ", None is ""."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(as_text(item) for item in value if item is not None)
    if isinstance(value, dict):
        name = value.get("name")
        return as_text(name) if name is not None else ""
    return str(value).strip()


def build_article(
    body: str,
    meta: Mapping[str, object],
    *,
    path: str | None = None,
    origin: str | None = None,
) -> Article:
    """An Article from `body` and metadata. Unknown keys go to `extra`. A date that cannot be
    read is kept as written in `extra["date_text"]`, so nothing the file said is lost.

    The body keeps its dateline as written (extraction reads it); `dateline` holds the place
    and the title, given or made from the first sentence, never contains it. A site's
    navigation left at the body's start or end ("More In Home") is dropped.
    """
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    for key, value in meta.items():
        text = as_text(value)
        name = FIELD_NAMES.get(key.lower())
        if name is None:
            if text:
                extra[key] = text
        elif text and name not in fields:
            fields[name] = text
    date = None
    if "date" in fields:
        date = parse_date(fields["date"])
        if date is None:
            extra["date_text"] = fields["date"]
    body = drop_furniture(body.strip()).strip()
    title = " ".join(fields.get("title", "").split())
    if title:
        dateline = dateline_of(body)
    else:
        title, dateline = title_from_body(body)
    return Article(
        body=body,
        title=title,
        date=date,
        source=fields.get("source"),
        url=fields.get("url"),
        dateline=dateline,
        author=fields.get("author"),
        path=path,
        origin=origin,
        extra=extra,
    )

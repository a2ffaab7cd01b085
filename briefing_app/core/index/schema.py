"""The Whoosh schema: the fields of an indexed article and how their words are cut (the analyzer)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import RegexTokenizer, Token
from whoosh.analysis.filters import Filter, LowercaseFilter

# Bump whenever the schema or what goes into a field changes: an index written with another
# version is wiped on open and needs_rebuild() says so. A change to what TEXT_ANALYZER makes
# of words is caught without a bump (see analyzer_stamp).
SCHEMA_VERSION = 1


# Plain words, lowercased, no stemming and no stop list. Stemming would make a wildcard such
# as `prices*` find nothing (only the stem "price" is indexed) and a stop list would drop
# "of" from "secretary of state", so the phrase would match "secretary state". Inflected
# forms are found at query time instead (core/query/expansion.py expands words with query.Variations).
# The tokenizer keeps intra-word apostrophes and dots ("O'Brien", "U.S.") together; a
# possessive ending is then dropped (PossessiveFilter).
class PossessiveFilter(Filter):
    """Drops a possessive 's or ’s: "Kremlin’s" is indexed and searched as "kremlin".

    Without it a name written only in the possessive ("NATO’s") is a different word from the
    name. A plural possessive's bare apostrophe ("soldiers’") never reaches here: the tokenizer
    stops before an apostrophe that no letter follows. The token keeps its characters' span, so
    a snippet marks the whole written word.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text
            if len(text) > 2 and text[-1] in "sS" and text[-2] in "'’":
                token.text = text[:-2]
            yield token


TEXT_ANALYZER = RegexTokenizer(r"\w+(?:[.'’]\w+)*") | LowercaseFilter() | PossessiveFilter()

# Words that show what the text analyzer does: apostrophes, dots, case, digits, accents.
_ANALYZER_PROBE = "The Kremlin’s O'Brien's soldiers’ U.S. NATO's 32,000 Naïve it's Jones’S"


def analyzer_stamp(analyzer: Callable[[str], Iterable[Any]] | None = None) -> str:
    """A short fingerprint of what the analyzer makes of a probe text; stored with the index
    so that an index written by another analyzer is found out of step and rebuilt."""
    words = [token.text for token in (analyzer or TEXT_ANALYZER)(_ANALYZER_PROBE)]
    return hashlib.sha1("\x1f".join(words).encode("utf-8")).hexdigest()[:16]


# Entity fields: the terms are lowercased so that `country:estonia` and `country:"United
# States"` both match; the display names come back from the stored value and the facet column.
ENTITY_FIELDS = {"person": "people", "place": "places", "country": "countries", "org": "orgs"}

# One-letter codes for the facet column (see _facet_column).
FACET_CODES = {
    "people": "p",
    "places": "l",
    "countries": "c",
    "orgs": "o",
    "sources": "s",
    "years": "y",
}
FACET_SEP = "\x1e"


class _ColumnOnly(fields.FieldType):
    """Neither searchable nor stored: a per-document value read in bulk for facets.

    Reading a column for 19,000 documents takes milliseconds; loading the same number of
    stored-field dictionaries takes most of a second.
    """

    indexed = False
    stored = False

    def __init__(self) -> None:
        self.format = None
        self.analyzer = None
        self.scorable = False
        self.unique = False
        self.vector = None
        self.column_type = columns.VarBytesColumn()

    def to_column_value(self, value: str) -> bytes:
        return value.encode("utf-8")

    def from_column_value(self, value: bytes) -> str:
        return value.decode("utf-8")

    def to_bytes(self, value: str) -> bytes:
        return value.encode("utf-8")

    def from_bytes(self, value: bytes) -> str:
        return value.decode("utf-8")


def make_schema() -> fields.Schema:
    entity = {
        name: fields.KEYWORD(commas=True, lowercase=True, stored=True, scorable=True)
        for name in ENTITY_FIELDS
    }
    return fields.Schema(
        # A plain term, not NUMERIC: ids are only ever looked up whole, and each NUMERIC value
        # indexes eight extra range terms, a tenth of the indexing time here.
        id=fields.ID(unique=True, stored=True, sortable=True),
        title=fields.TEXT(analyzer=TEXT_ANALYZER, stored=True, field_boost=2.0, phrase=True),
        # The library holds the text; snippets take it from there (search's text_for).
        body=fields.TEXT(analyzer=TEXT_ANALYZER, stored=False, phrase=True),
        source=fields.TEXT(analyzer=TEXT_ANALYZER, stored=True, phrase=True),
        # Exact, case-insensitive source name for filters ("Reuters" must not match
        # "Reuters Breakingviews", which the word field would).
        source_exact=fields.KEYWORD(commas=True, lowercase=True),
        date=fields.DATETIME(stored=True, sortable=True),
        # Few distinct years: one term per value is enough for ranges (shift_step=bits).
        year=fields.NUMERIC(int, bits=32, shift_step=32, stored=True, sortable=True),
        dateline=fields.TEXT(analyzer=TEXT_ANALYZER, stored=True, phrase=True),
        read=fields.BOOLEAN(stored=True),
        starred=fields.BOOLEAN(stored=True),
        facets=_ColumnOnly(),
        **entity,
    )

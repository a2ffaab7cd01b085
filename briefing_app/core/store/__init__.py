"""The SQLite store: the library's one source of truth, and the only place that writes SQL.

Every article's text and metadata, what extraction found, and every user edit (edits, figure
corrections, reading state, briefings, watched folders, files seen). The search index is derived
from it and may be rebuilt at any time. Modules: connection (opening, pragmas, the one unit of
work, the chunked `IN (…)` read), schema and migrations, articles, extraction, user_data, and
library (the whole store as one `Library`, the SQLite `ArticleStore` of core/engines.py).
"""

from briefing_app.core.engines import LibraryError
from briefing_app.core.store.articles import HeldArticle
from briefing_app.core.store.connection import DB_NAME, now_iso
from briefing_app.core.store.library import Library
from briefing_app.core.store.migrations import SCHEMA_VERSION
from briefing_app.core.store.records import (
    CORRECTABLE_FIELDS,
    EDITABLE_FIELDS,
    StoredArticle,
    StoredFigure,
    UpsertResult,
)

__all__ = [
    "CORRECTABLE_FIELDS",
    "DB_NAME",
    "EDITABLE_FIELDS",
    "HeldArticle",
    "SCHEMA_VERSION",
    "Library",
    "LibraryError",
    "StoredArticle",
    "StoredFigure",
    "UpsertResult",
    "now_iso",
]

"""The search index: derived from the store, kept in step with it, rebuilt from it at will.

schema.py (the Whoosh fields and the analyzer), documents.py (an article as the index takes it),
whoosh_index.py (the index in one folder: open, write, rebuild) and sync.py (keeping the index in
step with the store: what to index, when, and repairing it on open). Querying is core/query.
"""

from briefing_app.core.engines import IndexBusy, IndexDamaged
from briefing_app.core.index.documents import IndexDoc
from briefing_app.core.index.schema import SCHEMA_VERSION, TEXT_ANALYZER, make_schema
from briefing_app.core.index.whoosh_index import SearchIndex

__all__ = [
    "SCHEMA_VERSION",
    "TEXT_ANALYZER",
    "IndexBusy",
    "IndexDamaged",
    "IndexDoc",
    "SearchIndex",
    "make_schema",
]

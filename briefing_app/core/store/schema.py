"""The library's tables as this program creates them in a new file (version SCHEMA_VERSION).

Every statement is idempotent, so it also runs on an existing library; a change to a table that
already exists is a numbered step in migrations.py, never an edit here alone.
"""

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    dateline TEXT,
    author TEXT,
    path TEXT,
    origin TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    updated_at TEXT,
    extractor_version INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    original_missing INTEGER NOT NULL DEFAULT 0,
    parent_id INTEGER
);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path, origin);
CREATE INDEX IF NOT EXISTS articles_indexed ON articles (indexed);
CREATE TABLE IF NOT EXISTS article_edits (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT,
    edited_at TEXT NOT NULL,
    PRIMARY KEY (article_id, field)
);
CREATE TABLE IF NOT EXISTS entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities (canonical);
CREATE TABLE IF NOT EXISTS figures (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS figures_kind ON figures (kind);
CREATE TABLE IF NOT EXISTS figure_corrections (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    figure_key TEXT NOT NULL,
    changes TEXT NOT NULL,
    rejected INTEGER NOT NULL DEFAULT 0,
    corrected_at TEXT NOT NULL,
    PRIMARY KEY (article_id, figure_key)
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS briefings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watched_folders (
    path TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
"""

"""Readers for each family of article files; `briefing_app.core.articles` gathers them into one registry.

Each module exports `READERS`, a dict from a lower-case suffix (".txt", ".jsonl.gz") to a function
that takes an absolute `Path` and yields `Article` or `Skipped` records. A reader may raise
`FileProblem` (from `decoding`) or `OSError`; `articles.read_path` turns those into `Skipped`.
"""

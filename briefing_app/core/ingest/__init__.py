"""Bringing articles in: the import pipeline (pipeline.py) and the extraction worker pool (pool.py).

Reading each format is core/articles.py with core/formats/; extraction itself is core/extract/.
This folder joins them to the store: files → articles → extraction → store, index in step.
"""

from briefing_app.core.ingest.pipeline import ImportPipeline, ImportReport

__all__ = ["ImportPipeline", "ImportReport"]

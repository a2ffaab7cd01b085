"""`briefing extract FILE…`: what extraction finds in files, read as the importer reads them.

Needs no library: nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_app.cli.exit_codes import EXIT_ERROR, EXIT_OK
from briefing_app.core import articles as importers
from briefing_app.core.dates import year_of
from briefing_app.core.extract import extract
from briefing_app.core.extract.records import Extraction
from briefing_app.core.figure_text import troop_text
from briefing_app.core.records import Article, Skipped


def run(args: argparse.Namespace) -> int:
    found: list[tuple[str, Article, Extraction]] = []
    status = EXIT_OK
    for name in args.files:
        for item in importers.read_path(Path(name)):
            if isinstance(item, Skipped):
                print(f"briefing: {item.path}: {item.reason}", file=sys.stderr)
                status = EXIT_ERROR
                continue
            where = name if item.origin is None else f"{name}#{item.origin}"
            found.append((where, item, extract(item.body, year=year_of(item.date))))
    if args.json:
        documents = [
            {
                "path": where,
                "title": article.title,
                "date": article.date,
                "entities": [e.to_dict() for e in extraction.entities],
                "figures": [f.to_dict() for f in extraction.figures],
            }
            for where, article, extraction in found
        ]
        print(json.dumps(documents, ensure_ascii=False, indent=1))
        return status
    for where, article, extraction in found:
        print(f"{where}: {article.title} ({article.date or 'undated'})")
        for label, heading in (("PERSON", "people"), ("GPE", "places"), ("ORG", "organisations")):
            names = sorted({e.canonical for e in extraction.entities if e.label == label})
            print(f"  {heading}: {', '.join(names) or '-'}")
        for figure in extraction.figures:
            if figure.kind == "troops":
                print("  troops: " + troop_text(figure))
    return status

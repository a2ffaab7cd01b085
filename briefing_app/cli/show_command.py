"""`briefing show ID`: one article, its reading state and its numbered troop figures."""

from __future__ import annotations

import argparse
import json
import textwrap

from briefing_app.cli.exit_codes import EXIT_OK, fail
from briefing_app.cli.figure_numbers import describe_numbered, troop_figures
from briefing_app.core.paragraphs import paragraphs
from briefing_app.core.workspace import ArticleView, StoredFigure, Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    view = workspace.article(args.id)
    if view is None:
        return fail(f"no article {args.id}")
    troops = troop_figures(view)
    if args.json:
        print(json.dumps(_as_json(view, troops), ensure_ascii=False, indent=1))
        return EXIT_OK
    a = view.article
    print(a.title)
    print(" · ".join(x for x in (a.date or "undated", a.source, a.dateline, a.url) if x))
    print(" · ".join(("read" if a.read else "unread", *(["starred"] if a.starred else []))))
    if a.path:
        print(f"from {a.path}" + (" (original file is gone)" if a.original_missing else ""))
    print()
    # Paragraphs as the reader shows them: wire copy's hard-wrapped lines are joined again.
    for para in paragraphs(a.body):
        print(textwrap.fill(para, 96) + "\n")
    if troops:
        print(f"\nTroop figures (correct one with: briefing figure {a.id} N …):")
        for number, stored in enumerate(troops, start=1):
            print("  " + describe_numbered(number, stored))
    return EXIT_OK


def _as_json(view: ArticleView, troops: list[StoredFigure]) -> dict[str, object]:
    a = view.article
    troop_numbers = {id(f): n for n, f in enumerate(troops, start=1)}
    return {
        "id": a.id,
        "title": a.title,
        "date": a.date,
        "source": a.source,
        "url": a.url,
        "dateline": a.dateline,
        "author": a.author,
        "path": a.path,
        "imported_at": a.imported_at,
        "edited": a.edited,
        "read": a.read,
        "starred": a.starred,
        "body": a.body,
        "entities": [e.to_dict() for e in view.entities],
        "figures": [
            {
                **f.figure.to_dict(),
                "key": f.key,
                # troop figures carry the number `briefing figure ID N` takes
                "number": troop_numbers.get(id(f)),
                "corrected": f.corrected,
                "rejected": f.rejected,
            }
            for f in view.figures
        ],
    }

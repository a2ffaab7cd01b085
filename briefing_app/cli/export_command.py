"""`briefing export`: a briefing, built from a search or stored, as PDF, HTML or Markdown, with no window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing_app.cli.briefing_commands import no_briefing
from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.core import briefing as briefings
from briefing_app.core.briefing import Briefing, BriefingItem, ChartConfig
from briefing_app.core.briefing.export import ExportError, export_document
from briefing_app.core.workspace import QueryError, Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        summary = _read_notes(args.notes)
    except OSError as exc:
        return fail(f"cannot read {args.notes}: {exc.strerror or exc}", EXIT_USAGE)
    try:
        if args.briefing:
            found = briefings.find(workspace, args.briefing)
            if found is None:
                return fail(no_briefing(workspace, args.briefing))
            brief = found[1]
        elif args.query is not None:
            brief = from_search(
                workspace, args.query, by=args.by, combine=args.combine, style=args.style
            )
            if not brief.items:
                # An empty briefing is a title page and nothing else: say so instead of writing it.
                return fail(f"no article matches {args.query!r}: nothing to export")
        else:
            return fail("give --query to build a briefing, or --briefing NAME", EXIT_USAGE)
    except QueryError as exc:
        return fail(exc, EXIT_USAGE)
    except briefings.BriefingError as exc:
        return fail(exc)
    if args.title:
        brief.title = args.title
    elif args.query and not args.briefing:
        brief.title = f"Briefing: {args.query}"
    for name in ("author", "marking", "date"):
        if getattr(args, name) is not None:
            setattr(brief, name, getattr(args, name))
    if summary is not None:
        brief.summary = summary
    if args.page_size:
        brief.page_size = args.page_size
    if args.save:
        briefings.save(workspace, args.save, brief)
    try:
        document = briefings.resolve(workspace, brief)
        path = export_document(document, args.out, fmt=args.format, page_size=brief.page_size)
    except ExportError as exc:
        return fail(exc)
    except QueryError as exc:  # a stored chart whose query no longer parses
        return fail(exc, EXIT_USAGE)
    print(
        f"Wrote {path} ({len(document.items)} items, {len(document.key_figures)} troop figures,"
        f" {len(document.sources)} sources)"
    )
    return EXIT_OK


def from_search(
    workspace: Workspace,
    query: str,
    *,
    by: str = "contributor",
    combine: str = "largest",
    style: str = "bars",
) -> Briefing:
    """A briefing of every article matching `query`, with the chart over those articles."""
    ids = workspace.search(query, page_size=1).all_ids
    titles = {i: a.title for i, a in workspace.articles(ids).items()}
    items = [BriefingItem.article(i, titles.get(i, "")) for i in ids]
    if ids:
        items.append(
            BriefingItem.chart_of(ChartConfig(by=by, combine=combine, article_ids=ids, style=style))
        )
    return Briefing(title=f"Briefing: {query}", items=items)


def _read_notes(name: str | None) -> str | None:
    """The executive summary from --notes: a file, or standard input for '-'."""
    if name is None:
        return None
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")

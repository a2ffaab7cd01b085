"""The `export` and `briefing` commands: briefings as PDF, HTML or Markdown with no window.

Importing this module registers the commands in `cli.EXTRA_COMMANDS`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_app.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, EXTRA_COMMANDS
from briefing_app.cli_items import add_item_arguments


def add_export_arguments(p: argparse.ArgumentParser) -> None:
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "--query", "-q", help="build the briefing from every article matching this search"
    )
    source.add_argument(
        "--briefing", "-b", metavar="NAME", help="export a stored briefing, by name or title"
    )
    p.add_argument(
        "--out", "-o", required=True, metavar="FILE", help="the file to write (.pdf, .html, .md)"
    )
    p.add_argument(
        "--format", "-f", choices=("pdf", "html", "md"), help="default: from --out's suffix"
    )
    p.add_argument("--page-size", choices=("A4", "Letter"), help="paper size for PDF (default A4)")
    p.add_argument("--title", help="the briefing's title")
    p.add_argument("--author", help="who the briefing is from")
    p.add_argument("--marking", help='the line printed on every page, e.g. "UNCLASSIFIED"')
    p.add_argument("--date", help="the briefing's date (default today)")
    p.add_argument(
        "--notes", metavar="FILE", help="a Markdown file: the executive summary ('-' reads stdin)"
    )
    p.add_argument(
        "--by", choices=("contributor", "host"), default="contributor", help="chart grouping"
    )
    p.add_argument("--combine", choices=("largest", "latest", "sum"), default="largest")
    p.add_argument("--style", choices=("bars", "lines"), default="bars", help="chart style")
    p.add_argument(
        "--save", metavar="NAME", help="also store the briefing built from --query under NAME"
    )


def run_export(workspace, args: argparse.Namespace) -> int:
    from briefing_app.core import briefing as briefings
    from briefing_app.core.briefing.export import ExportError, export_document
    from briefing_app.core.search import QueryError

    try:
        summary = _read_notes(args.notes)
    except OSError as exc:
        print(f"briefing: cannot read {args.notes}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.briefing:
            found = briefings.find(workspace, args.briefing)
            if found is None:
                print(_no_briefing(workspace, args.briefing), file=sys.stderr)
                return EXIT_ERROR
            brief = found[1]
        elif args.query is not None:
            brief = from_search(
                workspace, args.query, by=args.by, combine=args.combine, style=args.style
            )
        else:
            print("briefing: give --query to build a briefing, or --briefing NAME", file=sys.stderr)
            return EXIT_USAGE
    except QueryError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except briefings.BriefingError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_ERROR
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
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except QueryError as exc:  # a stored chart whose query no longer parses
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"Wrote {path} ({len(document.items)} items, {len(document.key_figures)} troop figures,"
        f" {len(document.sources)} sources)"
    )
    return EXIT_OK


def from_search(
    workspace, query: str, *, by: str = "contributor", combine: str = "largest", style: str = "bars"
):
    """A briefing of every article matching `query`, with the chart over those articles."""
    from briefing_app.core.briefing import Briefing, BriefingItem, ChartConfig

    ids = workspace.search(query, page_size=1).all_ids
    titles = {i: a.title for i, a in workspace.library.get_articles(ids).items()}
    items = [BriefingItem.article(i, titles.get(i, "")) for i in ids]
    if ids:
        items.append(
            BriefingItem.chart_of(ChartConfig(by=by, combine=combine, article_ids=ids, style=style))
        )
    return Briefing(title=f"Briefing: {query}", items=items)


def _read_notes(name: str | None) -> str | None:
    if name is None:
        return None
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")


def add_briefing_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="briefing_action", metavar="ACTION", required=True)
    q = sub.add_parser("list", help="list stored briefings (name — title)")
    q.add_argument("--json", action="store_true")
    q = sub.add_parser("show", help="print a stored briefing as Markdown (or JSON)")
    q.add_argument("name", help="the briefing's name or title")
    q.add_argument("--json", action="store_true", help="print the stored JSON document")
    q = sub.add_parser("new", help="store a new, empty briefing")
    q.add_argument("name")
    q.add_argument("--title", help="its title (default: the name)")
    q = sub.add_parser("add", help="add articles, passages or troop figures to a stored briefing")
    add_item_arguments(q)
    q = sub.add_parser("delete", help="delete a stored briefing")
    q.add_argument("name", help="the briefing's name or title")
    q = sub.add_parser("rename", help="rename a stored briefing")
    q.add_argument("name", help="the briefing's name or title")
    q.add_argument("new_name")


def run_briefing(workspace, args: argparse.Namespace) -> int:
    from briefing_app.core import briefing as briefings
    from briefing_app.core.briefing.export import to_markdown

    action = args.briefing_action
    try:
        if action == "list":
            return _list_briefings(workspace, as_json=args.json)
        if action == "new":
            if workspace.library.load_briefing(args.name) is not None:
                print(
                    f"briefing: there is already a briefing called “{args.name}”", file=sys.stderr
                )
                return EXIT_ERROR
            briefings.save(workspace, args.name, briefings.Briefing(title=args.title or args.name))
            print(f"Stored the new briefing “{args.name}”.")
            return EXIT_OK
        found = briefings.find(workspace, args.name)
        if found is None:
            print(_no_briefing(workspace, args.name), file=sys.stderr)
            return EXIT_ERROR
        name, brief = found
        if action == "add":
            from briefing_app.cli_items import run_add

            return run_add(workspace, name, brief, args)
        if action == "rename":
            briefings.rename(workspace, name, args.new_name)
            print(f"Renamed “{name}” to “{args.new_name}”.")
        elif action == "delete":
            briefings.delete(workspace, name)
            print(f"Deleted “{name}”.")
        elif args.json:
            print(json.dumps(brief.to_dict(), ensure_ascii=False, indent=1))
        else:
            sys.stdout.write(to_markdown(briefings.resolve(workspace, brief)))
    except briefings.BriefingError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _list_briefings(workspace, *, as_json: bool) -> int:
    from briefing_app.core import briefing as briefings

    names = briefings.names(workspace)
    if as_json:
        print(json.dumps(names, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not names:
        print("No briefings stored.")
    for name in names:
        try:
            brief = briefings.load(workspace, name)
        except briefings.BriefingError as exc:
            print(f"{name}  ({exc})")
            continue
        count = len(brief.items) if brief else 0
        print(f"{briefings.label(name, brief)}  ({count} items)")
    return EXIT_OK


def _no_briefing(workspace, wanted: str) -> str:
    from briefing_app.core import briefing as briefings

    names = briefings.names(workspace)
    stored = f"; stored: {', '.join(names)}" if names else "; none is stored"
    return f"briefing: no briefing with the name or title “{wanted}”{stored}"


EXTRA_COMMANDS["export"] = (
    "write a briefing (from a search or a stored one) as PDF, HTML or Markdown",
    add_export_arguments,
    run_export,
)
EXTRA_COMMANDS["briefing"] = (
    "list, show, create, add to, rename or delete stored briefings",
    add_briefing_arguments,
    run_briefing,
)

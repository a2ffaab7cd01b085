"""The `chart` command: the troop chart as an SVG or PNG file, with the window's options.

`briefing chart --out chart.svg [--kinds deployment,presence] [--countries "France,Germany"]
[--scale log] [--style bars|lines|matrix] [--by contributor|host] [--combine largest] [--query Q]`
draws the chart the window and the briefing draw (same colours per country, same kinds, same
scale), with no display. Importing this module registers the command in `cli.EXTRA_COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys

from briefing_app.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, EXTRA_COMMANDS


def add_chart_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out", "-o", required=True, metavar="FILE", help="the file to write (.svg, .png)"
    )
    p.add_argument("--style", choices=("bars", "lines", "matrix"), default="bars")
    p.add_argument("--by", choices=("contributor", "host"), default="contributor")
    p.add_argument("--combine", choices=("largest", "latest", "sum"), default="largest")
    p.add_argument(
        "--kinds",
        help="kinds of figure counted, comma-separated, or 'all' "
        "(default: deployment,presence; also withdrawal, relocation, request, ceiling, exercise)",
    )
    p.add_argument("--countries", help="only these countries, comma-separated (canonical names)")
    p.add_argument("--top", type=int, metavar="N", help="only the N largest countries")
    p.add_argument("--scale", choices=("linear", "log"), default="linear")
    p.add_argument("--query", "-q", help="only articles matching this search")
    p.add_argument("--width", type=float, default=520.0, help="width in points (default 520)")


def run_chart(workspace, args: argparse.Namespace) -> int:
    from briefing_app.core.briefing import ChartConfig, chart_table
    from briefing_app.core.briefing.chart_file import write_chart
    from briefing_app.core.briefing.export import ExportError
    from briefing_app.core.figures import parse_kinds
    from briefing_app.core.search import QueryError

    try:
        kinds = parse_kinds(args.kinds)
    except ValueError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    countries = (
        [c.strip() for c in args.countries.split(",") if c.strip()] if args.countries else None
    )
    config = ChartConfig(
        by=args.by,
        combine=args.combine,
        query=args.query or None,
        style=args.style,
        kinds=kinds,
        countries=countries,
        scale=args.scale,
    )
    try:
        table = chart_table(workspace, config)
    except QueryError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if countries is not None:
        unknown = sorted(set(countries) - set(table.countries()))
        if unknown:
            print(f"briefing: no troop figures for {', '.join(unknown)} in scope", file=sys.stderr)
    if args.top is not None:
        table = table.only(table.countries()[: max(args.top, 1)])
    try:
        drawing = write_chart(
            table,
            args.out,
            style=args.style,
            scale=args.scale,
            caption=config.describe(),
            width=max(args.width, 200.0),
        )
    except ExportError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_ERROR
    drawn = table.countries()
    print(
        f"Wrote {args.out}: {len(drawn)} {'country' if len(drawn) == 1 else 'countries'}, "
        f"{len(table.rows)} figures, as {drawing.kind}"
        + (f"; {table.left_out_text()} (see --kinds)" if table.left_out else "")
    )
    return EXIT_OK


EXTRA_COMMANDS["chart"] = (
    "draw the troop chart as an SVG or PNG file (no window needed)",
    add_chart_arguments,
    run_chart,
)

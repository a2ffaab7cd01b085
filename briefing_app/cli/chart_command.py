"""`briefing chart --out FILE`: the troop chart as an SVG or PNG file, with the window's options.

`briefing chart --out chart.svg [--kinds deployment,presence] [--countries "France,Germany"]
[--scale log] [--style bars|lines|matrix] [--by contributor|host] [--combine largest] [--query Q]`
draws the chart the window and the briefing draw (same colours per country, same kinds, same
scale), with no display.
"""

from __future__ import annotations

import argparse
import sys

from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.core.briefing import ChartConfig, chart_table
from briefing_app.core.briefing.chart_file import write_chart
from briefing_app.core.briefing.export import ExportError
from briefing_app.core.figures import parse_kinds
from briefing_app.core.wording import counted
from briefing_app.core.workspace import QueryError, Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        kinds = parse_kinds(args.kinds)
    except ValueError as exc:
        return fail(exc, EXIT_USAGE)
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
        return fail(exc, EXIT_USAGE)
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
        return fail(exc)
    drawn = table.countries()
    print(
        f"Wrote {args.out}: {len(drawn)} {'country' if len(drawn) == 1 else 'countries'}, "
        f"{counted(len(table.rows), 'figure')}, as {drawing.kind}"
        + (f"; {table.left_out_text()} (see --kinds)" if table.left_out else "")
    )
    return EXIT_OK

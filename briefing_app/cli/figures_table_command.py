"""`briefing figures`: the table behind the chart, troop numbers by country and year."""

from __future__ import annotations

import argparse
import json
import sys

from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.core.workspace import QueryError, Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        table = workspace.figures_table(by=args.by, combine=args.combine, query=args.query)
    except QueryError as exc:
        return fail(exc, EXIT_USAGE)
    if args.json:
        print(json.dumps(table.to_dicts(), ensure_ascii=False, indent=1))
    elif args.csv:
        sys.stdout.write(table.to_csv())
    else:
        if not table.rows:
            print("No troop figures with a number in scope.")
            return EXIT_OK
        header = f"{args.by.title():<28} {'Year':<8} {'Troops':>10} {'Reports':>8}  Articles"
        print(header)
        print("-" * len(header))
        for row in table.rows:
            titles = "; ".join(sorted({r.article_title for r in row.reports}))
            print(
                f"{row.country[:28]:<28} {row.year_label:<8} {row.value:>10,.0f} "
                f"{len(row.reports):>8}  {titles[:60]}"
            )
    return EXIT_OK

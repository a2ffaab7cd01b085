"""`briefing figure ID N`: print, correct, reject or revert troop figure N of an article."""

from __future__ import annotations

import argparse

from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.cli.figure_numbers import describe_numbered, figure_by_number
from briefing_app.core.workspace import Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    changes = {
        name: getattr(args, name)
        for name in ("contributor", "host", "count", "year")
        if getattr(args, name) is not None
    }
    if (args.reject or args.revert) and changes:
        return fail("--reject and --revert take no other changes", EXIT_USAGE)
    if args.count is not None and args.count < 0:
        return fail("--count cannot be negative", EXIT_USAGE)
    found, problem = figure_by_number(workspace, args.id, args.number)
    if found is None:
        return fail(problem)
    _view, stored = found
    if args.revert:
        workspace.clear_correction(args.id, stored.key)
    elif args.reject:
        workspace.correct_figure(args.id, stored.key, rejected=True)
    elif changes:
        workspace.correct_figure(args.id, stored.key, **changes)
    # Read back through the Workspace: what is printed is what the library now holds.
    found, problem = figure_by_number(workspace, args.id, args.number)
    if found is None:
        return fail(problem)
    print(describe_numbered(args.number, found[1]))
    return EXIT_OK

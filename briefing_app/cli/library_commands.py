"""`briefing stats` and `briefing reindex`: the library's size, and its search index rebuilt."""

from __future__ import annotations

import argparse
import json
import sys
import time

from briefing_app.cli.exit_codes import EXIT_OK
from briefing_app.cli.progress import TerminalProgress
from briefing_app.core.wording import counted
from briefing_app.core.workspace import Workspace


def run_stats(workspace: Workspace, args: argparse.Namespace) -> int:
    stats = workspace.stats()
    if args.json:
        print(json.dumps(stats, indent=1))
        return EXIT_OK
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        # An empty library has no first or last date: a dash, as the window's Library Info says.
        shown = "—" if value in (None, "") else value
        print(f"{key.replace('_', ' '):<{width}}  {shown}")
    return EXIT_OK


def run_reindex(workspace: Workspace, args: argparse.Namespace) -> int:
    bar = TerminalProgress(enabled=sys.stderr.isatty())
    started = time.monotonic()
    count = workspace.reindex(progress=bar)
    bar.finish()
    print(f"Indexed {counted(count, 'article')} in {time.monotonic() - started:.1f} s")
    return EXIT_OK

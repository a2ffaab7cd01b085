"""`briefing edit ID`: the user's own title, date or source for an article."""

from __future__ import annotations

import argparse
import sys

from briefing_app.cli.exit_codes import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from briefing_app.core.workspace import Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    changes = {k: getattr(args, k) for k in ("title", "date", "source") if getattr(args, k)}
    if not changes:
        print("briefing: nothing to change (give --title, --date or --source)", file=sys.stderr)
        return EXIT_USAGE
    try:
        workspace.edit_article(args.id, **changes)
    except KeyError:
        print(f"briefing: no article {args.id}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Article {args.id} updated: " + ", ".join(f"{k}={v}" for k, v in changes.items()))
    return EXIT_OK

"""`briefing edit ID`: the user's own title, date or source for an article."""

from __future__ import annotations

import argparse

from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.core.workspace import Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    changes = {k: getattr(args, k) for k in ("title", "date", "source") if getattr(args, k)}
    if not changes:
        return fail("nothing to change (give --title, --date or --source)", EXIT_USAGE)
    try:
        workspace.edit_article(args.id, **changes)
    except KeyError:
        return fail(f"no article {args.id}")
    except ValueError as exc:
        return fail(exc, EXIT_USAGE)
    print(f"Article {args.id} updated: " + ", ".join(f"{k}={v}" for k, v in changes.items()))
    return EXIT_OK

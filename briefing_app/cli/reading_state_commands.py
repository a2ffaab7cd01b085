"""`briefing star`, `unstar`, `mark-read`, `mark-unread`: an article's state, as the window sets it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from briefing_app.cli.exit_codes import EXIT_ERROR, EXIT_OK
from briefing_app.core.workspace import Workspace


def run_star(workspace: Workspace, args: argparse.Namespace) -> int:
    return _set_state(workspace, args.ids, workspace.set_starred, True, "starred")


def run_unstar(workspace: Workspace, args: argparse.Namespace) -> int:
    return _set_state(workspace, args.ids, workspace.set_starred, False, "unstarred")


def run_mark_read(workspace: Workspace, args: argparse.Namespace) -> int:
    return _set_state(workspace, args.ids, workspace.set_read, True, "read")


def run_mark_unread(workspace: Workspace, args: argparse.Namespace) -> int:
    return _set_state(workspace, args.ids, workspace.set_read, False, "unread")


def _set_state(
    workspace: Workspace,
    ids: list[int],
    setter: Callable[[int, bool], None],
    value: bool,
    done: str,
) -> int:
    """Set the state of every article of `ids` that exists; fail when one does not."""
    stored = workspace.articles(ids)
    for article_id in ids:
        if article_id not in stored:
            print(f"briefing: no article {article_id}", file=sys.stderr)
            continue
        setter(article_id, value)
    changed = [i for i in ids if i in stored]
    if changed:
        print(f"{done.capitalize()}: " + ", ".join(str(i) for i in changed))
    # A change saved while another program holds the index is said so, not hidden.
    for notice in workspace.busy_notices():
        print(f"briefing: {notice}", file=sys.stderr)
    return EXIT_ERROR if len(changed) < len(ids) else EXIT_OK

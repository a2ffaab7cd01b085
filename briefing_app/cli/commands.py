"""Which module runs each command, and the library every command but `extract` runs against.

The table is written out here, not filled in by the modules: reading it shows every command's
code, and a test holds it to the parser's list of commands.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from briefing_app.cli import (
    briefing_commands,
    chart_command,
    edit_command,
    export_command,
    extract_command,
    figure_command,
    figures_table_command,
    import_command,
    library_commands,
    reading_state_commands,
    search_command,
    show_command,
    team_command,
    watch_command,
)
from briefing_app.cli.exit_codes import EXIT_INTERRUPTED, fail
from briefing_app.cli.progress import TerminalProgress
from briefing_app.core.opening import open_workspace, team_url
from briefing_app.core.workspace import LibraryError, Workspace
from briefing_app.paths import default_library_dir

log = logging.getLogger(__name__)

WorkspaceCommand = Callable[[Workspace, argparse.Namespace], int]

# command -> what runs it against the open library
WORKSPACE_COMMANDS: dict[str, WorkspaceCommand] = {
    "import": import_command.run,
    "search": search_command.run,
    "show": show_command.run,
    "stats": library_commands.run_stats,
    "reindex": library_commands.run_reindex,
    "figures": figures_table_command.run,
    "edit": edit_command.run,
    "star": reading_state_commands.run_star,
    "unstar": reading_state_commands.run_unstar,
    "mark-read": reading_state_commands.run_mark_read,
    "mark-unread": reading_state_commands.run_mark_unread,
    "figure": figure_command.run,
    "chart": chart_command.run,
    "export": export_command.run,
    "briefing": briefing_commands.run,
    "watch": watch_command.run,
}
# command -> what runs it with no library open (extract reads files as the importer does;
# team sets up and fills a team library by its URL)
FILE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": extract_command.run,
    "team": team_command.run,
}


# Commands that may start a library; every other one reads one that must already exist, so a
# mistyped --library is an error rather than a new, empty library answering "0 articles".
CREATING_COMMANDS = frozenset({"import", "watch", "briefing"})


def run_command(args: argparse.Namespace) -> int:
    """Run `args.command`: open the library, run the command, close the library whatever happens."""
    if args.command in FILE_COMMANDS:
        return FILE_COMMANDS[args.command](args)
    folder = default_library_dir(args.library)
    if args.command not in CREATING_COMMANDS and not team_url(args.library) and not folder.exists():
        return fail(
            f"there is no library at {folder} (check --library or $BRIEFING_LIBRARY;"
            " 'briefing import' makes one)"
        )
    try:
        workspace = _open_workspace(args.library)
    except LibraryError as exc:
        log.error("opening the library failed: %s", exc)
        return fail(exc)
    try:
        return WORKSPACE_COMMANDS[args.command](workspace, args)
    except LibraryError as exc:
        # What the library refused (a team library's role, a busy index): one sentence here,
        # the traceback in the log.
        log.error("%s failed: %s", args.command, exc, exc_info=True)
        return fail(exc)
    except KeyboardInterrupt:
        print("\nbriefing: interrupted; everything committed so far is kept.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        workspace.close()


def _open_workspace(library: str | None) -> Workspace:
    bar = TerminalProgress(enabled=sys.stderr.isatty())
    # The built-in articles are the window's welcome on its first run, never something a
    # command adds to a library a user is filling with their own corpus.
    workspace = open_workspace(library, seed_if_empty=False, progress=bar)
    bar.finish()
    for notice in workspace.notices:
        print(f"briefing: {notice}", file=sys.stderr)
    return workspace

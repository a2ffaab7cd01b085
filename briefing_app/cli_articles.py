"""The commands that change one article as the window does: star, read state, figure corrections.

Troop figures are addressed as `briefing show ID` numbers them (1, 2, … in the order of the
text); the figure's identity behind that number comes from the Workspace, never from here.
Importing this module registers the commands in `cli.EXTRA_COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_app.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, EXTRA_COMMANDS, describe_troops

if TYPE_CHECKING:
    from briefing_app.core.library import StoredFigure
    from briefing_app.core.workspace import ArticleView, Workspace

# command -> (help, flag, value, past tense)
FLAG_COMMANDS = {
    "star": ("star articles (the window's Article → Star)", "starred", True, "starred"),
    "unstar": ("remove the star from articles", "starred", False, "unstarred"),
    "mark-read": ("mark articles read (opening one in the window does this)", "read", True, "read"),
    "mark-unread": ("mark articles unread (Article → Mark as unread)", "read", False, "unread"),
}


def troop_figures(view: ArticleView) -> list[StoredFigure]:
    """An article's troop figures as `show` numbers them: all of them, rejected ones included."""
    return [f for f in view.figures if f.figure.kind == "troops"]


def figure_by_number(
    workspace: Workspace, article_id: int, number: int
) -> tuple[tuple[ArticleView, StoredFigure] | None, str | None]:
    """(view, stored figure) for `show`'s figure `number`, or a message saying what is wrong."""
    view = workspace.article(article_id)
    if view is None:
        return None, f"no article {article_id}"
    figures = troop_figures(view)
    if not 1 <= number <= len(figures):
        if not figures:
            return None, f"article {article_id} has no troop figures"
        return None, (
            f"article {article_id} has troop figures 1–{len(figures)}, not {number}"
            f" (see: briefing show {article_id})"
        )
    return (view, figures[number - 1]), None


def describe_stored(number: int, stored: StoredFigure) -> str:
    """ "2. Germany → Lithuania: about 360 (deployment, 2022) (corrected)"."""
    state = " (rejected)" if stored.rejected else " (corrected)" if stored.corrected else ""
    return f"{number}. {describe_troops(stored.figure)}{state}"


# -- star and read state ------------------------------------------------------------------------


def _add_flag_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", nargs="+", type=int, metavar="ID")


def _flag_runner(command: str) -> Callable[[Workspace, argparse.Namespace], int]:
    _help, flag, value, done = FLAG_COMMANDS[command]

    def run(workspace, args: argparse.Namespace) -> int:
        missing = [i for i in args.ids if workspace.library.get_article(i) is None]
        for article_id in args.ids:
            if article_id in missing:
                print(f"briefing: no article {article_id}", file=sys.stderr)
                continue
            if flag == "starred":
                workspace.set_starred(article_id, value)
            else:
                workspace.set_read(article_id, value)
        changed = [i for i in args.ids if i not in missing]
        if changed:
            print(f"{done.capitalize()}: " + ", ".join(str(i) for i in changed))
        _print_notices(workspace)
        return EXIT_ERROR if missing else EXIT_OK

    return run


def _print_notices(workspace) -> None:
    # A change saved while another program holds the index is said so, not hidden.
    for notice in workspace.notices:
        if "busy" in notice:
            print(f"briefing: {notice}", file=sys.stderr)


# -- troop figure corrections -------------------------------------------------------------------


def add_figure_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int, metavar="ID", help="the article")
    p.add_argument(
        "number", type=int, metavar="N", help="the figure, as `briefing show ID` numbers it"
    )
    p.add_argument("--contributor", metavar="COUNTRY", help="who sends the troops")
    p.add_argument("--host", metavar="COUNTRY", help="where they go")
    p.add_argument("--count", type=int, metavar="N", help="how many")
    p.add_argument("--year", type=int, metavar="YEAR")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--reject", action="store_true", help="not a troop figure: leave it out")
    action.add_argument("--revert", action="store_true", help="drop the correction or rejection")


def run_figure(workspace: Workspace, args: argparse.Namespace) -> int:
    changes = {
        name: getattr(args, name)
        for name in ("contributor", "host", "count", "year")
        if getattr(args, name) is not None
    }
    if (args.reject or args.revert) and changes:
        print("briefing: --reject and --revert take no other changes", file=sys.stderr)
        return EXIT_USAGE
    if args.count is not None and args.count < 0:
        print("briefing: --count cannot be negative", file=sys.stderr)
        return EXIT_USAGE
    found, problem = figure_by_number(workspace, args.id, args.number)
    if found is None:
        print(f"briefing: {problem}", file=sys.stderr)
        return EXIT_ERROR
    _view, stored = found
    if args.revert:
        workspace.clear_correction(args.id, stored.key)
    elif args.reject:
        workspace.correct_figure(args.id, stored.key, rejected=True)
    elif changes:
        workspace.correct_figure(args.id, stored.key, **changes)
    # Read back through the Workspace: what is printed is what the library now holds.
    found, _problem = figure_by_number(workspace, args.id, args.number)
    print(describe_stored(args.number, found[1]))
    return EXIT_OK


for _command, (_help, *_rest) in FLAG_COMMANDS.items():
    EXTRA_COMMANDS[_command] = (_help, _add_flag_arguments, _flag_runner(_command))
EXTRA_COMMANDS["figure"] = (
    "print, correct, reject or revert a troop figure (numbered as `briefing show ID` lists them)",
    add_figure_arguments,
    run_figure,
)

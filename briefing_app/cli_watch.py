"""The `watch` command: add, list and remove watched folders, and run the import loop."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import TYPE_CHECKING

from briefing_app.cli import EXIT_ERROR, EXIT_OK, EXTRA_COMMANDS

if TYPE_CHECKING:
    from briefing_app.core import watch

DEFAULT_INTERVAL = 5.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="watch_action", metavar="ACTION", required=True)
    p = actions.add_parser("add", help="watch a folder (its files are imported by 'watch run')")
    p.add_argument("folder", metavar="DIR")
    actions.add_parser("list", help="print the watched folders")
    p = actions.add_parser("remove", help="stop watching a folder (its articles stay)")
    p.add_argument("folder", metavar="DIR")
    p = actions.add_parser("run", help="import new and changed files until Ctrl-C")
    p.add_argument(
        "--interval",
        type=float,
        default=DEFAULT_INTERVAL,
        metavar="S",
        help=f"seconds between scans (default {DEFAULT_INTERVAL:g})",
    )
    p.add_argument("--once", action="store_true", help="scan once and exit")


def run(workspace, args: argparse.Namespace) -> int:
    # Imported here: every `briefing` start registers this command, and --help or --version
    # should not pay for loading the library and search engines.
    from briefing_app.core import watch

    action = args.watch_action
    if action == "add":
        try:
            folder = watch.add_folder(workspace, args.folder)
        except ValueError as exc:
            print(f"briefing: {exc}", file=sys.stderr)
            return EXIT_ERROR
        print(f"Watching {folder}; 'briefing watch run' imports its files.")
        return EXIT_OK
    if action == "remove":
        if not watch.remove_folder(workspace, args.folder):
            print(f"briefing: {args.folder} is not a watched folder", file=sys.stderr)
            return EXIT_ERROR
        print(f"No longer watching {args.folder}; its articles stay in the library.")
        return EXIT_OK
    if action == "list":
        for folder in watch.watched_folders(workspace):
            note = "" if folder.is_dir() else "  (not found)"
            print(f"{folder}{note}")
        return EXIT_OK
    return run_loop(workspace, interval=max(args.interval, 0.2), once=args.once)


def run_loop(workspace, *, interval: float, once: bool = False) -> int:
    from briefing_app.core import watch

    """Scan every `interval` seconds, printing a line per import, until Ctrl-C or SIGTERM."""
    folders = watch.watched_folders(workspace)
    if not folders:
        print(
            "briefing: no watched folders; add one with 'briefing watch add DIR'", file=sys.stderr
        )
        return EXIT_ERROR
    stop = threading.Event()
    _stop_on_sigterm(stop)
    if not once:
        print(f"Watching {len(folders)} folder(s) every {interval:g} s; Ctrl-C stops.", flush=True)
    try:
        while not stop.is_set():
            report = watch.scan_and_import(workspace, cancelled=stop.is_set)
            for line in report_lines(workspace, report):
                print(line, flush=True)
            if once:
                break
            stop.wait(interval)
    except KeyboardInterrupt:
        print("\nStopped watching; everything imported so far is kept.", flush=True)
    return EXIT_OK


def report_lines(workspace, report: watch.ScanReport) -> list[str]:
    """One line per article imported or updated, file skipped and original gone."""
    lines = []
    stored = workspace.library.get_articles(report.article_ids) if report.article_ids else {}
    for article_id in report.article_ids:
        article = stored.get(article_id)
        if article is not None:
            where = f"{article.path}#{article.origin}" if article.origin else article.path
            # A new article has no update time; one whose file changed has.
            verb = "updated" if article.updated_at else "imported"
            lines.append(f"{verb} [{article_id}] {article.title} ({where})")
    for skip in report.skipped:
        lines.append(f"skipped {skip.path}: {skip.reason}")
    for path in report.missing:
        lines.append(f"original missing (article kept): {path}")
    return lines


def _stop_on_sigterm(stop: threading.Event) -> None:
    try:
        signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    except ValueError:  # not the main thread (tests calling run_loop from a worker)
        pass


EXTRA_COMMANDS["watch"] = (
    "watch folders and import new and changed files",
    add_arguments,
    run,
)

"""`briefing watch add|list|remove|run`: watched folders, and the loop that imports from them."""

from __future__ import annotations

import argparse
import signal
import threading

from briefing_app.cli.exit_codes import EXIT_OK, fail
from briefing_app.core import watch
from briefing_app.core.workspace import Workspace

SHORTEST_INTERVAL = 0.2  # seconds: scanning more often only burns the disk


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    action = args.watch_action
    if action == "add":
        try:
            folder = watch.add_folder(workspace, args.folder)
        except ValueError as exc:
            return fail(exc)
        print(f"Watching {folder}; 'briefing watch run' imports its files.")
        return EXIT_OK
    if action == "remove":
        if not watch.remove_folder(workspace, args.folder):
            return fail(f"{args.folder} is not a watched folder")
        print(f"No longer watching {args.folder}; its articles stay in the library.")
        return EXIT_OK
    if action == "list":
        folders = watch.watched_folders(workspace)
        if not folders:
            print("No folders are watched (add one with: briefing watch add DIR).")
        for folder in folders:
            note = "" if folder.is_dir() else "  (not found)"
            print(f"{folder}{note}")
        return EXIT_OK
    return run_loop(workspace, interval=max(args.interval, SHORTEST_INTERVAL), once=args.once)


def run_loop(workspace: Workspace, *, interval: float, once: bool = False) -> int:
    """Scan every `interval` seconds, printing a line per import, until Ctrl-C or SIGTERM."""
    folders = watch.watched_folders(workspace)
    if not folders:
        return fail("no watched folders; add one with 'briefing watch add DIR'")
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


def report_lines(workspace: Workspace, report: watch.ScanReport) -> list[str]:
    """One line per article imported or updated, file skipped and original gone."""
    lines = []
    stored = workspace.articles(report.article_ids)
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

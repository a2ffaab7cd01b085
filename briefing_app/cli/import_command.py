"""`briefing import PATH…`: files, folders and standard input into the library, with a summary."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from briefing_app.cli.exit_codes import EXIT_OK, fail
from briefing_app.cli.progress import TerminalProgress
from briefing_app.core.records import Skipped
from briefing_app.core.workspace import Workspace

SKIPS_LISTED = 50  # skipped files named one by one; the rest are counted


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    paths = [p for p in args.paths if p != "-"]
    reports = []
    if "-" in args.paths:
        reports.append(workspace.import_text(sys.stdin.read()))
    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        print(f"briefing: {p}: no such file or folder", file=sys.stderr)
    paths = [p for p in paths if Path(p).exists()]
    if paths:
        bar = TerminalProgress(enabled=sys.stderr.isatty() and not args.quiet)
        cancel = _CancelOnSigterm()
        reports.append(workspace.import_paths(paths, progress=bar, cancelled=cancel))
        bar.finish()
    imported = sum(r.imported for r in reports)
    updated = sum(r.updated for r in reports)
    unchanged = sum(r.unchanged for r in reports)
    duplicates = sum(r.duplicates for r in reports)
    skipped = [s for r in reports for s in r.skipped]
    seconds = sum(r.seconds for r in reports)
    print(
        f"{imported} imported, {updated} updated, {unchanged} unchanged, "
        f"{len(skipped)} skipped in {seconds:.1f} s"
    )
    if duplicates:
        copies = (
            "1 duplicate of an article already in the library was"
            if duplicates == 1
            else f"{duplicates} duplicates of articles already in the library were"
        )
        print(f"  {copies} not added again")
    for skip in skipped[:SKIPS_LISTED]:
        print(f"  skipped {skip.path}: {skip.reason}")
    if len(skipped) > SKIPS_LISTED:
        print(f"  … and {len(skipped) - SKIPS_LISTED} more skipped")
    if any(r.cancelled for r in reports):
        print("Import cancelled; what was imported before is kept.")
    return _status(args.paths, missing, skipped, imported + updated + unchanged + duplicates)


def _status(given: list[str], missing: list[str], skipped: list[Skipped], read: int) -> int:
    """Say how many of the paths failed; fail the command when nothing given could be read."""
    if missing:
        print(
            f"briefing: {len(missing)} of {len(given)} paths given could not be found",
            file=sys.stderr,
        )
    if skipped:
        print(f"briefing: {len(skipped)} files or records could not be read", file=sys.stderr)
    if read == 0 and (missing or skipped):
        return fail("nothing given could be read")
    return EXIT_OK


class _CancelOnSigterm:
    """Turns SIGTERM into a clean cancel between batches rather than a kill mid-write."""

    def __init__(self) -> None:
        self.requested = False
        try:
            signal.signal(signal.SIGTERM, self._handle)
        except ValueError:  # not the main thread
            pass

    def _handle(self, signum: int, frame: object) -> None:
        self.requested = True

    def __call__(self) -> bool:
        return self.requested

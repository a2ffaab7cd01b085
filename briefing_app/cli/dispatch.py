"""`briefing`'s entry point: parse, set up the log, then open the window, run the self-test or a command."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys

from briefing_app import __version__, logs
from briefing_app.cli.exit_codes import EXIT_BROKEN_PIPE
from briefing_app.cli.parser import build_parser, parse_arguments

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a reader that closes the pipe early (`| head`) ends it quietly."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # Logged in one line, not shown: the usual cause is `| head`, which is no error.
        log.info(
            "the output was closed by its reader (briefing %s)", " ".join(argv or sys.argv[1:])
        )
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _silence_stdout() -> None:
    # Python's documented recipe: point stdout at devnull so the flush at exit does not raise
    # (and print a second traceback) on the closed pipe.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (an embedding, a test capture)
        pass


def _run(argv: list[str] | None) -> int:
    # A frozen bundle re-runs its executable for the extraction process of large imports.
    multiprocessing.freeze_support()
    args = parse_arguments(build_parser(), argv)
    # The self-test promises to leave the user's folders alone: its log goes to stderr only.
    logs.configure(verbose=args.verbose, to_file=not args.self_test)
    log.debug("briefing %s: %s", __version__, " ".join(sys.argv[1:] if argv is None else argv))
    # What runs next is imported only now, and only what is needed: the window and the
    # self-test load Qt, the commands the library, index and extraction engines (0.3 s), none of
    # which `--help`, `--version` or a usage error should wait for (0.06 s without them).
    if args.self_test:
        from briefing_app.selftest import run_self_test

        return run_self_test()
    if (args.command or "gui") == "gui":
        from briefing_app.ui.app import run_app

        return run_app(library=args.library, paths=getattr(args, "paths", []))
    from briefing_app.cli.commands import run_command

    return run_command(args)

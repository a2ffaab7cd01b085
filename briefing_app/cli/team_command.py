"""`briefing team init URL`, `briefing team push LOCAL URL` and `briefing team password URL`:
set up a team library on a PostgreSQL server, copy a local library into one, and keep one's
password for it in the system keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from briefing_app.cli.exit_codes import EXIT_OK, EXIT_USAGE, fail
from briefing_app.core.opening import (
    forget_team_password,
    init_team_library,
    is_team_location,
    push_to_team,
    remember_team_password,
    shown_url,
)
from briefing_app.core.workspace import LibraryError
from briefing_app.paths import default_library_dir


def run(args: argparse.Namespace) -> int:
    if not is_team_location(args.url):
        return fail(f"'{args.url}' is not a team library address (postgresql://…)", EXIT_USAGE)
    try:
        return {"init": _init, "push": _push, "password": _password}[args.team_command](args)
    except LibraryError as exc:
        return fail(exc)


def _init(args: argparse.Namespace) -> int:
    names = init_team_library(args.url)
    print(f"Team library ready at {shown_url(args.url)}. Its roles:")
    print(f"  {names['readers']:<24} search and read")
    print(f"  {names['editors']:<24} also correct figures, edit articles, make briefings")
    print(f"  {names['importers']:<24} also import")
    print(f"Add a person: CREATE ROLE alice LOGIN; GRANT {names['editors']} TO alice;")
    return EXIT_OK


def _push(args: argparse.Namespace) -> int:
    local = default_library_dir(args.local)
    if not (local / "library.sqlite3").exists():
        return fail(f"there is no library at {local}")

    def shown(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total} articles", end="", file=sys.stderr, flush=True)

    try:
        report, location = push_to_team(local, args.url, progress=shown)
    except ValueError as exc:
        return fail(exc)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Pushed {local} to {location}: {report.summary()}.")
    return EXIT_OK


def _password(args: argparse.Namespace) -> int:
    shown = shown_url(args.url)
    if args.forget:
        if forget_team_password(args.url):
            print(f"The system keyring no longer keeps a password for {shown}.")
        else:
            print(f"The system keyring kept no password for {shown}.")
        return EXIT_OK
    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for {shown}: ")
    else:  # scripts pipe it in; the first line is the password
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        return fail("no password was given; nothing was kept", EXIT_USAGE)
    remember_team_password(args.url, password)
    print(f"The system keyring keeps your password for {shown}; the URL needs none.")
    return EXIT_OK

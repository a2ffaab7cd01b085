"""The command line: import, search, show, edit, extract, figures, reindex, stats, and the window.

More commands (export, briefings, watched folders, reading state and figure corrections) live in
the cli_* modules beside this one and register themselves in EXTRA_COMMANDS.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import signal
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from briefing_app import __version__

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
# What a shell reports for a program killed by SIGPIPE (128 + 13), as for `cat` or `grep`
# writing into `| head`: a script with `set -o pipefail` sees the same as with those tools.
EXIT_BROKEN_PIPE = 141

# The command line's sort words, as the window says them; the older spellings stay accepted so
# that scripts written for them keep working.
SORT_WORDS = {"relevance": "relevance", "newest": "date", "oldest": "date_asc"}
SORT_ALIASES = {"date": "newest", "date_asc": "oldest"}

log = logging.getLogger(__name__)

# Subcommands contributed by other modules register here: name -> (add_arguments, run).
# Keeps this module a thin dispatcher as export and watched folders add their commands.
EXTRA_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable]] = {}


def _verbose_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        default=default,
        help="also write the log to stderr (it is always written to the log file)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing Reader: read, search and brief from defence and foreign-affairs news.",
        epilog=f"Log file: {_log_file_text()}",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    _verbose_option(parser, False)
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $BRIEFING_LIBRARY, else the user data directory)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="import the seeds into a temporary library, search, extract, chart and export; exit 0 if all worked",
    )
    # --verbose is accepted after the command too; SUPPRESS keeps a subcommand from resetting
    # what was given before it.
    common = argparse.ArgumentParser(add_help=False)
    _verbose_option(common, argparse.SUPPRESS)
    sub = _Subcommands(parser.add_subparsers(dest="command", metavar="COMMAND"), [common])

    p = sub.add_parser("gui", help="open the window (the default)")
    p.add_argument("paths", nargs="*", help="files or folders to import on start")

    p = sub.add_parser("import", help="import files and folders ('-' reads one article from stdin)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query", nargs="?", default="")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.add_argument("--limit", type=int, default=10, help="results per page (default 10)")
    p.add_argument("--page", type=int, default=1)
    p.add_argument(
        "--sort",
        choices=(*SORT_WORDS, *SORT_ALIASES),
        metavar="{relevance,newest,oldest}",
        default="relevance",
        help="order of the results (undated articles last); default relevance",
    )
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--facets", action="store_true", help="also print facet counts")

    p = sub.add_parser("show", help="print one article")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("stats", help="print the library's size")
    p.add_argument("--json", action="store_true")

    sub.add_parser("reindex", help="rebuild the search index from the library")

    p = sub.add_parser("extract", help="print the entities and figures extraction finds in files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON (the default is a summary)")

    p = sub.add_parser("figures", help="troop numbers by country and year (the chart's table)")
    p.add_argument("--by", choices=("contributor", "host"), default="contributor")
    p.add_argument("--combine", choices=("largest", "latest", "sum"), default="largest")
    p.add_argument("--query", "-q", help="only articles matching this search")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")

    p = sub.add_parser("edit", help="set an article's title, date or source")
    p.add_argument("id", type=int)
    p.add_argument("--title")
    p.add_argument("--date")
    p.add_argument("--source")

    for name, (help_text, add_arguments, _run) in EXTRA_COMMANDS.items():
        add_arguments(sub.add_parser(name, help=help_text))
    return parser


class _Subcommands:
    """add_parser with the options every subcommand shares (--verbose)."""

    def __init__(self, action: argparse._SubParsersAction, parents: list) -> None:
        self._action = action
        self._parents = parents

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        return self._action.add_parser(name, parents=self._parents, **kwargs)


def _log_file_text() -> str:
    from briefing_app.paths import log_file

    return str(log_file())


def parse_arguments(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """Parse, and report an unknown option with the usage of the command it was given to.

    argparse hands a subcommand's unknown options back to the top-level parser, whose error
    shows the top-level usage; the innermost chosen subcommand's usage is the one that helps.
    """
    args, extras = parser.parse_known_args(argv)
    if extras:
        _innermost(parser, args).error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def _innermost(parser: argparse.ArgumentParser, args: argparse.Namespace):
    while True:
        chosen = None
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(args, action.dest, None) or "")
        if chosen is None:
            return parser
        parser = chosen


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a reader that closes the pipe early (`| head`) ends it quietly."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # Logged, not shown: the usual cause is `| head`, but the log keeps where it happened.
        log.info("the output was closed by its reader", exc_info=True)
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
    _load_extra_commands()
    parser = build_parser()
    args = parse_arguments(parser, argv)
    from briefing_app import logs

    # The self-test promises to leave the user's folders alone: its log goes to stderr only.
    logs.configure(verbose=args.verbose, to_file=not args.self_test)
    log.debug("briefing %s: %s", __version__, " ".join(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        from briefing_app.selftest import run_self_test

        return run_self_test()
    command = args.command or "gui"
    if command == "gui":
        from briefing_app.ui.app import run_app

        return run_app(library=args.library, paths=getattr(args, "paths", []))
    if command == "extract":
        return cmd_extract(args)
    from briefing_app.core.library import LibraryError

    try:
        workspace = _open_workspace(args)
    except LibraryError as exc:
        log.error("opening the library failed: %s", exc)
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        if command in EXTRA_COMMANDS:
            return EXTRA_COMMANDS[command][2](workspace, args)
        handler = {
            "import": cmd_import,
            "search": cmd_search,
            "show": cmd_show,
            "stats": cmd_stats,
            "reindex": cmd_reindex,
            "figures": cmd_figures,
            "edit": cmd_edit,
        }[command]
        return handler(workspace, args)
    except KeyboardInterrupt:
        print("\nbriefing: interrupted; everything committed so far is kept.", file=sys.stderr)
        return 130
    finally:
        workspace.close()


def _load_extra_commands() -> None:
    # Optional command groups live beside their core modules; importing them registers them.
    import importlib

    for module in (
        "briefing_app.cli_articles",
        "briefing_app.cli_chart",
        "briefing_app.cli_export",
        "briefing_app.cli_watch",
    ):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def _open_workspace(args: argparse.Namespace):
    from briefing_app.core.workspace import Workspace

    bar = TerminalProgress(enabled=sys.stderr.isatty())
    # The built-in articles are the window's welcome on its first run, never something a
    # command adds to a library a user is filling with their own corpus.
    workspace = Workspace.open(args.library, seed_if_empty=False, progress=bar)
    bar.finish()
    for notice in workspace.notices:
        print(f"briefing: {notice}", file=sys.stderr)
    return workspace


class TerminalProgress:
    """A one-line progress bar on stderr: count, rate and time left."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._last = 0.0
        self._shown = False

    def __call__(self, progress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and progress.done < progress.total:
            return
        self._last = now
        rate = progress.rate
        if progress.total:
            fraction = min(progress.done / progress.total, 1.0)
            filled = int(fraction * 30)
            bar = "#" * filled + "-" * (30 - filled)
            left = progress.seconds_left
            eta = f", {left:.0f} s left" if left is not None else ""
            line = f"{progress.stage} [{bar}] {progress.done}/{progress.total} ({rate:.0f}/s{eta})"
        else:
            line = f"{progress.stage} {progress.done} ({rate:.0f}/s)"
        sys.stderr.write("\r" + line[:120].ljust(100))
        sys.stderr.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self._shown = False


# -- commands -----------------------------------------------------------------------------------


def cmd_import(workspace, args: argparse.Namespace) -> int:
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
        print(f"  {duplicates} duplicates of articles already in the library were not added again")
    for skip in skipped[:50]:
        print(f"  skipped {skip.path}: {skip.reason}")
    if len(skipped) > 50:
        print(f"  … and {len(skipped) - 50} more skipped")
    if any(r.cancelled for r in reports):
        print("Import cancelled; what was imported before is kept.")
    return _import_status(args.paths, missing, skipped, imported + updated + unchanged + duplicates)


def _import_status(given: list[str], missing: list[str], skipped: list, read: int) -> int:
    """Say how many of the paths failed; fail the command when nothing given could be read."""
    if missing:
        print(
            f"briefing: {len(missing)} of {len(given)} paths given could not be found",
            file=sys.stderr,
        )
    if skipped:
        print(f"briefing: {len(skipped)} files or records could not be read", file=sys.stderr)
    if read == 0 and (missing or skipped):
        print("briefing: nothing given could be read", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


class _CancelOnSigterm:
    """Turns SIGTERM into a clean cancel between batches rather than a kill mid-write."""

    def __init__(self) -> None:
        self.requested = False
        try:
            signal.signal(signal.SIGTERM, self._handle)
        except ValueError:  # not the main thread
            pass

    def _handle(self, signum, frame) -> None:
        self.requested = True

    def __call__(self) -> bool:
        return self.requested


def cmd_search(workspace, args: argparse.Namespace) -> int:
    from briefing_app.core.search import QueryError

    try:
        result = workspace.search(
            args.query,
            sort=SORT_WORDS[SORT_ALIASES.get(args.sort, args.sort)],
            page=args.page,
            page_size=args.limit,
            since=args.since,
            until=args.until,
        )
    except QueryError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        payload = {
            "query": result.query,
            "total": result.total,
            "page": result.page,
            "page_size": result.page_size,
            "elapsed": round(result.elapsed, 4),
            "suggestion": result.suggestion,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "date": h.date,
                    "source": h.source,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                }
                for h in result.hits
            ],
            "facets": {k: [[v, n] for v, n in vals] for k, vals in result.facets.items()},
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{result.total} articles match ({result.elapsed * 1000:.0f} ms){_page_note(result)}")
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}")
    for n, hit in enumerate(result.hits, start=(result.page - 1) * result.page_size + 1):
        meta = " · ".join(x for x in (hit.date or "undated", hit.source or "") if x)
        print(f"\n{n:>3}. [{hit.id}] {hit.title}\n     {meta}")
        print(textwrap.indent(textwrap.fill(_terminal_snippet(hit.snippet), 96), "     "))
    if args.facets:
        for name, values in result.facets.items():
            if values:
                print(f"\n{name}: " + ", ".join(f"{v} ({n})" for v, n in values))
    return EXIT_OK


def _page_note(result) -> str:
    """ "; showing 1–5, next: --page 2" when the matches run over more than one page."""
    if result.total <= result.page_size and result.page == 1:
        return ""
    first = (result.page - 1) * result.page_size + 1
    last = min(result.page * result.page_size, result.total)
    if first > result.total:
        pages = -(-result.total // result.page_size)
        return f"; page {result.page} is past the last page ({pages})"
    note = f"; showing {first}–{last}"
    if last < result.total:
        note += f", next: --page {result.page + 1}"
    return note


def _terminal_snippet(snippet_html: str) -> str:
    import html
    import re

    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    text = re.sub(r"<b[^>]*>", bold, snippet_html).replace("</b>", plain)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def cmd_show(workspace, args: argparse.Namespace) -> int:
    view = workspace.article(args.id)
    if view is None:
        print(f"briefing: no article {args.id}", file=sys.stderr)
        return EXIT_ERROR
    a = view.article
    from briefing_app.cli_articles import describe_stored, troop_figures

    troops = troop_figures(view)
    troop_numbers = {id(f): n for n, f in enumerate(troops, start=1)}
    if args.json:
        payload = {
            "id": a.id,
            "title": a.title,
            "date": a.date,
            "source": a.source,
            "url": a.url,
            "dateline": a.dateline,
            "author": a.author,
            "path": a.path,
            "imported_at": a.imported_at,
            "edited": a.edited,
            "read": a.read,
            "starred": a.starred,
            "body": a.body,
            "entities": [e.to_dict() for e in view.entities],
            "figures": [
                {
                    **f.figure.to_dict(),
                    "key": f.key,
                    # troop figures carry the number `briefing figure ID N` takes
                    "number": troop_numbers.get(id(f)),
                    "corrected": f.corrected,
                    "rejected": f.rejected,
                }
                for f in view.figures
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(a.title)
    print(" · ".join(x for x in (a.date or "undated", a.source, a.dateline, a.url) if x))
    print(" · ".join(("read" if a.read else "unread", *(["starred"] if a.starred else []))))
    if a.path:
        print(f"from {a.path}" + (" (original file is gone)" if a.original_missing else ""))
    print()
    for para in a.body.split("\n"):
        print(textwrap.fill(para, 96) if para.strip() else "")
    if troops:
        print(f"\nTroop figures (correct one with: briefing figure {a.id} N …):")
        for number, stored in enumerate(troops, start=1):
            print("  " + describe_stored(number, stored))
    return EXIT_OK


def describe_troops(f) -> str:
    """ "Germany → Lithuania: about 360 (deployment, 2022)", for the terminal."""
    if f.low is None:
        count = f.vague or "unknown number"
    elif f.low == f.high:
        count = f"{f.low:,.0f}"
    else:
        count = f"{f.low:,.0f}–{f.high:,.0f}"
    vague = f.low is None
    qualifier = f"{f.qualifier} " if f.qualifier and f.qualifier != "exact" and not vague else ""
    place = f" ({f.host_place})" if f.host and f.host_place else ""  # as written: "Swidwin"
    return (
        f"{f.contributor or '?'} → {f.host or '?'}{place}: {qualifier}{count}"
        f" ({f.troop_kind or 'troops'}, {f.year or 'undated'})"
    )


def cmd_stats(workspace, args: argparse.Namespace) -> int:
    stats = workspace.stats()
    if args.json:
        print(json.dumps(stats, indent=1))
        return EXIT_OK
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        print(f"{key.replace('_', ' '):<{width}}  {value}")
    return EXIT_OK


def cmd_reindex(workspace, args: argparse.Namespace) -> int:
    bar = TerminalProgress(enabled=sys.stderr.isatty())
    started = time.monotonic()
    count = workspace.reindex(progress=bar)
    bar.finish()
    print(f"Indexed {count} articles in {time.monotonic() - started:.1f} s")
    return EXIT_OK


def cmd_figures(workspace, args: argparse.Namespace) -> int:
    from briefing_app.core.search import QueryError

    try:
        table = workspace.figures_table(by=args.by, combine=args.combine, query=args.query)
    except QueryError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(table.to_dicts(), ensure_ascii=False, indent=1))
    elif args.csv:
        sys.stdout.write(table.to_csv())
    else:
        if not table.rows:
            print("No troop figures with a number in scope.")
            return EXIT_OK
        header = f"{args.by.title():<28} {'Year':<8} {'Troops':>10} {'Reports':>8}  Articles"
        print(header)
        print("-" * len(header))
        for row in table.rows:
            titles = "; ".join(sorted({r.article_title for r in row.reports}))
            print(
                f"{row.country[:28]:<28} {row.year_label:<8} {row.value:>10,.0f} "
                f"{len(row.reports):>8}  {titles[:60]}"
            )
    return EXIT_OK


def cmd_edit(workspace, args: argparse.Namespace) -> int:
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


def cmd_extract(args: argparse.Namespace) -> int:
    """Read files as the importer does and print what extraction finds; needs no library."""
    from briefing_app.core import articles as importers
    from briefing_app.core.extract import extract
    from briefing_app.core.records import Skipped

    documents = []
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        for item in importers.read_path(path):
            if isinstance(item, Skipped):
                print(f"briefing: {item.path}: {item.reason}", file=sys.stderr)
                status = EXIT_ERROR
                continue
            year = int(item.date[:4]) if item.date else None
            extraction = extract(item.body, year=year)
            documents.append(
                {
                    "path": name if item.origin is None else f"{name}#{item.origin}",
                    "title": item.title,
                    "date": item.date,
                    "entities": [e.to_dict() for e in extraction.entities],
                    "figures": [f.to_dict() for f in extraction.figures],
                }
            )
    if args.json:
        print(json.dumps(documents, ensure_ascii=False, indent=1))
        return status
    for doc in documents:
        print(f"{doc['path']}: {doc['title']} ({doc['date'] or 'undated'})")
        troops = [f for f in doc["figures"] if f["kind"] == "troops"]
        people = sorted({e["canonical"] for e in doc["entities"] if e["label"] == "PERSON"})
        places = sorted({e["canonical"] for e in doc["entities"] if e["label"] == "GPE"})
        orgs = sorted({e["canonical"] for e in doc["entities"] if e["label"] == "ORG"})
        print(f"  people: {', '.join(people) or '-'}")
        print(f"  places: {', '.join(places) or '-'}")
        print(f"  organisations: {', '.join(orgs) or '-'}")
        for f in troops:
            print("  troops: " + describe_troops(SimpleNamespace(**f)))
    return status

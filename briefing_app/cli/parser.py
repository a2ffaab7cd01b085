"""Every command of the command line and its options, in one parser.

`build_parser()` alone knows the whole command line: `--help` lists every command and each
command's usage is complete without running anything. This module imports no command and none of
the core, so parsing (and `--help`, `--version`) stays quick.
"""

from __future__ import annotations

import argparse

from briefing_app import __version__
from briefing_app.paths import log_file

# The command line's sort words, as the window says them; the older spellings stay accepted so
# that scripts written for them keep working.
SORT_WORDS = {"relevance": "relevance", "newest": "date", "oldest": "date_asc"}
SORT_ALIASES = {"date": "newest", "date_asc": "oldest"}

# The reading-state commands: command -> help.
FLAG_COMMANDS = {
    "star": "star articles (the window's Article → Star)",
    "unstar": "remove the star from articles",
    "mark-read": "mark articles read (opening one in the window does this)",
    "mark-unread": "mark articles unread (Article → Mark as unread)",
}

# `briefing briefing add`'s item options -> (what each takes, help), in the order `--help` lists them.
ITEM_OPTIONS = {
    "--article": (("ID",), "a whole article"),
    "--passage": (("ID", "TEXT"), "a quote: TEXT exactly as it stands in article ID"),
    "--span": (
        ("ID", "START", "END"),
        "a passage by character offsets into article ID's text (as `show --json` has it)",
    ),
    "--figure": (
        ("ID", "N"),
        "troop figure N of article ID, numbered as `briefing show ID` lists them",
    ),
}

WATCH_INTERVAL = 5.0  # seconds between scans of the watched folders


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Briefing Reader: read, search and brief from defence and foreign-affairs news.",
        epilog=f"Log file: {log_file()}",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    _verbose_option(parser, False)
    parser.add_argument(
        "--library",
        metavar="DIR|URL",
        help="library folder, or a team library's postgresql://user@host/db address"
        " (default: $BRIEFING_LIBRARY, else the user data directory)",
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

    _add_search_arguments(sub.add_parser("search", help="search the library"))

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

    for command, help_text in FLAG_COMMANDS.items():
        p = sub.add_parser(command, help=help_text)
        p.add_argument("ids", nargs="+", type=int, metavar="ID")

    _add_figure_arguments(
        sub.add_parser(
            "figure",
            help="print, correct, reject or revert a troop figure"
            " (numbered as `briefing show ID` lists them)",
        )
    )
    _add_chart_arguments(
        sub.add_parser(
            "chart", help="draw the troop chart as an SVG or PNG file (no window needed)"
        )
    )
    _add_export_arguments(
        sub.add_parser(
            "export",
            help="write a briefing (from a search or a stored one) as PDF, HTML or Markdown",
        )
    )
    _add_briefing_arguments(
        sub.add_parser(
            "briefing", help="list, show, create, add to, rename or delete stored briefings"
        )
    )
    _add_watch_arguments(
        sub.add_parser("watch", help="watch folders and import new and changed files")
    )
    _add_team_arguments(
        sub.add_parser("team", help="set up a team library on PostgreSQL, or push a library to one")
    )
    return parser


def parse_arguments(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """Parse, and report an unknown option with the usage of the command it was given to.

    argparse hands a subcommand's unknown options back to the top-level parser, whose error
    shows the top-level usage; the innermost chosen subcommand's usage is the one that helps.
    """
    args, extras = parser.parse_known_args(argv)
    if extras:
        _innermost(parser, args).error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    """The commands `parser` knows, in the order `--help` lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _innermost(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> argparse.ArgumentParser:
    while True:
        chosen = None
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(args, action.dest, None) or "")
        if chosen is None:
            return parser
        parser = chosen


class _Subcommands:
    """add_parser with the options every subcommand shares (--verbose)."""

    def __init__(self, action: argparse._SubParsersAction, parents: list) -> None:
        self._action = action
        self._parents = parents

    def add_parser(self, name: str, *, help: str) -> argparse.ArgumentParser:
        return self._action.add_parser(name, parents=self._parents, help=help)


def _verbose_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        default=default,
        help="also write the log to stderr (it is always written to the log file)",
    )


def _add_search_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", default="")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.add_argument("--limit", type=_positive, default=10, help="results per page (default 10)")
    p.add_argument("--page", type=_positive, default=1)
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


def _add_figure_arguments(p: argparse.ArgumentParser) -> None:
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


def _add_chart_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out", "-o", required=True, metavar="FILE", help="the file to write (.svg, .png)"
    )
    p.add_argument("--style", choices=("bars", "lines", "matrix"), default="bars")
    p.add_argument("--by", choices=("contributor", "host"), default="contributor")
    p.add_argument("--combine", choices=("largest", "latest", "sum"), default="largest")
    p.add_argument(
        "--kinds",
        help="kinds of figure counted, comma-separated, or 'all' "
        "(default: deployment,presence; also withdrawal, relocation, request, ceiling, exercise)",
    )
    p.add_argument("--countries", help="only these countries, comma-separated (canonical names)")
    p.add_argument("--top", type=int, metavar="N", help="only the N largest countries")
    p.add_argument("--scale", choices=("linear", "log"), default="linear")
    p.add_argument("--query", "-q", help="only articles matching this search")
    p.add_argument("--width", type=float, default=520.0, help="width in points (default 520)")


def _add_export_arguments(p: argparse.ArgumentParser) -> None:
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "--query", "-q", help="build the briefing from every article matching this search"
    )
    source.add_argument(
        "--briefing", "-b", metavar="NAME", help="export a stored briefing, by name or title"
    )
    p.add_argument(
        "--out", "-o", required=True, metavar="FILE", help="the file to write (.pdf, .html, .md)"
    )
    p.add_argument(
        "--format", "-f", choices=("pdf", "html", "md"), help="default: from --out's suffix"
    )
    p.add_argument("--page-size", choices=("A4", "Letter"), help="paper size for PDF (default A4)")
    p.add_argument("--title", help="the briefing's title")
    p.add_argument("--author", help="who the briefing is from")
    p.add_argument("--marking", help='the line printed on every page, e.g. "UNCLASSIFIED"')
    p.add_argument("--date", help="the briefing's date (default today)")
    p.add_argument(
        "--notes", metavar="FILE", help="a Markdown file: the executive summary ('-' reads stdin)"
    )
    p.add_argument(
        "--by", choices=("contributor", "host"), default="contributor", help="chart grouping"
    )
    p.add_argument("--combine", choices=("largest", "latest", "sum"), default="largest")
    p.add_argument("--style", choices=("bars", "lines"), default="bars", help="chart style")
    p.add_argument(
        "--save", metavar="NAME", help="also store the briefing built from --query under NAME"
    )


def _add_briefing_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="briefing_action", metavar="ACTION", required=True)
    q = sub.add_parser("list", help="list stored briefings (name — title)")
    q.add_argument("--json", action="store_true")
    q = sub.add_parser("show", help="print a stored briefing as Markdown (or JSON)")
    q.add_argument("name", help="the briefing's name or title")
    q.add_argument("--json", action="store_true", help="print the stored JSON document")
    q = sub.add_parser("new", help="store a new, empty briefing")
    q.add_argument("name")
    q.add_argument("--title", help="its title (default: the name)")
    q = sub.add_parser("add", help="add articles, passages or troop figures to a stored briefing")
    _add_item_arguments(q)
    q = sub.add_parser("delete", help="delete a stored briefing")
    q.add_argument("name", help="the briefing's name or title")
    q = sub.add_parser("rename", help="rename a stored briefing")
    q.add_argument("name", help="the briefing's name or title")
    q.add_argument("new_name")


class _InOrder(argparse.Action):
    """Collects every item option into one list, so items keep the order they were given in."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        items = list(getattr(namespace, self.dest, None) or [])
        items.append((option_string.lstrip("-"), values))
        setattr(namespace, self.dest, items)


def _add_item_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="the briefing's name or title")
    for option, (takes, help_text) in ITEM_OPTIONS.items():
        p.add_argument(
            option,
            dest="items",
            action=_InOrder,
            nargs=len(takes) if len(takes) > 1 else None,
            metavar=takes if len(takes) > 1 else takes[0],
            help=help_text,
        )
    p.add_argument(
        "--note",
        dest="items",
        action=_InOrder,
        metavar="TEXT",
        help="a note (Markdown) on the item given just before it",
    )


def _add_watch_arguments(parser: argparse.ArgumentParser) -> None:
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
        default=WATCH_INTERVAL,
        metavar="S",
        help=f"seconds between scans (default {WATCH_INTERVAL:g})",
    )
    p.add_argument("--once", action="store_true", help="scan once and exit")


def _positive(text: str) -> int:
    """A whole number of at least 1, else argparse's usage error (not a silent 1)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value}: give 1 or more")
    return value


def _add_team_arguments(p: argparse.ArgumentParser) -> None:
    team = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    q = team.add_parser(
        "init",
        help="create the schema and the readers/editors/importers roles (as an administrator)",
    )
    q.add_argument("url", metavar="URL", help="postgresql://admin@host/db")
    q = team.add_parser(
        "push", help="copy a local library into a team library (resumable, safe to repeat)"
    )
    q.add_argument("local", metavar="LOCAL", help="the local library's folder")
    q.add_argument("url", metavar="URL", help="postgresql://user@host/db")
    q = team.add_parser(
        "password",
        help="keep your password for a team library in the system keyring (read from the"
        " terminal, or one line of standard input)",
    )
    q.add_argument("url", metavar="URL", help="postgresql://user@host/db")
    q.add_argument(
        "--forget", action="store_true", help="remove the password the keyring keeps for URL"
    )

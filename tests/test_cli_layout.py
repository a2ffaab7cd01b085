"""The command line's shape: one parser knows every command, and the cli enters the core by the door.

The door is `Workspace` (core/workspace.py): the store (core.store), the index (core.index) and
the search engine (core.query) are behind it, so a module of the cli that imports one of them, or
reaches through `workspace.library`, fails here.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from cli_support import REPO

from briefing_app.cli.commands import FILE_COMMANDS, WORKSPACE_COMMANDS
from briefing_app.cli.parser import build_parser, command_names

CLI = REPO / "briefing_app" / "cli"
BEHIND_THE_DOOR = (
    "briefing_app.core.store",
    "briefing_app.core.index",
    "briefing_app.core.query",
)
PRIVATE_PARTS = ("library", "index")  # the Workspace's store and index

# The shortest valid use of every command: a new command is added here or the first test fails.
SMALLEST_USE = {
    "gui": [],
    "import": ["a.txt"],
    "search": ["troops"],
    "show": ["1"],
    "stats": [],
    "reindex": [],
    "extract": ["a.txt"],
    "figures": [],
    "edit": ["1", "--title", "T"],
    "star": ["1"],
    "unstar": ["1"],
    "mark-read": ["1"],
    "mark-unread": ["1"],
    "figure": ["1", "2"],
    "chart": ["--out", "c.svg"],
    "export": ["--query", "troops", "--out", "b.pdf"],
    "briefing": ["add", "B", "--article", "1"],
    "watch": ["run", "--once"],
    "team": ["init", "postgresql://admin@server/desk"],
}


# Run in a fresh interpreter: nothing imported before can have taught the parser a command.
PARSE_ALONE = """
import json, sys
from briefing_app.cli.parser import build_parser, command_names
parser = build_parser()
parsed = {c: parser.parse_args([c, *argv]).command for c, argv in json.loads(sys.argv[1]).items()}
heavy = ("briefing_app.core", "briefing_app.cli.commands", "PySide6")
loaded = sorted(m for m in sys.modules if m.startswith(heavy))
print(json.dumps({"names": command_names(parser), "parsed": parsed, "loaded": loaded}))
"""


def test_build_parser_alone_parses_every_command_and_loads_no_command():
    done = subprocess.run(
        [sys.executable, "-c", PARSE_ALONE, json.dumps(SMALLEST_USE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["names"] == list(SMALLEST_USE)
    assert seen["parsed"] == {command: command for command in SMALLEST_USE}
    # Parsing (and so --help and --version) loads no command, no core engine and no Qt.
    assert seen["loaded"] == []


def test_every_command_the_parser_knows_has_one_runner():
    runners = ["gui", *WORKSPACE_COMMANDS, *FILE_COMMANDS]
    assert sorted(runners) == sorted(command_names(build_parser()))
    assert len(set(runners)) == len(runners)


def test_a_parsed_command_keeps_its_options():
    args = build_parser().parse_args(
        ["briefing", "add", "B", "--figure", "3", "2", "--article", "1", "--note", "n"]
    )
    # A note keeps its place among the items: it belongs to the item given just before it.
    assert args.items == [("figure", ["3", "2"]), ("article", "1"), ("note", "n")]
    args = build_parser().parse_args(["export", "-b", "Weekly", "-o", "w.md", "--page-size", "A4"])
    assert (args.briefing, args.out, args.page_size, args.by) == (
        "Weekly",
        "w.md",
        "A4",
        "contributor",
    )


def door_violations(folder: Path, package: str) -> list[str]:
    """What the modules in `folder`, the package named `package`, do past the Workspace door."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        inner = path.relative_to(folder).parent.parts
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            for module in _imported(node, ".".join([package, *inner])):
                if any(module == m or module.startswith(m + ".") for m in BEHIND_THE_DOOR):
                    found.append(f"{path.name}:{node.lineno} imports {module}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in PRIVATE_PARTS
                and isinstance(node.value, ast.Name)
                and node.value.id == "workspace"
            ):
                found.append(f"{path.name}:{node.lineno} reaches workspace.{node.attr}")
    return found


def _imported(node: ast.AST, package: str) -> list[str]:
    """The modules an import statement in `package` names; `from a import b` gives a and a.b."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:  # relative: from the importing module's package, one level up per extra dot
        parts = package.split(".")
        base = ".".join([*parts[: len(parts) - node.level + 1], *([base] if base else [])])
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def test_no_cli_module_passes_the_door():
    assert door_violations(CLI, "briefing_app.cli") == []


def test_the_door_check_finds_the_store_the_index_and_the_search(tmp_path):
    (tmp_path / "bad.py").write_text(
        "from briefing_app.core.query import QueryError\n"
        "import briefing_app.core.index\n"
        "from briefing_app.core import store\n"
        "from ..core.query import search\n"
        "def run(workspace, args):\n"
        "    return workspace.library.get_article(args.library)\n",
        encoding="utf-8",
    )
    (tmp_path / "fine.py").write_text(
        "from briefing_app.core.workspace import QueryError, Workspace\n"
        "from briefing_app.core.searching_help import tips\n"
        "from . import parser\n"
        "def run(workspace, args):\n"
        "    return workspace.articles([1]), args.library, 'abc'.index('b')\n",
        encoding="utf-8",
    )
    assert door_violations(tmp_path, "briefing_app.cli") == [
        "bad.py:1 imports briefing_app.core.query",
        "bad.py:1 imports briefing_app.core.query.QueryError",
        "bad.py:2 imports briefing_app.core.index",
        "bad.py:3 imports briefing_app.core.store",
        "bad.py:4 imports briefing_app.core.query",
        "bad.py:4 imports briefing_app.core.query.search",
        "bad.py:6 reaches workspace.library",
    ]


def test_the_cli_modules_import_each_other_in_one_direction():
    modules = {path.stem: path for path in CLI.glob("*.py")}
    graph = {}
    for stem, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Every import counts, those inside functions too: a cycle hidden in a function is one.
        graph[stem] = {
            module.split(".")[2]
            for node in ast.walk(tree)
            for module in _imported(node, "briefing_app.cli")
            if module.count(".") == 2 and module.startswith("briefing_app.cli.")
        } & set(modules)
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]  # it can see one
    assert _cycle(graph) is None
    # Only the entry point reaches the command table; no command reaches back to either.
    assert {stem for stem, imports in graph.items() if "commands" in imports} == {"dispatch"}
    assert {stem for stem, imports in graph.items() if "dispatch" in imports} == {"__init__"}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in `graph` as the list of its modules, or None."""
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        if state.get(node) == "open":
            return trail[trail.index(node) :]
        if state.get(node) == "done":
            return None
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            found = visit(nxt, [*trail, nxt])
            if found:
                return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        found = visit(start, [start])
        if found:
            return found
    return None

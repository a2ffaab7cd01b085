"""The layers hold: the window goes through the door, Qt stays out of the core, no import cycles.

Read from the source with `ast`, so that an import inside a function or under TYPE_CHECKING
counts as much as one at the top of a module: a forbidden import anywhere fails here.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing_app"
# The store, the index, querying, the import pipeline, the engines' contracts and the team
# library are private to the core: the window and the command line reach them through the
# Workspace (briefing_app.core.workspace), and a team library through core.opening.
PRIVATE = (
    "briefing_app.core.store",
    "briefing_app.core.team",
    "briefing_app.core.index",
    "briefing_app.core.query",
    "briefing_app.core.ingest",
    "briefing_app.core.engines",
)
# The core modules the faces may import: the door itself and the records, readers and renderers
# that need no open library. Anything else in the core is reached through the door.
FACADE = (
    "briefing_app.core.workspace",
    "briefing_app.core.opening",
    "briefing_app.core.briefing",
    "briefing_app.core.watch",
    "briefing_app.core.figures",
    "briefing_app.core.figure_text",
    "briefing_app.core.dates",
    "briefing_app.core.paragraphs",
    "briefing_app.core.country_colours",
    "briefing_app.core.records",
    "briefing_app.core.articles",
    "briefing_app.core.pasted",
    "briefing_app.core.extract",
    "briefing_app.core.wording",
)
FACES = ("ui", "cli")
# The PDF painter is the only Qt in the core: the PDF's layout and the painting it shares with
# the PNG chart.
QT_IN_CORE = {"core/briefing/render/pdf.py", "core/briefing/render/painter.py"}


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, *, runtime_only: bool = False) -> set[str]:
    """Every module `path` imports, absolute; `from a import b` counts as `a` and `a.b`.

    With `runtime_only`, imports under `if TYPE_CHECKING:` are left out (they never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(n) for child in node.body for n in ast.walk(child))
    here = _module_of(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def reach_ins(path: Path) -> list[str]:
    """`something.library` attribute reads: the store reached past the door."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "library"
    ]


def face_violations(face: str) -> list[tuple[str, str]]:
    """(module, what it reached) for every module of a face that goes past the door."""
    found = []
    for path in _modules(face):
        for module in sorted(imported(path)):
            for private in PRIVATE:
                if _within(module, private):
                    found.append((_name(path), private))
            if (
                _within(module, "briefing_app.core")
                and module != "briefing_app.core"
                and not any(_within(module, public) for public in (*FACADE, *PRIVATE))
            ):
                found.append((_name(path), module))
        # `args.library` is the command line's --library option, not the store.
        if any(not reach.startswith("args.") for reach in reach_ins(path)):
            found.append((_name(path), ".library"))
    return sorted(set(found))


@pytest.mark.parametrize("face", FACES)
def test_the_faces_reach_the_store_index_query_and_ingest_only_through_the_workspace(face):
    assert face_violations(face) == [], f"{face} modules must go through the core's facade"


def test_the_door_check_fails_for_a_window_module_that_imports_the_store(tmp_path, monkeypatch):
    """The contract is not vacuous: a ui module importing the store, the index, querying or
    the pipeline, or reaching `workspace.library`, is reported."""
    ui = tmp_path / "briefing_app" / "ui"
    ui.mkdir(parents=True)
    (ui / "bad.py").write_text(
        "from briefing_app.core.store import Library\n"
        "from briefing_app.core import index\n"
        "from ..core.query import search\n"
        "import briefing_app.core.ingest.pipeline\n"
        "from briefing_app.core.team.store import TeamStore\n"
        "from briefing_app.core.figure_keys import figure_key\n"
        "def f(ws):\n"
        "    return ws.library\n",
        encoding="utf-8",
    )
    (ui / "fine.py").write_text(
        "from briefing_app.core.workspace import Workspace\n"
        "from briefing_app.core.opening import open_workspace\n"
        "from briefing_app.core import briefing\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "briefing_app")
    assert face_violations("ui") == [
        ("ui/bad.py", ".library"),
        ("ui/bad.py", "briefing_app.core.figure_keys"),
        ("ui/bad.py", "briefing_app.core.figure_keys.figure_key"),
        ("ui/bad.py", "briefing_app.core.index"),
        ("ui/bad.py", "briefing_app.core.ingest"),
        ("ui/bad.py", "briefing_app.core.query"),
        ("ui/bad.py", "briefing_app.core.store"),
        ("ui/bad.py", "briefing_app.core.team"),
    ]


@pytest.mark.parametrize(
    "module", ["core/watch.py", *(_name(p) for p in _modules("core/briefing"))]
)
def test_briefings_and_watched_folders_reach_the_store_only_through_the_workspace(module):
    assert reach_ins(PACKAGE / module) == []


def test_the_core_imports_no_face_and_qt_only_in_the_pdf_painter():
    found = []
    for path in _modules("core"):
        for module in imported(path):
            if _within(module, "briefing_app.ui") or _within(module, "briefing_app.cli"):
                found.append((_name(path), module))
            if _within(module, "PySide6") and _name(path) not in QT_IN_CORE:
                found.append((_name(path), module))
    assert found == []


def test_qt_only_in_the_window_the_pdf_painter_and_the_self_test():
    """The command line starts the window through ui.app, never with Qt of its own; the
    self-test (`--self-test`) checks that Qt loads in the bundle."""
    allowed = {*QT_IN_CORE, "selftest.py"}
    found = [
        (_name(path), module)
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _name(path).startswith("ui/") and _name(path) not in allowed
        for module in imported(path)
        if _within(module, "PySide6")
    ]
    assert found == []


@pytest.mark.parametrize("package", ["core", "ui", "cli"])
def test_no_import_cycles(package):
    """A module never imports, directly or round about, a module that imports it back.

    Imports inside functions count: an import moved into a function to break a cycle still
    is one. Only imports under TYPE_CHECKING, which never run, are left out."""
    graph: dict[str, set[str]] = {}
    for path in _modules(package):
        module = _module_of(path)
        graph[module] = set()
        for target in imported(path, runtime_only=True):
            if _within(target, "briefing_app"):
                graph[module].add(target)
    for module in graph:  # `from pkg import mod` also names the module pkg.mod
        graph[module] = {t for t in graph[module] if t in graph}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if target == module or _within(module, target):
                continue  # a package's own __init__, loaded on the way to its modules
            if state.get(target) == 1:
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []

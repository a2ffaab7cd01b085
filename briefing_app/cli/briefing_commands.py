"""`briefing briefing list|show|new|add|rename|delete`: the stored briefings.

A briefing is given by its name or its title (`core.briefing.find`); `add` is in briefing_items.
"""

from __future__ import annotations

import argparse
import json
import sys

from briefing_app.cli.briefing_items import run_add
from briefing_app.cli.exit_codes import EXIT_OK, fail
from briefing_app.core import briefing as briefings
from briefing_app.core.briefing.export import to_markdown
from briefing_app.core.wording import counted
from briefing_app.core.workspace import Workspace


def run(workspace: Workspace, args: argparse.Namespace) -> int:
    action = args.briefing_action
    try:
        if action == "list":
            return _list(workspace, as_json=args.json)
        if action == "new":
            return _new(workspace, args.name, args.title)
        found = briefings.find(workspace, args.name)
        if found is None:
            return fail(no_briefing(workspace, args.name))
        name, brief = found
        if action == "add":
            return run_add(workspace, name, brief, args)
        if action == "rename":
            briefings.rename(workspace, name, args.new_name)
            print(f"Renamed “{name}” to “{args.new_name}”.")
        elif action == "delete":
            briefings.delete(workspace, name)
            print(f"Deleted “{name}”.")
        elif args.json:
            print(json.dumps(brief.to_dict(), ensure_ascii=False, indent=1))
        else:
            sys.stdout.write(to_markdown(briefings.resolve(workspace, brief)))
    except briefings.BriefingError as exc:
        return fail(exc)
    return EXIT_OK


def no_briefing(workspace: Workspace, wanted: str) -> str:
    """What to say when no stored briefing has `wanted` as its name or title: the stored ones."""
    names = briefings.names(workspace)
    stored = f"; stored: {', '.join(names)}" if names else "; none is stored"
    return f"no briefing with the name or title “{wanted}”{stored}"


def _new(workspace: Workspace, name: str, title: str | None) -> int:
    if name in briefings.names(workspace):
        return fail(f"there is already a briefing called “{name}”")
    briefings.save(workspace, name, briefings.Briefing(title=title or name))
    print(f"Stored the new briefing “{name}”.")
    return EXIT_OK


def _list(workspace: Workspace, *, as_json: bool) -> int:
    names = briefings.names(workspace)
    if as_json:
        print(json.dumps(names, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not names:
        print("No briefings stored.")
    for name in names:
        try:
            brief = briefings.load(workspace, name)
        except briefings.BriefingError as exc:
            print(f"{name}  ({exc})")
            continue
        count = len(brief.items) if brief else 0
        print(f"{briefings.label(name, brief)}  ({counted(count, 'item')})")
    return EXIT_OK

"""Stored briefings: the library keeps one JSON document per name; this finds, saves and names them.

Every call goes through the Workspace (its briefing methods), never to the library itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.briefing.model import Briefing, BriefingError

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace


def names(workspace: Workspace) -> list[str]:
    """Stored briefing names, the most recently saved first."""
    return workspace.briefing_names()


def load(workspace: Workspace, name: str) -> Briefing | None:
    document = workspace.stored_briefing(name)
    return Briefing.from_dict(document) if document is not None else None


def find(workspace: Workspace, name_or_title: str) -> tuple[str, Briefing] | None:
    """A stored briefing by its name, else by its title; None when neither matches.

    The window shows both (the chooser lists the name, the Title field the title), so a user
    may give either. A title shared by several briefings raises BriefingError naming them.
    """
    brief = load(workspace, name_or_title)
    if brief is not None:
        return name_or_title, brief
    wanted = name_or_title.strip().casefold()
    matches = []
    for name in names(workspace):
        try:
            candidate = load(workspace, name)
        except BriefingError:  # a briefing from a newer version: not the one asked for
            continue
        if candidate is not None and candidate.title.strip().casefold() == wanted:
            matches.append((name, candidate))
    if len(matches) > 1:
        listed = ", ".join(f"“{name}”" for name, _ in matches)
        raise BriefingError(
            f"Several briefings have the title “{name_or_title}” ({listed}); give one's name."
        )
    return matches[0] if matches else None


def save(workspace: Workspace, name: str, briefing: Briefing) -> None:
    """Store the whole document in one transaction: a kill leaves the old or the new one."""
    if not name.strip():
        raise BriefingError("A briefing needs a name.")
    workspace.store_briefing(name, briefing.to_dict())


def rename(workspace: Workspace, old: str, new: str) -> None:
    new = new.strip()
    if not new:
        raise BriefingError("A briefing needs a name.")
    if new != old and new in names(workspace):
        raise BriefingError(f"There is already a briefing called “{new}”.")
    workspace.rename_briefing(old, new)


def delete(workspace: Workspace, name: str) -> None:
    workspace.delete_briefing(name)


def unused_name(workspace: Workspace, base: str = "Briefing") -> str:
    taken = set(names(workspace))
    if base not in taken:
        return base
    n = 2
    while f"{base} {n}" in taken:
        n += 1
    return f"{base} {n}"


__all__ = ["delete", "find", "load", "names", "rename", "save", "unused_name"]

"""Opening a library by where it is: a folder opens the local library (SQLite and Whoosh), a
`postgresql://` URL, given or in $BRIEFING_LIBRARY, opens the team library on that server.

The faces' one way to a team library (core/team is private to the core, as the store is):
opening one, telling a team location from a folder, and the administrator's commands.
The PostgreSQL driver is imported only when a team library is used.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_app.core.team.errors import (
    KeyringUnavailable,
    TeamLibraryError,
    TeamPasswordNeeded,
)
from briefing_app.core.team.location import (
    ADDRESS_FORM,
    is_team_location,
    shown_url,
    team_url,
    well_formed,
)
from briefing_app.core.workspace import ProgressFn, Workspace

if TYPE_CHECKING:
    from briefing_app.core.team.push import PushReport

__all__ = [
    "KeyringUnavailable",
    "TeamLibraryError",
    "TeamPasswordNeeded",
    "forget_team_password",
    "init_team_library",
    "is_team_location",
    "open_workspace",
    "push_to_team",
    "remember_team_password",
    "shown_url",
    "team_url",
]


def open_workspace(
    location: str | os.PathLike[str] | None = None,
    *,
    seed_if_empty: bool = True,
    repair: bool = True,
    progress: ProgressFn | None = None,
    password: str | None = None,
) -> Workspace:
    """The Workspace for `location` (see Workspace.open for the options). A team library is
    never seeded with the samples: the desk's library holds what the desk imports.

    `password`, for a team library, is used until the program ends and never written; without
    it the server's password comes from $PGPASSWORD, ~/.pgpass or the system keyring, and
    TeamPasswordNeeded says when none did."""
    url = team_url(location)
    if url is None:
        return Workspace.open(
            location, seed_if_empty=seed_if_empty, repair=repair, progress=progress
        )
    _check_form(url)
    # Imported only here: a local library never loads the PostgreSQL driver.
    from briefing_app.core.team import credentials
    from briefing_app.core.team.workspace import TeamWorkspace

    if password is not None:
        credentials.use_for_session(url, password)

    # Never create the tables here: a mistyped database name would get them (as a superuser
    # would write them into `postgres`); `briefing team init` sets a library up.
    team = TeamWorkspace.open_url(url, create=False)
    if repair and team.maintenance_needed():
        team.run_maintenance(progress=progress)
    return team


def remember_team_password(url: str, password: str) -> None:
    """Try `password` on the team library at `url`, then keep it in the system keyring (and
    for this session). TeamPasswordNeeded when the server refuses it, KeyringUnavailable when
    this machine has no keyring: one sentence each, and nothing is kept."""
    from briefing_app.core.team import credentials
    from briefing_app.core.team.settings import check_password

    check_password(url, password)
    credentials.save_password(url, password)


def forget_team_password(url: str) -> bool:
    """Remove the system keyring's password for `url`; whether one was kept."""
    from briefing_app.core.team import credentials

    return credentials.forget_password(url)


def init_team_library(url: str) -> dict[str, str]:
    """Set up the team library at `url` (schema and roles; see team/roles.py): the role
    names by kind. LibraryError in one sentence when the server refuses."""
    from briefing_app.core.team.roles import init_library

    _check_form(url)
    return init_library(url)


def push_to_team(
    local: str | os.PathLike[str],
    url: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[PushReport, str]:
    """Copy the local library in `local` into the team library at `url` (see team/push.py):
    the report and the team library's location as shown to people."""
    from briefing_app.core.team.push import push_library

    _check_form(url)
    return push_library(local, url, progress=progress)


def _check_form(url: str) -> None:
    if not well_formed(url):
        raise TeamLibraryError(
            f"'{shown_url(url)}' is not a usable library address: a team library's address"
            f" looks like {ADDRESS_FORM}."
        )

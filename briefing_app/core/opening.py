"""Opening a library by where it is: a folder opens the local library (SQLite and Whoosh), a
`postgresql://` URL, given or in $BRIEFING_LIBRARY, opens the team library on that server."""

from __future__ import annotations

import os

from briefing_app.core.team.location import team_url
from briefing_app.core.workspace import ProgressFn, Workspace


def open_workspace(
    location: str | os.PathLike[str] | None = None,
    *,
    seed_if_empty: bool = True,
    repair: bool = True,
    progress: ProgressFn | None = None,
) -> Workspace:
    """The Workspace for `location` (see Workspace.open for the options). A team library is
    never seeded with the samples: the desk's library holds what the desk imports."""
    url = team_url(location)
    if url is None:
        return Workspace.open(
            location, seed_if_empty=seed_if_empty, repair=repair, progress=progress
        )
    # Imported only here: a local library never loads the PostgreSQL driver.
    from briefing_app.core.team.workspace import TeamWorkspace

    team = TeamWorkspace.open_url(url)
    if repair and team.maintenance_needed():
        team.run_maintenance(progress=progress)
    return team

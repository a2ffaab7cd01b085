"""The team library the window reopens at the next start, kept in QSettings without a password.

Two addresses are kept: the one to reopen (forgotten when the person goes back to the local
library, so the next start is local) and the last one typed, which fills in the Open Team
Library dialog even after that.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from briefing_app.core.opening import is_team_location, shown_url

_REOPEN_KEY = "library/team"
_LAST_KEY = "library/lastTeam"


def remembered_team_library() -> str | None:
    """The team library to reopen at start, or None for the local library."""
    value = QSettings().value(_REOPEN_KEY, "")
    return str(value) if is_team_location(value) else None


def last_team_address() -> str:
    """The last team library opened, remembered or not: what the dialog offers to open."""
    value = QSettings().value(_LAST_KEY, "")
    return str(value) if is_team_location(value) else ""


def remember_team_library(url: str) -> None:
    """Reopen the team library at `url` at the next start; its password is never written."""
    settings = QSettings()
    settings.setValue(_REOPEN_KEY, shown_url(url))
    settings.setValue(_LAST_KEY, shown_url(url))
    settings.sync()


def forget_team_library() -> None:
    """Start on the local library next time."""
    settings = QSettings()
    settings.remove(_REOPEN_KEY)
    settings.sync()

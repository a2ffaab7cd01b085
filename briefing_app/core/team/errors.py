"""The team library's errors, free of the PostgreSQL driver so the faces can tell them apart
(through core/opening.py) without loading it."""

from __future__ import annotations

from briefing_app.core.engines import LibraryError


class TeamLibraryError(LibraryError):
    """A team-library problem a person can act on; the message is one sentence for them."""


class TeamPasswordNeeded(TeamLibraryError):
    """The server wants a password that none of the places the program looks for one gave:
    the window asks for it."""


class KeyringUnavailable(TeamLibraryError):
    """No system keyring can keep a password here; the message says what to use instead."""

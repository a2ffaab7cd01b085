"""Whether a library location names a team library, and the URL as shown to people.

Free of the PostgreSQL driver: the door asks this for every library, local ones included.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

# A location with one of these schemes names a team library, even mistyped with one slash
# ("postgresql:/desk"): connecting then says the address is not usable, where taking it for a
# folder would quietly make a new local library named like the server.
_SCHEMES = ("postgresql:", "postgres:")
ADDRESS_FORM = "postgresql://user@host/dbname"


def is_team_location(location: object) -> bool:
    """Whether `location` (a --library value, $BRIEFING_LIBRARY) names a team library."""
    return isinstance(location, str) and location.strip().lower().startswith(_SCHEMES)


def well_formed(url: str) -> bool:
    """Whether a team location has the URL form libpq reads (scheme, then two slashes)."""
    return url.strip().lower().startswith(tuple(scheme + "//" for scheme in _SCHEMES))


def team_url(explicit: str | os.PathLike[str] | None = None) -> str | None:
    """The team library's URL when --library (else $BRIEFING_LIBRARY) names one, else None."""
    location = explicit if explicit is not None else os.environ.get("BRIEFING_LIBRARY")
    return str(location).strip() if is_team_location(location) else None


def shown_url(url: str) -> str:
    """The URL without a password, for messages and the remembered-library setting."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))

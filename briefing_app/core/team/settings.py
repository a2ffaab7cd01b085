"""Where a team library is and how to reach it: the URL, time-outs, and one sentence on failure.

Passwords never come from the program's settings: libpq reads them from $PGPASSWORD, ~/.pgpass
or the service file, so a URL the window remembers carries none.
"""

from __future__ import annotations

import os

import psycopg

from briefing_app.core.engines import LibraryError
from briefing_app.core.team.location import shown_url

# A server that does not answer within this many seconds is taken to be unreachable: the
# window offers the local library rather than waiting.
CONNECT_TIMEOUT = 5
# No statement may run longer than this on the server (an import batch included); a search
# the server cannot answer in time fails with a message instead of hanging the window.
STATEMENT_TIMEOUT_MS = 60_000
# Rows locked by another importer are waited for at most this long before the batch retries.
LOCK_TIMEOUT_MS = 30_000


class TeamLibraryError(LibraryError):
    """A team-library problem a person can act on; the message is one sentence for them."""


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection:
    """A connection with the program's time-outs; TeamLibraryError when the server is out of
    reach or refuses, in one sentence."""
    # No JIT compilation: it is for long analytic queries, and the planner's estimates for a
    # search over many hits (counting facets over 90,000 articles) made it spend 100-150 ms
    # compiling to save less. A session setting, so no server needs to be configured for us.
    options = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS} -c jit=off"
    )
    try:
        return psycopg.connect(
            url,
            connect_timeout=int(os.environ.get("BRIEFING_CONNECT_TIMEOUT", CONNECT_TIMEOUT)),
            options=options,
            autocommit=autocommit,
            application_name="briefing-reader",
        )
    except psycopg.OperationalError as exc:
        raise TeamLibraryError(_unreachable(url, exc)) from exc
    except psycopg.ProgrammingError as exc:  # a malformed URL
        raise TeamLibraryError(
            f"'{shown_url(url)}' is not a usable library address: {exc}"
        ) from exc


def _unreachable(url: str, exc: Exception) -> str:
    # libpq's message names the socket or address tried, then the reason; keep the reason.
    text = " ".join(str(exc).split()) or type(exc).__name__
    reason = text.rsplit("FATAL:", 1)[-1] if "FATAL:" in text else text.rsplit(" failed: ", 1)[-1]
    reason = reason.split(" Is the server")[0].strip()
    return f"The team library at {shown_url(url)} cannot be reached ({reason})."

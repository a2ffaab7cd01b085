"""Where a team library is and how to reach it: the URL, time-outs, and one sentence on failure.

Passwords never come from the program's settings: libpq reads them from $PGPASSWORD, ~/.pgpass
or the service file, and when the server wants one they did not give, credentials.py offers
the one given for this session or kept in the system keyring. A URL the window remembers
carries none.
"""

from __future__ import annotations

import os
from typing import Any

import psycopg

from briefing_app.core.team import credentials
from briefing_app.core.team.errors import TeamLibraryError, TeamPasswordNeeded
from briefing_app.core.team.location import shown_url

# A server that does not answer within this many seconds is taken to be unreachable: the
# window offers the local library rather than waiting.
CONNECT_TIMEOUT = 5
# No statement may run longer than this on the server (an import batch included); a search
# the server cannot answer in time fails with a message instead of hanging the window.
STATEMENT_TIMEOUT_MS = 60_000
# Rows locked by another importer are waited for at most this long before the batch retries.
LOCK_TIMEOUT_MS = 30_000


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection:
    """A connection with the program's time-outs; TeamLibraryError when the server is out of
    reach or refuses, in one sentence (TeamPasswordNeeded when it wants a password)."""
    password = credentials.known_password(url)
    try:
        return _connect(url, password, autocommit)
    except psycopg.OperationalError as exc:
        refusal = _refusal(url, exc)
    if password is not None:  # the session's password no longer works: look again
        credentials.forget_for_session(url)
    stored = credentials.keyring_password(url)
    if stored is not None and stored != password:
        try:
            conn = _connect(url, stored, autocommit)
        except psycopg.OperationalError as exc:
            _refusal(url, exc)
        else:
            credentials.use_for_session(url, stored)
            return conn
    wrong = "password authentication failed" in str(refusal) or stored is not None
    raise TeamPasswordNeeded(
        f"The team library at {shown_url(url)} "
        + (
            f"refused the password for {credentials.user_of(url)}"
            if wrong
            else f"needs a password for {credentials.user_of(url)}"
        )
        + ": put it in ~/.pgpass or $PGPASSWORD, or keep it in the system keyring with"
        " `briefing team password`."
    ) from refusal


def check_password(url: str, password: str) -> None:
    """Connect once with `password` alone; TeamPasswordNeeded when the server refuses it."""
    try:
        _connect(url, password, True).close()
    except psycopg.OperationalError as exc:
        raise TeamPasswordNeeded(
            f"The team library at {shown_url(url)} refused the password for"
            f" {credentials.user_of(url)}."
        ) from _refusal(url, exc)


def _refusal(url: str, exc: psycopg.OperationalError) -> psycopg.OperationalError:
    """`exc` when the server turned the connection away for want of the right password;
    anything else (out of reach, no such database) is TeamLibraryError in one sentence."""
    if credentials.is_password_refusal(exc):
        return exc
    raise TeamLibraryError(_unreachable(url, exc)) from exc


def _connect(url: str, password: str | None, autocommit: bool) -> psycopg.Connection:
    # No JIT compilation: it is for long analytic queries, and the planner's estimates for a
    # search over many hits (counting facets over 90,000 articles) made it spend 100-150 ms
    # compiling to save less. A session setting, so no server needs to be configured for us.
    options = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS} -c jit=off"
    )
    extra: dict[str, Any] = {"password": password} if password is not None else {}
    try:
        return psycopg.connect(
            url,
            connect_timeout=int(os.environ.get("BRIEFING_CONNECT_TIMEOUT", CONNECT_TIMEOUT)),
            options=options,
            autocommit=autocommit,
            application_name="briefing-reader",
            **extra,
        )
    except psycopg.ProgrammingError as exc:  # a malformed URL
        raise TeamLibraryError(
            f"'{shown_url(url)}' is not a usable library address: {exc}"
        ) from exc


def _unreachable(url: str, exc: Exception) -> str:
    # libpq's message names the socket or address tried, then the reason; keep the reason.
    text = " ".join(str(exc).split()) or type(exc).__name__
    reason = text.rsplit("FATAL:", 1)[-1] if "FATAL:" in text else text.rsplit(" failed: ", 1)[-1]
    reason = reason.split(" Is the server")[0].strip()
    where = shown_url(url)
    if "FATAL:" in text and "does not exist" in reason:
        # The server answered: what is missing is the database or the person.
        if reason.startswith("database"):
            return (
                f"The server at {where} has no such team library ({reason}); check the name"
                " after the last slash, or ask its administrator."
            )
        if reason.startswith("role"):
            return (
                f"The server at {where} does not know this user ({reason}); its administrator"
                " adds people."
            )
    if reason.startswith("connection is bad:") or "invalid" in reason and "value" in reason:
        return f"'{where}' is not a usable library address ({reason})."
    return f"The team library at {where} cannot be reached ({reason})."

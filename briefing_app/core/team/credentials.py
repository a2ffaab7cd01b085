"""Where a team library's password comes from, besides what libpq finds itself.

libpq reads $PGPASSWORD, ~/.pgpass and the service file on its own; those stay first. Only when
the server asks for a password they did not give does the program look further: a password
given for this session (the window's Open Team Library dialog; kept in memory, never written),
then the system keyring (Secret Service, macOS Keychain, Windows Credential Locker), where
`briefing team password URL` or the dialog's "Remember" box put it. No settings file ever
holds one. The keyring package is imported only here, when a server asks.
"""

from __future__ import annotations

import getpass
import logging
import os
import threading

import psycopg
from psycopg.conninfo import conninfo_to_dict

from briefing_app.core.team.errors import KeyringUnavailable

log = logging.getLogger(__name__)

# The keyring entry's service name: one per program, the account says which library.
KEYRING_SERVICE = "Briefing Reader team library"

# Passwords given for this session or found in the keyring, by account: each of the store's
# per-thread connections would otherwise ask the server twice and the keyring each time.
_known: dict[str, str] = {}
_known_lock = threading.Lock()

_NO_KEYRING = (
    "This computer has no system keyring to keep the password in; put it in ~/.pgpass or"
    " $PGPASSWORD instead."
)


def account(url: str) -> str:
    """The person and library a password belongs to, as `user@host:port/dbname` with libpq's
    defaults filled in, so `postgresql://alice@db/desk` and `…@db:5432/desk` share one."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError:  # a malformed URL: connecting will say so
        return url
    user = params.get("user") or os.environ.get("PGUSER") or getpass.getuser()
    host = params.get("host") or os.environ.get("PGHOST") or "localhost"
    port = params.get("port") or os.environ.get("PGPORT") or "5432"
    dbname = params.get("dbname") or os.environ.get("PGDATABASE") or user
    return f"{user}@{host}:{port}/{dbname}"


def user_of(url: str) -> str:
    return account(url).split("@", 1)[0]


def use_for_session(url: str, password: str) -> None:
    """Use `password` for `url` until the program ends (never written anywhere)."""
    with _known_lock:
        _known[account(url)] = password


def known_password(url: str) -> str | None:
    """The password given or found earlier in this session for `url`, if any."""
    with _known_lock:
        return _known.get(account(url))


def forget_for_session(url: str) -> None:
    with _known_lock:
        _known.pop(account(url), None)


def is_password_refusal(exc: psycopg.OperationalError) -> bool:
    """Whether the server turned the connection away for want of the right password."""
    if getattr(exc, "sqlstate", None) == "28P01":  # invalid_password
        return True
    text = str(exc)
    return "no password supplied" in text or "password authentication failed" in text


def keyring_password(url: str) -> str | None:
    """The password the system keyring keeps for `url`, or None (none kept, or no keyring
    here: that is logged, since the person may expect one)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, account(url))
    except Exception as exc:  # noqa: BLE001 - any backend failure means "not found here"
        log.info("no password from the system keyring for %s: %s", account(url), exc)
        return None


def save_password(url: str, password: str) -> None:
    """Keep `password` for `url` in the system keyring; KeyringUnavailable in one sentence
    when there is none to keep it in."""
    keyring = _keyring()
    if keyring is None:
        log.info("the keyring package is not installed")
        raise KeyringUnavailable(_NO_KEYRING)
    try:
        keyring.set_password(KEYRING_SERVICE, account(url), password)
    except Exception as exc:  # noqa: BLE001 - each backend raises its own kinds
        log.info("the system keyring refused the password: %r", exc)
        if type(exc).__name__ == "NoKeyringError":  # no backend on this machine at all
            raise KeyringUnavailable(_NO_KEYRING) from exc
        reason = str(exc).split(".")[0] or type(exc).__name__
        raise KeyringUnavailable(
            f"The system keyring could not keep the password ({reason}); put it in ~/.pgpass"
            " or $PGPASSWORD instead."
        ) from exc
    use_for_session(url, password)


def forget_password(url: str) -> bool:
    """Remove the keyring's password for `url`; whether there was one."""
    forget_for_session(url)
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.delete_password(KEYRING_SERVICE, account(url))
    except Exception:  # noqa: BLE001 - PasswordDeleteError (none kept) or no backend
        return False
    return True


def _keyring():  # noqa: ANN202 - the module, or None
    try:
        import keyring
    except ImportError:
        return None
    return keyring

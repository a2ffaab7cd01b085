"""Where a team library's password may come from, for the tests: a system keyring that lives
in memory, a machine with none, and the password of the one login role that must give one
(tests/team/conftest.py `guarded`)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError

# Quotes and spaces on purpose: the password is passed as a parameter, never spliced.
SECRET = "s3cret 'quoted' pass"


class MemoryKeyring(KeyringBackend):
    """The system keyring, as a dictionary, counting how often it was asked."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}
        self.asked = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.asked += 1
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError("none kept")


class NoKeyring(KeyringBackend):
    """A machine without a keyring (keyring's own fail backend, as on a bare server)."""

    priority = 0  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("No recommended backend was available")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("No recommended backend was available. Install one")

    def delete_password(self, service: str, username: str) -> None:
        raise NoKeyringError("No recommended backend was available")

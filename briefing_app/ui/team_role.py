"""What the connected person may do in the open library, as the window greys it out and says why.

A local library lets its one user do everything. On a team library the server decides, by the
PostgreSQL role the person logs in as; the window asks the door once (`permissions`) and greys
out what the server would refuse, rather than letting a click fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace


@dataclass(frozen=True)
class Rights:
    """Whether the open library is a team library, who is connected, and what they may do."""

    team: bool = False
    user: str = ""
    edit: bool = True  # edit articles, correct figures, make and change briefings
    import_: bool = True  # import articles, watch folders

    @property
    def role(self) -> str:
        """The kind of member the person is, by what they may do (the server's role names
        differ from library to library)."""
        if self.import_:
            return "importer"
        return "editor" if self.edit else "reader"

    def _refusal(self, what: str) -> str:
        return (
            f"Your role ({self.role}) may not {what} in this team library;"
            " its administrator grants that."
        )

    @property
    def import_refusal(self) -> str | None:
        """Why importing (files, clipboard, drops, watched folders) is greyed out, or None."""
        return None if self.import_ else self._refusal("import articles")

    @property
    def edit_refusal(self) -> str | None:
        """Why editing articles, correcting figures and changing briefings is greyed out."""
        return None if self.edit else self._refusal("edit articles, figures or briefings")

    @property
    def reindex_refusal(self) -> str | None:
        """Why File → Re-index Library is greyed out: a team library's server indexes each
        article as it is stored, so there is no index here to rebuild."""
        if not self.team:
            return None
        return (
            "The server keeps this team library's index up to date; there is nothing to re-index."
        )


def rights_of(workspace: Workspace) -> Rights:
    """The rights in `workspace`: everything on a local library, the server's say on a team one."""
    permissions = getattr(workspace, "permissions", None)
    if permissions is None:
        return Rights()
    return Rights(
        team=True,
        user=str(permissions.user),
        edit=bool(permissions.edit),
        import_=bool(permissions.import_),
    )


def refuse(target: QAction | QWidget, reason: str | None) -> None:
    """Grey out `target` and say `reason` in its tooltip (and, for a menu entry, the status
    bar); with no reason, leave it as it is."""
    if reason is None:
        return
    target.setEnabled(False)
    target.setToolTip(reason)
    target.setStatusTip(reason)


def library_label(workspace: Workspace, rights: Rights) -> str:
    """The status bar's word on which library is open: empty for the local library."""
    if not rights.team:
        return ""
    name, host = _database_and_host(workspace.location)
    return f"Team library {name} on {host} · {rights.user} ({rights.role})"


def _database_and_host(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "(default)"
    host = parts.hostname or parse_qs(parts.query).get("host", [""])[0]
    # A Unix socket's folder says nothing to a reader: the server is on this computer.
    if not host or host.startswith("/"):
        host = "this computer"
    return name, host

"""File → Open Team Library… and Open Local Library: the address dialog, and opening a library
in a worker so the window never waits on a server (the connect time-out bounds the wait).

What comes out is a ready Workspace in `LibraryMenu.opened`; putting a window on it is the
caller's (windows.py). Until then the open library stays open and untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.opening import (
    KeyringUnavailable,
    TeamPasswordNeeded,
    is_team_location,
    open_workspace,
    remember_team_password,
    shown_url,
)
from briefing_app.core.workspace import LibraryError
from briefing_app.paths import data_dir
from briefing_app.ui.remembered_library import (
    forget_team_library,
    last_team_address,
    remember_team_library,
)
from briefing_app.ui.team_role import rights_of
from briefing_app.ui.workers import Job

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

ADDRESS_FORM = "postgresql://user@host/dbname"
PASSWORD_HINT = (
    "Leave the password empty when $PGPASSWORD, ~/.pgpass or the system keyring gives it."
    " It is never written to the program's settings."
)


def default_local_library() -> str:
    """The local library of a person who never chose another folder."""
    return str(data_dir() / "library")


def keep_password(workspace: Workspace, location: str, password: str) -> None:
    """Keep the password the server has just accepted in the system keyring; where there is
    none, the library stays open for this session and its window says so."""
    try:
        remember_team_password(location, password)
    except KeyringUnavailable as exc:
        workspace.notices.append(f"The password is used for this session only. {exc}")


class PasswordDialog(QDialog):
    """Asks for the password a team library's server wants, before any window is open."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Team Library Password")
        self.setMinimumWidth(460)
        self.reason = QLabel(reason, self)
        self.reason.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel("&Password:", self)
        label.setBuddy(self.password)
        self.remember = QCheckBox("&Remember the password in the system keyring", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.reason, label, self.password, self.remember, buttons):
            layout.addWidget(widget)
        self.password.setFocus()

    def answer(self) -> tuple[str, bool] | None:
        """The password and whether to keep it, or None when cancelled or left empty."""
        if self.result() != QDialog.DialogCode.Accepted or not self.password.text():
            return None
        return self.password.text(), self.remember.isChecked()


class LibraryOpener(QObject):
    """Opens one library at a time in a worker; a cancelled opening's library is closed."""

    opened = Signal(object)  # Workspace
    failed = Signal(str)  # one sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None
        # Whether the last failure was the server asking for a (right) password.
        self.wants_password = False

    @property
    def busy(self) -> bool:
        return self._job is not None

    def open(self, location: str, password: str | None = None, *, remember: bool = False) -> None:
        """Open `location`; for a team library `password` (kept for this session only), and
        with `remember` also kept in the system keyring once the server has accepted it."""

        def body(_progress: object, _cancelled: object) -> Workspace | LibraryError:
            try:
                # Index repair is left to the new window's worker, as at start.
                workspace = open_workspace(
                    location, seed_if_empty=True, repair=False, password=password
                )
                if remember and password:
                    keep_password(workspace, location, password)
                return workspace
            except LibraryError as exc:
                # A server out of reach is a reason to show, not a failure to log.
                return exc

        job = Job("Opening library", body, self)
        job.finished.connect(lambda result, j=job: self._finished(j, result))
        job.failed.connect(lambda message, j=job: self._failed(j, message))
        self._job = job
        self.wants_password = False
        job.start()

    def cancel(self) -> None:
        """Stop waiting: the connection attempt runs out on its own and is then closed."""
        self._job = None

    def _finished(self, job: Job, workspace: Workspace | LibraryError) -> None:
        if isinstance(workspace, LibraryError):
            self.wants_password = isinstance(workspace, TeamPasswordNeeded)
            self._failed(job, str(workspace))
            return
        job.deleteLater()
        if job is not self._job:
            workspace.close()  # cancelled while it connected
            return
        self._job = None
        self.opened.emit(workspace)

    def _failed(self, job: Job, message: str) -> None:
        job.deleteLater()
        if job is self._job:
            self._job = None
            self.failed.emit(message)


class OpenTeamLibraryDialog(QDialog):
    """Asks for a team library's address and connects in the background; a failure is said
    here, and the dialog stays open to correct the address."""

    opened = Signal(object)  # the team library's Workspace

    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open Team Library")
        self.setMinimumWidth(480)
        self.address = QLineEdit(address, self)
        self.address.setPlaceholderText(ADDRESS_FORM)
        self.address.setClearButtonEnabled(True)
        label = QLabel(f"&Address of the team library ({ADDRESS_FORM}):", self)
        label.setBuddy(self.address)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("only if the server asks for one")
        password_label = QLabel("&Password:", self)
        password_label.setBuddy(self.password)
        self.remember = QCheckBox("&Remember the password in the system keyring", self)
        self.hint = QLabel(PASSWORD_HINT, self)
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # The reason can be selected and copied, for the administrator.
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.buttons.accepted.connect(self.connect_to_library)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.address)
        layout.addWidget(password_label)
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.opener = LibraryOpener(self)
        self.opener.opened.connect(self._opened)
        self.opener.failed.connect(self._failed)

    def connect_to_library(self) -> None:
        url = self.address.text().strip()
        if not is_team_location(url):
            self._say(f"A team library's address looks like {ADDRESS_FORM}.", error=True)
            return
        self._say(f"Connecting to {shown_url(url)}…")
        self._busy(True)
        password = self.password.text() or None
        self.opener.open(url, password, remember=self.remember.isChecked())

    def reject(self) -> None:
        self.opener.cancel()
        super().reject()

    def _opened(self, workspace: Workspace) -> None:
        self._busy(False)
        self.opened.emit(workspace)
        self.accept()

    def _failed(self, message: str) -> None:
        self._busy(False)
        self._say(message, error=True)
        if self.opener.wants_password:
            self.password.selectAll()
            self.password.setFocus()
        else:
            self.address.setFocus()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.address.setReadOnly(busy)
        self.password.setReadOnly(busy)
        self.remember.setEnabled(not busy)
        self.open_button.setEnabled(not busy)

    def _say(self, text: str, *, error: bool = False) -> None:
        # Red reads as "this did not work" in the light and the dark theme alike.
        self.message.setStyleSheet("color: #d64541;" if error else "")
        self.message.setText(text)
        self.message.show()
        self.adjustSize()  # room for the sentence: the dialog was laid out without it


class LibraryMenu(QObject):
    """The File menu's two ways to another library; `opened` carries the library, ready."""

    opened = Signal(object)  # Workspace

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        on_team = rights_of(workspace).team
        # Where Open Local Library goes: this library when it is local, else what the window
        # keeper says was open before (windows.py), else the default data folder.
        self.local_location: str | None = None if on_team else workspace.location
        self.dialog: OpenTeamLibraryDialog | None = None
        self.error_box: QMessageBox | None = None
        self.open_team = QAction("Open &Team Library…", self)
        self.open_team.setStatusTip("Open the library a team shares on a PostgreSQL server")
        self.open_team.triggered.connect(self.ask_team_library)
        self.open_local = QAction("Open &Local Library", self)
        self.open_local.setEnabled(on_team)
        self.open_local.setStatusTip(
            "Go back to the library on this computer (the next start opens it too)"
            if on_team
            else "The local library is open."
        )
        self.open_local.triggered.connect(self.open_local_library)
        self.opener = LibraryOpener(self)
        self.opener.opened.connect(self._local_opened)
        self.opener.failed.connect(self._local_failed)

    def ask_team_library(self) -> OpenTeamLibraryDialog:
        """Show the address dialog (window-modal, not blocking)."""
        dialog = OpenTeamLibraryDialog(self._parent, last_team_address())
        dialog.opened.connect(self._team_opened)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_local_library(self) -> None:
        self.open_local.setEnabled(False)
        self.opener.open(self.local_location or default_local_library())

    def _team_opened(self, workspace: Workspace) -> None:
        remember_team_library(workspace.location)
        self.opened.emit(workspace)

    def _local_opened(self, workspace: Workspace) -> None:
        forget_team_library()
        self.opened.emit(workspace)

    def _local_failed(self, message: str) -> None:
        self.open_local.setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Open Local Library", message, parent=self._parent
        )
        self.error_box = box
        box.open()

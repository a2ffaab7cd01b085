"""The open article: loading it, and the actions on it (star, read, edit details, briefing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from briefing_app.ui.dialogs import EditArticleDialog
from briefing_app.ui.team_role import refuse

if TYPE_CHECKING:
    from briefing_app.core.workspace import ArticleView
    from briefing_app.ui.hooks import BriefingHooks
    from briefing_app.ui.session import Session


class ArticleActions(QObject):
    """Owns which article is open and keeps it current when the library changes under it."""

    shown = Signal(object, list)  # ArticleView | None, search terms to mark

    def __init__(self, session: Session, hooks: BriefingHooks, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.hooks = hooks
        self.window = parent
        self.view: ArticleView | None = None
        self.terms: list[str] = []
        self.dialog: EditArticleDialog | None = None

        self.star = QAction("☆ Star", self, checkable=True, shortcut=QKeySequence("Ctrl+D"))
        self.star.setToolTip("Star this article to find it again with the Starred filter")
        self.star.triggered.connect(self._toggle_star)
        self.unread = QAction("Mark as Unread", self, shortcut=QKeySequence("Ctrl+U"))
        self.unread.triggered.connect(self._mark_unread)
        self.edit = QAction("Edit Details…", self, shortcut=QKeySequence("Ctrl+Shift+E"))
        self.edit.setToolTip("Edit the title, date and source")
        self.edit.triggered.connect(self.edit_details)
        self.to_briefing = QAction("Add Article to Briefing", self)
        self.to_briefing.triggered.connect(self._add_to_briefing)
        self.to_briefing.setVisible(False)
        for action in (self.star, self.unread, self.edit, self.to_briefing):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.sync_actions()

        session.articleChanged.connect(self._changed)
        session.figuresChanged.connect(self._changed)
        session.flagsChanged.connect(self._flags_changed)
        session.libraryChanged.connect(lambda: self._changed(self.article_id or -1))

    @property
    def article_id(self) -> int | None:
        return self.view.article.id if self.view else None

    def open(self, article_id: int, terms: list[str] | None = None) -> ArticleView | None:
        """Show an article; opening it marks it read (in the background)."""
        # One SQLite read by primary key: quick enough for the GUI thread.
        view = self.session.workspace.article(article_id)
        self.view = view
        self.terms = list(terms or [])
        self.sync_actions()
        self.shown.emit(view, self.terms)
        if view is not None and not view.article.read:
            view.article.read = True
            self.session.set_read(article_id, True)
        return view

    def close(self) -> None:
        self.view = None
        self.sync_actions()
        self.shown.emit(None, [])

    def _changed(self, article_id: int) -> None:
        if self.view is not None and article_id == self.view.article.id:
            view = self.session.workspace.article(article_id)
            self.view = view
            self.sync_actions()
            self.shown.emit(view, self.terms)

    def reread(self, article_id: int) -> None:
        """Read the open article again when it is chosen again: another person (on a team
        library) or another process may have corrected its figures or edited it meanwhile.
        The panes are redrawn only when something did change."""
        if self.view is not None and article_id == self.view.article.id:
            view = self.session.workspace.article(article_id)
            if view != self.view:
                self.view = view
                self.sync_actions()
                self.shown.emit(view, self.terms)

    def _flags_changed(self, article_id: int) -> None:
        if self.view is not None and article_id == self.view.article.id:
            stored = self.session.workspace.articles([article_id]).get(article_id)
            if stored is not None:
                self.view.article.read, self.view.article.starred = stored.read, stored.starred
            self.sync_actions()

    def sync_actions(self) -> None:
        has = self.view is not None
        for action in (self.star, self.unread, self.edit, self.to_briefing):
            action.setEnabled(has)
        # Star and read are the person's own, on any library; edits need the right to edit.
        refuse(self.edit, self.session.rights.edit_refusal)
        refuse(self.to_briefing, self.session.rights.edit_refusal)
        self.star.setChecked(bool(has and self.view.article.starred))  # type: ignore[union-attr]
        self.star.setText("★ Starred" if self.star.isChecked() else "☆ Star")
        self.to_briefing.setVisible(self.hooks.enabled("addArticleToBriefing"))

    def _toggle_star(self, on: bool) -> None:
        if self.view is not None:
            self.view.article.starred = on
            self.sync_actions()
            self.session.set_starred(self.view.article.id, on)

    def _mark_unread(self) -> None:
        if self.view is not None:
            self.view.article.read = False
            self.session.set_read(self.view.article.id, False)

    def edit_details(self) -> EditArticleDialog | None:
        """Open the edit dialog (window-modal, not blocking); saving runs in the background."""
        if self.view is None or not self.session.rights.edit:
            return None
        dialog = EditArticleDialog(self.view.article, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        article_id = self.view.article.id

        def save() -> None:
            changes = dialog.changes()
            if changes:
                self.session.edit_article(article_id, **changes)

        dialog.accepted.connect(save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _add_to_briefing(self) -> None:
        if self.view is not None:
            self.hooks.addArticleToBriefing.emit(self.view.article.id)

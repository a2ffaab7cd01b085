"""Import from the clipboard or a text drop: the pasted article with its guessed title, date and
source, which the user can correct before it goes into the library."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.dates import parse_date
from briefing_app.core.formats.html import read_html_article
from briefing_app.core.formats.leads import dateline_of
from briefing_app.core.formats.plaintext import read_text_article
from briefing_app.core.records import Article
from briefing_app.ui.dialogs import ArticleDetailsDialog

if TYPE_CHECKING:
    from briefing_app.core.workspace import ImportReport, Workspace


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in dropped data (they go to `Workspace.import_paths`)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def copy_mime(mime: QMimeData) -> QMimeData:
    """A copy of the text, HTML and links in `mime` that outlives a drag (a drop handler
    should not open a modal dialog while the drag is in progress: copy, then open it later)."""
    copy = QMimeData()
    if mime.hasHtml():
        copy.setHtml(mime.html())
    if mime.hasText():
        copy.setText(mime.text())
    if mime.hasUrls():
        copy.setUrls(mime.urls())
    return copy


def article_from_mime(mime: QMimeData) -> Article | None:
    """The article in pasted or dropped data: the HTML flavour through the HTML reader (a web
    page copied from a browser), else the plain text through the text reader; None if neither
    holds text. Nothing is fetched: HTML is read as a string."""
    article = None
    if mime.hasHtml() and mime.html().strip():
        article = read_html_article(mime.html())
        if not article.body.strip():
            article = None
    if article is None and mime.hasText() and mime.text().strip():
        article = read_text_article(mime.text())
    if article is None or not article.body.strip():
        return None
    urls = [url.toString() for url in mime.urls() if url.scheme() in ("http", "https")]
    if urls and not article.url:
        article.url = urls[0]
    if article.url and not article.source:
        host = urlsplit(article.url).hostname or ""
        article.source = host.removeprefix("www.") or None
    return article


class PasteDialog(ArticleDetailsDialog):
    """Shows the pasted article with editable title, date and source; `article()` gives the
    Article as the user left it."""

    def __init__(
        self, mime: QMimeData, parent: QWidget | None = None, *, article: Article | None = None
    ) -> None:
        # `article` spares reading the data twice when the caller has read it already.
        found = article or article_from_mime(mime) or Article(body="")
        super().__init__(found.title, found.date, found.source, parent)
        self.setWindowTitle("Import pasted article")
        self._article = found
        self.body_edit = QPlainTextEdit(self._article.body, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self._update_ok()

    def _update_ok(self) -> None:
        has_text = bool(self.body_edit.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_text)

    def accept(self) -> None:
        if not self.date_is_readable():
            return
        if not self.body_edit.toPlainText().strip():
            self.error.setText("There is no text to import.")
            return
        super().accept()

    def article(self) -> Article:
        """The article with the user's title, date, source and text."""
        body = self.body_edit.toPlainText().strip()
        written = self.date_edit.text().strip()
        title = " ".join(self.title_edit.text().split())
        article = Article(
            body=body,
            title=title,
            date=parse_date(written) if written else None,
            source=self.source_edit.text().strip() or None,
            url=self._article.url,
            dateline=dateline_of(body),
            author=self._article.author,
            extra=dict(self._article.extra),
        )
        if not article.title:
            article.title = read_text_article(body).title
        return article


def import_from_mime(
    parent: QWidget | None, workspace: Workspace, mime: QMimeData
) -> ImportReport | None:
    """Ask the user to check the pasted article, then import it; None when there was nothing
    to import or the user cancelled. (One article: extracted and indexed in a blink.)"""
    article = article_from_mime(mime)
    if article is None:
        QMessageBox.information(parent, "Import pasted article", "There is no text to import.")
        return None
    dialog = PasteDialog(mime, parent, article=article)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return workspace.import_article(dialog.article())

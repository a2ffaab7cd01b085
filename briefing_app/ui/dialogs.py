"""Dialogs: edit details, correct a figure, import summary, library info, query help, preferences."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.dates import FIRST_YEAR, LAST_YEAR, parse_date
from briefing_app.core.workspace import MAX_EXPANSION

if TYPE_CHECKING:
    from briefing_app.core.workspace import ImportReport, StoredArticle, StoredFigure, Workspace
    from briefing_app.ui.watcher import FolderWatcher

_NO_YEAR = FIRST_YEAR - 1  # shown as "no year" in the year box

QUERY_HELP = f"""
<h3 style="margin-top:0">Search syntax</h3>
<table cellspacing="4">
<tr><td><code>nato troops</code></td><td>articles with both words</td></tr>
<tr><td><code>"battle group"</code></td><td>the exact phrase</td></tr>
<tr><td><code>baltic OR poland</code></td><td>either word</td></tr>
<tr><td><code>nato NOT russia</code></td><td>the first without the second</td></tr>
<tr><td><code>(latvia OR estonia) AND brigade</code></td><td>group with parentheses</td></tr>
<tr><td><code>deploy*</code></td><td>words starting with “deploy”</td></tr>
<tr><td><code>stoltenburg~</code></td><td>similar spellings (one letter off; <code>~2</code>: two)</td></tr>
<tr><td><code>title:nato</code></td><td>in the title only (also <code>source:</code>, <code>dateline:</code>)</td></tr>
<tr><td><code>person:"Jens Stoltenberg"</code></td><td>articles naming a person (also <code>country:</code>, <code>place:</code>, <code>org:</code>)</td></tr>
<tr><td><code>date:[2015 to 2017]</code></td><td>a date range; <code>year:2016</code> a single year</td></tr>
</table>
<p>A word with <code>*</code> or <code>~</code> stands for at most the {MAX_EXPANSION} indexed words
it fits that the most articles use; similar spellings begin with the same letter.</p>
<p>An empty search lists every article, newest first. Click a name under
<b>Narrow by</b> (below the results) or in the highlight pane to narrow the results; click a
chip's ✕ to widen them again.</p>
"""


class QueryHelp(QDialog):
    """A small non-modal window with the query syntax, next to the search box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle("Search syntax")
        text = QTextBrowser(self)
        text.setOpenLinks(False)
        text.setHtml(QUERY_HELP)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.resize(520, 400)


def _save_and_cancel(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel buttons that accept and reject `dialog`."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ArticleDetailsDialog(QDialog):
    """A dialog with an article's title, date and source fields (in `form`) and an error line;
    the date is checked the way the library will read it."""

    def __init__(
        self, title: str, date: str | None, source: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit(title, self)
        self.date_edit = QLineEdit(date or "", self)
        self.date_edit.setPlaceholderText("e.g. 2016-06-14 or 14 June 2016")
        self.source_edit = QLineEdit(source or "", self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #dc2626")
        self.error.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Date:", self.date_edit)
        self.form.addRow("&Source:", self.source_edit)

    def date_is_readable(self) -> bool:
        """Whether the date field is empty or a date; when not, says so and goes there."""
        written = self.date_edit.text().strip()
        if written and parse_date(written) is None:
            self.error.setText(f"“{written}” is not a date (try 2016-06-14 or 14 June 2016).")
            self.date_edit.setFocus()
            return False
        return True


class EditArticleDialog(ArticleDetailsDialog):
    """Title, date and source, kept apart from the imported values."""

    def __init__(self, article: StoredArticle, parent: QWidget | None = None) -> None:
        super().__init__(article.title, article.date, article.source, parent)
        self.setWindowTitle("Edit article details")
        self.article = article
        hint = QLabel("Your changes are kept apart from the imported values and survive re-import.")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        buttons = _save_and_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def changes(self) -> dict[str, str | None]:
        """Only the fields the user changed."""
        new = {
            "title": self.title_edit.text().strip(),
            "date": self.date_edit.text().strip() or None,
            "source": self.source_edit.text().strip() or None,
        }
        old = {
            "title": self.article.title,
            "date": self.article.date,
            "source": self.article.source,
        }
        return {k: v for k, v in new.items() if v != old[k]}

    def accept(self) -> None:
        changes = self.changes()
        if "title" in changes and not changes["title"]:
            self.error.setText("The title cannot be empty.")
            return
        if not self.date_is_readable():
            return
        super().accept()


class CorrectFigureDialog(QDialog):
    """Contributor, host, count or range and year of a troop figure, or reject it outright."""

    def __init__(self, stored: StoredFigure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct troop figure")
        f = stored.figure
        self.contributor = QLineEdit(f.contributor or "", self)
        self.host = QLineEdit(f.host or "", self)
        self.low = QSpinBox(self)
        self.high = QSpinBox(self)
        for box, value in ((self.low, f.low), (self.high, f.high)):
            box.setRange(0, 10_000_000)
            box.setGroupSeparatorShown(True)
            box.setSpecialValueText("—")
            box.setValue(int(value or 0))
        self.year = QSpinBox(self)
        # The years extraction reads as years; the one below them stands for "no year".
        self.year.setRange(_NO_YEAR, LAST_YEAR)
        self.year.setSpecialValueText("no year")
        self.year.setValue(f.year or _NO_YEAR)
        # Not `rejected`: that name is QDialog's signal, which an attribute would hide.
        self.reject_box = QCheckBox("Reject: this is not a troop figure", self)
        self.reject_box.setChecked(stored.rejected)
        sentence = QLabel(f"“{html.escape(f.sentence or f.text)}”", self)
        sentence.setWordWrap(True)
        sentence.setObjectName("muted")
        form = QFormLayout()
        form.addRow("&Contributor:", self.contributor)
        form.addRow("&Host:", self.host)
        form.addRow("Count (&low):", self.low)
        form.addRow("Count (hi&gh):", self.high)
        form.addRow("&Year:", self.year)
        form.addRow("", self.reject_box)
        buttons = _save_and_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(sentence)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def set_count(self, count: int) -> None:
        self.low.setValue(count)
        self.high.setValue(count)

    def changes(self) -> dict[str, object]:
        """Keyword arguments for Workspace.correct_figure."""
        if self.reject_box.isChecked():
            return {"rejected": True}
        low = self.low.value() or None
        high = self.high.value() or low
        if low is not None and high is not None and high < low:
            low, high = high, low
        return {
            "contributor": self.contributor.text().strip() or None,
            "host": self.host.text().strip() or None,
            "low": low,
            "high": high,
            "year": self.year.value() if self.year.value() != _NO_YEAR else None,
        }


class ImportSummaryDialog(QDialog):
    """What an import did, with every skipped file and why; non-modal so work can go on."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import finished")
        self.report = report
        summary = QLabel(f"<b>{html.escape(report.summary())}</b> in {report.seconds:.1f} s", self)
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        self.table = QTableWidget(len(report.skipped), 2, self)
        self.table.setHorizontalHeaderLabels(["Skipped file", "Reason"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, skipped in enumerate(report.skipped):
            self.table.setItem(row, 0, QTableWidgetItem(skipped.path))
            self.table.setItem(row, 1, QTableWidgetItem(skipped.reason))
        self.table.resizeColumnToContents(0)
        if report.skipped:
            layout.addWidget(self.table)
        else:
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(640, 380 if report.skipped else 140)


class LibraryInfoDialog(QDialog):
    def __init__(self, stats: dict[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library information")
        labels = (
            ("library", "Folder"),
            ("articles", "Articles"),
            ("dated", "With a date"),
            ("first_date", "Earliest date"),
            ("last_date", "Latest date"),
            ("sources", "Sources"),
            ("entities", "Entity mentions"),
            ("figures", "Figures"),
            ("troop_figures", "Troop figures"),
            ("corrections", "Your figure corrections"),
            ("edits", "Your article edits"),
            ("read", "Read"),
            ("starred", "Starred"),
            ("indexed", "In the search index"),
            ("database_bytes", "Database size"),
        )
        form = QFormLayout()
        for key, label in labels:
            if key not in stats:
                continue
            value = stats[key]
            if key == "database_bytes" and isinstance(value, int):
                value = f"{value / 1_048_576:.1f} MB"
            text = QLabel("—" if value in (None, "") else str(value), self)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", text)
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        title = QLabel(
            "<h3 style='margin:0'>Briefing Reader</h3>"
            "<p>An offline reader for defence and foreign-affairs news.</p>",
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)


class PreferencesDialog(QDialog):
    """Preferences that belong to the library rather than to one window: watched folders."""

    def __init__(self, workspace: Workspace, watcher: FolderWatcher, parent: QWidget | None = None):
        super().__init__(parent)
        from briefing_app.ui.watcher import WatchedFoldersPage

        self.setWindowTitle("Preferences")
        self.resize(560, 360)
        self.tabs = QTabWidget(self)
        self.watched = WatchedFoldersPage(workspace, watcher, self)
        self.tabs.addTab(self.watched, "Watched folders")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

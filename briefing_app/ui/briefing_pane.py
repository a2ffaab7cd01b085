"""The briefing editor: a dock pane to collect articles, passages, figures and the chart, and export.

It edits a `core.briefing.Briefing` and saves it in the library as the user types (debounced,
so a kill loses at most the last half second). Export runs on the thread pool; the pane shows
its progress and stays responsive. The main window feeds it through the `add_*` slots.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDate,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core import briefing as briefings
from briefing_app.core.briefing import Briefing, BriefingItem, ChartConfig
from briefing_app.ui.file_dialogs import save_file_name
from briefing_app.ui.team_role import refuse, rights_of

SAVE_DELAY_MS = 500  # well inside the promise that a kill loses at most a second of typing
PREVIEW_DELAY_MS = 150
ITEM_MIME = "application/x-briefing-item-rows"
MARKINGS = [
    "UNCLASSIFIED",
    "OFFICIAL",
    "OFFICIAL-SENSITIVE",
    "RESTRICTED",
    "CONFIDENTIAL",
    "NATO UNCLASSIFIED",
    "NATO RESTRICTED",
]
EXPORT_FORMATS = [("PDF", "pdf"), ("HTML", "html"), ("Markdown", "md")]
_ROOT = QModelIndex()  # the invalid index: a list's only parent
_EXPORT_FILTERS = [
    ("PDF (*.pdf)", "pdf"),
    ("HTML (*.html *.htm)", "html"),
    ("Markdown (*.md)", "md"),
]
# A file name's extension that names an export format chooses that format.
_FORMAT_OF_SUFFIX = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
KIND_NAMES = {"article": "Article", "passage": "Passage", "figure": "Figure", "chart": "Chart"}


class MiddleElidedComboBox(QComboBox):
    """Shows its current text cut in the middle when too long ("name — Start of … title end"),
    so the stored name at the start and the end of the title both stay readable."""

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802 (Qt's API)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def shown_text(self) -> str:
        """The current text as drawn: whole if it fits the field, else cut in the middle."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideMiddle, field.width()
        )


class OfflineBrowser(QTextBrowser):
    """A preview that never loads anything: no images, no links followed, nothing fetched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt's API)
        return None


class BriefingItemsModel(QAbstractListModel):
    """The briefing's items in order; rows move by drag and drop or by the move buttons."""

    itemsChanged = Signal()

    def __init__(
        self, describe: Callable[[BriefingItem], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._items: list[BriefingItem] = []
        self._describe = describe

    # -- access -----------------------------------------------------------------------------------

    @property
    def items(self) -> list[BriefingItem]:
        return self._items

    def set_items(self, items: list[BriefingItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def append(self, item: BriefingItem) -> QModelIndex:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        self.itemsChanged.emit()
        return self.index(row)

    def item(self, row: int) -> BriefingItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def item_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row), self.index(row))
        self.itemsChanged.emit()

    # -- the model API ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{index.row() + 1}. {KIND_NAMES[item.kind]}: {self._describe(item)}"
            return text + ("  ✎" if item.note.strip() else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._describe(item) + (f"\n\nNote: {item.note}" if item.note else "")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def removeRows(
        self, row: int, count: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> bool:  # noqa: N802
        if parent.isValid() or row < 0 or row + count > len(self._items) or count <= 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._items[row : row + count]
        self.endRemoveRows()
        self.itemsChanged.emit()
        return True

    def moveRows(  # noqa: N802 (Qt's API)
        self,
        source_parent: QModelIndex | QPersistentModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex | QPersistentModelIndex,
        destination_child: int,
    ) -> bool:
        last = source_row + count - 1
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or source_row < 0
            or last >= len(self._items)
            or source_row <= destination_child <= last + 1
            or not 0 <= destination_child <= len(self._items)
        ):
            return False
        self.beginMoveRows(QModelIndex(), source_row, last, QModelIndex(), destination_child)
        moving = self._items[source_row : last + 1]
        del self._items[source_row : last + 1]
        at = destination_child if destination_child < source_row else destination_child - count
        self._items[at:at] = moving
        self.endMoveRows()
        self.itemsChanged.emit()
        return True

    # -- drag and drop: rows travel as JSON, dropped copies are inserted, the view removes the
    #    originals; that is Qt's own protocol for a move and works with any view.

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        payload = json.dumps([self._items[r].to_dict() for r in rows])
        data.setData(ITEM_MIME, QByteArray(payload.encode("utf-8")))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:  # noqa: N802
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not data.hasFormat(ITEM_MIME):
            return False
        items = [BriefingItem.from_dict(d) for d in json.loads(bytes(data.data(ITEM_MIME).data()))]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self._items[row:row] = items
        self.endInsertRows()
        self.itemsChanged.emit()
        return True


class _ExportSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(str)
    failed = Signal(str)


class _ExportJob(QRunnable):
    """Resolves and writes the briefing on a pool thread; the library is safe across threads."""

    def __init__(self, workspace, briefing: Briefing, path: str, fmt: str, page_size: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.briefing = briefing
        self.path = path
        self.fmt = fmt
        self.page_size = page_size
        self.signals = _ExportSignals()

    def run(self) -> None:
        from briefing_app.core.briefing.export import ExportError, export_briefing

        try:
            path = export_briefing(
                self.workspace,
                self.briefing,
                self.path,
                fmt=self.fmt,
                page_size=self.page_size,
                progress=self.signals.progress.emit,
            )
        except ExportError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 — a worker must report, never die silently
            logging.getLogger(__name__).error("export to %s failed", self.path, exc_info=True)
            self.signals.failed.emit(f"Export failed: {exc}")
        else:
            self.signals.finished.emit(str(path))


class BriefingPane(QWidget):
    """Choose, edit and export briefings. Public slots: add_article, add_passage, add_figure, add_chart."""

    briefingChanged = Signal(str)  # the current briefing's name
    saved = Signal(str)
    exportStarted = Signal(str)
    exportFinished = Signal(str)  # the file written
    exportFailed = Signal(str)  # a sentence for the user
    statusMessage = Signal(str)

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._name: str | None = None
        self._briefing = Briefing()
        self._loading = False
        self._dirty = False
        self._labels: dict[tuple, str] = {}
        self._job: _ExportJob | None = None
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._update_preview)
        # On a team library a reader may read and export briefings, not change them.
        self.refusal = rights_of(workspace).edit_refusal
        self._build()
        if self.refusal is not None:
            self._make_read_only(self.refusal)
        self._refresh_chooser()
        names = briefings.names(workspace)
        if names:
            self.open_briefing(names[0])
        else:
            self._show(Briefing())

    # -- building the widgets ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        self.chooser = MiddleElidedComboBox()
        # A long title must not widen the dock: it is elided instead.
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(12)
        # Each entry shows the stored name and the title, as `briefing briefing list` does;
        # `briefing export --briefing` accepts either.
        self.chooser.setToolTip("Stored briefings: name — title")
        self.chooser.activated.connect(lambda _i: self.open_briefing(self.chooser.currentData()))
        self.new_button = QPushButton("New")
        self.rename_button = QPushButton("Rename…")
        self.delete_button = QPushButton("Delete…")
        self.new_button.clicked.connect(lambda: self.new_briefing())
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(self._ask_delete)
        # The chooser has a row of its own: beside three buttons in a narrow dock it showed
        # only "Briefing —".
        layout.addWidget(self.chooser)
        top.addStretch(1)
        for button in (self.new_button, self.rename_button, self.delete_button):
            top.addWidget(button)
        layout.addLayout(top)

        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.author_edit = QLineEdit()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.marking_edit = QComboBox(editable=True)
        self.marking_edit.addItems(MARKINGS)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Author", self.author_edit)
        form.addRow("&Date", self.date_edit)
        form.addRow("&Marking", self.marking_edit)
        layout.addLayout(form)
        self.title_edit.textEdited.connect(self._fields_changed)
        self.author_edit.textEdited.connect(self._fields_changed)
        self.date_edit.dateChanged.connect(self._fields_changed)
        self.marking_edit.currentTextChanged.connect(self._fields_changed)

        self.tabs = QTabWidget()
        summary_page = QSplitter(Qt.Orientation.Vertical)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(
            "Executive summary in Markdown: # headings, - lists, **bold**, | tables |"
        )
        self.preview = OfflineBrowser()
        summary_page.addWidget(self.summary_edit)
        summary_page.addWidget(self.preview)
        self.summary_edit.textChanged.connect(self._summary_changed)
        self.tabs.addTab(summary_page, "&Summary")

        items_page = QWidget()
        items_layout = QVBoxLayout(items_page)
        items_layout.setContentsMargins(0, 4, 0, 0)
        self.model = BriefingItemsModel(self._describe, self)
        self.model.itemsChanged.connect(self._items_changed)
        self.items_view = QListView()
        self.items_view.setModel(self.model)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items_view.setDropIndicatorShown(True)
        # One line an item, elided, the whole description as its tooltip: wrapped, a short
        # dock showed one and a half items.
        self.items_view.setWordWrap(False)
        self.items_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items_view.setUniformItemSizes(True)
        self.items_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items_view.selectionModel().currentChanged.connect(self._current_item_changed)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.items_view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_current_item)
        items_layout.addWidget(self.items_view, 3)
        buttons = QHBoxLayout()
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.remove_button = QPushButton("Remove")
        self.up_button.clicked.connect(lambda: self.move_current_item(-1))
        self.down_button.clicked.connect(lambda: self.move_current_item(1))
        self.remove_button.clicked.connect(self.remove_current_item)
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        items_layout.addLayout(buttons)
        items_layout.addWidget(QLabel("Note on the selected item (Markdown):"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setEnabled(False)
        self.note_edit.textChanged.connect(self._note_changed)
        items_layout.addWidget(self.note_edit, 1)
        self.tabs.addTab(items_page, "&Items")

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText("Closing notes in Markdown, printed after the items")
        self.notes_edit.textChanged.connect(self._notes_changed)
        self.tabs.addTab(self.notes_edit, "&Notes")
        layout.addWidget(self.tabs, 1)

        export_row = QHBoxLayout()
        self.format_box = QComboBox()
        for label, fmt in EXPORT_FORMATS:
            self.format_box.addItem(label, fmt)
        self.page_size_box = QComboBox()
        self.page_size_box.addItems(list(briefings.PAGE_SIZES))
        self.page_size_box.currentTextChanged.connect(self._fields_changed)
        self.export_button = QPushButton("&Export…")
        self.export_button.clicked.connect(self.ask_export)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(140)
        # Its place is kept while hidden: showing it must not raise the pane's minimum width,
        # or the dock widens during an export and the reader beside it re-wraps.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        export_row.addWidget(self.format_box)
        export_row.addWidget(self.page_size_box)
        export_row.addWidget(self.export_button)
        export_row.addWidget(self.progress)
        export_row.addStretch(1)
        layout.addLayout(export_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def _make_read_only(self, reason: str) -> None:
        """Everything that would change a stored briefing is greyed out, and says why."""
        note = QLabel(f"Read only. {reason}")
        note.setObjectName("muted")
        note.setWordWrap(True)
        column = self.layout()
        assert isinstance(column, QVBoxLayout)  # built in _build
        column.insertWidget(0, note)
        self.read_only_note = note
        for edit in (self.title_edit, self.author_edit):
            edit.setReadOnly(True)
            edit.setToolTip(reason)
        self.date_edit.setReadOnly(True)
        self.date_edit.setToolTip(reason)
        for text in (self.summary_edit, self.notes_edit, self.note_edit):
            text.setReadOnly(True)
            text.setToolTip(reason)
        self.items_view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for widget in (
            self.marking_edit,
            self.new_button,
            self.rename_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            refuse(widget, reason)

    # -- the current briefing ---------------------------------------------------------------------

    @property
    def name(self) -> str | None:
        return self._name

    @property
    def briefing(self) -> Briefing:
        """The briefing as edited now (a live object: do not hand it to another thread)."""
        return self._briefing

    def _show(self, brief: Briefing) -> None:
        self._loading = True
        try:
            self._briefing = brief
            self.title_edit.setText(brief.title)
            self.author_edit.setText(brief.author)
            date = QDate.fromString(brief.date, Qt.DateFormat.ISODate)
            self.date_edit.setDate(date if date.isValid() else QDate.currentDate())
            self.marking_edit.setCurrentText(brief.marking)
            self.summary_edit.setPlainText(brief.summary)
            self.notes_edit.setPlainText(brief.notes)
            self.page_size_box.setCurrentText(brief.page_size)
            self.model.set_items(brief.items)
            brief.items = self.model.items
            self.note_edit.setPlainText("")
            self.note_edit.setEnabled(False)
            self._update_preview()
        finally:
            self._loading = False

    def _refresh_chooser(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for name in briefings.names(self.workspace):
            try:
                stored = briefings.load(self.workspace, name)
            except briefings.BriefingError:
                stored = None
            self.chooser.addItem(briefings.label(name, stored), name)
        if self._name:
            self.chooser.setCurrentIndex(self.chooser.findData(self._name))
        self.chooser.blockSignals(False)
        has = self._name is not None and self.refusal is None
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    @Slot(str)
    def open_briefing(self, name: str) -> bool:
        self.flush()
        try:
            brief = briefings.load(self.workspace, name)
        except briefings.BriefingError as exc:
            self._say(str(exc))
            return False
        if brief is None:
            return False
        self._name = name
        self._show(brief)
        self._refresh_chooser()
        self.briefingChanged.emit(name)
        return True

    @Slot()
    def new_briefing(self, name: str | None = None) -> str:
        if self.refusal is not None:
            self._say(self.refusal)
            return ""
        self.flush()
        name = name or briefings.unused_name(self.workspace)
        self._name = name
        self._show(Briefing())
        briefings.save(self.workspace, name, self._briefing)
        self._refresh_chooser()
        self.briefingChanged.emit(name)
        return name

    def rename_current(self, new_name: str) -> bool:
        if self._name is None or self.refusal is not None:
            return False
        self.flush()
        try:
            briefings.rename(self.workspace, self._name, new_name)
        except briefings.BriefingError as exc:
            self._say(str(exc))
            return False
        self._name = new_name.strip()
        self._refresh_chooser()
        self.briefingChanged.emit(self._name)
        return True

    def delete_current(self) -> None:
        if self._name is None or self.refusal is not None:
            return
        self._save_timer.stop()
        self._dirty = False
        briefings.delete(self.workspace, self._name)
        self._name = None
        names = briefings.names(self.workspace)
        if names:
            self.open_briefing(names[0])
        else:
            self._show(Briefing())
            self._refresh_chooser()
            self.briefingChanged.emit("")

    def _ask_rename(self) -> None:
        if self._name is None:
            return
        text, ok = QInputDialog.getText(self, "Rename briefing", "New name:", text=self._name)
        if ok and text.strip():
            self.rename_current(text)

    def _ask_delete(self) -> None:
        if self._name is None:
            return
        answer = QMessageBox.question(
            self, "Delete briefing", f"Delete the briefing “{self._name}”?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    # -- saving -----------------------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self.refusal is not None:
            return
        if self._name is None:
            # The first edit of a pane with no briefing creates one, so nothing typed is lost.
            self._name = briefings.unused_name(self.workspace)
            briefings.save(self.workspace, self._name, self._briefing)
            self._refresh_chooser()
            self.briefingChanged.emit(self._name)
        self._dirty = True
        self._save_timer.start()

    @Slot()
    def flush(self) -> None:
        """Save now if anything is unsaved (the window calls this when it closes)."""
        self._save_timer.stop()
        if not self._dirty or self._name is None:
            return
        self._dirty = False
        briefings.save(self.workspace, self._name, self._briefing)
        at = self.chooser.findData(self._name)
        if at >= 0:  # a new title shows in the chooser once saved
            self.chooser.setItemText(at, briefings.label(self._name, self._briefing))
        self.saved.emit(self._name)

    def _fields_changed(self, *_args: object) -> None:
        if self._loading:
            return
        b = self._briefing
        b.title = self.title_edit.text()
        b.author = self.author_edit.text()
        b.date = self.date_edit.date().toString(Qt.DateFormat.ISODate)
        b.marking = self.marking_edit.currentText()
        b.page_size = self.page_size_box.currentText()
        self._changed()

    def _summary_changed(self) -> None:
        if self._loading:
            return
        self._briefing.summary = self.summary_edit.toPlainText()
        self._preview_timer.start()
        self._changed()

    def _notes_changed(self) -> None:
        if self._loading:
            return
        self._briefing.notes = self.notes_edit.toPlainText()
        self._changed()

    def _update_preview(self) -> None:
        self.preview.setHtml(briefings.markdown_to_html(self._briefing.summary))

    # -- items ------------------------------------------------------------------------------------

    def _add(self, item: BriefingItem) -> None:
        if self.refusal is not None:
            self._say(self.refusal)
            return
        index = self.model.append(item)
        self.items_view.setCurrentIndex(index)
        self.tabs.setCurrentIndex(1)
        self._say(f"Added to the briefing: {self._describe(item)}")

    @Slot(int)
    def add_article(self, article_id: int) -> None:
        self._add(BriefingItem.article(article_id, self._title_of(article_id)))

    @Slot(int, str, int, int)
    def add_passage(self, article_id: int, text: str, start: int, end: int) -> None:
        """Offsets of -1 mean unknown: the quote is then found in the article when exported."""
        known = 0 <= start <= end
        self._add(
            BriefingItem.passage(
                article_id,
                text,
                start if known else None,
                end if known else None,
                self._title_of(article_id),
            )
        )

    @Slot(int, str)
    def add_figure(self, article_id: int, figure_key: str) -> None:
        self._add(BriefingItem.figure(article_id, figure_key, self._title_of(article_id)))

    def _title_of(self, article_id: int) -> str:
        """The article's title, kept in the item for when the article leaves the library."""
        stored = self.workspace.articles([article_id]).get(article_id)
        return stored.title if stored is not None else ""

    @Slot(dict)
    def add_chart(self, config: dict) -> None:
        self._add(BriefingItem.chart_of(ChartConfig.from_dict(config)))

    def _items_changed(self) -> None:
        self._briefing.items = self.model.items
        self._changed()

    def _current_row(self) -> int:
        index = self.items_view.currentIndex()
        return index.row() if index.isValid() else -1

    @Slot()
    def remove_current_item(self) -> None:
        row = self._current_row()
        if row >= 0 and self.refusal is None:
            self.model.removeRows(row, 1)

    def move_current_item(self, delta: int) -> None:
        row = self._current_row()
        target = row + delta
        if row < 0 or not 0 <= target < self.model.rowCount() or self.refusal is not None:
            return
        self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (1 if delta > 0 else 0))
        self.items_view.setCurrentIndex(self.model.index(target))

    def _current_item_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        self._loading = True
        try:
            self.note_edit.setEnabled(item is not None)
            self.note_edit.setPlainText(item.note if item else "")
        finally:
            self._loading = False

    def _note_changed(self) -> None:
        if self._loading:
            return
        row = self._current_row()
        item = self.model.item(row)
        if item is None:
            return
        item.note = self.note_edit.toPlainText()
        self.model.item_changed(row)

    def _describe(self, item: BriefingItem) -> str:
        """A line for the list; figure lookups are cached because the list repaints often."""
        if item.kind == "chart" and item.chart is not None:
            return item.chart.describe()
        if item.kind == "passage":
            quote = " ".join(item.text.split())
            return f"“{quote[:90]}{'…' if len(quote) > 90 else ''}” — {item.label or f'article {item.article_id}'}"
        if item.kind == "figure":
            key = (item.article_id, item.figure_key)
            if key not in self._labels:
                view = self.workspace.article(item.article_id) if item.article_id else None
                figures = view.figures if view is not None else []
                found = next((f for f in figures if f.key == item.figure_key), None)
                self._labels[key] = (
                    briefings.figure_summary(found.figure) if found else f"figure {item.figure_key}"
                )
            return f"{self._labels[key]} — {item.label or f'article {item.article_id}'}"
        return item.label or f"Article {item.article_id}"

    # -- export -----------------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Ask where to save, offering the format chosen in the pane, then export.

        A file name ending in a known extension (.pdf, .html, .md) chooses the format, and the
        format box follows; any other name gets the chosen format's extension added. Either
        way the file's contents match its name.
        """
        fmt = self.format_box.currentData()
        filters = {kind: label for label, kind in _EXPORT_FILTERS}
        stem = (
            "".join(c if c.isalnum() or c in " -_" else "_" for c in self._briefing.title).strip()
            or "briefing"
        )
        path = save_file_name(
            self,
            "exportBriefing",
            "Export briefing",
            f"{stem}.{fmt}",
            ";;".join(filters.values()),
            filters[fmt],
        )
        if not path:
            return
        path, fmt = export_target(path, fmt)
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))
        self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str | None = None, page_size: str | None = None) -> None:
        """Write the briefing to `path` on a worker thread; exportFinished/exportFailed follow."""
        if self._job is not None:
            self._say("An export is already running.")
            return
        self.flush()
        fmt = fmt or self.format_box.currentData()
        snapshot = Briefing.from_dict(self._briefing.to_dict())  # the worker gets its own copy
        job = _ExportJob(
            self.workspace, snapshot, path, fmt, page_size or self.page_size_box.currentText()
        )
        job.signals.progress.connect(self._export_progress)
        job.signals.finished.connect(self._export_finished)
        job.signals.failed.connect(self._export_failed)
        self._job = job
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._say(f"Exporting to {path}…")
        self.exportStarted.emit(path)
        QThreadPool.globalInstance().start(job)

    def _export_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(what)

    def _export_done(self) -> None:
        self._job = None
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)

    def _export_finished(self, path: str) -> None:
        self._export_done()
        self._say(f"Exported {path}")
        self.exportFinished.emit(path)

    def _export_failed(self, message: str) -> None:
        self._export_done()
        self._say(message)
        self.exportFailed.emit(message)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.statusMessage.emit(text)


def export_target(path: str, fmt: str) -> tuple[str, str]:
    """The file and format to export to, given the name typed and the format chosen: a known
    extension in the name wins; otherwise the chosen format's extension is added."""
    named = _FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())
    if named is not None:
        return path, named
    return f"{path}.{fmt}", fmt


def install(window, workspace) -> BriefingPane:
    """Dock a briefing pane in the main window and wire its public signals and menu.

    Uses only the window's public face: the four add-to-briefing signals, `add_briefing_dock`,
    `briefing_menu` and the status bar.
    """
    pane = BriefingPane(workspace, window)
    window.addArticleToBriefing.connect(pane.add_article)
    window.addPassageToBriefing.connect(pane.add_passage)
    window.addFigureToBriefing.connect(pane.add_figure)
    window.addChartToBriefing.connect(pane.add_chart)
    window.add_briefing_dock(pane)
    menu = window.briefing_menu()
    menu.setToolTipsVisible(True)
    refuse(menu.addAction("&New briefing", pane.new_briefing), pane.refusal)
    menu.addAction("&Export briefing…", pane.ask_export)
    pane.statusMessage.connect(lambda text: window.statusBar().showMessage(text, 8000))
    # Saved before the window's library closes (the window may close to open another library).
    window.closing.connect(pane.flush)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(pane.flush)  # the last half second of typing is kept too
    return pane

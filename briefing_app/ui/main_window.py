"""The main window: assembles the search, reader, highlight and chart parts, menus and docks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolButton,
    QWidget,
)

from briefing_app.ui.article_actions import ArticleActions
from briefing_app.ui.chart import ChartPanel
from briefing_app.ui.dialogs import ImportSummaryDialog, LibraryInfoDialog, PreferencesDialog
from briefing_app.ui.file_dialogs import existing_folder, open_file_names
from briefing_app.ui.highlights import HighlightsPane
from briefing_app.ui.hooks import BriefingHooks
from briefing_app.ui.open_library import LibraryMenu
from briefing_app.ui.paste_dialog import copy_mime, import_from_mime, local_paths
from briefing_app.ui.reader import DEFAULT_FONT_SIZE, ReaderPanel
from briefing_app.ui.screen import fit_on_screen
from briefing_app.ui.search_panel import SORTS, SearchPanel
from briefing_app.ui.session import Session
from briefing_app.ui.status_bar import ElidingStatusBar
from briefing_app.ui.team_role import library_label, refuse
from briefing_app.ui.theme import THEMES, apply_theme
from briefing_app.ui.watcher import FolderWatcher

if TYPE_CHECKING:
    from briefing_app.core.workspace import ImportReport, Progress, Workspace
    from briefing_app.ui.workers import Job

STATUS_MS = 8000
# Settings are written this long after the last change, so a killed program loses at most that.
SAVE_SETTINGS_MS = 1000


class MainWindow(QMainWindow):
    # Another library, opened from the File menu and ready: the window keeper (windows.py)
    # puts a window on it in place of this one.
    libraryOpened = Signal(object)  # Workspace
    # Before the library closes with the window: unsaved work (a briefing) is saved now.
    closing = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Qt adds the application's display name ("… — Briefing Reader") itself.
        self.setWindowTitle(workspace.location)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.session = Session(workspace, self)
        self.rights = self.session.rights
        self.libraries = LibraryMenu(workspace, self)
        self.libraries.opened.connect(self.libraryOpened)
        self.briefing = BriefingHooks(self)
        # The briefing pane connects to these (the same signal instances the parts emit on).
        self.addArticleToBriefing = self.briefing.addArticleToBriefing
        self.addPassageToBriefing = self.briefing.addPassageToBriefing
        self.addFigureToBriefing = self.briefing.addFigureToBriefing
        self.addChartToBriefing = self.briefing.addChartToBriefing
        self.import_dialog: ImportSummaryDialog | None = None
        self.info_dialog: LibraryInfoDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.watcher = FolderWatcher(workspace, self)
        self.watcher.imported.connect(self._watched_imported)
        self.watcher.failed.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS * 2))
        self.jobs: list[Job] = []
        self._saved_state: QByteArray | None = None
        self._needs_default_sizes = False
        self._fit_when_shown = False
        self._closed = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_SETTINGS_MS)
        self._save_timer.timeout.connect(self.save_settings)

        self.reader = ReaderPanel(self, can_import=self.rights.import_refusal is None)
        self.search = SearchPanel(self.session, self.briefing, self)
        self.highlights = HighlightsPane(self.session, self.briefing, self)
        self.chart = ChartPanel(self.session, self.briefing, self)
        self.article = ArticleActions(self.session, self.briefing, self)
        self.reader.view.passage_enabled = lambda: self.briefing.enabled("addPassageToBriefing")
        self.reader.view.passageRequested.connect(self.briefing.addPassageToBriefing)
        self.reader.view.passage_refusal = self.rights.edit_refusal
        for action in (self.article.star, self.article.unread, self.article.edit):
            self.reader.add_tool(action)

        self.setCentralWidget(self.reader)
        self.search_dock = self._dock(
            "Search", "searchDock", self.search, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.highlights_dock = self._dock(
            "In this article",
            "highlightsDock",
            self.highlights,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.chart_dock = self._dock(
            "Troop figures", "chartDock", self.chart, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self._build_status_bar()
        self._build_menus()
        self._connect()

    # -- assembly -------------------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState find docks by name
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def add_briefing_dock(self, widget: QWidget, title: str = "Briefing") -> QDockWidget:
        """Dock the briefing pane beside the highlights, list it in the View menu, and let the
        "add to briefing" actions appear (they show once the signals above are connected)."""
        dock = self._dock(title, "briefingDock", widget, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.highlights_dock, dock)
        # What the open article names stays in front; the briefing is one click away.
        self.highlights_dock.raise_()
        self.docks_menu.addAction(dock.toggleViewAction())
        if self._saved_state is not None:
            self.restoreState(self._saved_state)
        self.refresh_briefing_actions()
        return dock

    def briefing_menu(self) -> QMenu:
        """A "Briefing" menu before Help, created on first use, for the briefing pane's actions."""
        menu = getattr(self, "_briefing_menu", None)
        if menu is None:
            menu = QMenu("&Briefing", self)
            self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
            self._briefing_menu = menu
        return menu

    def refresh_briefing_actions(self) -> None:
        self.article.sync_actions()
        self.chart.update_briefing_button()

    def _build_status_bar(self) -> None:
        bar = ElidingStatusBar(self)
        self.setStatusBar(bar)
        bar.setSizeGripEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_jobs)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.count_label)
        # Which library is open and as whom: on a team library what may be done depends on it.
        self.library_label = QLabel(library_label(self.session.workspace, self.rights), self)
        self.library_label.setObjectName("muted")
        self.library_label.setToolTip(self.session.workspace.location)
        self.library_label.setVisible(self.rights.team)
        bar.addPermanentWidget(self.library_label)

    def _build_menus(self) -> None:
        menubar = self.menuBar()
        file_menu = menubar.addMenu("&File")
        # Greyed-out entries say why in their tooltips.
        file_menu.setToolTipsVisible(True)
        file_menu.addAction(self.libraries.open_team)
        file_menu.addAction(self.libraries.open_local)
        file_menu.addSeparator()
        self.import_files_action = self._action(
            file_menu, "&Import Files…", self.choose_import_files, "Ctrl+O"
        )
        self.import_folder_action = self._action(
            file_menu, "Import &Folder…", self.choose_import_folder, "Ctrl+Shift+O"
        )
        self.paste_action = self._action(
            file_menu, "Import from &Clipboard…", self.import_clipboard, "Ctrl+Shift+V"
        )
        self._set_import_actions(enabled=True)
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, "&Export Chart…", lambda: self.chart.choose_export(".png"), "Ctrl+E"
        )
        file_menu.addSeparator()
        self.reindex_action = self._action(file_menu, "&Re-index Library", self.reindex)
        self._set_reindex_action(enabled=True)
        self._action(file_menu, "Library &Info…", self.show_library_info, "Ctrl+I")
        self._action(
            file_menu, "&Preferences…", self.show_preferences, QKeySequence.StandardKey.Preferences
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        search_menu = menubar.addMenu("&Search")
        focus = self._action(
            search_menu, "&Find…", self.focus_search, QKeySequence.StandardKey.Find
        )
        focus.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+L")])
        search_menu.addAction(self.search.unread_action)
        search_menu.addAction(self.search.starred_action)
        self._action(search_menu, "&Clear Filters", self.search.clear_chips)
        sort_menu = search_menu.addMenu("&Sort By")
        for i, (label, _value) in enumerate(SORTS):
            sort_action = sort_menu.addAction(label)
            sort_action.triggered.connect(
                lambda _checked=False, i=i: self.search.sort_combo.setCurrentIndex(i)
            )
        search_menu.addSeparator()
        self._action(search_menu, "Search &Syntax…", self.search.show_help, "F1")

        article_menu = menubar.addMenu("&Article")
        article_menu.setToolTipsVisible(True)
        for action in (self.article.star, self.article.unread, self.article.edit):
            article_menu.addAction(action)
        article_menu.addSeparator()
        article_menu.addAction(self.article.to_briefing)

        view_menu = menubar.addMenu("&View")
        self.docks_menu = view_menu.addMenu("&Panels")
        for dock in (self.search_dock, self.highlights_dock, self.chart_dock):
            self.docks_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        for action in (self.reader.zoom_in, self.reader.zoom_out, self.reader.zoom_reset):
            view_menu.addAction(action)
            self.addAction(action)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in THEMES:
            action = QAction(name.capitalize(), self, checkable=True)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action
        view_menu.addSeparator()
        self._action(view_menu, "&Reset Layout", self.reset_layout)

        self.help_menu = menubar.addMenu("&Help")
        self.help_menu.addAction("Search &Syntax", self.search.show_help)
        self.help_menu.addAction("&About Briefing Reader", self.show_library_info)

    def _action(self, menu: QMenu, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        s, search = self.session, self.search
        search.articleSelected.connect(lambda i: self.article.open(i, search.terms_for(i)))
        search.articleOpened.connect(self._open_and_read)
        search.articleReselected.connect(self.article.reread)
        search.status.connect(self.count_label.setText)
        search.searchFinished.connect(lambda r: self.chart.set_result_ids(r.all_ids))
        search.searchFailed.connect(lambda _message: self.chart.set_result_ids([]))
        self.article.shown.connect(self.reader.show_article)
        self.article.shown.connect(lambda view, _terms: self.highlights.set_article(view))
        self.highlights.spanActivated.connect(self.reader.view.flash)
        self.highlights.filterRequested.connect(search.add_chip)
        self.chart.figureActivated.connect(self.show_figure)
        s.flagsChanged.connect(self._article_row_changed)
        s.articleChanged.connect(self._article_row_changed)
        s.articleChanged.connect(lambda _id: self.chart.refresh())
        s.figuresChanged.connect(lambda _id: self.chart.refresh())
        s.libraryChanged.connect(search.search_now)
        s.libraryChanged.connect(self.chart.refresh)
        s.jobStarted.connect(self._job_started)
        s.error.connect(lambda message: self.statusBar().showMessage(message, STATUS_MS * 2))
        # What the user set up is kept as it changes, not only at File → Quit: a program killed
        # without a signal handler's chance (SIGKILL, a crash, power loss) still restores it.
        # A search follows every query or sort change, a redraw every chart setting.
        search.box.textChanged.connect(self.settings_changed)
        search.searchFinished.connect(self.settings_changed)
        self.chart.drawn.connect(self.settings_changed)
        self.reader.legend.changed.connect(self.settings_changed)
        for action in (self.reader.zoom_in, self.reader.zoom_out, self.reader.zoom_reset):
            action.triggered.connect(self.settings_changed)

    # -- opening articles ------------------------------------------------------------------------------

    def _open_and_read(self, article_id: int) -> None:
        if self.article.article_id != article_id:
            self.article.open(article_id, self.search.terms_for(article_id))
        self.reader.view.setFocus()

    def show_figure(self, article_id: int, start: int, end: int) -> None:
        """Open an article (if not already open) at a figure and flash it."""
        if self.article.article_id != article_id:
            row = self.search.model.row_of(article_id)
            if row >= 0:
                self.search.select_row(row)
            else:
                self.article.open(article_id, [])
        self.reader.view.flash(start, end)

    def _article_row_changed(self, article_id: int) -> None:
        stored = self.session.workspace.articles([article_id]).get(article_id)
        if stored is not None:
            self.search.model.update_article(stored)

    # -- importing and jobs ------------------------------------------------------------------------------

    def choose_import_files(self) -> None:
        paths = open_file_names(
            self,
            "importFiles",
            "Import articles",
            "Articles (*.txt *.md *.html *.htm *.json *.jsonl *.gz *.pdf *.docx *.odt *.rtf"
            " *.eml *.mbox);;All files (*)",
        )
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        folder = existing_folder(self, "importFolder", "Import a folder of articles")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> Job:
        job = self.session.import_paths(paths)
        job.finished.connect(self._import_finished)
        return job

    def _import_finished(self, report: ImportReport) -> None:
        self.statusBar().showMessage(f"Import: {report.summary()}", STATUS_MS)
        self.import_dialog = ImportSummaryDialog(report, self)
        self.import_dialog.show()

    def reindex(self) -> Job:
        job = self.session.reindex()
        job.finished.connect(
            lambda n: self.statusBar().showMessage(f"Re-indexed {n:,} articles.", STATUS_MS)
        )
        return job

    def _job_started(self, job: Job) -> None:
        self.jobs.append(job)
        self.progress.setRange(0, 0)
        self.progress.setFormat(f"{job.title}…")
        self.progress.show()
        self.cancel_button.show()
        self._set_import_actions(enabled=False)
        self._set_reindex_action(enabled=False)
        job.progress.connect(self._job_progress)
        job.finished.connect(lambda _r, j=job: self._job_done(j))
        job.failed.connect(lambda message, j=job: self._job_done(j, message))

    def _job_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))
            left = progress.seconds_left
            eta = f" · {left:.0f} s left" if left is not None and left >= 1 else ""
            self.progress.setFormat(f"{progress.stage} %v/%m{eta}")
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(f"{progress.stage}…")

    def _job_done(self, job: Job, error: str | None = None) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if error:
            self.statusBar().showMessage(f"{job.title} failed: {error}", STATUS_MS * 2)
        if not self.jobs:
            self.progress.hide()
            self.cancel_button.hide()
            self._set_import_actions(enabled=True)
            self._set_reindex_action(enabled=True)

    def _set_import_actions(self, *, enabled: bool) -> None:
        """Import is offered when no job runs and the connected role may import."""
        refusal = self.rights.import_refusal
        for action in (self.import_files_action, self.import_folder_action, self.paste_action):
            action.setEnabled(enabled and refusal is None)
            refuse(action, refusal)

    def _set_reindex_action(self, *, enabled: bool) -> None:
        """Re-indexing is offered when no job runs and the library has an index of its own."""
        refusal = self.rights.reindex_refusal
        self.reindex_action.setEnabled(enabled and refusal is None)
        refuse(self.reindex_action, refusal)

    def cancel_jobs(self) -> None:
        for job in self.jobs:
            job.cancel()
        self.progress.setFormat("Cancelling…")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        refusal = self.rights.import_refusal
        if refusal is not None:
            # The drop is refused where the pointer is, and the status bar says why.
            event.ignore()
            self.statusBar().showMessage(refusal, STATUS_MS)
            return
        mime = event.mimeData()
        if local_paths(mime) or mime.hasHtml() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.rights.import_refusal is not None:
            event.ignore()
            return
        mime = event.mimeData()
        paths = [str(p) for p in local_paths(mime)]
        event.acceptProposedAction()
        if paths:
            self.import_paths(paths)
        elif mime.hasHtml() or mime.hasText():
            # The drag's data dies with the drop: copy it, and open the dialog after the drop
            # has returned so no modal dialog runs inside the drag.
            copy = copy_mime(mime)
            QTimer.singleShot(0, lambda: self.import_mime(copy))

    def import_clipboard(self) -> ImportReport | None:
        return self.import_mime(QApplication.clipboard().mimeData())

    def import_mime(self, mime) -> ImportReport | None:
        """Pasted or dropped text or HTML: confirm title, date and source, then import."""
        if self.rights.import_refusal is not None:
            self.statusBar().showMessage(self.rights.import_refusal, STATUS_MS)
            return None
        report = import_from_mime(self, self.session.workspace, mime)
        if report is not None:
            self.statusBar().showMessage(f"Import: {report.summary()}", STATUS_MS)
            self.session.libraryChanged.emit()
        return report

    def _watched_imported(self, report: ImportReport) -> None:
        if report.imported or report.updated or getattr(report, "missing", None):
            self.statusBar().showMessage(f"Watched folders: {report.summary()}", STATUS_MS)
            self.session.libraryChanged.emit()

    def show_preferences(self) -> PreferencesDialog:
        self.preferences_dialog = PreferencesDialog(self.session.workspace, self.watcher, self)
        self.preferences_dialog.show()
        return self.preferences_dialog

    # -- other commands --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        if not self.search_dock.isVisible():
            self.search_dock.show()
        self.search.box.setFocus()
        self.search.box.selectAll()

    def show_library_info(self) -> LibraryInfoDialog:
        self.info_dialog = LibraryInfoDialog(self.session.workspace.stats(), self)
        self.info_dialog.show()
        return self.info_dialog

    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)
        self.theme_actions[name].setChecked(True)
        self._theme = name
        self.reader.legend.recolor()
        self.chart.apply_palette()
        if self.reader.view.view is not None:
            self.reader.view.set_hidden(self.reader.view.hidden)  # re-render with the new colours

    def reset_layout(self) -> None:
        for dock in (self.search_dock, self.highlights_dock, self.chart_dock):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.highlights_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.chart_dock)
        self._default_sizes()

    def _default_sizes(self) -> None:
        width, height = self.width(), self.height()
        self.resizeDocks(
            [self.search_dock, self.highlights_dock],
            [int(width * 0.27), int(width * 0.22)],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks([self.chart_dock], [int(height * 0.3)], Qt.Orientation.Vertical)

    # -- start and finish ------------------------------------------------------------------------------

    def start(self) -> None:
        """Restore settings, say what opening the library did, and run the first search."""
        self.restore_settings()
        for notice in self.session.workspace.notices:
            self.statusBar().showMessage(notice, STATUS_MS)
        if self.session.workspace.maintenance_needed():
            self.session.maintain()
        self.search.search_now()
        if self.chart.scope_combo.currentData() == "library":
            self.chart.refresh()
        # Files added to watched folders while the program was closed are imported now, by
        # someone who may import (the watched folders of a team library are the team's).
        if self.rights.import_refusal is None:
            self.watcher.start()

    def restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            # Saved on another screen, or under a window manager that is gone: keep it visible,
            # now and again once shown, when the frame around it is known.
            fit_on_screen(self)
            self._fit_when_shown = True
        else:
            self.resize(1280, 800)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._saved_state = state
            self.restoreState(state)
        else:
            self._needs_default_sizes = True
        splitter = settings.value("search/splitter")
        if isinstance(splitter, QByteArray):
            self.search.splitter.restoreState(splitter)
        else:
            self.search.splitter.setSizes([520, 200])
        self.reader.view.apply_font_size(
            _int_setting(settings.value("reader/fontSize"), DEFAULT_FONT_SIZE)
        )
        # An INI file gives back a one-item list as that item.
        hidden = settings.value("reader/hidden", [])
        self.reader.legend.set_hidden(
            {str(h) for h in hidden}
            if isinstance(hidden, list)
            else {str(hidden)}
            if hidden
            else set()
        )
        sort = self.search.sort_combo.findData(settings.value("search/sort", "relevance"))
        self.search.sort_combo.blockSignals(True)
        self.search.sort_combo.setCurrentIndex(max(0, sort))
        self.search.sort_combo.blockSignals(False)
        self.search.request.sort = self.search.sort_combo.currentData()
        self.search.box.setText(str(settings.value("search/query", "")))
        try:
            config = json.loads(str(settings.value("chart/config", "{}")))
        except ValueError:
            config = {}
        self.chart.set_config(config)
        theme = str(settings.value("view/theme", "system"))
        self.set_theme(theme if theme in THEMES else "system")

    def settings_changed(self, *_args: object) -> None:
        """Save the settings shortly, once changes stop coming."""
        if not self._closed:
            self._save_timer.start()

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("search/splitter", self.search.splitter.saveState())
        settings.setValue("reader/fontSize", self.reader.view.font_size)
        settings.setValue("reader/hidden", sorted(self.reader.legend.hidden()))
        settings.setValue("search/query", self.search.box.text())
        settings.setValue("search/sort", self.search.sort_combo.currentData())
        settings.setValue("chart/config", json.dumps(self.chart.config()))
        settings.setValue("view/theme", getattr(self, "_theme", "system"))
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            QTimer.singleShot(0, lambda: fit_on_screen(self))
        if self._needs_default_sizes:
            # Dock sizes only take once the window has its real size.
            self._needs_default_sizes = False
            QTimer.singleShot(0, self._default_sizes)

    @property
    def closed(self) -> bool:
        """Whether the window has closed (and its library with it)."""
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.closing.emit()
            self._save_timer.stop()
            self.save_settings()
            for dialog in (
                self.import_dialog,
                self.info_dialog,
                self.preferences_dialog,
                self.search.help,
                self.libraries.dialog,
            ):
                if dialog is not None:
                    dialog.close()
            self.watcher.stop()
            self.session.shutdown()
        super().closeEvent(event)


def _int_setting(value: object, default: int) -> int:
    """A stored whole number (an INI file gives it back as text), or `default` when it is
    missing or damaged: a bad settings file must not stop the window from opening."""
    try:
        return int(value) if isinstance(value, (int, str)) else default
    except ValueError:
        return default

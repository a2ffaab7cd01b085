"""The search side: query box, sort, filter chips, results list, facets and "did you mean"."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from briefing_app.core.workspace import QueryError
from briefing_app.ui.chips import Chip, ChipBar
from briefing_app.ui.delegates import ResultDelegate
from briefing_app.ui.dialogs import QueryHelp
from briefing_app.ui.highlights_html import search_terms
from briefing_app.ui.models import FacetsModel, FacetValue, ResultsModel, Role, result_rows
from briefing_app.ui.team_role import refuse
from briefing_app.ui.workers import LatestOnly

if TYPE_CHECKING:
    from briefing_app.core.workspace import HitSummary, SearchResult
    from briefing_app.ui.hooks import BriefingHooks
    from briefing_app.ui.session import Session

# A search of the page costs tens of milliseconds and stale answers are dropped (and stale
# requests never started), so the pause that counts as "stopped typing" can be short.
DEBOUNCE_MS = 60
PAGE_SIZE = 50
SORTS = (("Relevance", "relevance"), ("Newest first", "date"), ("Oldest first", "date_asc"))
# The first word of a query that is a plain word (not an operator, field or pattern).
_PLAIN_WORD_RE = re.compile(r"(?<![\w:*?~\"])([^\W\d_][\w'’.-]*)(?![\w:*?~\"])")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


def no_result_tips(query: str, filtered: bool) -> list[str]:
    """Tips for a search that found nothing, in terms of what the user typed."""
    words = [w for w in _PLAIN_WORD_RE.findall(query) if w not in _OPERATORS]
    if words:
        fuzzy = html.escape(words[0] + "~")
        spelling = f"Check the spelling, or add <code>~</code> for similar spellings (<code>{fuzzy}</code>)."
    else:
        spelling = "Check the spelling, or add <code>~</code> to a word for similar spellings."
    tips = [
        spelling,
        "Use fewer words, or <code>OR</code> between them.",
        "Use <code>*</code> for word endings: <code>deploy*</code>.",
    ]
    if filtered:
        tips.append("Remove a filter chip above to widen the search.")
    return tips


@dataclass
class SearchRequest:
    query: str = ""
    sort: str = "relevance"
    chips: list[Chip] = field(default_factory=list)

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for Workspace.search."""
        filters: dict[str, list[str]] = {}
        since = until = None
        for chip in self.chips:
            if chip.key == "since":
                since = chip.value
            elif chip.key == "until":
                until = chip.value
            elif chip.key == "read":
                filters["read"] = ["false"]
            elif chip.key == "starred":
                filters["starred"] = ["true"]
            else:
                filters.setdefault(chip.key, []).append(chip.value)
        return {"sort": self.sort, "since": since, "until": until, "filters": filters or None}


class ResultsView(QListView):
    """The results list: Enter opens the current article for reading."""

    opened = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    articleSelected = Signal(int)  # current result changed: show it
    # The article already shown was chosen again (clicked, or found again by a new search): read
    # it again, since another person or process may have corrected or edited it meanwhile.
    articleReselected = Signal(int)
    articleOpened = Signal(int)  # Enter / double-click: show it and move to the reader
    resultsShown = Signal(object)  # SearchResult of a new search's first page, not yet counted
    searchFinished = Signal(object)  # the same SearchResult once counted: total, facets, all_ids
    pageLoaded = Signal(object)  # SearchResult of a further page
    searchFailed = Signal(str)
    status = Signal(str)

    def __init__(
        self, session: Session, hooks: BriefingHooks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.hooks = hooks
        self.request = SearchRequest()
        self.result: SearchResult | None = None
        # Searches get threads of their own: in the shared pool they would wait behind a chart
        # redraw or an import batch. Two threads (the page and its count), kept alive, so each
        # keeps its Whoosh searcher open between searches.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._pool.setExpiryTimeout(-1)
        self._searcher = LatestOnly(self, self._pool)
        self._searcher.finished.connect(self._deliver)
        self._searcher.failed.connect(self._failed)
        # Counting (total, facets, ids for the chart) runs as a second request after the page
        # is shown, in its own queue so that loading more rows does not cancel it.
        self._counter = LatestOnly(self, self._pool)
        self._counter.finished.connect(self._counted)
        self._counter.failed.connect(self._failed)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)

        # -- query row
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search the library…  (Ctrl+F)")
        self.box.setClearButtonEnabled(True)
        self.box.textEdited.connect(self._typed)
        self.box.returnPressed.connect(self.search_now)
        self.box.installEventFilter(self)
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setToolTip("Search syntax")
        self.help_button.clicked.connect(self.show_help)
        self.help: QueryHelp | None = None

        # -- sort and filter row
        self.sort_combo = QComboBox(self)
        for label, value in SORTS:
            self.sort_combo.addItem(label, value)
        self.sort_combo.setToolTip("Order of the results")
        self.sort_combo.currentIndexChanged.connect(self._sort_changed)
        self.filter_button = QToolButton(self)
        self.filter_button.setText("Filter")
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = QMenu(self)
        self.unread_action = QAction("Unread only", self, checkable=True)
        self.starred_action = QAction("Starred only", self, checkable=True)
        self.unread_action.toggled.connect(lambda on: self._toggle_chip(Chip("read", "false"), on))
        self.starred_action.toggled.connect(
            lambda on: self._toggle_chip(Chip("starred", "true"), on)
        )
        self.filter_menu.addAction(self.unread_action)
        self.filter_menu.addAction(self.starred_action)
        self.filter_menu.addSeparator()
        self.filter_menu.addAction(self._date_range_action())
        self.filter_button.setMenu(self.filter_menu)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")

        self.chip_bar = ChipBar(self)
        self.chip_bar.removed.connect(self.remove_chip)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #dc2626")
        self.error_label.hide()
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.linkActivated.connect(self._link)
        self.suggestion_label.hide()

        # -- results
        self.model = ResultsModel(self)
        self.model.moreWanted.connect(self.load_page)
        self.list = ResultsView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.clicked.connect(self._clicked)
        self.list.viewport().installEventFilter(self)
        self._pressed_on_current = False
        self.list.opened.connect(self._open)
        self.list.doubleClicked.connect(self._open)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setContentsMargins(12, 12, 12, 12)
        self.empty.linkActivated.connect(self._link)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        # Scrolls rather than cuts its end off in a short panel.
        self.empty_page = QScrollArea(self)
        self.empty_page.setWidgetResizable(True)
        self.empty_page.setFrameShape(QFrame.Shape.NoFrame)
        self.empty_page.setWidget(self.empty)
        self.stack.addWidget(self.empty_page)

        # -- facets
        self.facets = FacetsModel(self)
        self.facet_view = QTreeView(self)
        self.facet_view.setModel(self.facets)
        self.facet_view.setHeaderHidden(True)
        self.facet_view.setUniformRowHeights(True)
        self.facet_view.header().setStretchLastSection(False)
        self.facet_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.facet_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.facet_view.setToolTip("Click a name to show only the articles that mention it")
        self.facet_view.clicked.connect(self._facet_clicked)
        facet_box = QWidget(self)
        facet_layout = QVBoxLayout(facet_box)
        facet_layout.setContentsMargins(0, 6, 0, 0)
        facet_title = QLabel("Narrow by", facet_box)
        facet_title.setObjectName("heading")
        facet_layout.addWidget(facet_title)
        facet_layout.addWidget(self.facet_view)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(facet_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.box, 1)
        top.addWidget(self.help_button)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.sort_combo)
        row.addWidget(self.filter_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        self.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(self.chip_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.suggestion_label)
        layout.addWidget(self.splitter, 1)

    # -- the date range popup -----------------------------------------------------------------------

    def _date_range_action(self) -> QWidgetAction:
        box = QWidget(self)
        since, until = QLineEdit(box), QLineEdit(box)
        since.setPlaceholderText("since, e.g. 2015")
        until.setPlaceholderText("until, e.g. 2017-06")
        apply = QPushButton("Apply dates", box)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 6, 10, 6)
        title = QLabel("Date range", box)
        title.setObjectName("heading")
        layout.addWidget(title)
        layout.addWidget(since)
        layout.addWidget(until)
        layout.addWidget(apply)
        self.since_edit, self.until_edit = since, until

        def apply_dates() -> None:
            self.set_date_range(since.text().strip() or None, until.text().strip() or None)
            self.filter_menu.close()

        apply.clicked.connect(apply_dates)
        since.returnPressed.connect(apply_dates)
        until.returnPressed.connect(apply_dates)
        action = QWidgetAction(self)
        action.setDefaultWidget(box)
        return action

    def set_date_range(self, since: str | None, until: str | None) -> None:
        chips = [c for c in self.request.chips if c.key not in ("since", "until")]
        if since:
            chips.append(Chip("since", since))
        if until:
            chips.append(Chip("until", until))
        self._set_chips(chips)

    # -- filters -------------------------------------------------------------------------------------

    def add_chip(self, key: str, value: str) -> None:
        chip = Chip(key, value)
        if chip not in self.request.chips:
            self._set_chips([*self.request.chips, chip])

    def remove_chip(self, chip: Chip) -> None:
        self._set_chips([c for c in self.request.chips if c != chip])

    def clear_chips(self) -> None:
        self._set_chips([])

    def _toggle_chip(self, chip: Chip, on: bool) -> None:
        if on:
            self.add_chip(chip.key, chip.value)
        else:
            self.remove_chip(chip)

    def _set_chips(self, chips: list[Chip]) -> None:
        self.request.chips = chips
        self.chip_bar.set_chips(chips)
        for action, key in ((self.unread_action, "read"), (self.starred_action, "starred")):
            action.blockSignals(True)
            action.setChecked(any(c.key == key for c in chips))
            action.blockSignals(False)
        self.search_now()

    def _facet_clicked(self, index: QModelIndex) -> None:
        item = self.facets.item(index)
        if isinstance(item, FacetValue):
            self.add_chip(item.filter_key, item.value)

    # -- searching ----------------------------------------------------------------------------------

    def set_query(self, text: str, *, now: bool = True) -> None:
        self.box.setText(text)
        self.request.query = text
        if now:
            self.search_now()

    def _typed(self, text: str) -> None:
        self.request.query = text
        self._debounce.start()

    def _sort_changed(self) -> None:
        self.request.sort = self.sort_combo.currentData()
        self.search_now()

    def search_now(self) -> None:
        """Search with what the box and chips say now; the result arrives in searchFinished."""
        self._debounce.stop()
        self.request.query = self.box.text()
        workspace = self.session.workspace
        query, kwargs = self.request.query, self.request.kwargs()

        def run() -> tuple[SearchResult, list]:
            result = workspace.search(query, page=1, page_size=PAGE_SIZE, facets=False, **kwargs)
            articles = workspace.articles([h.id for h in result.hits])
            return result, result_rows(result, articles)

        self._searcher.submit(run)

    def load_page(self, page: int) -> None:
        if self._searcher.pending or self.result is None:
            self.model.set_loading(False)  # a new search is coming; it replaces this list
            return
        workspace = self.session.workspace
        query, kwargs = self.result.query, self.request.kwargs()

        def run() -> tuple[SearchResult, list]:
            result = workspace.search(query, page=page, page_size=PAGE_SIZE, facets=False, **kwargs)
            articles = workspace.articles([h.id for h in result.hits])
            return result, result_rows(result, articles)

        self._searcher.submit(run)

    def _deliver(self, value: tuple[SearchResult, list]) -> None:
        result, rows = value
        self.error_label.hide()
        if result.page > 1:
            self.model.append_rows(rows, result.page)
            if self.result is None or self.result.total is None:
                self.model.set_total(len(self.model.rows) + (1 if result.more else 0))
            self.pageLoaded.emit(result)
            return
        previous = self.current_article_id()
        self.result = result
        # Until counted, the list knows only whether one more page exists.
        total = result.total if result.total is not None else len(rows) + int(result.more)
        self.model.set_rows(rows, total, 1)
        self.facet_view.setEnabled(False)  # the old facets stay, greyed, until the new ones
        self._show_suggestion(result)
        self.count_label.setText("counting…" if rows else "0 articles")
        self.stack.setCurrentWidget(self.list if rows else self.empty_page)
        if previous is not None and (row := self.model.row_of(previous)) >= 0:
            # Keep the article the user is reading selected when a refresh still finds it.
            self.list.selectionModel().blockSignals(True)
            self.list.setCurrentIndex(self.model.index(row))
            self.list.selectionModel().blockSignals(False)
            self.articleReselected.emit(previous)
        self.resultsShown.emit(result)
        if self._debounce.isActive():
            # The user has typed again: this page is already on its way out, and counting it
            # (and redrawing the chart over its articles) would only delay the next one.
            return
        workspace = self.session.workspace
        kwargs = self.request.kwargs()
        kwargs.pop("sort")

        def count() -> tuple[SearchResult, HitSummary]:
            return result, workspace.summarize(result.query, **kwargs)

        self._counter.submit(count)

    def _counted(self, value: tuple[SearchResult, HitSummary]) -> None:
        result, summary = value
        if result is not self.result:
            return  # counted for a search that has since been replaced
        result.add_summary(summary)
        self._show_suggestion(result)
        self.model.set_total(summary.total)
        self.facets.set_facets(summary.facets)
        self.facet_view.expandAll()
        self.facet_view.setEnabled(True)
        noun = "article" if summary.total == 1 else "articles"
        self.count_label.setText(f"{summary.total:,} {noun}")
        self.status.emit(f"{summary.total:,} {noun} · {result.elapsed * 1000:.0f} ms")
        self.searchFinished.emit(result)

    def _failed(self, exc: Exception) -> None:
        message = str(exc) if isinstance(exc, QueryError) else f"Search failed: {exc}"
        # The previous query's results would read as this one's: the list, the count and the
        # facets show that this query found nothing, the box keeps what was typed to be fixed.
        self.result = None
        self.model.set_rows([], 0, 1)
        self.facets.set_facets({})
        self.suggestion_label.hide()
        self.count_label.setText("0 articles")
        self.empty.setText(
            "<p>No results: the search above could not be run.</p>"
            "<p><a href='help:'>Search syntax…</a></p>"
        )
        self.stack.setCurrentWidget(self.empty_page)
        self.error_label.setText(message)
        self.error_label.show()
        self.searchFailed.emit(message)
        self.status.emit(message)

    def _show_suggestion(self, result: SearchResult) -> None:
        esc = html.escape
        if result.suggestion and result.hits:
            self.suggestion_label.setText(
                f"Did you mean <a href='suggest:{esc(result.suggestion)}'><b>{esc(result.suggestion)}</b></a>?"
            )
            self.suggestion_label.show()
        else:
            self.suggestion_label.hide()
        if result.hits:
            return
        parts = [
            f"<p style='font-size:13pt'>No articles match <b>{esc(result.query) or 'these filters'}</b>.</p>"
        ]
        if result.suggestion:
            parts.append(
                f"<p>Did you mean <a href='suggest:{esc(result.suggestion)}'><b>{esc(result.suggestion)}</b></a>?</p>"
            )
        # The links before the tips: in a short panel they stay in sight.
        links = ["<a href='help:'>Search syntax…</a>"]
        if self.request.chips:
            links.insert(0, "<a href='clear:'>Remove all filters</a>")
        parts.append(f"<p>{' · '.join(links)}</p>")
        tips = "".join(
            f"<li>{t}</li>" for t in no_result_tips(result.query, bool(self.request.chips))
        )
        parts.append(f"<p>Tips:</p><ul>{tips}</ul>")
        self.empty.setText("".join(parts))

    def _link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "suggest":
            self.set_query(html.unescape(value))
        elif kind == "clear":
            self.clear_chips()
        elif kind == "help":
            self.show_help()

    def show_help(self) -> QueryHelp:
        if self.help is None:
            self.help = QueryHelp(self)
        self.help.show()
        self.help.raise_()
        return self.help

    # -- results -------------------------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(Role.ArticleId) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row))

    def terms_for(self, article_id: int) -> list[str]:
        """The words to mark in the reader for an article opened from these results."""
        row = self.model.row_of(article_id)
        snippet = self.model.rows[row].snippet if row >= 0 else ""
        query = self.result.query if self.result else self.request.query
        return search_terms(query, snippet) if query.strip() else []

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.articleSelected.emit(current.data(Role.ArticleId))

    def _clicked(self, index: QModelIndex) -> None:
        # A click that changed the current result has already shown it (currentChanged).
        if index.isValid() and self._pressed_on_current:
            self.articleReselected.emit(index.data(Role.ArticleId))
        self._pressed_on_current = False

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.articleOpened.emit(index.data(Role.ArticleId))

    def _menu(self, pos: Any) -> None:
        menu = self.menu_for(self.list.indexAt(pos))
        if menu is not None:
            menu.exec(self.list.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The right-click menu of the result at `index` (None where there is no result)."""
        if not index.isValid():
            return None
        article_id = index.data(Role.ArticleId)
        read, starred = index.data(Role.Read), index.data(Role.Starred)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # a greyed-out entry says why
        menu.addAction("Open", lambda: self._open(index))
        menu.addAction(
            "Mark as unread" if read else "Mark as read",
            lambda: self.session.set_read(article_id, not read),
        )
        menu.addAction(
            "Unstar" if starred else "Star",
            lambda: self.session.set_starred(article_id, not starred),
        )
        if self.hooks.enabled("addArticleToBriefing"):
            menu.addSeparator()
            add = menu.addAction(
                "Add to briefing", lambda: self.hooks.addArticleToBriefing.emit(article_id)
            )
            refuse(add, self.session.rights.edit_refusal)
        return menu

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.list.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            # Seen before the list moves its current row: whether the click chose it again.
            index = self.list.indexAt(event.position().toPoint())
            self._pressed_on_current = index.isValid() and index == self.list.currentIndex()
        # Up/Down in the search box move through the results, as in a mail client.
        if (
            obj is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.list.currentIndex().row()
                row = row + 1 if event.key() == Qt.Key.Key_Down else row - 1
                self.select_row(max(0, min(row, self.model.rowCount() - 1)))
                return True
        return super().eventFilter(obj, event)

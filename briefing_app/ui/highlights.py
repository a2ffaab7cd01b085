"""The highlight pane: who and what the open article names, and its figures, as a tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.ui.delegates import TwoLineDelegate
from briefing_app.ui.dialogs import CorrectFigureDialog
from briefing_app.ui.models import HighlightItem, HighlightsModel
from briefing_app.ui.team_role import refuse

if TYPE_CHECKING:
    from briefing_app.core.workspace import ArticleView
    from briefing_app.ui.hooks import BriefingHooks
    from briefing_app.ui.session import Session


def no_article_text(*, can_edit: bool) -> str:
    """What the pane says with no article open; correcting is offered only to whom may."""
    right_click = "filter the library by it or to correct a troop figure"
    return (
        "<p>No article open.</p>"
        "<p>Open one from the results and this pane lists the people, places, organisations and"
        " nationalities it names, and its figures: troops, money, equipment and dates.</p>"
        "<p>Click an entry to find it in the text; right-click to"
        f" {right_click if can_edit else 'filter the library by it'}.</p>"
    )


NOTHING_FOUND_TEXT = (
    "<p>This article names no people, places or organisations the extractor knows,"
    " and gives no figures.</p>"
)


def entity_filter(item: HighlightItem) -> tuple[str, str] | None:
    """The search filter (key, value) that finds other articles naming this entity."""
    if item.kind == "PERSON":
        return "person", item.label
    if item.kind == "ORG":
        return "org", item.label
    if item.kind in ("GPE", "NORP"):
        # Whether a place is a country is the extractor's call; ask it rather than guess.
        from briefing_app.core.extract import facet_values
        from briefing_app.core.extract.records import Entity, Extraction

        start, end = item.spans[0]
        values = facet_values(
            Extraction(entities=[Entity(item.label, item.kind, item.label, start, end)])
        )
        for facet, key in (("countries", "country"), ("places", "place")):
            if values.get(facet):
                return key, values[facet][0]
    return None


class HighlightsPane(QWidget):
    spanActivated = Signal(int, int)  # body offsets to scroll to and flash
    filterRequested = Signal(str, str)  # search filter key, value

    def __init__(
        self, session: Session, hooks: BriefingHooks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.hooks = hooks
        # A reader (no right to edit) is not shown the pencil that invites a correction.
        self.model = HighlightsModel(self, pencil=session.rights.edit)
        self.no_article_text = no_article_text(can_edit=session.rights.edit)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(TwoLineDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setAlternatingRowColors(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.clicked.connect(self.activate)
        self.tree.activated.connect(self.activate)
        self.dialog: CorrectFigureDialog | None = None
        self._cycle: dict[tuple[str, str], int] = {}
        self.setMinimumWidth(240)
        # Until an article is open (or when it names nothing), say what the pane is for.
        self.placeholder = QLabel(self.no_article_text, self)
        self.placeholder.setObjectName("muted")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setContentsMargins(12, 12, 12, 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.placeholder)
        self.tree.hide()

    def set_article(self, view: ArticleView | None) -> None:
        expanded = self._expanded_groups()
        same = bool(
            view
            and self.model.groups
            and self.model.groups[0].children
            and self.model.groups[0].children[0].article_id == view.article.id
        )
        self.model.set_article(view)
        if not same:
            self._cycle.clear()
        self.placeholder.setText(NOTHING_FOUND_TEXT if view is not None else self.no_article_text)
        self.tree.setVisible(bool(self.model.groups))
        self.placeholder.setVisible(not self.model.groups)
        for row, group in enumerate(self.model.groups):
            # Entities and troops open; the long tail of other figures starts folded.
            open_ = expanded.get(group.key, group.key in ("PERSON", "GPE", "ORG", "troops"))
            self.tree.setExpanded(self.model.index(row, 0), open_)

    def _expanded_groups(self) -> dict[str, bool]:
        return {
            g.key: self.tree.isExpanded(self.model.index(r, 0))
            for r, g in enumerate(self.model.groups)
        }

    def activate(self, index: QModelIndex) -> None:
        """Scroll the reader to the item; each further click goes to the entity's next mention."""
        item = self.model.item(index)
        if item is None:
            return
        key = (item.kind, item.label)
        n = self._cycle.get(key, -1) + 1
        if n >= len(item.spans):
            n = 0
        self._cycle[key] = n
        start, end = item.spans[n]
        self.spanActivated.emit(start, end)

    def _menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.tree.indexAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The right-click menu of the entry at `index` (None where there is no entry)."""
        item = self.model.item(index)
        if item is None:
            return None
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # a greyed-out entry says why
        refusal = self.session.rights.edit_refusal
        menu.addAction("Show in text", lambda: self.activate(index))
        target = entity_filter(item) if item.stored is None else None
        if target:
            menu.addAction(
                f"Filter library by “{target[1]}”", lambda: self.filterRequested.emit(*target)
            )
        if item.kind == "troops" and item.stored is not None:
            menu.addSeparator()
            correct = menu.addAction("Correct figure…", lambda: self.correct(item))
            revert = menu.addAction("Revert correction", lambda: self.revert(item))
            revert.setEnabled(item.corrected or item.rejected)
            refuse(correct, refusal)
            refuse(revert, refusal)
        if item.figure_key and self.hooks.enabled("addFigureToBriefing"):
            menu.addSeparator()
            add = menu.addAction(
                "Add figure to briefing",
                lambda: self.hooks.addFigureToBriefing.emit(item.article_id, item.figure_key),
            )
            refuse(add, refusal)
        return menu

    def correct(self, item: HighlightItem) -> CorrectFigureDialog:
        """Open the correction dialog (window-modal, so tests and the user are never blocked)."""
        assert item.stored is not None and item.figure_key is not None
        dialog = CorrectFigureDialog(item.stored, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        article_id, key = item.article_id, item.figure_key

        def save() -> None:
            changes = dialog.changes()
            rejected = bool(changes.pop("rejected", False))
            self.session.correct_figure(article_id, key, rejected=rejected, **changes)

        dialog.accepted.connect(save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def revert(self, item: HighlightItem) -> None:
        if item.figure_key is not None:
            self.session.clear_correction(item.article_id, item.figure_key)

"""The reader: one article as marked-up text, with a legend, tooltips, zoom and flashing."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.paragraphs import reflow
from briefing_app.ui.chips import FlowLayout
from briefing_app.ui.highlights_html import (
    PARAGRAPH_GAP_PX,
    Mark,
    article_html,
    article_marks,
    display_body,
)
from briefing_app.ui.team_role import refuse
from briefing_app.ui.theme import KIND_LABELS, KINDS, LEGEND_LABELS, Highlights, highlights

if TYPE_CHECKING:
    from briefing_app.core.workspace import ArticleView

DEFAULT_FONT_SIZE = 12
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 32
FLASH_MS = 1400


class ReaderView(QTextBrowser):
    """A read-only browser that never loads or opens anything, over an article's text."""

    passageRequested = Signal(int, str, int, int)  # article id, text, start, end (-1 if unknown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Long words (URLs, hashes) and scripts without spaces must wrap, not widen the page.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(18)
        self.view: ArticleView | None = None
        self.marks: list[Mark] = []
        self.hidden: set[str] = set()
        self.font_size = DEFAULT_FONT_SIZE
        self.passage_enabled = lambda: False
        # Why adding a passage to a briefing is greyed out (the role may not change briefings).
        self.passage_refusal: str | None = None
        self._positions: list[int] = []  # body offset -> document position
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))
        self.apply_font_size(self.font_size)

    # -- nothing remote, ever --------------------------------------------------------------------

    def resizeEvent(self, event: Any) -> None:
        # A line of more than ~90 characters is hard to read: on a wide window the text keeps
        # a comfortable measure and the spare width becomes margin on both sides.
        measure = (
            self.fontMetrics().averageCharWidth()
            * 96
            * self.font_size
            // max(1, self.font().pointSize())
        )
        spare = max(0, self.width() - measure)
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)
        super().resizeEvent(event)

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt's signature
        return None

    # -- content -----------------------------------------------------------------------------------

    def show_article(self, view: ArticleView | None, terms: list[str] | None = None) -> None:
        keep_scroll = (
            self.view is not None and view is not None and view.article.id == self.view.article.id
        )
        scroll = self.verticalScrollBar().value()
        self.view = view
        self.setExtraSelections([])
        if view is None:
            self.marks = []
            self._positions = []
            self.setHtml("")
            return
        self.marks = article_marks(view, terms or [])
        self._render()
        if keep_scroll:
            self.verticalScrollBar().setValue(scroll)

    def set_hidden(self, hidden: set[str]) -> None:
        self.hidden = set(hidden)
        if self.view is not None:
            scroll = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(scroll)

    def _render(self) -> None:
        assert self.view is not None
        # Paragraphs are set apart by about half a line of the current text size.
        gap = round(PARAGRAPH_GAP_PX * self.font_size / DEFAULT_FONT_SIZE)
        colors = highlights(self.palette())
        can_edit = self.passage_refusal is None  # the role's right to edit, as for passages
        self.setHtml(
            article_html(self.view, self.marks, self.hidden, colors, gap, can_edit=can_edit)
        )
        self._map_body()

    def _map_body(self) -> None:
        """Map each body offset to its document position.

        The body is the document's last part, so it is aligned with the document text from
        the end. Qt may drop a character (whitespace before a line break; blank lines between
        paragraphs) and counts positions in UTF-16 units, so the map is built character by
        character.
        """
        body = reflow(display_body(self.view.article.body)) if self.view else ""
        raw = self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
        if raw and max(raw) > "\uffff":
            units = [0]
            for ch in raw:
                units.append(units[-1] + (2 if ord(ch) > 0xFFFF else 1))
        else:
            units = range(len(raw) + 1)  # type: ignore[assignment]
        positions = [0] * (len(body) + 1)
        positions[len(body)] = units[len(raw)]
        i = len(raw) - 1
        for j in range(len(body) - 1, -1, -1):
            ch = body[j]
            if i >= 0 and (raw[i] == ch or (raw[i].isspace() and ch.isspace())):
                positions[j] = units[i]
                i -= 1
            else:
                positions[j] = positions[j + 1]  # dropped from the document
        self._positions = positions

    def doc_position(self, offset: int) -> int:
        """Where body offset lands in the document."""
        offset = max(0, min(offset, len(self._positions) - 1))
        return self._positions[offset]

    def body_offset(self, position: int) -> int:
        """The body offset at a document position, or -1 before the body."""
        if not self._positions or position < self._positions[0]:
            return -1
        return bisect_right(self._positions, position) - 1

    # -- scrolling to and flashing a span -------------------------------------------------------

    def flash(self, start: int, end: int) -> None:
        """Scroll the span into the middle of the view and briefly mark it strongly."""
        if self.view is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        colors = highlights(self.palette())
        fmt.setBackground(QColor(colors.flash_bg))
        fmt.setForeground(QColor("#ffffff"))
        selection.format = fmt
        self.setExtraSelections([selection])
        self._flash_timer.start()

    # -- zoom ------------------------------------------------------------------------------------

    def apply_font_size(self, size: int) -> None:
        self.font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size)))
        font = self.document().defaultFont()
        font.setPointSize(self.font_size)
        self.document().setDefaultFont(font)
        self.resizeEvent(QResizeEvent(self.size(), self.size()))
        if self.view is not None:
            self.set_hidden(self.hidden)  # the paragraph gap follows the text size

    # -- tooltips and the context menu ---------------------------------------------------------

    def marks_at(self, offset: int) -> list[Mark]:
        return [m for m in self.marks if m.start <= offset < m.end and m.kind not in self.hidden]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos: QPoint = event.pos()  # type: ignore[attr-defined]
            offset = self.body_offset(self.cursorForPosition(pos).position())
            tips = [m.tip for m in self.marks_at(offset)] if offset >= 0 else []
            if tips:
                QToolTip.showText(event.globalPos(), "\n".join(dict.fromkeys(tips)), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def selected_passage(self) -> tuple[str, int, int]:
        cursor = self.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        start = self.body_offset(cursor.selectionStart())
        end = self.body_offset(cursor.selectionEnd())
        if start < 0 or end < 0 or self.view is None:
            return text, -1, -1
        return self.view.article.body[start:end], start, end

    def contextMenuEvent(self, event: Any) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.view is not None and self.textCursor().hasSelection() and self.passage_enabled():
            menu.addSeparator()
            action = menu.addAction("Add selection to briefing")
            action.triggered.connect(self._request_passage)
            refuse(action, self.passage_refusal)
            menu.setToolTipsVisible(True)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _request_passage(self) -> None:
        if self.view is not None:
            text, start, end = self.selected_passage()
            self.passageRequested.emit(self.view.article.id, text, start, end)


def _swatch_icon(kind: str, colors: Highlights) -> QIcon:
    """A small sample of how the reader marks this kind: coloured text or a tinted box."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind in ("troops", "figure", "match"):
        fill = {"troops": colors.troops_bg, "figure": colors.figure_bg, "match": colors.match_bg}[
            kind
        ]
        painter.setBrush(QColor(fill))
        edge = colors.troops_border if kind == "troops" else colors.muted
        painter.setPen(QColor(edge))
        painter.drawRoundedRect(1, 1, 12, 12, 3, 3)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(getattr(colors, kind)))
        painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)


class Legend(QWidget):
    """A toggle per kind of mark, each with its colour, so the reader can show fewer."""

    changed = Signal(set)  # the hidden kinds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wraps onto a second row rather than forcing the reader wide.
        layout = FlowLayout(self, spacing=2)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.buttons: dict[str, QToolButton] = {}
        for kind in KINDS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setToolTip(f"Show or hide {KIND_LABELS[kind].lower()}")
            button.toggled.connect(self._emit)
            layout.addWidget(button)
            self.buttons[kind] = button
        self.recolor()

    def recolor(self) -> None:
        colors = highlights(self.palette())
        for kind, button in self.buttons.items():
            button.setText(LEGEND_LABELS[kind])
            button.setIcon(_swatch_icon(kind, colors))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._restyle()

    def _restyle(self) -> None:
        # A kind switched off reads as off: faded and struck through.
        for button in self.buttons.values():
            off = (
                "" if button.isChecked() else "color: palette(mid); text-decoration: line-through;"
            )
            button.setStyleSheet(f"QToolButton {{ border: none; padding: 1px 2px; {off} }}")

    def hidden(self) -> set[str]:
        return {k for k, b in self.buttons.items() if not b.isChecked()}

    def set_hidden(self, hidden: set[str]) -> None:
        for kind, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(kind not in hidden)
            button.blockSignals(False)
        self._restyle()
        self.changed.emit(self.hidden())

    def _emit(self) -> None:
        self._restyle()
        self.changed.emit(self.hidden())


def empty_reader_text(*, can_import: bool) -> str:
    """What the reader says with no article open; importing is offered only to whom may."""
    pick = "Pick one from the results on the left — type to search the library"
    if not can_import:
        return f"<p style='font-size:14pt'>No article open</p><p>{pick}.</p>"
    return (
        f"<p style='font-size:14pt'>No article open</p><p>{pick},<br>"
        "or import articles with <b>File → Import</b> (Ctrl+O) or by dropping files here.</p>"
    )


class ReaderPanel(QWidget):
    """The reader with its legend and an empty state; actions are offered to the window's menus."""

    def __init__(self, parent: QWidget | None = None, *, can_import: bool = True) -> None:
        super().__init__(parent)
        self.view = ReaderView(self)
        self.legend = Legend(self)
        self.legend.changed.connect(self.view.set_hidden)
        self.placeholder = QLabel(empty_reader_text(can_import=can_import), self)
        self.placeholder.setObjectName("muted")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.setSpacing(2)
        bar.addStretch(1)
        self.toolbar_layout = bar  # the window adds its article actions here
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.placeholder, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(8, 2, 8, 4)
        footer.addWidget(self.legend, 1)
        layout.addLayout(footer)
        self.view.hide()

        self.zoom_in = QAction("Zoom In", self)
        self.zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out = QAction("Zoom Out", self, shortcut=QKeySequence("Ctrl+-"))
        self.zoom_reset = QAction("Actual Size", self, shortcut=QKeySequence("Ctrl+0"))
        self.zoom_in.triggered.connect(lambda: self.view.apply_font_size(self.view.font_size + 1))
        self.zoom_out.triggered.connect(lambda: self.view.apply_font_size(self.view.font_size - 1))
        self.zoom_reset.triggered.connect(lambda: self.view.apply_font_size(DEFAULT_FONT_SIZE))

    def show_article(self, view: ArticleView | None, terms: list[str] | None = None) -> None:
        self.view.show_article(view, terms)
        self.view.setVisible(view is not None)
        self.placeholder.setVisible(view is None)

    def add_tool(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar_layout.addWidget(button)
        return button

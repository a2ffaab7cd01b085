"""How one search result is drawn: bold title, date · source, and the snippet with matches marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing_app.ui.models import Role
from briefing_app.ui.theme import highlights

PAD = 10
SNIPPET_LINES = 3
UNREAD_DOT = 8


class ResultDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        title.setPointSizeF(option.font.pointSizeF() * 1.05)
        meta = QFont(option.font)
        meta.setPointSizeF(option.font.pointSizeF() * 0.9)
        return title, meta, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title, meta, body = self._fonts(option)
        height = (
            PAD
            + QFontMetrics(title).height()
            + 3
            + QFontMetrics(meta).height()
            + 4
            + QFontMetrics(body).lineSpacing() * SNIPPET_LINES
            + PAD
        )
        return QSize(120, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        colors = highlights(palette)
        muted = text_color if selected else QColor(colors.muted)
        title_font, meta_font, body_font = self._fonts(opt)
        rect = opt.rect.adjusted(PAD + UNREAD_DOT + 6, PAD, -PAD, -PAD)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        read = bool(index.data(Role.Read))
        starred = bool(index.data(Role.Starred))
        if not read:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                text_color if selected else palette.color(QPalette.ColorRole.Highlight)
            )
            tm = QFontMetrics(title_font)
            cy = rect.top() + tm.height() / 2
            painter.drawEllipse(
                QRectF(opt.rect.left() + PAD, cy - UNREAD_DOT / 2, UNREAD_DOT, UNREAD_DOT)
            )

        star_width = 0
        if starred:
            painter.setFont(title_font)
            painter.setPen(text_color if selected else QColor("#eab308"))
            star_width = QFontMetrics(title_font).horizontalAdvance("★ ")
            painter.drawText(
                rect.right() - star_width + 4, rect.top() + QFontMetrics(title_font).ascent(), "★"
            )

        painter.setFont(title_font)
        painter.setPen(text_color)
        fm = QFontMetrics(title_font)
        title = fm.elidedText(
            str(index.data() or "(untitled)"),
            Qt.TextElideMode.ElideRight,
            rect.width() - star_width,
        )
        painter.drawText(rect.left(), rect.top() + fm.ascent(), title)
        y = rect.top() + fm.height() + 3

        painter.setFont(meta_font)
        painter.setPen(muted)
        mm = QFontMetrics(meta_font)
        meta = mm.elidedText(
            str(index.data(Role.Meta) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.left(), y + mm.ascent(), meta)
        y += mm.height() + 4

        # The snippet is HTML the search built (escaped text plus <b class="match">).
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(body_font)
        match_bg = "transparent" if selected else colors.match_bg
        doc.setDefaultStyleSheet(
            f"body {{ color: {text_color.name()}; }}"
            f"b.match {{ background-color: {match_bg}; font-weight: 600; }}"
        )
        doc.setHtml(f"<body>{index.data(Role.Snippet) or ''}</body>")
        doc.setTextWidth(rect.width())
        lines = QFontMetrics(body_font).lineSpacing() * SNIPPET_LINES
        painter.translate(rect.left(), y)
        painter.setClipRect(QRectF(0, 0, rect.width(), lines))
        doc.drawContents(painter, QRectF(0, 0, rect.width(), lines))
        painter.restore()

        # A hairline between results.
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            opt.rect.left() + PAD, opt.rect.bottom(), opt.rect.right() - PAD, opt.rect.bottom()
        )
        painter.restore()


class TwoLineDelegate(QStyledItemDelegate):
    """Rows whose text has a second line (a figure's parsed value) show it smaller and muted."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if "\n" in str(index.data() or ""):
            fm = QFontMetrics(option.font)
            size.setHeight(fm.height() * 2 + 6)
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data() or "")
        if "\n" not in text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        first, second = text.split("\n", 1)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect = rect.adjusted(2, 3, -2, -3)
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * 0.9)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(text_color)
        fm = QFontMetrics(opt.font)
        painter.drawText(
            rect.left(),
            rect.top() + fm.ascent(),
            fm.elidedText(first, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(small)
        painter.setPen(text_color if selected else QColor(highlights(palette).muted))
        sm = QFontMetrics(small)
        painter.drawText(
            rect.left(),
            rect.top() + fm.height() + sm.ascent(),
            sm.elidedText(second, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()

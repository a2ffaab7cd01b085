"""Painting a briefing into a PDF with Qt: QTextDocument for the text, QPainter for the chart.

With `painter`, the only core modules that use Qt; `export` imports it only when a PDF is asked
for. It needs no display (`painter` starts an offscreen application if none runs). The text is
laid out as a paged QTextDocument on the QPdfWriter, so it stays real, selectable text; each page
is then painted with the marking in its header and footer and its number. The chart is a text
object painted by `painter` from `briefing.chart` primitives, so it is vector, not a bitmap.
Page numbers for the contents and the index come from laying the document out twice; the
index gives the pages where each name is printed, which for an item running onto a second page
need not be the page the item starts on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.document import BriefingDocument
from briefing_app.core.briefing.files import ExportError, ProgressFn
from briefing_app.core.briefing.phrases import display_date
from briefing_app.core.briefing.render.painter import (
    NO_LIGATURES,
    ensure_gui_application,
    font_families,
    paint_chart,
    plain_font,
)
from briefing_app.core.briefing.render.pdf_markup import PLACEHOLDER, MentionPages, PdfMarkup
from briefing_app.core.briefing.render.wording import SECTIONS

RESOLUTION = 600
MM = RESOLUTION / 25.4  # device units per millimetre
MARGIN_SIDE = 20 * MM
MARGIN_TOP = 24 * MM  # leaves room for the header: marking and running title
MARGIN_BOTTOM = 22 * MM
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_ID = QTextFormat.Property.UserProperty + 1


def render_pdf(
    document: BriefingDocument, *, page_size: str = "A4", progress: ProgressFn | None = None
) -> bytes:
    """The briefing as PDF bytes (the caller writes them atomically)."""
    ensure_gui_application()
    return _PdfRenderer(document, page_size, progress).render()


class _ChartObject(QPyTextObject):
    """Draws a chart where its object character sits in the text, straight onto the PDF."""

    def __init__(
        self, drawings: dict[int, briefing_chart.ChartDrawing], sans: str, max_height: float
    ) -> None:
        super().__init__()
        self.drawings = drawings
        self.sans = sans
        self.max_height = max_height

    def _scale(self, drawing: briefing_chart.ChartDrawing) -> float:
        # Points to device units, shrunk if a very tall chart would not fit on a page.
        k = RESOLUTION / 72
        return min(k, self.max_height / drawing.height) if drawing.height else k

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:  # noqa: N802 (Qt's API)
        drawing = self.drawings[int(fmt.property(CHART_ID))]
        k = self._scale(drawing)
        return QSizeF(drawing.width * k, drawing.height * k)

    def drawObject(self, painter, rect, doc, pos, fmt) -> None:  # noqa: N802 (Qt's API)
        drawing = self.drawings[int(fmt.property(CHART_ID))]
        k = self._scale(drawing)
        # Text scales like the geometry, so that a chart shrunk to fit keeps its proportions.
        paint_chart(
            painter, drawing, rect.topLeft(), k, self.sans, text_scale=k / (RESOLUTION / 72)
        )


class _PdfRenderer:
    def __init__(
        self, document: BriefingDocument, page_size: str, progress: ProgressFn | None
    ) -> None:
        self.document = document
        self.page_size = page_size if page_size in PAGE_SIZES else "A4"
        self.progress = progress
        self.serif, self.sans = font_families()
        self.buffer = QBuffer()
        self.data = QByteArray()
        self.buffer.setBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setResolution(RESOLUTION)
        self.writer.setPageSize(QPageSize(PAGE_SIZES[self.page_size]))
        self.writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        self.writer.setTitle(document.briefing.title)
        self.writer.setCreator("Briefing Reader")
        if hasattr(self.writer, "setAuthor") and document.briefing.author:
            self.writer.setAuthor(document.briefing.author)
        full = self.writer.pageLayout().fullRectPixels(RESOLUTION)
        self.page_w, self.page_h = full.width(), full.height()
        self.body = QSizeF(self.page_w - 2 * MARGIN_SIDE, self.page_h - MARGIN_TOP - MARGIN_BOTTOM)
        width_pt = self.body.width() * 72 / RESOLUTION
        self.drawings = {
            chart.number: briefing_chart.draw(
                chart.table, width_pt * 0.98, chart.config.style, chart.config.scale
            )
            for chart in document.charts
        }
        self.chart_object = _ChartObject(self.drawings, self.sans, self.body.height() * 0.8)

    def _step(self, done: int, total: int, what: str) -> None:
        if self.progress:
            self.progress(done, total, what)

    def render(self) -> bytes:
        pages: dict[str, int] = {}
        mentions: MentionPages = {}
        doc = None
        for attempt in range(3):
            self._step(attempt, 4, "Laying out the briefing")
            doc = self._layout(pages, mentions)
            found, found_mentions = self._anchor_pages(doc), self._mention_pages(doc)
            if (found, found_mentions) == (pages, mentions):
                break
            pages, mentions = found, found_mentions
        assert doc is not None
        self._paint(doc)
        self.buffer.close()
        return bytes(self.data.data())

    # -- layout -----------------------------------------------------------------------------------

    def _layout(self, pages: dict[str, int], mentions: MentionPages) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.documentLayout().registerHandler(CHART_OBJECT, self.chart_object)
        doc.setDocumentMargin(0)
        doc.setPageSize(self.body)
        font = QFont(self.serif)
        font.setPointSizeF(10.5)
        doc.setDefaultFont(font)
        doc.setHtml(PdfMarkup(self.document, self.serif, self.sans, pages, mentions).build())
        _without_ligatures(doc)
        self._insert_charts(doc)
        self._keep_headings_with_next(doc)
        return doc

    def _insert_charts(self, doc: QTextDocument) -> None:
        for number in self.drawings:
            cursor = doc.find(PLACEHOLDER.format(number))
            if cursor.isNull():
                continue
            fmt = QTextCharFormat()
            fmt.setObjectType(CHART_OBJECT)
            fmt.setProperty(CHART_ID, number)
            cursor.insertText("\ufffc", fmt)

    def _page_of(self, doc: QTextDocument, block) -> int:
        # A block pushed to a new page may sit a hair above the boundary in floating point.
        rect = doc.documentLayout().blockBoundingRect(block)
        return int((rect.top() + 0.5 * MM) // self.body.height())

    def _page_at(self, doc: QTextDocument, position: int) -> int:
        """The page (0-based) of the line holding the character at `position`."""
        block = doc.findBlock(position)
        top = doc.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            top += line.y()
        return int((top + 0.5 * MM) // self.body.height())

    def _keep_headings_with_next(self, doc: QTextDocument) -> None:
        """Move a heading that ends a page to the next one: Qt has no keep-with-next."""
        layout = doc.documentLayout()
        for _ in range(50):  # each fix can move later headings; converge
            moved = False
            block = doc.begin()
            while block.isValid():
                following = block.next()
                if block.blockFormat().headingLevel() in (1, 3) and following.next().isValid():
                    # A section's heading keeps its rule, an item's its citation, and both
                    # the first line of what follows.
                    following = following.next()
                if (
                    block.blockFormat().headingLevel()
                    and following.isValid()
                    and following.blockFormat().pageBreakPolicy()
                    == QTextFormat.PageBreakFlag.PageBreak_Auto
                ):
                    top = self._page_of(doc, block)
                    bottom_rect = layout.blockBoundingRect(following)
                    first_line = bottom_rect.top()
                    if following.layout().lineCount():
                        first_line += following.layout().lineAt(0).height()
                    if int((first_line - 0.5 * MM) // self.body.height()) > top and (
                        block.blockFormat().pageBreakPolicy()
                        == QTextFormat.PageBreakFlag.PageBreak_Auto
                    ):
                        fmt = block.blockFormat()
                        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        QTextCursor(block).setBlockFormat(fmt)
                        moved = True
                        break
                block = block.next()
            if not moved:
                return

    def _anchor_pages(self, doc: QTextDocument) -> dict[str, int]:
        """The page (1-based) of every section (level 1 headings) and item (level 3).

        Headings are found by level rather than by HTML anchors: Qt gives an anchor's first
        letter a format of its own, which splits the word in the PDF's text.
        """
        sections = {title: anchor for anchor, title in SECTIONS}
        found: dict[str, int] = {}
        items = 0
        block = doc.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level == 1 and block.text() in sections:
                found[sections[block.text()]] = self._page_of(doc, block) + 1
            elif level == 3:
                items += 1
                found[f"item-{items}"] = self._page_of(doc, block) + 1
            block = block.next()
        return found

    def _mention_pages(self, doc: QTextDocument) -> MentionPages:
        """For each index entry, the pages (1-based) where its names are printed within the
        items that name it; an item where no written form is found (text Qt reflowed) counts
        with the page it starts on."""
        starts: list[int] = []  # each item's first position, in item order
        ends: list[int] = []
        block = doc.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in (1, 3) and len(ends) < len(starts):
                ends.append(block.position())  # the next item or section ends the item
            if level == 3:
                starts.append(block.position())
            block = block.next()
        ends += [doc.characterCount()] * (len(starts) - len(ends))
        items = {item.number: item for item in self.document.items}
        # The raw text counts positions as the document does (a table's frame marks included);
        # searching it item by item is linear, where QTextDocument.find runs on to the end.
        raw = doc.toRawText()
        found: MentionPages = {}
        for entry in self.document.index:
            pages: set[int] = set()
            for number in entry.items:
                item = items.get(number)
                if item is None or not 1 <= number <= len(starts):
                    continue
                start, end = starts[number - 1], ends[number - 1]
                folded = entry.name.casefold()
                forms = {entry.name} | {
                    e.text for e in item.entities if e.canonical.casefold() == folded
                }
                here: set[int] = set()
                for form in forms:
                    whole_word = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
                    for match in whole_word.finditer(raw, start, end):
                        here.add(self._page_at(doc, match.start()) + 1)
                pages |= here or {self._page_of(doc, doc.findBlock(start)) + 1}
            found[(entry.name, entry.label)] = tuple(sorted(pages))
        return found

    # -- painting ---------------------------------------------------------------------------------

    def _paint(self, doc: QTextDocument) -> None:
        count = doc.pageCount()
        painter = QPainter()
        if not painter.begin(self.writer):
            raise ExportError("Qt could not start the PDF.")
        try:
            for page in range(count):
                self._step(3, 4, f"Painting page {page + 1} of {count}")
                if page:
                    self.writer.newPage()
                self._paint_furniture(painter, page, count)
                painter.save()
                painter.translate(MARGIN_SIDE, MARGIN_TOP - page * self.body.height())
                clip = QRectF(0, page * self.body.height(), self.body.width(), self.body.height())
                painter.setClipRect(clip)
                context = QAbstractTextDocumentLayout.PaintContext()
                # Shrunk a little so a line starting exactly on the next page is not also
                # drawn (clipped, invisible, but extractable) at the foot of this one.
                context.clip = clip.adjusted(0, 0.3 * MM, 0, -0.3 * MM)
                context.palette.setColor(context.palette.ColorRole.Text, QColor(20, 20, 20))
                doc.documentLayout().draw(painter, context)
                painter.restore()
        finally:
            painter.end()

    def _paint_furniture(self, painter: QPainter, page: int, count: int) -> None:
        """Header and footer: the marking on every page, running title and page number."""
        b = self.document.briefing
        painter.save()
        font = plain_font(self.sans, 8.5)
        small = plain_font(self.sans, 8)
        left, right = MARGIN_SIDE, self.page_w - MARGIN_SIDE
        width = right - left
        header_y, footer_y = 7 * MM, self.page_h - 17 * MM
        if b.marking:
            marking = QFont(font)
            marking.setBold(True)
            marking.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
            painter.setFont(marking)
            painter.setPen(QColor(0, 0, 0))
            for y in (header_y, self.page_h - 12 * MM):
                painter.drawText(
                    QRectF(left, y, width, 5 * MM), Qt.AlignmentFlag.AlignCenter, b.marking
                )
        if page == 0 and b.marking:
            # The cover repeats the marking large, boxed, at a fixed place whatever the title.
            cover = plain_font(self.sans, 13, bold=True)
            painter.setFont(cover)
            painter.setPen(QPen(QColor(0, 0, 0), 0.4 * MM))
            box = QRectF(left, self.page_h * 0.74, width, 12 * MM)
            painter.drawRect(box)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, b.marking)
        if page > 0:
            painter.setFont(small)
            painter.setPen(QColor(90, 90, 90))
            rule_y = header_y + 10.5 * MM
            title = QFontMetricsF(small, self.writer).elidedText(
                b.title, Qt.TextElideMode.ElideRight, width * 0.6
            )
            painter.drawText(
                QRectF(left, header_y + 5.5 * MM, width, 4.5 * MM),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                title,
            )
            painter.drawText(
                QRectF(left, header_y + 5.5 * MM, width, 4.5 * MM),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                display_date(b.date),
            )
            painter.setPen(QPen(QColor(120, 120, 120), 0.25 * MM / 1.5))
            painter.drawLine(QPointF(left, rule_y), QPointF(right, rule_y))
            painter.drawLine(QPointF(left, footer_y), QPointF(right, footer_y))
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(
                QRectF(left, footer_y + 1 * MM, width, 4 * MM),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                f"Page {page + 1} of {count}",
            )
            if b.author:
                painter.drawText(
                    QRectF(left, footer_y + 1 * MM, width, 4 * MM),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    b.author,
                )
        painter.restore()


def _without_ligatures(doc: QTextDocument) -> None:
    """Turn ligatures off: a PDF viewer cannot always map "ti" or "fi" glyphs back to letters,
    and a briefing must stay searchable and copyable."""
    fmt = QTextCharFormat()
    fmt.setFontFeatures(NO_LIGATURES)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(fmt)


__all__ = ["render_pdf"]

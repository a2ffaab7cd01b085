"""Active search filters shown as removable chips that wrap onto as many rows as they need."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

# How a chip names its filter.
CHIP_LABELS = {
    "person": "Person",
    "country": "Country",
    "place": "Place",
    "org": "Organisation",
    "source": "Source",
    "year": "Year",
    "since": "Since",
    "until": "Until",
    "read": "Unread only",
    "starred": "Starred only",
}


@dataclass(frozen=True)
class Chip:
    key: str  # a search filter key, or since/until
    value: str

    @property
    def label(self) -> str:
        if self.key in ("read", "starred"):
            return CHIP_LABELS[self.key]
        return f"{CHIP_LABELS.get(self.key, self.key)}: {self.value}"


class FlowLayout(QLayout):
    """Lays children left to right and wraps, as Qt's own flow layout example does."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class ChipBar(QWidget):
    removed = Signal(object)  # Chip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self)
        self.chips: list[Chip] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.hide()

    def set_chips(self, chips: list[Chip]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.chips = list(chips)
        for chip in chips:
            button = QToolButton(self)
            button.setObjectName("chip")
            button.setText(f"{chip.label}  ✕")
            button.setToolTip(f"Remove the filter “{chip.label}”")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, c=chip: self.removed.emit(c))
            self._layout.addWidget(button)
        self.setVisible(bool(chips))
        self.updateGeometry()

    def buttons(self) -> list[QToolButton]:
        items = (self._layout.itemAt(i) for i in range(self._layout.count()))
        return [
            widget
            for item in items
            if item is not None and isinstance(widget := item.widget(), QToolButton)
        ]

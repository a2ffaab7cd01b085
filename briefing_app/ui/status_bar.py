"""A status bar whose messages are elided before the permanent widgets on its right.

QStatusBar draws a temporary message across its whole width, under the permanent widgets
("30 articles · 50 ms"), so a long message ran into them. Here the message is cut with an
ellipsis to the room left of them, the whole text is its tooltip, and it is cut again whenever
that room changes (the window resized, a permanent widget shown or widened).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStatusBar, QWidget

# Room kept between the message and the first permanent widget, beside Qt's own margins.
_GAP = 12


class ElidingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._ends_at: float | None = None  # monotonic time the message times out, if it does
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(self._message_changed)

    @property
    def full_message(self) -> str:
        """The message as given, before eliding (empty once it has timed out)."""
        return self._full

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:  # noqa: N802
        super().addPermanentWidget(widget, stretch or 0)
        self._permanent.append(widget)
        widget.installEventFilter(self)

    def showMessage(self, message: str, timeout: int | None = 0) -> None:  # noqa: N802 (Qt's API)
        timeout = timeout or 0
        self._full = message
        self._ends_at = time.monotonic() + timeout / 1000 if timeout > 0 else None
        super().showMessage(self._elided(message), timeout)
        self.setToolTip(message if self.currentMessage() != message else "")

    def message_room(self) -> int:
        """Pixels a message may take: from the left edge to the first visible permanent widget."""
        lefts = [w.geometry().left() for w in self._permanent if w.isVisible()]
        right = min(lefts) if lefts else self.width()
        margins = self.contentsMargins()
        return max(0, right - margins.left() - _GAP)

    def _elided(self, message: str) -> str:
        return self.fontMetrics().elidedText(
            message, Qt.TextElideMode.ElideRight, self.message_room()
        )

    def _message_changed(self, shown: str) -> None:
        if not shown:  # timed out or cleared
            self._full = ""
            self.setToolTip("")

    def _refit(self) -> None:
        if self._full and self.currentMessage():
            elided = self._elided(self._full)
            if elided != self.currentMessage():
                # QStatusBar drops the timeout when given none: pass on what is left of it.
                left = (
                    0 if self._ends_at is None else int((self._ends_at - time.monotonic()) * 1000)
                )
                if self._ends_at is not None and left <= 0:
                    return
                super().showMessage(elided, left)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
            self._refit()
        return super().eventFilter(watched, event)

"""Keeping a restored window on the screen: all of it where it fits, on the screen it was on."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_on_screen(window: QWidget) -> None:
    """Move (and if it is larger, shrink) `window` so its frame lies inside a screen's
    available area: the screen holding most of it, else the primary one.

    A geometry saved on a screen since unplugged, at a bigger resolution, or under a window
    manager whose frame the restore assumed, would otherwise leave part of the window off
    screen or a strip of desktop beside it.
    """
    if window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    area = _best_area(frame)
    if area is None or area.contains(frame):
        return
    # The frame (title bar, borders) around the client area, as far as it is known.
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    # Shrunk to the screen, but never below the window's minimum size.
    width = max(min(frame.width(), area.width()), window.minimumWidth() + extra_w)
    height = max(min(frame.height(), area.height()), window.minimumHeight() + extra_h)
    # Inside the area; a window wider or taller than it keeps its top-left corner (and so its
    # title bar and menus) on the screen.
    x = max(min(frame.x(), area.x() + area.width() - width), area.x())
    y = max(min(frame.y(), area.y() + area.height() - height), area.y())
    window.resize(width - extra_w, height - extra_h)
    window.move(x, y)  # a window's position is its frame's


def _best_area(frame: QRect) -> QRect | None:
    best, overlap = None, -1
    for screen in QGuiApplication.screens():
        area = screen.availableGeometry()
        common = area.intersected(frame)
        size = common.width() * common.height() if not common.isEmpty() else 0
        if size > overlap:
            best, overlap = area, size
    if overlap <= 0:
        primary = QGuiApplication.primaryScreen()
        return primary.availableGeometry() if primary is not None else best
    return best

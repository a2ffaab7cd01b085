"""Requests to add things to a briefing, offered only when something is there to receive them."""

from __future__ import annotations

from PySide6.QtCore import QMetaMethod, QObject, Signal


class BriefingHooks(QObject):
    """The four "add to briefing" requests the results, reader, highlights and chart can make.

    The main window exposes these same signal instances; the briefing pane connects to them.
    Each view asks `enabled(name)` before offering the action, so nothing dead is shown while
    no briefing pane is wired in.
    """

    addArticleToBriefing = Signal(int)  # article id
    addPassageToBriefing = Signal(int, str, int, int)  # article id, text, start, end (-1 unknown)
    addFigureToBriefing = Signal(int, str)  # article id, figure key
    addChartToBriefing = Signal(dict)  # {"by", "combine", "scope", "style", "article_ids"}

    def enabled(self, name: str) -> bool:
        return self.isSignalConnected(QMetaMethod.fromSignal(getattr(self, name)))

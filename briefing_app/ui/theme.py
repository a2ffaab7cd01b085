"""Light and dark palettes, and the highlight colours that stay readable on either."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")

# What the reader and the legend colour, in legend order.
KINDS = ("PERSON", "GPE", "ORG", "NORP", "troops", "figure", "match")
# The legend under the reader: short, so all seven fit on one row at 1280 px.
LEGEND_LABELS = {
    "PERSON": "People",
    "GPE": "Places",
    "ORG": "Orgs",
    "NORP": "Nationalities",
    "troops": "Troops",
    "figure": "Figures",
    "match": "Matches",
}
KIND_LABELS = {
    "PERSON": "People",
    "GPE": "Places",
    "ORG": "Organisations",
    "NORP": "Nationalities",
    "troops": "Troop figures",
    "figure": "Money, %, equipment, dates",
    "match": "Search terms",
}


@dataclass(frozen=True)
class Highlights:
    """Colours for one palette. Entities colour the text and underline it; figures and search
    terms tint the background, so an entity inside a figure still shows both."""

    PERSON: str
    GPE: str
    ORG: str
    NORP: str
    troops_bg: str
    troops_border: str
    figure_bg: str
    match_bg: str
    flash_bg: str
    muted: str

    def swatch(self, kind: str) -> str:
        return {
            "troops": self.troops_border,
            "figure": self.figure_bg,
            "match": self.match_bg,
        }.get(kind) or getattr(self, kind)


LIGHT = Highlights(
    PERSON="#1d4ed8",
    GPE="#047857",
    ORG="#7e22ce",
    NORP="#b45309",
    troops_bg="#fde2e1",
    troops_border="#dc2626",
    figure_bg="#e5e7eb",
    match_bg="#fef08a",
    flash_bg="#fb923c",
    muted="#6b7280",
)
DARK = Highlights(
    PERSON="#93c5fd",
    GPE="#6ee7b7",
    ORG="#d8b4fe",
    NORP="#fcd34d",
    troops_bg="#5b1f24",
    troops_border="#f87171",
    figure_bg="#374151",
    match_bg="#6b5a00",
    flash_bg="#c2410c",
    muted="#9ca3af",
)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def highlights(palette: QPalette | None = None) -> Highlights:
    return DARK if is_dark(palette) else LIGHT


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        colors = {
            QPalette.ColorRole.Window: "#1f2227",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#16181c",
            QPalette.ColorRole.AlternateBase: "#23262b",
            QPalette.ColorRole.ToolTipBase: "#2b2f36",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#2a2e34",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.BrightText: "#ff6b6b",
            QPalette.ColorRole.Highlight: "#2f6feb",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: "#6cb6ff",
            QPalette.ColorRole.PlaceholderText: "#8b929c",
            QPalette.ColorRole.Mid: "#3a3f47",
            QPalette.ColorRole.Dark: "#101215",
            QPalette.ColorRole.Light: "#3a3f47",
        }
    else:
        colors = {
            QPalette.ColorRole.Window: "#f3f4f6",
            QPalette.ColorRole.WindowText: "#1f2328",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f6f8fa",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1f2328",
            QPalette.ColorRole.Text: "#1f2328",
            QPalette.ColorRole.Button: "#f6f8fa",
            QPalette.ColorRole.ButtonText: "#1f2328",
            QPalette.ColorRole.BrightText: "#cf222e",
            QPalette.ColorRole.Highlight: "#2563eb",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.Link: "#0969da",
            QPalette.ColorRole.PlaceholderText: "#6e7781",
            QPalette.ColorRole.Mid: "#d0d7de",
            QPalette.ColorRole.Dark: "#8c959f",
            QPalette.ColorRole.Light: "#ffffff",
        }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7280" if dark else "#9ca3af"))
    return p


@contextmanager
def every_widget_walk() -> Iterator[None]:
    """Around a Qt call that walks every widget (setStyle, setPalette, setStyleSheet).

    Qt takes a list of all widgets, then re-polishes each and sends it an event; our Python
    event handlers run in between and allocate, which may start Python's cycle collector. A
    window no longer referenced from Python (a closed one held only by a cycle of signal
    connections) is then freed, its C++ widgets deleted while they are still on Qt's list,
    and the next step of the walk reads freed memory: the segfault inside setStyleSheet.
    So cycles are collected first, while nothing is walking, and not at all during the walk.
    """
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def apply_theme(app: QApplication, name: str) -> None:
    """Fusion with our light or dark palette; "system" picks by the platform's colour scheme."""
    if name == "system":
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    else:
        dark = name == "dark"
    sheet = _stylesheet(dark)
    with every_widget_walk():
        # Set the style once: replacing it deletes the old QStyle, and any Python wrapper of
        # it still alive (delegates ask widgets for their style) would crash when collected.
        if not app.property("briefingStyled"):
            app.setStyle("Fusion")
            app.setProperty("briefingStyled", True)
        app.setPalette(_palette(dark=dark))
        if app.styleSheet() != sheet:  # a new sheet re-polishes every widget: only on change
            app.setStyleSheet(sheet)


def _stylesheet(dark: bool) -> str:
    border = "#3a3f47" if dark else "#d0d7de"
    chip_bg = "#26364f" if dark else "#e8f0fe"
    chip_fg = "#cfe1ff" if dark else "#1a4fb8"
    # A checked tool button (Log scale) filled and framed in the accent: Fusion's own sunken
    # look is hard to tell from raised on the dark palette.
    checked_bg = "#1f4f9e" if dark else "#b6d0fb"
    checked_fg = "#ffffff" if dark else "#0b3d91"
    return f"""
QDockWidget::title {{ padding: 6px 8px; font-weight: 600; }}
QStatusBar {{ border-top: 1px solid {border}; }}
QToolButton#chip {{
    background: {chip_bg}; color: {chip_fg}; border: 1px solid {border};
    border-radius: 11px; padding: 2px 8px; min-height: 18px;
}}
QToolButton#chip:hover {{ border-color: {chip_fg}; }}
QToolButton:checked {{
    background: {checked_bg}; color: {checked_fg}; border: 1px solid {chip_fg};
    border-radius: 3px; padding: 3px 5px;
}}
QLabel#muted {{ color: {"#9ca3af" if dark else "#6b7280"}; }}
QLabel#heading {{ font-weight: 600; }}
QLineEdit#searchBox {{ padding: 5px 8px; border: 1px solid {border}; border-radius: 6px; }}
QLineEdit#searchBox:focus {{ border-color: {"#2f6feb" if dark else "#2563eb"}; }}
QTextBrowser#reader {{ border: none; }}
QListView, QTreeView {{ border: 1px solid {border}; }}
"""

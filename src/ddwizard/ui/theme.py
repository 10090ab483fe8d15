"""Look and feel in one place: the Fusion style, a light or dark palette, and type sizes.

Widgets never name a colour: they use palette roles (a label's text role, a panel's fill and
outline), so the app reads the same in a dark theme. Nothing is coloured as a verdict.

There is no application style sheet on purpose: with one, Qt works every widget's style out
again whenever it is added or shown, which made building and showing a page of questions
several times slower. Panels paint themselves instead (`Panel`).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget

MIN_POINT_SIZE = 10.0

# Text roles for `label`: the palette role its text is drawn in. A role is a palette colour,
# never a named one, so it follows the light and dark palettes (and a change of them).
TEXT_ROLES = {
    "help": QPalette.ColorRole.PlaceholderText,
    "muted": QPalette.ColorRole.PlaceholderText,
}

_DARK = {
    # Fusion draws frames and indicators in Window darkened, so fields (Base) are lighter
    # than the window: their outlines then show, as they do in the light palette.
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#3a3c41",
    QPalette.ColorRole.AlternateBase: "#34363b",
    QPalette.ColorRole.ToolTipBase: "#3c3f44",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#a4a8ae",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#45484e",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#404348",
    QPalette.ColorRole.Mid: "#55585e",
    QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#0d0d0f",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8086"))
    return palette


def wants_dark() -> bool:
    chosen = os.environ.get("DDWIZARD_THEME", "").lower()
    if chosen in ("dark", "light"):
        return chosen == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(app: QApplication, dark: bool | None = None) -> None:
    app.setStyle("Fusion")
    dark = wants_dark() if dark is None else dark
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    font = app.font()
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def label(text: str, role: str = "", *, wrap: bool = True, size: float = 1.0,
          bold: bool = False) -> QLabel:  # fmt: skip
    """A label with a text role ("help", "muted": see TEXT_ROLES) and a relative size."""
    w = QLabel(text)
    w.setWordWrap(wrap)
    if role:
        muted(w, role)
    if size != 1.0 or bold:
        w.setFont(scaled_font(w, size, bold))
    w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return w


def muted(widget: QWidget, role: str = "muted") -> QWidget:
    """Draw a label's text in its role's palette colour (see TEXT_ROLES)."""
    widget.setProperty("role", role)
    widget.setForegroundRole(TEXT_ROLES[role])
    return widget


class Panel(QFrame):
    """A rounded panel in palette colours: "card" (a field-coloured box with an outline, for
    a question or an item), "aside" (a quieter box beside the questions), "empty" (the
    start screen's welcome). It paints itself: no style sheet is involved."""

    LOOKS = {  # fill, outline (None: no outline), corner radius
        "card": (QPalette.ColorRole.Base, QPalette.ColorRole.Mid, 6.0),
        "aside": (QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Midlight, 6.0),
        "empty": (QPalette.ColorRole.Base, None, 8.0),
    }

    def __init__(self, role: str = "card", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = self.LOOKS[role]
        self.setProperty("role", role)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        fill, outline, radius = self.look
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(palette.color(fill))
        if outline is None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        else:
            painter.setPen(QPen(palette.color(outline), 1.0))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5),
                                    radius, radius)  # fmt: skip
        painter.end()

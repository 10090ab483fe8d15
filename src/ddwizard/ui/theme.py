"""Look and feel in one place: the Fusion style, a light or dark palette, and type sizes.

Widgets never name a colour: they use palette roles (through the small style sheet below),
so the app reads the same in a dark theme. Nothing is coloured as a verdict.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

MIN_POINT_SIZE = 10.0

# Roles are set on widgets as a dynamic property, e.g. label.setProperty("role", "help").
STYLE = """
QLabel[role="help"], QLabel[role="muted"] { color: palette(placeholder-text); }
QLabel[role="title"] { font-weight: 600; }
QFrame[role="card"] {
    background: palette(base); border: 1px solid palette(mid); border-radius: 6px;
}
QFrame[role="aside"] {
    background: palette(alternate-base); border: 1px solid palette(midlight);
    border-radius: 6px;
}
QFrame[role="empty"] { background: palette(base); border-radius: 8px; }
QTreeWidget#steps { border: none; background: palette(window); }
QRadioButton, QCheckBox { spacing: 8px; }
QRadioButton, QCheckBox { border: 1px solid transparent; border-radius: 3px; padding: 1px; }
QRadioButton:focus, QCheckBox:focus { border: 1px solid palette(highlight); }
"""

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
    app.setStyleSheet(STYLE)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def label(text: str, role: str = "", *, wrap: bool = True, size: float = 1.0,
          bold: bool = False) -> QLabel:  # fmt: skip
    """A label with a style role ("help", "muted", "title") and a relative size."""
    w = QLabel(text)
    w.setWordWrap(wrap)
    if role:
        w.setProperty("role", role)
    if size != 1.0 or bold:
        w.setFont(scaled_font(w, size, bold))
    w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return w

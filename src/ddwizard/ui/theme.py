"""Look and feel in one place: the Fusion style, a light or dark palette, and type sizes.

Widgets never name a colour: they use palette roles (a label's text role, a panel's fill and
outline), so the app reads the same in a dark theme. Nothing is coloured as a verdict.

There is no application style sheet on purpose: with one, Qt works every widget's style out
again whenever it is added or shown, which made building and showing a page of questions
several times slower. Panels paint themselves instead (`Panel`).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget

MIN_POINT_SIZE = 10.0

# Text roles for `label`: the palette role its text is drawn in. A role is a palette colour,
# never a named one, so it follows the light and dark palettes (and a change of them).
TEXT_ROLES = {
    "help": QPalette.ColorRole.PlaceholderText,
    "muted": QPalette.ColorRole.PlaceholderText,
}

# Fusion's own light palette (QStyleFactory.create("Fusion").standardPalette()), written
# out: asking the style for it makes PySide build the Python type of QStyle and its enums,
# about 10 ms of every start. A test checks the two still agree. One colour for all groups,
# or (active, inactive, disabled).
_LIGHT = {
    QPalette.ColorRole.WindowText: ("#000000", "#000000", "#bebebe"),
    QPalette.ColorRole.Button: "#efefef",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#cacaca",
    QPalette.ColorRole.Dark: ("#9f9f9f", "#9f9f9f", "#bebebe"),
    QPalette.ColorRole.Mid: "#b8b8b8",
    QPalette.ColorRole.Text: ("#000000", "#000000", "#bebebe"),
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.ButtonText: ("#000000", "#000000", "#bebebe"),
    QPalette.ColorRole.Base: ("#ffffff", "#ffffff", "#efefef"),
    QPalette.ColorRole.Window: "#efefef",
    QPalette.ColorRole.Shadow: ("#767676", "#767676", "#b1b1b1"),
    QPalette.ColorRole.Highlight: ("#308cc6", "#308cc6", "#919191"),
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#0000ff",
    QPalette.ColorRole.LinkVisited: "#ff00ff",
    QPalette.ColorRole.AlternateBase: "#f7f7f7",
    QPalette.ColorRole.NoRole: "#000000",
    QPalette.ColorRole.ToolTipBase: "#ffffdc",
    QPalette.ColorRole.ToolTipText: "#000000",
    QPalette.ColorRole.PlaceholderText: "#80000000",
    QPalette.ColorRole.Accent: ("#308cc6", "#308cc6", "#919191"),
}

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)

# Passed to QApplication when the app makes it: Qt then makes the Fusion style itself.
QT_ARGS = ["-style", "Fusion"]

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
    # Light enough to stand out 3:1 from the fields and the window (selection, the focus
    # ring), with dark text on it.
    QPalette.ColorRole.Highlight: "#6ea8fe",
    QPalette.ColorRole.HighlightedText: "#0d0d0f",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8086"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colours in _LIGHT.items():
        if isinstance(colours, str):
            palette.setColor(role, _colour(colours))
        else:
            for group, colour in zip(_GROUPS, colours, strict=True):
                palette.setColor(group, role, _colour(colour))
    return palette


def _colour(text: str) -> QColor:
    """#rrggbb, or #aarrggbb (Qt's order) for a see-through colour."""
    return QColor.fromString(text)


THEMES = ("system", "light", "dark")  # View > Theme; remembered in the user's settings
THEME_KEY = "view/theme"


def chosen_theme() -> str:
    """The theme asked for: DDWIZARD_THEME (for scripts), else View > Theme, else system."""
    chosen = os.environ.get("DDWIZARD_THEME", "").lower()
    if chosen in THEMES:
        return chosen
    from ddwizard.ui.settings import settings

    remembered = str(settings().value(THEME_KEY, "system"))
    return remembered if remembered in THEMES else "system"


def wants_dark() -> bool:
    chosen = chosen_theme()
    if chosen in ("dark", "light"):
        return chosen == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def choose(app: QApplication, name: str) -> None:
    """View > Theme: System, Light or Dark, at once and from now on."""
    from ddwizard.ui.settings import write

    write(THEME_KEY, name)
    system = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    dark = system if name == "system" else name == "dark"
    app.setPalette(dark_palette() if dark else light_palette())


def apply(app: QApplication, dark: bool | None = None, *, style: bool = True) -> None:
    """The app's look. `style`: set the Fusion style (False when the app was made with
    QT_ARGS, which already chose it)."""
    if style:
        app.setStyle("Fusion")
    dark = wants_dark() if dark is None else dark
    app.setPalette(dark_palette() if dark else light_palette())
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


class Label(QLabel):
    """A QLabel that remembers its height at each width it is asked about, until its text,
    format, wrapping or font changes. Qt's layouts keep such answers for their own items but
    also ask a label's minimum height for a width, which QLabel works out afresh (shaping
    its text, or laying out a document) each time; showing a page of questions asks it
    hundreds of times."""

    _KEEP = 8  # widths remembered (a window being resized asks at many)
    _CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= self._KEEP:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def setTextFormat(self, text_format) -> None:  # noqa: N802 - Qt's name
        self._heights.clear()
        super().setTextFormat(text_format)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - Qt's name
        self._heights.clear()
        super().setWordWrap(on)

    def setIndent(self, indent: int) -> None:  # noqa: N802 - Qt's name
        self._heights.clear()
        super().setIndent(indent)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() in self._CHANGES:
            self._heights.clear()
        super().changeEvent(event)


def label(
    text: str, role: str = "", *, wrap: bool = True, size: float = 1.0, bold: bool = False
) -> QLabel:
    """A label with a text role ("help", "muted": see TEXT_ROLES) and a relative size."""
    w = Label(text)
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
            painter.drawRoundedRect(
                QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius
            )
        painter.end()

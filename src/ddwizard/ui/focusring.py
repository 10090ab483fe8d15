"""A clear focus ring: 2 px in the palette's focus colour around whichever control has the
keyboard focus (a field, a button, a note, a list), so it is always plain where typing goes.

Fusion marks the focus in ways that are easy to miss (a 1 px tint on a field, a dotted box
round a button's text, nothing on a flat button). The ring is a small widget drawn over the
control's edge, a sibling of the control, so it scrolls and is clipped with it. A fresh ring
is made at each move of the focus: the old one may belong to a page that has since gone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

WIDTH = 2  # px: the ring's line
GAP = 1  # px: between the control's edge and the ring
FOCUS_ROLE = QPalette.ColorRole.Highlight  # see theme: chosen to stand out in both palettes


class Ring(QWidget):
    def __init__(self, target: QWidget) -> None:
        super().__init__(target.parentWidget())
        self.target = target
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.place()

    def place(self) -> None:
        out = WIDTH + GAP
        self.setGeometry(self.target.geometry().adjusted(-out, -out, out, out))
        self.setVisible(self.target.isVisible())
        self.raise_()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(FOCUS_ROLE), WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 4, 4)
        painter.end()


class FocusRings(QObject):
    """Follows the focus within `window` (dialogs keep their own look)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)  # the window is asked of Qt (parent()), never held here
        self.ring: Ring | None = None
        self.target: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._moved)

    def _moved(self, _old, new: QWidget | None) -> None:
        self._drop()
        if new is None or new.parentWidget() is None or new.window() is not self.parent():
            return
        self.target = new
        self.ring = Ring(new)
        new.installEventFilter(self)

    def _drop(self) -> None:
        if self.target is not None and isValid(self.target):
            self.target.removeEventFilter(self)
        if self.ring is not None and isValid(self.ring):
            self.ring.hide()
            self.ring.deleteLater()
        self.ring = self.target = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        moved = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
        if watched is self.target and event.type() in moved and isValid(self.ring):
            self.ring.place()
        return False

"""A clear focus ring: 2 px in the palette's focus colour around whichever control has the
keyboard focus (a field, a button, a note, a list), so it is always plain where typing goes.

Fusion marks the focus in ways that are easy to miss (a 1 px tint on a field, a dotted box
round a button's text, nothing on a flat button). The ring is a small widget drawn over the
control's edge, in the viewport of the scrolling area the control is in (else the window's
central widget), so it is clipped with it and follows it as it scrolls. Those hosts have no
layout of their own: a ring added to the control's own parent made Qt lay the whole page
out again (~20 ms a step). A fresh ring is made at each move of the focus: the old one may
belong to a page that has since gone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from shiboken6 import isValid

WIDTH = 2  # px: the ring's line
GAP = 1  # px: between the control's edge and the ring
FOCUS_ROLE = QPalette.ColorRole.Highlight  # see theme: chosen to stand out in both palettes


def host_of(target: QWidget) -> QWidget:
    """Where a control's ring goes: the nearest scrolling area's viewport, else the top."""
    parent = target.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        if parent.parentWidget() is None or parent.parentWidget().isWindow():
            return parent
        parent = parent.parentWidget()
    return target.window()


class Ring(QWidget):
    def __init__(self, target: QWidget, host: QWidget) -> None:
        super().__init__(host)
        self.target = target
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.place()

    def place(self) -> None:
        out = WIDTH + GAP
        where = QRect(self.target.mapTo(self.parentWidget(), QPoint(0, 0)), self.target.size())
        self.setGeometry(where.adjusted(-out, -out, out, out))
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
        host = host_of(new)
        self.ring = Ring(new, host)
        new.installEventFilter(self)
        self._scrolls = []
        widget = new.parentWidget()
        while widget is not None and widget is not host.window():
            if isinstance(widget, QAbstractScrollArea):  # follow it as it scrolls
                for bar in (widget.verticalScrollBar(), widget.horizontalScrollBar()):
                    bar.valueChanged.connect(self._follow)
                    self._scrolls.append(bar)
            widget = widget.parentWidget()

    def _follow(self, *_) -> None:
        if self.ring is not None and isValid(self.ring) and isValid(self.target):
            self.ring.place()

    _scrolls: list = []

    def _drop(self) -> None:
        for bar in self._scrolls:
            if isValid(bar):
                bar.valueChanged.disconnect(self._follow)
        self._scrolls = []
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

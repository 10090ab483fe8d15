"""Small widgets a narrow window needs: a layout that wraps its items onto new lines, a radio
button whose label wraps, and a group of buttons that is one Tab stop, moved through with
the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLayout,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ddwizard.ui.theme import Label, muted

# Fusion's radio indicator (14 px) and the gap after it. Asking the style for them makes
# PySide build QStyle's Python type and enums (~10 ms on the first area page).
INDICATOR_PX = 14 + 8


class FlowLayout(QLayout):
    """Items left to right, onto a new line when the next one would not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12, line: int = 4):
        super().__init__(parent)
        self._items = []
        self._gap, self._line = spacing, line
        self._heights: dict[int, int] = {}  # by width, until invalidated (as Qt's own do)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt's name
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def expandingDirections(self):  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = sum(i.sizeHint().width() for i in self._items) + self._gap * len(self._items)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        left, top, right, bottom = self.getContentsMargins()
        return size + QSize(left + right, top + bottom)

    def _arrange(self, rect: QRect, move: bool) -> int:
        left, top, right, bottom = self.getContentsMargins()
        area = rect.adjusted(left, top, -right, -bottom)
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + self._line, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + bottom


class WrapRadio(QRadioButton):
    """A radio button whose label wraps (QRadioButton's own text never does): the label is
    a child drawn beside the indicator, and a click anywhere on it chooses the option."""

    def __init__(
        self, text: str, lead: str = "", parent: QWidget | None = None, hint: str = ""
    ) -> None:
        """`hint`: a line under the label, in the muted text colour, saying what the answer
        looks like (part of the description, not the name, for a screen reader)."""
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(INDICATOR_PX, 1, 0, 1)
        row.setSpacing(8)
        self.labels = []
        for words, wrap in ((lead, False), (text, True)):
            if not words:
                continue
            label = self._label(words, wrap)
            row.addWidget(label, 1 if wrap else 0, Qt.AlignmentFlag.AlignTop)
            self.labels.append(label)
        self.hint = None
        if hint:
            column = QVBoxLayout()
            column.setSpacing(1)
            row.removeWidget(self.labels[-1])
            column.addWidget(self.labels[-1])
            self.hint = muted(self._label(hint, True), "help")
            column.addWidget(self.hint)
            row.addLayout(column, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _label(self, words: str, wrap: bool) -> QLabel:
        label = Label(words, self)
        label.setWordWrap(wrap)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label

    def shown_text(self) -> str:
        return " ".join(label.text() for label in self.labels)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        return self.rect().contains(pos)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.layout().heightForWidth(width)


class RovingFocus(QObject):
    """Buttons that are one Tab stop together: Tab reaches the one last used, and the arrow
    keys move between them (Space still ticks the one with the focus)."""

    NEXT = (Qt.Key.Key_Right, Qt.Key.Key_Down)
    PREVIOUS = (Qt.Key.Key_Left, Qt.Key.Key_Up)

    def __init__(self, buttons: list[QAbstractButton], parent: QObject | None = None):
        super().__init__(parent)
        self.buttons = list(buttons)
        for button in self.buttons:
            button.installEventFilter(self)
        if self.buttons:
            self._make_current(self.buttons[0])

    def _make_current(self, current: QAbstractButton) -> None:
        for button in self.buttons:
            strong = button is current
            policy = Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._make_current(watched)
        elif kind == QEvent.Type.KeyPress and not event.modifiers():
            step = 1 if event.key() in self.NEXT else -1 if event.key() in self.PREVIOUS else 0
            if step:
                i = (self.buttons.index(watched) + step) % len(self.buttons)
                self.buttons[i].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False


def one_tab_stop(group: QButtonGroup) -> None:
    """Radio buttons that are one Tab stop: the chosen one (else the first). The arrow keys
    still move between them, choosing as they go, as Qt does in a group."""

    def follow(*_) -> None:
        current = group.checkedButton() or (group.buttons() or [None])[0]
        for button in group.buttons():
            policy = Qt.FocusPolicy.StrongFocus if button is current else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)

    group.buttonToggled.connect(follow)
    follow()

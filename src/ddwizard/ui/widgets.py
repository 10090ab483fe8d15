"""Small widgets a narrow window needs: a layout that wraps its items onto new lines, a radio
button whose label wraps, and a group of buttons that is one Tab stop, moved through with
the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QLayout,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from ddwizard.ui.theme import TEXT_ROLES

# Fusion's radio indicator (14 px) and the gap after it. Asking the style for them makes
# PySide build QStyle's Python type and enums, which slows the first area page shown.
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
    """A radio button whose label wraps (QRadioButton's own text never does), after its
    number, with an optional hint under the label in the muted text colour. A click anywhere
    on it chooses the option.

    It draws its words itself, as a label would, beside the indicator: a page has dozens of
    options, and a label for each of their parts made the page slower to show. Their
    heights at a width are remembered until the font or style changes."""

    GAP = 8  # between the number and the label, and the hint's 1 px below the label
    LINE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    WRAP = LINE | Qt.TextFlag.TextWordWrap
    _CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange)

    def __init__(
        self, text: str, lead: str = "", parent: QWidget | None = None, hint: str = ""
    ) -> None:
        """`hint`: a line under the label saying what the answer looks like (part of the
        description, not the name, for a screen reader: see `question.QuestionBox`)."""
        super().__init__(parent)
        self.words, self.lead, self.hint = text, lead, hint
        self._heights: dict[int, tuple[int, int]] = {}
        self._sizes: dict[str, QSize] = {}  # the number's, and the hints, as a label keeps them
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def shown_text(self) -> str:
        return " ".join(words for words in (self.lead, self.words) if words)

    # --- where the words go ------------------------------------------------------------------

    def _bounds(self, text: str, width: int, flags=WRAP) -> QRect:
        return self.fontMetrics().boundingRect(QRect(0, 0, width, 2000), flags, text)

    def _lead_size(self) -> QSize:
        if "lead" not in self._sizes:
            lead = self._bounds(self.lead, 2000, self.LINE).size() if self.lead else QSize(0, 0)
            self._sizes["lead"] = lead
        return self._sizes["lead"]

    def _left(self) -> int:
        """Where the label and hint start."""
        lead = self._lead_size().width()
        return INDICATOR_PX + (lead + self.GAP if lead else 0)

    def _blocks(self, width: int) -> tuple[int, int]:
        """The heights of the label and the hint on a button `width` wide."""
        blocks = self._heights.get(width)
        if blocks is None:
            room = max(1, width - self._left())
            hint = self._bounds(self.hint, room).height() if self.hint else 0
            blocks = self._heights[width] = (self._bounds(self.words, room).height(), hint)
        return blocks

    def _height(self, label: int, hint: int) -> int:
        words = label + (1 + hint if self.hint else 0)
        return 1 + max(self._lead_size().height(), words) + 1

    def hint_rect(self) -> QRect:
        """Where the hint is drawn (empty with none)."""
        if not self.hint:
            return QRect()
        label, hint = self._blocks(self.width())
        return QRect(self._left(), 2 + label, self.width() - self._left(), hint)

    # --- sizes, as a label's ------------------------------------------------------------------

    def _natural(self, text: str) -> QSize:
        """The size a label chooses for wrapped words when it is not given a width."""
        if not text:
            return QSize(0, 0)
        width, line = self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing()
        bounds = self._bounds(text, width)
        if bounds.height() < 4 * line and bounds.width() > width // 2:
            bounds = self._bounds(text, width // 2)
        if bounds.height() < 2 * line and bounds.width() > width // 4:
            bounds = self._bounds(text, width // 4)
        return bounds.size()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if "hint" not in self._sizes:
            label, hint = self._natural(self.words), self._natural(self.hint)
            width = self._left() + max(label.width(), hint.width())
            self._sizes["hint"] = QSize(width, self._height(label.height(), hint.height()))
        return self._sizes["hint"]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if "least" not in self._sizes:
            widest = max(self._bounds(words, 0).width() for words in (self.words, self.hint))
            label = self._bounds(self.words, 2000, self.LINE).height()
            hint = self._bounds(self.hint, 2000, self.LINE).height() if self.hint else 0
            self._sizes["least"] = QSize(self._left() + widest, self._height(label, hint))
        return self._sizes["least"]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._height(*self._blocks(width))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() in self._CHANGES:
            self._heights.clear()
            self._sizes.clear()
        super().changeEvent(event)

    # --- drawing and clicking ----------------------------------------------------------------

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        return self.rect().contains(pos)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)  # the indicator
        label, hint = self._blocks(self.width())
        left, room = self._left(), self.width() - self._left()
        painter = QPainter(self)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(ink)
        if self.lead:
            painter.drawText(
                QRect(QPoint(INDICATOR_PX, 1), self._lead_size()), self.LINE, self.lead
            )
        painter.drawText(QRect(left, 1, room, label), self.WRAP, self.words)
        if self.hint:
            painter.setPen(self.palette().color(TEXT_ROLES["help"]))
            painter.drawText(QRect(left, 2 + label, room, hint), self.WRAP, self.hint)
        painter.end()


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

"""The wizard's pages, one shown at a time.

Why not QStackedWidget: switching its page turns updates off and on again for the whole
stack, which walks every widget of every page ever built (a few thousand once an assessment
has been gone through), so each step got slower the more pages had been visited. Here a
switch touches only the page going and the page coming; the others stay hidden children.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget


class PageStack(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - as QStackedWidget's
        page.hide()
        page.setParent(self)
        page.setGeometry(self.rect())  # laid out at the size it will be shown at

    def removeWidget(self, page: QWidget) -> None:  # noqa: N802
        """Take a page out (its owner deletes it)."""
        if page is self._current:
            self._layout.removeWidget(page)
            self._current = None
        page.hide()

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        old = self._current
        if page is old:
            return
        focus = QApplication.focusWidget()
        had_focus = old is not None and focus is not None and old.isAncestorOf(focus)
        if old is not None:
            self._layout.removeWidget(old)
        self._layout.addWidget(page)
        self._current = page
        page.show()
        if had_focus:
            _focus_into(page)
        # Hidden once the focus has moved: hiding the page with the focus in it makes Qt pass
        # the focus on to the next control in the window first (the step list, which then
        # draws itself again, and a screen reader hears of it).
        if old is not None:
            old.hide()


def _focus_into(page: QWidget) -> None:
    """Focus was on the page that went: put it in the page that came, as QStackedWidget
    does (the page's own focus widget, else its first control in the tab order)."""
    if page.focusWidget() is not None:
        page.focusWidget().setFocus()
        return
    first = first_control(page)
    (first or page).setFocus()


def first_control(page: QWidget) -> QWidget | None:
    """The first control of `page` that Tab would reach."""
    start = widget = page
    while (widget := widget.nextInFocusChain()) is not start:
        if (
            (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and page.isAncestorOf(widget)
        ):
            return widget
    return None

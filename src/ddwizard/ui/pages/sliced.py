"""A scrolling page built in parts, so that moving to it is quick: what fills the window
when it is made, and the rest a few parts at a time once it is shown, each slice short
enough that a key press is never kept waiting (`SLICE_S`).

What fills the window is measured at the width the column will have; the labels keep those
heights (`theme.Label`), so showing the page does not work them out again. Controls made
after the first part take their place in the tab order as they come (`chain`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTimer
from PySide6.QtWidgets import QWidget

from ddwizard.ui.pages.base import Page, Scrolling

SLICE_S = 0.012  # the longest a slice of the rest of the page takes to build
FIRST_FRAME_MS = 100  # the rest is built after the first frame, or this long after showing


class SlicedPage(Page):
    """Subclasses make `scroll` (a `Scrolling`) and call `build_first` with their parts, in
    order from the top, each a function that adds one part to the page."""

    scroll: Scrolling

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self._rest: list[Callable[[], None]] = []
        self._slicing = False
        self._last_made: QWidget | None = None  # the last control in the tab order (see chain)

    def build_first(self, parts: list[Callable[[], None]], fill: QSize, width: int) -> None:
        """Build parts until they fill a page of size `fill` whose column is `width` wide;
        the rest once shown."""
        self._rest, self._fill, self._width = parts, fill, width
        self.build_while(lambda: self.built_height() < fill.height())
        self.scroll.finish()
        if self._rest:
            self.scroll.viewport().installEventFilter(self)

    def built_height(self) -> int:
        """The height of what is built so far, at the column's width."""
        return self.scroll.body.parentWidget().heightForWidth(self._width)

    def build_while(self, more: Callable[[], bool]) -> None:
        while self._rest and more():
            self._rest.pop(0)()

    def build_window_below(self) -> None:
        """Build a window's height more than is built (the focus is going to the end)."""
        below = self.built_height() + self._fill.height()
        self.build_while(lambda: self.built_height() < below)

    def build_rest(self) -> None:
        """Build whatever of the page is still to come, now, laid out."""
        if self._rest:
            self.build_while(lambda: True)
            self.scroll.viewport().removeEventFilter(self)
            self.lay_out()

    def lay_out(self) -> None:
        """Lay out now what was just built, for a caller who needs it in place (to click,
        focus or scroll to): the column, what that resized, the scrolling area."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def chain(self, controls: list[QWidget]) -> None:
        """Put controls made after the first part in the tab order, after those before."""
        if self._last_made is None:
            return
        for control in controls:
            QWidget.setTabOrder(self._last_made, control)
            self._last_made = control

    def _slice(self) -> None:
        """Build the next parts of the page, for at most SLICE_S; again later if need be."""
        self._slicing = False
        if not self.isVisible():  # moved on before it was done: carry on when shown again
            return
        end = time.perf_counter() + SLICE_S
        self.build_while(lambda: time.perf_counter() < end)
        if self._rest:
            self._slice_soon()
        else:
            self.scroll.viewport().removeEventFilter(self)

    def _slice_soon(self) -> None:
        if self._rest and not self._slicing:
            self._slicing = True
            QTimer.singleShot(0, self, self._slice)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._rest:  # after the page's first frame (see eventFilter), or soon at most
            QTimer.singleShot(FIRST_FRAME_MS, self, self._slice_soon)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._rest:
            self._slice_soon()  # the first frame is on screen: build the rest
        return False

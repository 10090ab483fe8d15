"""What screen readers are told beyond names (AT-SPI on Linux, UI Automation on Windows,
both through Qt): a step's title is a heading, and the save status is announced when it
changes."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

HEADING = "heading"  # a label's property: its heading level (1 the page's title)


class _Heading(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)

    def text(self, kind):
        if kind == QAccessible.Text.Name:
            return self.widget().text()
        return super().text(kind)


def _factory(key: str, obj):
    if isinstance(obj, QLabel) and obj.property(HEADING):
        return _Heading(obj)
    return None


_installed = False


def install() -> None:
    """Let Qt's accessibility ask here first (once for the application)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def as_heading(label: QLabel, level: int = 1) -> QLabel:
    label.setProperty(HEADING, level)
    return label


def announce(widget: QWidget, words: str) -> None:
    """Have a screen reader say `words` now (the status bar's save status, say)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, words))

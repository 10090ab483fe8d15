"""Helpers for driving the real widgets: answers for dialogs, clicks that land on a radio
button's indicator, and a window on a database in tmp_path."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QStyle

from ddwizard.ui.dialogs import Dialogs


class FakeDialogs(Dialogs):
    """Scripted answers; records every question and message."""

    def __init__(self) -> None:
        self.open_paths: list[str | None] = []
        self.save_paths: list[str | None] = []
        self.confirms: list[bool] = []
        self.choices: list[int | None] = []
        self.offered: list[list[str]] = []  # the buttons of each choice asked
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.texts: list[str | None] = []  # answers to ask_text
        self.parent = None

    def get_open_path(self, title, folder="", filters=""):
        self.asked.append(("open", title))
        return self.open_paths.pop(0) if self.open_paths else None

    def get_save_path(self, title, suggested="", filters=""):
        self.asked.append(("save", title))
        return self.save_paths.pop(0) if self.save_paths else None

    def confirm(self, title, text, yes="OK"):
        self.asked.append(("confirm", text))
        return self.confirms.pop(0) if self.confirms else False

    def choose(self, title, text, choices):
        self.asked.append(("choose", text))
        self.offered.append(list(choices))
        return self.choices.pop(0) if self.choices else None

    def ask_text(self, title, label, text=""):
        self.asked.append(("text", label))
        return self.texts.pop(0) if self.texts else None

    def inform(self, title, text):
        self.infos.append(text)

    def error(self, title, text):
        self.errors.append(text)


def click(qtbot, button: QAbstractButton) -> None:
    """Click where a person would: on a check or radio indicator, else the middle."""
    metric = QStyle.PixelMetric.PM_IndicatorWidth
    x = button.style().pixelMetric(metric) // 2 + 2
    point = QPoint(x, button.height() // 2) if button.isCheckable() else button.rect().center()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=point)

"""Dialogs behind a thin interface, so logic that asks a question can be tested without a
modal box (the pattern of Mu's `get_save_path`). Tests swap in their own answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# QFileDialog and QMessageBox are imported when first asked for: making their Python types
# (and their enums) costs a few milliseconds of start-up, before any dialog is wanted.


class Dialogs:
    """What the app asks the person. Each method returns the answer; None means cancelled."""

    def get_open_path(self, title: str, folder: str = "", filters: str = "") -> str | None:
        raise NotImplementedError

    def get_save_path(self, title: str, suggested: str = "", filters: str = "") -> str | None:
        raise NotImplementedError

    def confirm(self, title: str, text: str, yes: str = "OK") -> bool:
        raise NotImplementedError

    def choose(self, title: str, text: str, choices: list[str]) -> int | None:
        """One of several actions; the index chosen, or None for Cancel."""
        raise NotImplementedError

    def inform(self, title: str, text: str) -> None:
        raise NotImplementedError

    def error(self, title: str, text: str) -> None:
        raise NotImplementedError


class QtDialogs(Dialogs):
    """The real thing: Qt's file dialogs and message boxes, parented to the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def get_open_path(self, title, folder="", filters=""):
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return path or None

    def get_save_path(self, title, suggested="", filters=""):
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None

    def confirm(self, title, text, yes="OK"):
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Question, title, text)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def choose(self, title, text, choices):
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Question, title, text)
        buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def inform(self, title, text):
        from PySide6.QtWidgets import QMessageBox

        self._box(QMessageBox.Icon.Information, title, text).exec()

    def error(self, title, text):
        from PySide6.QtWidgets import QMessageBox

        self._box(QMessageBox.Icon.Warning, title, text).exec()

    def _box(self, icon, title, text) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        box.setTextFormat(box.textFormat().PlainText)
        return box

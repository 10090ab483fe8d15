"""Dialogs behind a thin interface, so logic that asks a question can be tested without a
modal box (the pattern of Mu's `get_save_path`). Tests swap in their own answers."""

from __future__ import annotations

from pathlib import Path
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

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """A line of text typed in answer; None when cancelled."""
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

        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder or start_folder(), filters)
        return used(path)

    def get_save_path(self, title, suggested="", filters=""):
        from PySide6.QtWidgets import QFileDialog

        where = str(Path(start_folder()) / suggested) if suggested else start_folder()
        path, _ = QFileDialog.getSaveFileName(self.parent, title, where, filters)
        return used(path)

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
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))  # the safe one
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def ask_text(self, title, label, text=""):
        from PySide6.QtWidgets import QInputDialog

        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer if ok else None

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


LAST_FOLDER_KEY = "files/last_folder"  # in the user's settings (see ui.settings)


def start_folder() -> str:
    """Where a file dialog opens: the folder last used, else the user's documents."""
    from PySide6.QtCore import QStandardPaths

    from ddwizard.ui.settings import settings

    last = str(settings().value(LAST_FOLDER_KEY, ""))
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def used(path: str) -> str | None:
    """A chosen file (None for none); its folder is where the next dialog opens."""
    if not path:
        return None
    from ddwizard.ui.settings import write

    write(LAST_FOLDER_KEY, str(Path(path).parent))
    return path

"""The real dialogs (QtDialogs), answered as a person would: each box is found while it is
open and a button of it pressed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from ddwizard.ui.dialogs import QtDialogs


def answer(press) -> list:
    """When the next modal box opens, `press(box)` closes it; what was seen is returned."""
    seen = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, look)
            return
        seen.append(box)
        press(box)

    QTimer.singleShot(0, look)
    return seen


def test_message_boxes_say_the_text_as_plain_text_and_return_the_choice(qtbot):
    dialogs = QtDialogs()
    seen = answer(lambda box: next(b for b in box.buttons() if b.text() == "Delete").click())
    assert dialogs.confirm("Delete", "Delete <b>Oak</b> & all?", "Delete") is True
    assert seen[0].text() == "Delete <b>Oak</b> & all?"
    assert seen[0].textFormat() == seen[0].textFormat().PlainText

    answer(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert dialogs.confirm("Delete", "Sure?", "Delete") is False

    answer(lambda box: next(b for b in box.buttons() if b.text() == "Second").click())
    assert dialogs.choose("Pick", "Which?", ["First", "Second"]) == 1
    answer(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert dialogs.choose("Pick", "Which?", ["First", "Second"]) is None

    for say in (dialogs.inform, dialogs.error):
        seen = answer(lambda box: box.accept())
        say("Saved", "The brief is saved 😀")
        assert seen and seen[0].text() == "The brief is saved 😀"


def test_file_dialogs_return_none_when_cancelled(qtbot, tmp_path):
    dialogs = QtDialogs()
    for ask in (dialogs.get_open_path, dialogs.get_save_path):
        seen = answer(lambda box: box.reject())
        assert ask("Choose a file", str(tmp_path), "Bundles (*.json)") is None
        assert isinstance(seen[0], QFileDialog | QDialog)


def test_a_file_chosen_in_the_dialog_is_returned(qtbot, tmp_path):
    bundle = tmp_path / "oak & ash.json"
    bundle.write_text("{}")

    def choose(box) -> None:
        box.selectFile(str(bundle))
        box.accept()

    answer(choose)
    assert QtDialogs().get_open_path("Import a bundle", str(tmp_path)) == str(bundle)

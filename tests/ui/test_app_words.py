"""Dialogs in the app's words: importing an assessment that is already here offers Replace
(a backup first), Keep both or Cancel, with no command-line flags; a file that is not a
bundle is named as such; file dialogs open in the documents folder or the last one used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ddwizard import services
from ddwizard.storage import list_backups
from ddwizard.ui.actions import KEEP_BOTH, REPLACE
from ddwizard.ui.dialogs import QtDialogs, start_folder

from .test_dialogs import answer


def import_and_wait(qtbot, window, path, until) -> None:
    window.actions.import_bundle(str(path))
    qtbot.waitUntil(until, timeout=30_000)
    window.actions.wait()


def test_importing_an_assessment_already_here(qtbot, window, dialogs, db, db_path, tmp_path):
    first = services.create_demo(db)
    bundle = services.export_assessment(db, first, tmp_path / "visit.json")
    dialogs.choices.append(None)  # Cancel: nothing happens
    import_and_wait(qtbot, window, bundle, lambda: bool(dialogs.offered))
    (kind, text), offered = dialogs.asked[-1], dialogs.offered[-1]
    assert kind == "choose" and offered == [REPLACE, KEEP_BOTH] and "--" not in text
    assert len(db.list_assessments()) == 1
    dialogs.choices.append(1)  # Keep both
    import_and_wait(qtbot, window, bundle, lambda: len(db.list_assessments()) == 2)
    dialogs.choices.append(0)  # Replace it, after a backup
    before = len(list_backups(db_path))
    import_and_wait(qtbot, window, bundle, lambda: len(list_backups(db_path)) > before)
    qtbot.waitUntil(lambda: len(dialogs.offered) == 3 and window.model.is_open())
    assert len(db.list_assessments()) == 2
    assert not dialogs.errors


def test_a_file_that_is_not_a_bundle_is_named_as_such(qtbot, window, dialogs, tmp_path):
    for name, content in (("notes.json", "hello"), ("other.json", '{"a": 1}')):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        count = len(dialogs.errors)
        import_and_wait(qtbot, window, path, lambda c=count: len(dialogs.errors) > c)
        said = dialogs.errors[-1]
        assert f"{name} is not a ddwizard bundle" in said and "Export bundle" in said
        assert "JSON" not in said and "line 1" not in said


def test_choices_default_to_cancel_and_files_open_where_last_used(qtbot, tmp_path):
    seen = answer(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    QtDialogs().choose("Import a bundle", "Already here.", [REPLACE, KEEP_BOTH])
    assert seen[0].defaultButton() is seen[0].button(QMessageBox.StandardButton.Cancel)

    assert Path(start_folder()).is_dir()  # the documents folder (or home) at first
    chosen = tmp_path / "visit.json"
    chosen.write_text("{}")

    def pick(box) -> None:
        box.selectFile(str(chosen))
        box.accept()

    answer(pick)
    assert QtDialogs().get_open_path("Import a bundle") == str(chosen)
    assert start_folder() == str(tmp_path)
    opened_in = []

    def look(box) -> None:
        opened_in.append(Path(box.directory().absolutePath()))
        box.reject()

    answer(look)
    QtDialogs().get_save_path("Export bundle", "brief.pdf")
    assert opened_in == [tmp_path]

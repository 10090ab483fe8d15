"""Closing and reopening the app returns to the same assessment, step and answers."""

from __future__ import annotations

from ddwizard import services
from ddwizard.core.changes import ChecklistEntrySet
from ddwizard.ui.pages.area import AreaPage

from .helpers import click


def test_reopen_returns_to_the_same_assessment_and_step(qtbot, make_window, db_path):
    db = services.open_database(db_path)
    window = make_window(db)
    window.actions.new_assessment()
    area = next(s.key for s in window.wizard.steps if s.key.startswith("area:"))
    window.wizard.go(area)
    page: AreaPage = window.wizard.current_page()
    box = next(iter(page.questions.values()))
    click(qtbot, box.radios[1])
    qtbot.keyClicks(box.note, "typed just before closing")
    aid = window.model.assessment_id
    window.close()  # flushes the note
    db.close()

    db2 = services.open_database(db_path)
    again = make_window(db2)
    assert again.model.assessment_id == aid
    assert again.wizard.current() == area
    page = again.wizard.current_page()
    box = next(iter(page.questions.values()))
    assert box.selected() == box.question.options[1].key
    assert box.note.toPlainText() == "typed just before closing"
    again.close()
    db2.close()


def test_the_start_screen_is_remembered_too(qtbot, make_window, db_path):
    db = services.open_database(db_path)
    window = make_window(db)
    window.actions.new_assessment()
    window.show_start()
    window.close()
    db.close()
    db2 = services.open_database(db_path)
    again = make_window(db2)
    assert again.views.currentWidget() is again.start
    assert not again.model.is_open()
    again.close()
    db2.close()


def test_switching_assessments_drops_the_old_pages(qtbot, window, db):
    from shiboken6 import isValid

    from ddwizard.core.assessment import ChecklistEntry, ItemStatus

    first = window.actions.new_assessment()
    for step in list(window.wizard.steps):
        window.wizard.go(step.key)
    old_pages = list(window.wizard.pages.values())
    second = window.actions.new_assessment()
    assert window.model.assessment_id == second != first
    assert all(p not in window.wizard.pages.values() for p in old_pages)
    item = window.model.questionnaire.due_diligence[0].items[0].id
    window.model.apply(ChecklistEntrySet(ChecklistEntry(item, ItemStatus.IN_PROGRESS)))
    qtbot.waitUntil(lambda: not any(isValid(p) for p in old_pages))  # really gone
    window.model.apply(ChecklistEntrySet(ChecklistEntry(item, ItemStatus.DONE)))
    assert window.wizard.current() == "about"

"""Closing and reopening the app returns to the same assessment, step and answers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddwizard import services
from ddwizard.core.changes import ChecklistEntrySet
from ddwizard.ui.pages.area import AreaPage

from .helpers import click


def test_reopening_offers_to_carry_on_where_the_person_left_off(qtbot, make_window, db_path):
    """The app opens on the list, never straight into an assessment (the screen may be in
    front of another school); Enter carries on at the same step, with every answer."""
    db = services.open_database(db_path)
    window = make_window(db)
    window.actions.new_assessment()
    qtbot.keyClicks(window.wizard.current_page().school_name, "Beech Road Primary")
    area = next(s for s in window.wizard.steps if s.key.startswith("area:"))
    window.wizard.go(area.key)
    page: AreaPage = window.wizard.current_page()
    box = next(iter(page.questions.values()))
    click(qtbot, box.radios[1])
    qtbot.keyClicks(box.note, "typed just before closing")
    aid = window.model.assessment_id
    window.close()  # flushes the note
    db.close()

    db2 = services.open_database(db_path)
    again = make_window(db2)
    assert again.views.currentWidget() is again.start and not again.model.is_open()
    offer = again.start.carry_on
    assert offer.isVisible()
    assert "Beech Road Primary" in offer.words.text()
    assert f"\u201c{area.title}\u201d" in offer.words.text()
    assert again.start.selected_id() == aid
    assert again.focusWidget() is offer.button
    assert again.carry_on_action.isEnabled()  # also File > Carry on where you left off
    qtbot.keyClick(offer.button, Qt.Key.Key_Return)  # Enter, from the keyboard alone
    assert again.model.assessment_id == aid
    assert again.wizard.current() == area.key
    assert not offer.isVisibleTo(again.start)  # taken up: not offered on the list again
    assert not again.carry_on_action.isEnabled()
    page = again.wizard.current_page()
    box = next(iter(page.questions.values()))
    assert box.selected() == box.question.options[1].key
    assert box.note.toPlainText() == "typed just before closing"
    again.close()
    db2.close()

    db3 = services.open_database(db_path)  # still offered, as long as it was left open
    third = make_window(db3)
    assert third.start.carry_on.isVisible()
    third.carry_on_action.trigger()  # from the menu this time
    assert third.wizard.current() == area.key
    third.close()
    db3.close()


def test_the_offer_goes_when_the_assessment_does(qtbot, make_window, db_path, dialogs):
    db = services.open_database(db_path)
    window = make_window(db)
    aid = window.actions.new_assessment()
    window.close()
    again = make_window(db)
    assert again.start.carry_on.isVisible()
    db.delete_assessment(aid)  # by a command in a terminal, say
    again.start.refresh()
    assert not again.start.carry_on.isVisibleTo(again.start)
    again.close()
    db.close()


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

"""Dates typed as they are shown: three forms read, anything else refused in words with
nothing saved, no clamping and no spill into the next field; the calendar from the keyboard;
an unset date stays empty; a visit date far off is asked about before it is kept."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ddwizard.ui.dates import DateError, far_off, parse, shown

from .test_keyboard import activate

JAN_15 = datetime.date(2027, 1, 15)


@pytest.mark.parametrize(
    "text",
    ["15/01/2027", "15/1/2027", "15 Jan 2027", "15 january 2027", "2027-01-15", "  15  Jan  2027 "],
)
def test_the_forms_a_date_is_typed_in(text):
    assert parse(text) == JAN_15


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("12 Mar", "not a date"),
        ("15 Jan 27", "year in full"),
        ("31/02/2027", "no day 31"),
        ("2027/01/15", "not a date"),
        ("next week", "not a date"),
        ("15 Jann 2027", "not a month"),
        ("15/13/2027", "no month 13"),
        ("01/15/2027", "no month 15"),
    ],
)
def test_anything_else_is_refused_in_words(text, words):
    with pytest.raises(DateError, match=words):
        parse(text)


def test_an_empty_date_is_no_date_and_dates_show_as_typed():
    assert parse("   ") is None
    assert shown("2027-01-15") == "15 Jan 2027"
    assert far_off(datetime.date(2028, 3, 1), today=datetime.date(2026, 12, 5))
    assert not far_off(datetime.date(2027, 3, 12), today=datetime.date(2026, 12, 5))


def type_date(qtbot, field, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def stored(window):
    return window.model.db.load_assessment(window.model.assessment_id)


def test_the_visit_date(qtbot, window, dialogs):
    activate(qtbot, window)
    window.actions.new_assessment()
    about = window.wizard.current_page()
    soon = datetime.date.today() + datetime.timedelta(days=100)
    type_date(qtbot, about.date, f"{soon.day} {soon:%b} {soon.year}")
    assert stored(window).assessed_on == soon.isoformat()  # never 2202-02-28
    assert about.date.edit.text() == shown(soon.isoformat())
    type_date(qtbot, about.date, "12 Mar")  # refused in words: nothing saved, text kept
    assert about.date.error.isVisible() and "15 Jan 2027" in about.date.error.text()
    assert about.date.edit.text() == "12 Mar"
    assert stored(window).assessed_on == soon.isoformat()
    far = soon.replace(year=soon.year + 3)
    type_date(qtbot, about.date, far.isoformat())  # asked, and not kept
    assert "more than a year" in dialogs.asked[-1][1]
    assert stored(window).assessed_on == soon.isoformat()
    assert about.date.edit.text() == shown(soon.isoformat())
    dialogs.confirms.append(True)
    type_date(qtbot, about.date, far.strftime("%d/%m/%Y"))  # asked, and kept
    assert stored(window).assessed_on == far.isoformat()
    type_date(qtbot, about.date, "")  # unset: empty, not a made-up date
    assert stored(window).assessed_on == "" and about.date.edit.text() == ""


def test_a_due_date_and_the_calendar_from_the_keyboard(qtbot, window):
    activate(qtbot, window)
    window.actions.new_assessment()
    window.wizard.go("checklist")
    row = window.wizard.current_page().area_rows(0)[0]

    def entry():
        return stored(window).entry_for(row.item.id)

    row.due.edit.setFocus()
    qtbot.keyClicks(row.due.edit, "15 Jan 2027")
    qtbot.keyClick(row.due.edit, Qt.Key.Key_Tab)  # on to the note: nothing spills into it
    assert entry().due == "2027-01-15" and entry().note == ""
    assert row.note.toPlainText() == ""
    row.due.edit.setFocus()
    qtbot.keyClick(row.due.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.selectedDate().toPython() == JAN_15
    days = popup.focusProxy() or popup  # the month's grid
    qtbot.keyClick(days, Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert entry().due == "2027-01-16" and row.due.edit.text() == "16 Jan 2027"
    assert QApplication.focusWidget() is row.due.edit

"""The Decision step: what the governing board is asked to decide, the dates typed as the
app's other dates are, each side's reasons, the recommendation and its conditions (added,
edited and removed from the keyboard); stored as typed, undone with Ctrl+Z, read-only
when final; a joining date before the decision is said in words, not refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ddwizard.core.assessment import Decision, Status
from ddwizard.core.changes import DecisionSet, StatusSet
from ddwizard.ui.pages.decision import DecisionPage
from ddwizard.ui.steps import PAGES

from .test_final import editable
from .test_keyboard import activate

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def focus():
    return QApplication.focusWidget()


def open_decision(qtbot, window) -> DecisionPage:
    activate(qtbot, window)
    window.actions.new_assessment()
    window.wizard.go("decision")
    page = window.wizard.current_page()
    assert isinstance(page, DecisionPage)
    return page


def stored(db, window) -> Decision | None:
    return db.load_assessment(window.model.assessment_id).decision


def type_date(qtbot, field, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


def test_the_decision_comes_after_the_checklist_and_before_the_review(qtbot, window):
    names = [p.name for p in PAGES]
    assert names.index("checklist") < names.index("decision") == names.index("review") - 1
    page = open_decision(qtbot, window)
    assert focus() is page.texts["question"].widget  # the first field, ready to type


def test_a_decision_typed_from_the_keyboard_is_stored(qtbot, window, db):
    page = open_decision(qtbot, window)
    qtbot.keyClicks(focus(), "Should Hillside join Riverside?")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is page.decide_by.edit
    qtbot.keyClicks(focus(), "20/01/2027")  # each form the app's dates take
    type_date(qtbot, page.joining_on, "1 Apr 2027")
    for field, text in (
        ("school_reasons", "Resilience and colleagues"),
        ("trust_reasons", "A primary in the town"),
        ("recommendation", "Join, on conditions"),
    ):
        page.texts[field].widget.setFocus()
        qtbot.keyClicks(focus(), text)
    page.save()  # leaving the step writes what is still being typed
    assert stored(db, window) == Decision(
        "Should Hillside join Riverside?",
        "2027-01-20",
        "2027-04-01",
        "Resilience and colleagues",
        "A primary in the town",
        "Join, on conditions",
    )
    type_date(qtbot, page.decide_by, "2027-01-21")
    assert stored(db, window).decide_by == "2027-01-21"
    assert page.decide_by.edit.text() == "21 Jan 2027"  # shown as the app shows dates


def test_a_date_that_cannot_be_read_is_refused_in_words_and_nothing_saved(qtbot, window, db):
    page = open_decision(qtbot, window)
    type_date(qtbot, page.decide_by, "15 Jam 2027")
    assert "not a month" in page.decide_by.error.text() and page.decide_by.error.isVisible()
    assert page.decide_by.edit.text() == "15 Jam 2027"  # kept as typed, to be put right
    assert stored(db, window) is None


def test_joining_before_the_decision_is_said_in_words(qtbot, window, db):
    page = open_decision(qtbot, window)
    type_date(qtbot, page.decide_by, "20 May 2027")
    type_date(qtbot, page.joining_on, "1 Apr 2027")
    assert stored(db, window).joining_on == "2027-04-01"  # kept: it is said, not refused
    words = page.date_warning.text()
    assert page.date_warning.isVisible()
    assert "1 Apr 2027" in words and "20 May 2027" in words and "before" in words
    type_date(qtbot, page.joining_on, "1 Sep 2027")
    assert not page.date_warning.isVisible()


def test_conditions_are_added_edited_and_removed_from_the_keyboard(qtbot, window, db):
    page = open_decision(qtbot, window)
    conditions = page.conditions
    conditions.add_button.setFocus()
    qtbot.keyClick(conditions.add_button, Qt.Key.Key_Space)
    assert focus() is conditions.rows[0].text
    qtbot.keyClicks(focus(), "Roof survey before joining")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)  # Enter at the end: the next condition
    assert len(conditions.rows) == 2 and focus() is conditions.rows[1].text
    qtbot.keyClicks(focus(), "Pension share agreed in writing")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)  # on to its Remove button
    assert focus() is conditions.rows[1].remove
    assert stored(db, window).conditions == (
        "Roof survey before joining",
        "Pension share agreed in writing",
    )
    first = conditions.rows[0].text
    first.setFocus()
    first.moveCursor(first.textCursor().MoveOperation.End)
    qtbot.keyClicks(first, " (condition survey)")
    conditions.rows[0].remove.setFocus()  # leaving the field writes it
    assert stored(db, window).conditions[0] == "Roof survey before joining (condition survey)"
    qtbot.keyClick(focus(), Qt.Key.Key_Space)  # Remove the first
    assert stored(db, window).conditions == ("Pension share agreed in writing",)
    assert focus() is conditions.rows[0].text  # on to the condition now first
    assert conditions.rows[0].text.accessibleName() == "Condition 1"


def test_undo_and_redo_a_decision(qtbot, window, db):
    page = open_decision(qtbot, window)
    qtbot.keyClicks(focus(), "Should Hillside join?")
    page.save()
    type_date(qtbot, page.decide_by, "20 Jan 2027")
    qtbot.keyClick(focus(), Qt.Key.Key_Z, CTRL)
    assert stored(db, window).decide_by == "" and page.decide_by.edit.text() == ""
    assert stored(db, window).question == "Should Hillside join?"
    qtbot.keyClick(focus(), Qt.Key.Key_Z, CTRL)
    assert stored(db, window) is None
    assert page.texts["question"].widget.toPlainText() == ""
    qtbot.keyClick(focus(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert page.texts["question"].widget.toPlainText() == "Should Hillside join?"
    assert window.wizard.current() == "decision"


def test_a_final_decision_is_read_only(qtbot, window, db):
    page = open_decision(qtbot, window)
    window.model.apply(DecisionSet(Decision("Join?", conditions=("One", "Two"))))
    window.model.apply(StatusSet(Status.FINAL))
    aid = window.model.assessment_id
    window.show_start()
    window.open_assessment(aid, "decision")
    page = window.wizard.current_page()
    assert len(page.conditions.rows) == 2
    assert editable(page) == []
    qtbot.keyClicks(page.texts["question"].widget, "x")
    assert page.texts["question"].widget.toPlainText() == "Join?"


def test_the_assessors_role_and_whose_view_on_the_about_page(qtbot, window, db):
    activate(qtbot, window)
    window.actions.new_assessment()
    about = window.wizard.current_page()
    about.assessor.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is about.role
    qtbot.keyClicks(focus(), "Director of school improvement")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is about.perspective and about.perspective.currentText() == "Not recorded"
    for _ in range(2):  # the school's own, then the trust's
        qtbot.keyClick(focus(), Qt.Key.Key_Down)
    a = db.load_assessment(window.model.assessment_id)
    assert (a.assessor_role, a.perspective) == ("Director of school improvement", "trust")
    qtbot.keyClick(focus(), Qt.Key.Key_Z, CTRL)
    assert db.load_assessment(window.model.assessment_id).perspective == "school"
    assert about.perspective.currentText() == "The school's own view"


def test_a_long_condition_is_shown_whole_at_any_width(qtbot, window):
    page = open_decision(qtbot, window)
    long = "The share of the pension fund's deficit is agreed in writing with the fund " * 3
    window.model.apply(DecisionSet(Decision("Join?", conditions=(long,))))
    page.load()
    box = page.conditions.rows[0].text
    for width in (1280, 900, 1280):
        window.resize(width, 614)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        window.layout().activate()
        assert box.lines() > 1
        needed = box.lines() * box.fontMetrics().lineSpacing()
        assert box.height() >= needed and not box.verticalScrollBar().isVisible(), width

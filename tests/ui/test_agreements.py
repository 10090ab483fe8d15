"""Targets agreed, by whom and when, and route steps with an owner and who needs to know:
typed into the plane page's target editor and steps table from the keyboard, stored, and
Tab leaving the table for its buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ddwizard.core.assessment import Step, Target, TargetStatus
from ddwizard.core.changes import TargetSet

from .test_plane_page import aid, model, page, stored  # noqa: F401 - fixtures used by name


def focus():
    return QApplication.focusWidget()


def test_a_target_marked_agreed_by_whom_and_when(qtbot, page, db, aid):  # noqa: F811
    page.model.apply(TargetSet(Target("reading", 0.5, 0.5, "2027-09")))
    editor = page.editor
    assert editor.status.currentText() == "Not recorded"
    assert not editor.agreed_by.isVisible()  # asked for once it is agreed
    editor.status.setFocus()
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    assert stored(db, aid).status is TargetStatus.PROPOSED
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    assert stored(db, aid).status is TargetStatus.AGREED
    assert focus() is editor.status  # the arrows go on choosing
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is editor.agreed_by
    qtbot.keyClicks(focus(), "Both boards")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is editor.agreed_on.edit
    qtbot.keyClicks(focus(), "1 Dec 2026")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    t = stored(db, aid)
    assert (t.status, t.agreed_by, t.agreed_on) == (
        TargetStatus.AGREED,
        "Both boards",
        "2026-12-01",
    )
    assert (t.purpose, t.practice, t.by) == (0.5, 0.5, "2027-09")  # the rest as it was


def test_each_step_has_an_owner_and_who_needs_to_know(qtbot, page, db, aid):  # noqa: F811
    steps = (Step(0.3, -0.2, "2027-01", "Agree purposes"), Step(0.5, 0.2, "2027-04", "Pilot"))
    page.model.apply(TargetSet(Target("reading", 0.5, 0.5, "2027-09", steps=steps)))
    table = page.editor.steps
    table.field(0, "action").setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is table.field(0, "owner")
    assert focus().accessibleName() == "Step 1 owner"
    qtbot.keyClicks(focus(), "Head of English")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is table.field(0, "tell")
    qtbot.keyClicks(focus(), "Staff, at the June INSET")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)  # on to the next step's fields
    assert table.field(1, "purpose") in (focus(), focus().parentWidget())
    assert table.currentRow() == 1  # the step being typed in is the chosen one
    first = stored(db, aid).steps[0]
    assert (first.owner, first.tell) == ("Head of English", "Staff, at the June INSET")
    assert (first.action, first.by) == ("Agree purposes", "2027-01")
    table.field(1, "tell").setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)  # the last field: out of the table
    assert focus() is page.editor.add_button
    qtbot.keyClick(focus(), Qt.Key.Key_Backtab)
    assert focus() is table.field(1, "tell")


def test_a_new_step_is_typed_into_and_keeps_the_others_owners(qtbot, page, db, aid):  # noqa: F811
    steps = (Step(0.3, -0.2, "2027-01", "Agree purposes", "Head", "Governors"),)
    page.model.apply(TargetSet(Target("reading", 0.5, 0.5, "2027-09", steps=steps)))
    page.editor_action("add_step")
    table = page.editor.steps
    assert focus() is table.field(1, "action")
    qtbot.keyClicks(focus(), "Pilot the scheme")
    table.flush()
    saved = stored(db, aid).steps
    assert saved[0] == steps[0] and saved[1].action == "Pilot the scheme"
    assert table.field(0, "owner").text() == "Head"

"""Due diligence, version 2, in the app: an item's status (how far the work has gone) kept
apart from what was found (a level, a text, a cost in pounds with its basis); the finding's
fields shown only for a finding; a cost that cannot be read refused in words; the checklist
listed by side (on the school, on the trust, the conversion)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ddwizard.core.assessment import Cost, CostBasis, Finding, FindingLevel, ItemStatus
from ddwizard.ui.pages.finding import AmountError, parse_amount

from .test_keyboard import activate


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focus(), key)


def open_checklist(qtbot, window):
    activate(qtbot, window)
    window.actions.new_assessment()
    window.wizard.go("checklist")
    page = window.wizard.current_page()
    return page, page.area_rows(0)[0]


def entry(db, window, item):
    return db.load_assessment(window.model.assessment_id).entry_for(item)


def test_a_finding_with_a_cost_from_the_keyboard_apart_from_the_status(qtbot, window, db):
    page, row = open_checklist(qtbot, window)
    assert not row.finding.details.isVisible()  # no finding: the card stays short
    row.note.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is row.finding.level
    press(qtbot, Qt.Key.Key_Down, 2)  # a note, then a concern
    assert row.finding.details.isVisible() and focus() is row.finding.level
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is row.finding.text
    qtbot.keyClicks(focus(), "Pension deficit share")
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is row.finding.basis
    assert not row.finding.amount.isEnabled()  # no cost recorded: no amount to type
    press(qtbot, Qt.Key.Key_Down, 2)  # known, then estimated
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is row.finding.amount
    qtbot.keyClicks(focus(), "£412,000")
    press(qtbot, Qt.Key.Key_Tab)
    stored = entry(db, window, row.item.id)
    assert stored.finding == Finding(
        FindingLevel.CONCERN, "Pension deficit share", Cost(412000, CostBasis.ESTIMATED)
    )
    assert stored.status is ItemStatus.NOT_STARTED  # a finding is not a status
    assert row.finding.amount.text() == "412,000"
    assert page.list.currentItem().text(2) == "1"
    assert page.summary.text().startswith("1 finding recorded.")

    row.status.setFocus()
    press(qtbot, Qt.Key.Key_Down, 2)  # in progress, then done: the finding stays
    stored = entry(db, window, row.item.id)
    assert stored.status is ItemStatus.DONE
    assert stored.finding.cost == Cost(412000, CostBasis.ESTIMATED)


def test_a_cost_that_cannot_be_read_is_refused_in_words(qtbot, window, db):
    _, row = open_checklist(qtbot, window)
    row.finding.level.setFocus()
    press(qtbot, Qt.Key.Key_Down, 3)  # serious
    row.finding.basis.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # known
    row.finding.amount.setFocus()
    qtbot.keyClicks(focus(), "about 400k")
    press(qtbot, Qt.Key.Key_Tab)
    assert row.finding.error.isVisible() and "not an amount" in row.finding.error.text()
    assert row.finding.amount.text() == "about 400k"  # kept as typed, to be put right
    stored = entry(db, window, row.item.id).finding
    assert stored.level is FindingLevel.SERIOUS and stored.cost == Cost(None, CostBasis.KNOWN)
    type_in = row.finding.text
    type_in.setFocus()
    qtbot.keyClicks(type_in, "Roof at end of life")
    press(qtbot, Qt.Key.Key_Tab)  # the words are kept while the amount waits
    stored = entry(db, window, row.item.id).finding
    assert (stored.text, stored.cost) == ("Roof at end of life", Cost(None, CostBasis.KNOWN))
    assert row.finding.amount.text() == "about 400k" and row.finding.error.isVisible()
    window.wizard.go("decision")
    window.wizard.go("checklist")  # shown again: still as typed
    assert row.finding.amount.text() == "about 400k"
    row.finding.amount.setFocus()
    row.finding.amount.selectAll()
    qtbot.keyClicks(focus(), "400000")
    press(qtbot, Qt.Key.Key_Tab)
    assert not row.finding.error.isVisible()
    assert entry(db, window, row.item.id).finding.cost == Cost(400000, CostBasis.KNOWN)


def test_a_cost_not_yet_known_has_no_amount(qtbot, window, db):
    _, row = open_checklist(qtbot, window)
    row.finding.level.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    row.finding.basis.setFocus()
    press(qtbot, Qt.Key.Key_End)  # not yet known
    assert not row.finding.amount.isEnabled()
    assert entry(db, window, row.item.id).finding.cost == Cost(None, CostBasis.UNKNOWN)


@pytest.mark.parametrize(
    ("typed", "pounds"),
    [("412000", 412000), ("412,000", 412000), ("£ 1,250.50", 1250.5), ("", None)],
)
def test_amounts_as_people_type_them(typed, pounds):
    assert parse_amount(typed) == pounds


@pytest.mark.parametrize("typed", ["400k", "-5", "12,34", "1.234", "£", "9" * 400])
def test_amounts_refused(typed):
    with pytest.raises(AmountError):
        parse_amount(typed)


def test_the_checklist_is_listed_by_side(qtbot, window):
    page, _ = open_checklist(qtbot, window)
    sides = [page.list.topLevelItem(i) for i in range(page.list.topLevelItemCount())]
    assert [s.text(0) for s in sides] == [
        "Found in the areas",  # answers below a legal or safety minimum, from the areas
        "Due diligence on the school",
        "Due diligence on the trust",
        "The conversion: steps and dates",
    ]
    trust = [a for a in page.areas if a.side == "trust"]
    assert [
        sides[2].child(i).data(0, Qt.ItemDataRole.AccessibleTextRole)
        for i in range(sides[2].childCount())
    ] == [a.title for a in trust]
    page.list.setCurrentItem(sides[2])  # a heading: the area shown stays
    shown = page.stack.currentWidget()
    page.list.setCurrentItem(sides[2].child(0))
    assert page.stack.currentWidget() is not shown
    assert page.area_rows(page.areas.index(trust[0]))[0].isVisible()

"""A whole assessment, made through the real widgets with the default questionnaire: the
database and the placement must agree with what was entered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ddwizard.core.asked import for_school
from ddwizard.core.assessment import Confidence, ItemStatus, Status
from ddwizard.core.placement import place, place_assessment
from ddwizard.ui.pages.about import AboutPage
from ddwizard.ui.pages.area import AreaPage
from ddwizard.ui.pages.areas import AreasPage
from ddwizard.ui.pages.checklist import ChecklistPage
from ddwizard.ui.pages.decision import DecisionPage
from ddwizard.ui.pages.review import ReviewPage
from ddwizard.ui.pages.trust import TrustPage

from .helpers import click

CHOSEN = ["early_reading", "finance", "estates", "ict_data"]


def next_step(qtbot, window):
    qtbot.mouseClick(window.wizard.next_button, Qt.MouseButton.LeftButton)
    return window.wizard.current_page()


def fill_about(qtbot, page: AboutPage):
    qtbot.keyClicks(page.school_name, "Hillside Primary")
    qtbot.keyClicks(page.urn, "123456")
    page.phase.lineEdit().clear()
    qtbot.keyClicks(page.phase.lineEdit(), "Primary")
    qtbot.keyClicks(page.local_authority, "Northshire")
    qtbot.keyClicks(page.trust_name, "Riverside Learning Trust")
    page.assessor.clear()
    qtbot.keyClicks(page.assessor, "Sam Patel")
    qtbot.keyClicks(page.label, "Pre-join visit")


def fill_trust(qtbot, page: TrustPage):
    card = next(c for c in page.cards if c.referent.id == "early_reading")
    qtbot.keyClicks(card.practice, "One phonics scheme, taught daily")
    qtbot.keyClicks(card.purpose, "Every child reads by seven")


def choose_areas(qtbot, page: AreasPage):
    for button in page.findChildren(QPushButton):
        if button.text() == "Select none":
            click(qtbot, button)
    for rid in CHOSEN:
        click(qtbot, page.boxes[rid])
    assert page.chosen() == CHOSEN


def answer_area(qtbot, page: AreaPage, expected: dict) -> None:
    if page.show_all.text() == "Show all questions":  # beyond the core set, this once
        click(qtbot, page.show_all)
    for n, (qid, box) in enumerate(page.questions.items()):
        index = n % (len(box.radios) - 1)
        if n % 2:  # by keyboard: focus the first option, press the option's number
            box.radios[0].setFocus()
            qtbot.keyClick(box.radios[0], Qt.Key(Qt.Key.Key_1 + index))
        else:
            click(qtbot, box.radios[index])
        click(qtbot, box.sources["documents"])
        note = f"Note on {qid}" if n == 0 else ""
        if note:
            qtbot.keyClicks(box.note, note)
        expected[qid] = (box.question.options[index].key, note, ("documents",))
    for axis in page.confidences.values():
        click(qtbot, axis.button(3))  # high, on each axis
    qtbot.keyClicks(page.note, f"About {page.referent.title}")


def set_checklist(qtbot, page: ChecklistPage) -> dict:
    statuses = {}
    for row, presses in zip(page.area_rows(0)[:3], (1, 2, 3), strict=True):
        row.status.setFocus()
        for _ in range(presses):
            qtbot.keyClick(row.status, Qt.Key.Key_Down)
        qtbot.keyClicks(row.owner, "Jo")
        statuses[row.item.id] = list(ItemStatus)[presses]
    return statuses


def test_a_whole_assessment_through_the_widgets(qtbot, window, db):
    assert window.start.showing_welcome()  # the empty state on first run
    click(qtbot, window.start.start_button)
    fill_about(qtbot, window.wizard.current_page())
    fill_trust(qtbot, next_step(qtbot, window))
    choose_areas(qtbot, next_step(qtbot, window))
    expected: dict[str, tuple] = {}
    page = next_step(qtbot, window)
    while isinstance(page, AreaPage):
        answer_area(qtbot, page, expected)
        page = next_step(qtbot, window)
    while not isinstance(page, ChecklistPage):  # the plane page, when there is one
        page = next_step(qtbot, window)
    statuses = set_checklist(qtbot, page)
    decision = next_step(qtbot, window)
    assert isinstance(decision, DecisionPage)
    qtbot.keyClicks(decision.texts["question"].widget, "Should Hillside join?")
    review = next_step(qtbot, window)
    assert isinstance(review, ReviewPage)
    review.dialogs.confirms.append(True)  # final, with whatever is still open
    click(qtbot, review.status_button)
    window.model.flush()

    stored = db.load_assessment(window.model.assessment_id)
    q = db.questionnaire_for(window.model.assessment_id)
    assert (
        stored.school.name,
        stored.school.urn,
        stored.school.phase,
        stored.school.local_authority,
    ) == ("Hillside Primary", "123456", "Primary", "Northshire")
    assert (stored.trust.name, stored.assessor, stored.label, stored.status) == (
        "Riverside Learning Trust",
        "Sam Patel",
        "Pre-join visit",
        Status.FINAL,
    )
    ref = stored.trust.reference_for("early_reading")
    assert (ref.practice, ref.purpose) == (
        "One phonics scheme, taught daily",
        "Every child reads by seven",
    )
    assert stored.decision.question == "Should Hillside join?"
    assert list(stored.referents) == CHOSEN
    assert {a.question: (a.option, a.note, a.evidence) for a in stored.answers} == expected
    assert {n.referent: (n.confidence, n.note) for n in stored.referent_notes} == {
        rid: (Confidence.HIGH, f"About {q.referent(rid).title}") for rid in CHOSEN
    }
    assert {e.item: (e.status, e.owner) for e in stored.due_diligence} == {
        item: (status, "Jo") for item, status in statuses.items()
    }
    asked = for_school(q, stored)  # as asked of a primary school
    placement = place_assessment(asked, stored)
    assert placement == place(
        asked, {k: v[0] for k, v in expected.items()}, CHOSEN, {rid: "high" for rid in CHOSEN}
    )
    assert placement == window.model.placement()
    assert review.missing.topLevelItemCount() == 0

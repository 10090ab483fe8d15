"""Answering, version 2, continued: the two flags on an answer, confidence per axis, what
the small plane and its words say of stated and lived answers and of "no set way", what the
trust's schools decide for themselves, and the offer to take the trust's current reference.
Driven through the real widgets; read back from the database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddwizard import services
from ddwizard.core.assessment import (
    AnswerFlag,
    Assessment,
    Confidence,
    School,
    Trust,
    TrustReference,
)
from ddwizard.core.changes import TrustReferenceSet
from ddwizard.core.plane import PointKind
from ddwizard.core.questionnaire import Axis

from .helpers import click
from .test_keyboard import activate

CTRL = Qt.KeyboardModifier.ControlModifier


def area_page(window, referent_id: str):
    window.wizard.go(f"area:{referent_id}")
    return window.wizard.current_page()


def new_on(window, db, referent_id: str, show_all: bool = True, phase: str = "Primary"):
    q = services.ensure_default(db)
    a = Assessment("", School("Hillside", phase=phase), Trust("Riverside"), q.id, q.version)
    aid = db.create_assessment(a, q)
    assert window.open_assessment(aid)
    window.model.set_show_all(show_all)
    return aid, area_page(window, referent_id)


def test_both_flags_are_kept_with_the_answer(qtbot, window, db):
    aid, page = new_on(window, db, "safeguarding", show_all=False)
    box = next(iter(page.questions.values()))
    click(qtbot, box.radios[3])
    qtbot.keyClicks(box.note, "No single record of concerns")
    click(qtbot, box.flags[AnswerFlag.BELOW_MINIMUM])
    assert box.finding_words.isVisible()
    click(qtbot, box.flags[AnswerFlag.SOURCES_DISAGREE])
    window.model.flush()
    stored = db.load_assessment(aid).answer(box.question.id)
    assert stored.flags == (AnswerFlag.BELOW_MINIMUM, AnswerFlag.SOURCES_DISAGREE)
    assert (stored.option, stored.note) == (
        box.question.options[3].key,
        "No single record of concerns",
    )
    click(qtbot, box.flags[AnswerFlag.BELOW_MINIMUM])
    assert db.load_assessment(aid).answer(box.question.id).flags == (AnswerFlag.SOURCES_DISAGREE,)
    assert not box.finding_words.isVisible()
    assert window.open_assessment(aid)  # and loaded again as stored
    page = area_page(window, "safeguarding")
    box = page.questions[box.question.id]
    assert [f for f, b in box.flags.items() if b.isChecked()] == [AnswerFlag.SOURCES_DISAGREE]


def test_the_flags_are_one_tab_stop_moved_through_with_arrows(qtbot, window, db):
    _, page = new_on(window, db, "safeguarding", show_all=False)
    box = next(iter(page.questions.values()))
    first, second = box.flags.values()
    activate(qtbot, window)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert window.focusWidget() is second
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert second.isChecked()
    assert first.accessibleName() == "Below a legal or safety minimum"


def test_confidence_is_set_per_axis(qtbot, window, db):
    aid, page = new_on(window, db, "behaviour")
    page.build_rest()
    click(qtbot, page.confidences[Axis.PRACTICE].button(3))  # high
    click(qtbot, page.confidences[Axis.PURPOSE].button(1))  # low
    note = db.load_assessment(aid).note_for("behaviour")
    assert (note.practice_confidence, note.purpose_confidence) == (
        Confidence.HIGH,
        Confidence.LOW,
    )
    assert window.open_assessment(aid)
    page = area_page(window, "behaviour")
    page.build_rest()
    assert page.confidences[Axis.PRACTICE].checkedId() == 3
    assert page.confidences[Axis.PURPOSE].checkedId() == 1
    assert page.confidences[Axis.PURPOSE].button(1).accessibleName() == "Low purpose confidence"


def test_the_trust_reference_says_what_its_schools_decide(qtbot, window, db):
    aid, _ = new_on(window, db, "behaviour")
    window.wizard.go("trust")
    trust = window.wizard.current_page()
    card = next(c for c in trust.cards if c.referent.id == "behaviour")
    qtbot.keyClicks(card.practice, "One behaviour policy")
    qtbot.keyClicks(card.decides, "Rewards and the house system")
    window.model.flush()
    ref = db.load_assessment(aid).trust.reference_for("behaviour")
    assert (ref.practice, ref.school_decides) == (
        "One behaviour policy",
        "Rewards and the house system",
    )
    refs, _ = db.current_trust_reference("Riverside")
    assert TrustReference(
        "behaviour", "One behaviour policy", "", "Rewards and the house system"
    ) in (refs)
    page = area_page(window, "behaviour")
    assert "What its schools decide for themselves here" in page.reference.text()
    assert "Rewards and the house system" in page.reference.text()


def test_a_changed_trust_reference_is_offered_and_taking_it_undoes(qtbot, window, db):
    q = services.ensure_default(db)
    old = TrustReference("behaviour", "One behaviour policy", "Calm classrooms")
    a = Assessment("", School("Hillside"), Trust("Riverside", (old,)), q.id, q.version)
    first = db.create_assessment(a, q)
    second = db.create_assessment(a.with_changes(uid=""), q)
    new = TrustReference("behaviour", "One policy, restorative", "Calm classrooms")
    db.apply(second, TrustReferenceSet(new))  # the trust's account changes, later

    assert window.open_assessment(first)
    window.wizard.go("trust")
    trust = window.wizard.current_page()
    banner = trust.changed_banner
    assert banner.isVisible()
    assert "Riverside's reference differs from the copy this assessment keeps" in (
        banner.words.text()
    )
    assert "It differs in: Behaviour." in banner.words.text()
    click(qtbot, banner.take)
    stored = db.load_assessment(first).trust
    assert stored.reference_for("behaviour") == new
    assert not banner.isVisible()
    card = next(c for c in trust.cards if c.referent.id == "behaviour")
    assert card.practice.toPlainText() == "One policy, restorative"

    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, CTRL)  # Edit > Undo
    assert db.load_assessment(first).trust.reference_for("behaviour") == old
    assert window.wizard.current() == "trust" and banner.isVisible()
    assert card.practice.toPlainText() == "One behaviour policy"


def test_no_set_way_on_an_axis_says_the_school_decides(qtbot, window, db):
    aid, page = new_on(window, db, "behaviour")
    for box in page.questions.values():
        if box.question.axis == Axis.PRACTICE:
            box.radios[next(i for i, o in enumerate(box.question.options) if o.trust_open)].click()
        else:
            box.radios[0].click()
    qtbot.waitUntil(lambda: "school decides" in page.position.text())
    assert "Practice: the trust has no set way here, so the school decides." in (
        page.position.text()
    )
    assert "Not placed yet" not in page.position.text()
    chosen = db.load_assessment(aid).chosen()
    practice = [q.id for q in page.referent.questions if q.axis == Axis.PRACTICE]
    assert {chosen[qid] for qid in practice} == {"open"}


def test_stated_and_lived_answers_are_shown_apart_and_divergence_said(qtbot, window, db):
    aid, page = new_on(window, db, "behaviour")
    for box in page.questions.values():
        scored = [i for i, o in enumerate(box.question.options) if o.score is not None]
        lived = box.question.facet == "lived"
        box.radios[scored[-1] if lived and box.question.axis == Axis.PURPOSE else 0].click()
    qtbot.waitUntil(lambda: "Stated and lived purpose" in page.position.text())
    assert "Stated and lived purpose diverge (2.00 apart): stated +1.00, lived \u22121.00." in (
        page.position.text()
    )
    assert "Stated and lived practice are close" in page.position.text()
    kinds = {p.kind for p in page.plane._scene.points}
    assert {PointKind.STATED, PointKind.LIVED} <= kinds
    stated = page.plane._scene.point("behaviour@stated")
    lived = page.plane._scene.point("behaviour@lived")
    assert (stated.x, lived.x) == (1.0, -1.0)


def test_below_minimum_is_a_finding_on_the_checklist_step(qtbot, window, db):
    aid, page = new_on(window, db, "safeguarding", show_all=False)
    box = next(iter(page.questions.values()))
    click(qtbot, box.radios[3])
    qtbot.keyClicks(box.note, "No single record of concerns")
    click(qtbot, box.flags[AnswerFlag.BELOW_MINIMUM])
    assert box.finding_words.isVisible()
    click(qtbot, box.flags[AnswerFlag.SOURCES_DISAGREE])
    window.model.flush()
    stored = db.load_assessment(aid).answer(box.question.id)
    assert stored.flags == (AnswerFlag.BELOW_MINIMUM, AnswerFlag.SOURCES_DISAGREE)
    assert stored.note == "No single record of concerns"

    window.wizard.go("checklist")
    checklist = window.wizard.current_page()
    found = checklist.found
    assert checklist.list.topLevelItem(0) is found.item
    assert found.item.text(0) == "Found in the areas" and found.item.text(2) == "1"
    checklist.list.setFocus()
    checklist.list.setCurrentItem(found.item)  # as the arrow keys or a click would
    assert found.isVisible()
    (finding,) = found.findings
    assert (finding.referent.id, finding.question.id) == ("safeguarding", box.question.id)
    words = found.texts()
    assert "Safeguarding culture" in words and box.question.text in words
    assert box.question.options[3].label in words
    assert "No single record of concerns" in words
    (go,) = found.buttons()
    click(qtbot, go)
    assert window.wizard.current() == "area:safeguarding"
    assert window.focusWidget() in box.radios

    click(qtbot, box.flags[AnswerFlag.BELOW_MINIMUM])  # not below any more
    assert db.load_assessment(aid).answer(box.question.id).flags == (AnswerFlag.SOURCES_DISAGREE,)
    window.wizard.go("checklist")
    assert found.findings == [] and "Nothing is flagged" in found.texts()
    assert found.item.text(2) == ""

"""The model stores each change, applies the same change in memory, and announces it, typed;
when storage refuses, it says so and the field keeps what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from ddwizard.core.assessment import (
    Assessment,
    ChecklistEntry,
    Confidence,
    Finding,
    ItemStatus,
    School,
    Target,
    Trust,
    TrustReference,
)
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerNoted,
    AreasSelected,
    ChecklistEntrySet,
    ConfidenceSet,
    DetailSet,
    EvidenceSet,
    QuestionnaireSwitched,
    ReferentNoted,
    SchoolSet,
    TargetSet,
    TrustChosen,
    TrustReferenceSet,
)
from ddwizard.core.placement import place_assessment
from ddwizard.ui.fields import TextBinding
from ddwizard.ui.model import AssessmentModel
from tests.core.builders import questionnaire, referent

Q = questionnaire(referent("reading"), referent("behaviour"))


@pytest.fixture
def model(qtbot, db):
    aid = db.create_assessment(
        Assessment("", School("Hillside"), Trust("Riverside"), "test", "1"), Q
    )
    m = AssessmentModel(db)
    m.open(aid)
    return m


def test_each_change_is_stored_applied_in_memory_and_announced(qtbot, model, db):
    chosen = AnswerChosen("reading_pr0", "own")
    with qtbot.waitSignal(model.saved), qtbot.waitSignal(model.changed) as announced:
        assert model.apply(chosen)
    assert announced.args == [chosen]
    model.apply(AnswerNoted("reading_pr0", "Seen in plans"))
    model.apply(EvidenceSet("reading_pr0", ("documents",)))
    model.apply(AnswerChosen("reading_pu0", "other"))
    model.apply(ConfidenceSet("reading", Confidence.HIGH))
    model.apply(ReferentNoted("reading", "Sure"))
    model.apply(AreasSelected(["reading"]))
    model.apply(TargetSet(Target("reading", 0.5, 0.5, "2027-09")))
    model.apply(
        ChecklistEntrySet(
            ChecklistEntry("x1", ItemStatus.DONE, owner="Jo", finding=Finding("concern", "Late"))
        )
    )
    model.apply(DetailSet("label", "Pre-join visit"))
    model.apply(SchoolSet(School("Hillside", "123456")))
    model.apply(TrustReferenceSet(TrustReference("reading", "Phonics scheme", "Every child reads")))
    stored = db.load_assessment(model.assessment_id)
    assert stored == model.assessment
    assert model.assessment.answer("reading_pr0").note == "Seen in plans"
    assert model.assessment.trust.reference_for("reading").practice == "Phonics scheme"


def test_placement_follows_answers(qtbot, model):
    assert not model.placement().get("reading").placed
    model.apply(AnswerChosen("reading_pr0", "own"))
    model.apply(AnswerChosen("reading_pu0", "other"))
    placed = model.placement().get("reading")
    assert (placed.purpose.value, placed.practice.value) == (-0.5, 1.0)
    assert model.placement() == place_assessment(Q, model.assessment)


def test_trust_rename_brings_that_trusts_reference(qtbot, model, db):
    theirs = Trust("Other Trust", (TrustReference("reading", "theirs", "why"),))
    db.create_assessment(Assessment("", School("Oakfield"), theirs, "test", "1"), Q)
    model.apply(TrustChosen("Other Trust"))
    assert model.assessment.trust.reference_for("reading").practice == "theirs"


def refuse_answers(db) -> None:
    """Storage itself refuses any answer (as a full disk would), until `accept_answers`."""
    for when in ("INSERT", "UPDATE"):
        db.conn.execute(
            f"CREATE TEMP TRIGGER refuse_{when} BEFORE {when} ON answers "
            "BEGIN SELECT RAISE(ABORT, 'The disk is full.'); END"
        )


def accept_answers(db) -> None:
    for when in ("INSERT", "UPDATE"):
        db.conn.execute(f"DROP TRIGGER refuse_{when}")


def test_refused_write_keeps_the_text_and_tries_again(qtbot, model):
    field = QLineEdit()
    qtbot.addWidget(field)
    binding = TextBinding(field, model, lambda t: model.apply(AnswerNoted("reading_pr0", t)))
    refuse_answers(model.db)
    field.setText("An important note")
    with qtbot.waitSignal(model.saveFailed) as failed:
        model.flush()
    assert "The disk is full" in failed.args[0]
    assert field.text() == "An important note" and binding.dirty
    assert model.assessment.answer("reading_pr0") is None
    accept_answers(model.db)
    with qtbot.waitSignal(model.saved):
        model.flush()
    assert model.db.load_assessment(model.assessment_id).answer("reading_pr0").note == (
        "An important note"
    )


def test_text_is_saved_after_a_pause(qtbot, model):
    field = QLineEdit()
    qtbot.addWidget(field)
    TextBinding(field, model, lambda t: model.apply(DetailSet("assessor", t)), delay=50)
    with qtbot.waitSignal(model.editing):
        qtbot.keyClicks(field, "Sam")
    with qtbot.waitSignal(model.saved, timeout=2000):
        pass
    assert model.db.load_assessment(model.assessment_id).assessor == "Sam"


def test_questionnaire_can_change_only_before_answers(qtbot, model, db):
    other = questionnaire(referent("finance"), qid="other")
    assert model.apply(QuestionnaireSwitched(other))
    assert db.questionnaire_for(model.assessment_id).id == "other"
    model.apply(AnswerChosen("finance_pr0", "own"))
    assert not model.apply(QuestionnaireSwitched(Q))


def test_leaving_a_field_saves_it_at_once(qtbot, model):
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    TextBinding(first, model, lambda t: model.apply(DetailSet("label", t)), delay=60_000)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder)
    first.setFocus()
    qtbot.keyClicks(first, "Pre-join visit")
    assert model.assessment.label == ""  # a minute's pause has not passed
    with qtbot.waitSignal(model.saved):
        second.setFocus()
    assert model.db.load_assessment(model.assessment_id).label == "Pre-join visit"


def test_saved_is_shown_only_when_nothing_typed_is_waiting(qtbot, model):
    from ddwizard.ui.status import SAVED, SAVING, SaveIndicator

    indicator = SaveIndicator(model)
    qtbot.addWidget(indicator)
    field = QLineEdit()
    qtbot.addWidget(field)
    TextBinding(field, model, lambda t: model.apply(DetailSet("label", t)), delay=60_000)
    qtbot.keyClicks(field, "Pre-join")
    assert indicator.text() == SAVING
    model.apply(AnswerChosen("reading_pr0", "own"))  # another change is stored meanwhile
    assert indicator.text() == SAVING
    model.flush()
    assert indicator.text() == SAVED
    assert model.db.load_assessment(model.assessment_id).label == "Pre-join"


def test_a_refused_choice_is_tried_again_and_not_called_saved(qtbot, model):
    from ddwizard.ui.status import SAVED, SaveIndicator

    indicator = SaveIndicator(model)
    qtbot.addWidget(indicator)
    refuse_answers(model.db)
    assert not model.apply(AnswerChosen("reading_pr0", "own"))
    model.apply(DetailSet("label", "Visit"))  # stored, but the refused answer is still waiting
    assert indicator.text().startswith("Not saved")
    accept_answers(model.db)
    model.apply(DetailSet("assessor", "Sam"))  # the next change tries the refused one first
    assert indicator.text() == SAVED
    assert model.db.load_assessment(model.assessment_id).answer("reading_pr0").option == "own"

"""The model writes through storage, updates its snapshot in memory, and announces it; when
storage refuses, it says so and the field keeps what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from ddwizard.core.assessment import (
    Assessment,
    ChecklistEntry,
    Confidence,
    ItemStatus,
    School,
    Target,
    Trust,
    TrustReference,
)
from ddwizard.core.placement import place_assessment
from ddwizard.storage import StorageError
from ddwizard.ui.fields import TextBinding
from ddwizard.ui.model import AssessmentModel
from tests.core.builders import questionnaire, referent

Q = questionnaire(referent("reading"), referent("behaviour"))


@pytest.fixture
def model(qtbot, db):
    aid = db.create_assessment(Assessment("", School("Hillside"), Trust("Riverside"), "test", "1"),
                               Q)  # fmt: skip
    m = AssessmentModel(db)
    m.open(aid)
    return m


def test_each_setter_stores_then_updates_the_snapshot(qtbot, model, db):
    with qtbot.waitSignals([model.changed, model.saved]):
        assert model.set_answer("reading_pr0", option="own")
    model.set_answer("reading_pr0", note="Seen in plans", evidence=("documents",))
    model.set_answer("reading_pu0", option="other")
    model.set_referent_note("reading", confidence=Confidence.HIGH, note="Sure")
    model.set_selected_referents(["reading"])
    model.set_target(Target("reading", 0.5, 0.5, "2027-09"))
    model.set_checklist_entry(ChecklistEntry("x1", ItemStatus.CONCERN, owner="Jo"))
    model.set_details(label="Pre-join visit", school=School("Hillside", "123456"))
    model.set_trust_reference(TrustReference("reading", "Phonics scheme", "Every child reads"))
    stored = db.load_assessment(model.assessment_id)
    assert stored == model.assessment
    assert model.assessment.answer("reading_pr0").note == "Seen in plans"
    assert model.assessment.trust.reference_for("reading").practice == "Phonics scheme"


def test_placement_follows_answers(qtbot, model):
    assert not model.placement().get("reading").placed
    model.set_answer("reading_pr0", option="own")
    model.set_answer("reading_pu0", option="other")
    placed = model.placement().get("reading")
    assert (placed.purpose.value, placed.practice.value) == (-0.5, 1.0)
    assert model.placement() == place_assessment(Q, model.assessment)


def test_trust_rename_brings_that_trusts_reference(qtbot, model, db):
    db.set_trust_reference("Other Trust", TrustReference("reading", "theirs", "why"))
    model.set_details(trust_name="Other Trust")
    assert model.assessment.trust.reference_for("reading").practice == "theirs"


def test_refused_write_keeps_the_text_and_tries_again(qtbot, model, monkeypatch):
    field = QLineEdit()
    qtbot.addWidget(field)
    binding = TextBinding(field, model, lambda t: model.set_answer("reading_pr0", note=t))
    real = model.db.set_answer

    def refuse(*args, **kwargs):
        raise StorageError("The disk is full.")

    monkeypatch.setattr(model.db, "set_answer", refuse)
    field.setText("An important note")
    with qtbot.waitSignal(model.saveFailed) as failed:
        model.flush()
    assert failed.args == ["The disk is full."]
    assert field.text() == "An important note" and binding.dirty
    assert model.assessment.answer("reading_pr0") is None
    monkeypatch.setattr(model.db, "set_answer", real)
    with qtbot.waitSignal(model.saved):
        model.flush()
    assert model.db.load_assessment(model.assessment_id).answer("reading_pr0").note == (
        "An important note"
    )


def test_text_is_saved_after_a_pause(qtbot, model):
    field = QLineEdit()
    qtbot.addWidget(field)
    TextBinding(field, model, lambda t: model.set_details(assessor=t), delay=50)
    with qtbot.waitSignal(model.editing):
        qtbot.keyClicks(field, "Sam")
    with qtbot.waitSignal(model.saved, timeout=2000):
        pass
    assert model.db.load_assessment(model.assessment_id).assessor == "Sam"


def test_questionnaire_can_change_only_before_answers(qtbot, model, db):
    other = questionnaire(referent("finance"), qid="other")
    assert model.change_questionnaire(other)
    assert db.questionnaire_for(model.assessment_id).id == "other"
    model.set_answer("finance_pr0", option="own")
    assert not model.change_questionnaire(Q)


def test_leaving_a_field_saves_it_at_once(qtbot, model):
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    TextBinding(first, model, lambda t: model.set_details(label=t), delay=60_000)
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
    TextBinding(field, model, lambda t: model.set_details(label=t), delay=60_000)
    qtbot.keyClicks(field, "Pre-join")
    assert indicator.text() == SAVING
    model.set_answer("reading_pr0", option="own")  # another change is stored meanwhile
    assert indicator.text() == SAVING
    model.flush()
    assert indicator.text() == SAVED
    assert model.db.load_assessment(model.assessment_id).label == "Pre-join"


def test_a_refused_choice_is_tried_again_and_not_called_saved(qtbot, model, monkeypatch):
    from ddwizard.ui.status import SAVED, SaveIndicator

    indicator = SaveIndicator(model)
    qtbot.addWidget(indicator)
    real = model.db.set_answer
    monkeypatch.setattr(model.db, "set_answer", _refuse)
    assert not model.set_answer("reading_pr0", option="own")
    model.set_details(label="Visit")  # stored, but the refused answer is still waiting
    assert indicator.text().startswith("Not saved")
    monkeypatch.setattr(model.db, "set_answer", real)
    model.set_details(assessor="Sam")  # the next change tries the refused one first
    assert indicator.text() == SAVED
    assert model.db.load_assessment(model.assessment_id).answer("reading_pr0").option == "own"


def _refuse(*args, **kwargs):
    raise StorageError("The database is busy.")

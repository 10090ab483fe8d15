"""The flow itself: pages built on first visit and reused, progress in the step list, and
a change of questionnaire rebuilding what was built from the old one."""

from __future__ import annotations

from ddwizard.core.assessment import Assessment, School, Trust
from ddwizard.core.changes import AnswerChosen
from ddwizard.ui.steps import PROGRESS_ROLE
from tests.core.builders import questionnaire, referent

SMALL = questionnaire(referent("reading"), referent("behaviour"), qid="small")


def test_pages_are_built_once_and_reused(qtbot, window):
    window.actions.new_assessment()
    assert set(window.wizard.pages) == {"about"}
    window.wizard.go("checklist")
    page = window.wizard.current_page()
    window.wizard.go("about")
    window.wizard.go("checklist")
    assert window.wizard.current_page() is page


def test_the_step_list_shows_each_areas_progress(qtbot, window):
    window.actions.new_assessment()  # a first visit: the core set
    referent = window.model.selected_referents()[0]
    core = [q for q in referent.questions if q.core]
    item = window.wizard._items[f"area:{referent.id}"]
    assert item.data(0, PROGRESS_ROLE) == f"0/{len(core)}"
    assert item.toolTip(0) == f"0 of {len(core)} core questions answered"
    for question in core:
        window.model.apply(AnswerChosen(question.id, question.options[0].key))
    assert item.data(0, PROGRESS_ROLE) == "\u2713"
    window.wizard.all_questions_action.trigger()  # Go > Show all questions
    assert item.data(0, PROGRESS_ROLE) == f"{len(core)}/{len(referent.questions)}"
    for question in referent.questions:
        window.model.apply(AnswerChosen(question.id, question.options[0].key))
    assert item.data(0, PROGRESS_ROLE) == "\u2713"


def test_another_questionnaire_rebuilds_the_pages(qtbot, window, db):
    db.add_questionnaire(SMALL)
    window.actions.new_assessment()
    window.wizard.go("areas")
    window.wizard.go("about")
    about = window.wizard.current_page()
    index = next(
        i
        for i in range(about.questionnaire.count())
        if about.questionnaire.itemData(i) == ("small", "1")
    )
    about.questionnaire.setCurrentIndex(index)
    about.questionnaire.activated.emit(index)
    assert db.questionnaire_for(window.model.assessment_id).id == "small"
    assert [s.key for s in window.wizard.steps if s.key.startswith("area:")] == [
        "area:reading",
        "area:behaviour",
    ]
    window.wizard.go("areas")
    assert set(window.wizard.current_page().boxes) == {"reading", "behaviour"}


def test_an_assessment_on_a_small_questionnaire_opens(qtbot, window, db):
    aid = db.create_assessment(
        Assessment("", School("Hillside"), Trust("Riverside"), "small", "1"), SMALL
    )
    assert window.open_assessment(aid)
    assert window.wizard.go("checklist")  # no checklist in this questionnaire: says so
    assert "no due-diligence" in window.wizard.current_page().summary.text()

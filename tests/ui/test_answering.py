"""Answering, version 2: the core set for a first visit with every question a click away,
areas and questions that follow the school's phase, option hints, and "the trust has no set
way here" set apart from the scale. Driven through the real widgets; read back from the
database."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame

from ddwizard import services
from ddwizard.core.assessment import Answer, Assessment, School, Trust
from ddwizard.core.questionnaire import Axis
from tests.core.builders import questionnaire, referent

from .helpers import click
from .test_keyboard import activate

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def first_area(window):
    referent = window.model.selected_referents()[0]
    window.wizard.go(f"area:{referent.id}")
    return window.wizard.current_page(), referent


def visible_ids(page) -> list[str]:
    page.build_rest()
    return [qid for qid, box in page._boxes.items() if box.isVisibleTo(page)]


def test_a_first_visit_shows_the_core_set_with_all_a_click_away(qtbot, window, db):
    window.actions.new_assessment()
    aid = window.model.assessment_id
    page, referent = first_area(window)
    core = [q.id for q in referent.questions if q.core]
    everything = [q.id for q in referent.questions]
    assert 0 < len(core) < len(everything)
    assert list(page.questions) == core == visible_ids(page)
    more = len(everything) - len(core)
    assert page.shown_words.text() == (
        f"0 of {len(core)} core questions answered. Showing the core set for a first "
        f"visit; {more} more questions in this area not shown."
    )
    box = page.questions[core[0]]
    click(qtbot, box.radios[1])
    assert db.load_assessment(aid).answer(core[0]).option == box.question.options[1].key
    answered = f"1 of {len(core)} core questions answered."
    qtbot.waitUntil(lambda: page.shown_words.text().startswith(answered))
    assert answered in page.position.text()

    assert page.show_all.text() == "Show all questions"
    click(qtbot, page.show_all)
    assert list(page.questions) == everything == visible_ids(page)
    titles = [b.title.text() for b in page.questions.values()]
    assert [t.split(".")[0] for t in titles] == [str(n) for n in range(1, len(everything) + 1)]
    assert page.shown_words.text() == f"1 of {len(everything)} questions answered."
    assert window.wizard.all_questions_action.isChecked()

    activate(qtbot, window)
    page.show_all.setFocus()
    qtbot.keyClick(page.show_all, Qt.Key.Key_A, CTRL_SHIFT)  # Go > Show all questions, off
    assert list(page.questions) == core and not window.wizard.all_questions_action.isChecked()
    assert page.show_all.text() == "Show all questions"

    # Remembered for this assessment (not for every one): a new one starts with the core set.
    click(qtbot, page.show_all)
    window.actions.new_assessment()
    assert not window.model.shows_all()
    assert window.open_assessment(aid)
    assert window.model.shows_all()
    page, _ = first_area(window)
    assert list(page.questions) == everything


def test_answers_outside_the_core_set_are_never_hidden_unsaid(qtbot, window, db):
    q = services.ensure_default(db)
    area = q.referents[0]
    outside = next(x for x in area.questions if not x.core)
    a = Assessment("", School("Hillside"), Trust("Riverside"), q.id, q.version)
    aid = db.create_assessment(a, q)
    assert window.open_assessment(aid)
    assert not window.model.shows_all()  # nothing outside the core set yet
    page, _ = first_area(window)
    qtbot.keyClicks(page._boxes[outside.id].note, "x")  # not shown: nothing typed there
    assert db.load_assessment(aid).answer(outside.id) is None

    db.apply(aid, _chosen(outside))
    assert window.open_assessment(aid)
    assert window.model.shows_all()  # an answer outside the core set: every question
    window.model.set_show_all(False)
    page, _ = first_area(window)
    assert "1 of them with answers or notes" in page.shown_words.text()
    page.focus_question(outside.id)  # e.g. from the review's list: shown, all of them
    assert window.model.shows_all()
    assert window.focusWidget() in page.questions[outside.id].radios


def _chosen(question):
    from ddwizard.core.changes import AnswerChosen

    return AnswerChosen(question.id, question.options[0].key)


# --- the school's phase -------------------------------------------------------------------------


def phased():
    """Reading for every school, one of its questions for secondary schools only, and a
    sixth-form area for secondary and post-16 ones."""
    reading = referent("reading")
    later = replace(reading.questions[1], phases=("secondary",))
    reading = replace(reading, questions=(reading.questions[0], later, *reading.questions[2:]))
    sixth = replace(referent("sixth_form"), phases=("secondary", "post16"))
    return questionnaire(reading, sixth, qid="phased")


def open_phased(window, db, phase: str, answers=()) -> int:
    q = phased()
    a = Assessment("", School("Hillside", phase=phase), Trust("Riverside"), q.id, q.version)
    aid = db.create_assessment(a.with_changes(answers=tuple(answers)), q)
    assert window.open_assessment(aid)
    return aid


def area_steps(window) -> list[str]:
    return [s.key for s in window.wizard.steps if s.key.startswith("area:")]


def test_areas_and_questions_follow_the_schools_phase(qtbot, window, db):
    aid = open_phased(window, db, "Primary")
    assert area_steps(window) == ["area:reading"]
    window.wizard.go("areas")
    areas = window.wizard.current_page()
    assert not areas.boxes["sixth_form"].isEnabled()
    assert areas.phase_notes["sixth_form"].text() == (
        "Not asked of a primary school (only of secondary and 16 plus schools)."
    )
    assert areas.count.text() == "1 of 1 areas chosen. 1 more is not asked of a primary school."
    window.wizard.go("area:reading")
    assert list(window.wizard.current_page().questions) == [
        "reading_pr0",
        "reading_pu0",
        "reading_pu1",
    ]

    window.wizard.go("about")
    about = window.wizard.current_page()
    about.phase.setCurrentText("Secondary")
    window.model.flush()
    assert db.load_assessment(aid).school.phase == "Secondary"
    assert area_steps(window) == ["area:reading", "area:sixth_form"]
    window.wizard.go("area:reading")
    assert "reading_pr1" in window.wizard.current_page().questions
    window.wizard.go("areas")
    assert areas.boxes["sixth_form"].isEnabled() and areas.boxes["sixth_form"].isChecked()
    assert not areas.phase_notes["sixth_form"].isVisible()


def test_a_phase_never_hides_answers_already_given(qtbot, window, db):
    answers = (Answer("sixth_form_pr0", "own"), Answer("reading_pr1", None, note="Seen in Y7"))
    aid = open_phased(window, db, "Primary", answers)
    assert area_steps(window) == ["area:reading", "area:sixth_form"]
    window.wizard.go("areas")
    areas = window.wizard.current_page()
    assert areas.boxes["sixth_form"].isEnabled() and areas.boxes["sixth_form"].isChecked()
    assert areas.phase_notes["sixth_form"].text() == (
        "Not asked of a primary school (only of secondary and 16 plus schools): kept, as "
        "1 of its questions have answers."
    )
    window.wizard.go("area:sixth_form")
    assert "It is shown because answers are recorded in it." in _texts(window.wizard.current_page())
    window.wizard.go("area:reading")
    box = window.wizard.current_page().questions["reading_pr1"]
    assert box.about.text() == (
        "Not asked of a primary school (only of secondary schools): shown because something "
        "is recorded on it."
    )
    assert box.note.toPlainText() == "Seen in Y7"
    stored = db.load_assessment(aid)
    assert stored.answer("sixth_form_pr0").option == "own"
    assert stored.answer("reading_pr1").note == "Seen in Y7"


def _texts(page) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in page.findChildren(QLabel))


# --- how each answer looks ----------------------------------------------------------------------


def test_option_hints_show_under_their_labels_and_wrap(qtbot, window):
    window.resize(1093, 614)
    window.actions.new_assessment()
    page, referent = first_area(window)
    box = next(iter(page.questions.values()))
    hinted = [(r, o) for r, o in zip(box.radios, box.question.options, strict=True) if o.hint]
    assert hinted
    for radio, option in hinted:
        assert radio.hint == option.hint and radio.isVisible()
        assert option.hint in radio.accessibleDescription()
        assert radio.accessibleName() == radio.shown_text()  # the name is the label alone
        where = radio.hint_rect()  # drawn by the button, under its label
        assert not where.isEmpty() and where.bottom() < radio.height()
        right = radio.mapTo(box, where.topRight()).x()
        assert right <= box.width()  # inside the question, not cut off at the side
    longest = max(hinted, key=lambda h: len(h[1].hint))[0]
    line = longest.fontMetrics().height()
    assert longest.hint_rect().height() > line * 1.5 or longest.sizeHint().width() < box.width()


def test_the_trust_has_no_set_way_here_is_an_answer_apart(qtbot, window, db):
    window.actions.new_assessment()
    page, referent = first_area(window)
    box = next(iter(page.questions.values()))
    index = next(i for i, o in enumerate(box.question.options) if o.trust_open)
    radio = box.radios[index]
    column = box.choices
    where = column.indexOf(radio)
    before = column.itemAt(where - 1).widget()
    assert isinstance(before, QFrame) and before.frameShape() == QFrame.Shape.HLine
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key(Qt.Key.Key_1 + index))
    stored = db.load_assessment(window.model.assessment_id)
    assert stored.answer(box.question.id).option == box.question.options[index].key == "open"
    assert box.question.axis in (Axis.PRACTICE, Axis.PURPOSE)

"""The "Plane and route map" step, on a real model over a real SQLite database: choose areas
on the plane and in the list, set targets by mouse, keys and spin boxes, build a route map,
mark a return trip, compare with an earlier visit, export, and check what is stored."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt

from ddwizard.core.assessment import Answer, Assessment, School, Step, Target, Trust
from ddwizard.core.changes import AnswerChosen, TargetSet
from ddwizard.core.plane import PointKind
from ddwizard.core.routes import PURPOSE_FIRST
from ddwizard.ui.model import AssessmentModel
from ddwizard.ui.pages.plane_page import PlanePage
from tests.core.builders import questionnaire, referent

from .helpers import click
from .test_plane_samples import PNG_MAGIC

Q = questionnaire(referent("reading"), referent("behaviour"), referent("finance"))
ANSWERS = {  # reading at D (-0.5, -0.5); behaviour at B (0.75, -0.5); finance not placed
    "reading_pr0": "other",
    "reading_pr1": "other",
    "reading_pu0": "other",
    "reading_pu1": "other",
    "behaviour_pr0": "other",
    "behaviour_pu0": "own",
    "behaviour_pu1": "mostly",
    "finance_pr0": "own",
}


def make(db, answers, assessed_on, label) -> int:
    a = Assessment(
        "",
        School("Hillside Primary"),
        Trust("Riverside Trust"),
        Q.id,
        Q.version,
        label=label,
        assessed_on=assessed_on,
        answers=tuple(Answer(q, o) for q, o in answers.items()),
    )
    return db.create_assessment(a, Q)


@pytest.fixture
def aid(db):
    make(db, {"reading_pr0": "entirely", "reading_pu0": "entirely"}, "2026-01-10", "First look")
    return make(db, ANSWERS, "2026-11-22", "Pre-join visit")


@pytest.fixture
def model(qtbot, db, aid):
    m = AssessmentModel(db)
    m.open(aid)
    return m


@pytest.fixture
def page(qtbot, model, dialogs):
    p = PlanePage(model, dialogs=dialogs)
    qtbot.addWidget(p)
    p.resize(1300, 900)
    p.show()
    qtbot.waitExposed(p)
    p.load()
    return p


def stored(db, aid, referent="reading") -> Target | None:
    return db.load_assessment(aid).target_for(referent)


def click_plane(qtbot, page, x, y):
    qtbot.mouseClick(page.view, Qt.MouseButton.LeftButton, pos=page.view.to_pixels(x, y).toPoint())


def test_the_list_shows_every_area_placed_or_not(page):
    lines = [page.areas.item(i).text() for i in range(page.areas.count())]
    assert lines[0] == "Reading: D (Different practice, different purpose)"
    assert lines[1] == "Behaviour: B (Different practice, shared purpose)"
    assert lines[2] == "Finance: not placed (no counted answers yet on the purpose axis)"
    assert page.selected == "reading"  # the first area, to start with


def test_a_borderline_area_says_which_axis_it_lies_close_to(page):
    from ddwizard.core.placement import Position
    from ddwizard.ui.words import quadrant_words

    near = Position(0.05, 0.6)  # within 0.1 of the purpose axis
    assert quadrant_words(near) == "A (Aligned), borderline on purpose"


def test_click_a_point_to_choose_its_area(qtbot, page):
    click_plane(qtbot, page, 0.75, -0.5)
    assert page.selected == "behaviour"
    assert page.areas.currentItem().text().startswith("Behaviour")
    assert page.area_title.text() == "Behaviour"
    assert page.area_where.text().startswith(  # in words first, then the numbers
        "Now: B (Different practice, shared purpose); purpose +0.75, practice −0.50."
    )


def test_choose_in_the_list_and_open_the_questions(qtbot, page):
    page.areas.setCurrentRow(1)
    assert page.view.selected_referent() == "behaviour"
    with qtbot.waitSignal(page.openArea) as opened:
        qtbot.mouseDClick(
            page.view, Qt.MouseButton.LeftButton, pos=page.view.to_pixels(0.75, -0.5).toPoint()
        )
    assert opened.args == ["behaviour"]


def test_keyboard_tab_through_the_areas(qtbot, page):
    page.view.clearFocus()
    page.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert page.selected == "behaviour"


def test_set_a_target_then_move_it_with_the_spin_boxes(qtbot, page, db, aid):
    click(qtbot, page.editor.set_button)
    assert stored(db, aid) == Target("reading", -0.5, -0.5)
    page.editor.purpose.setValue(0.8)
    page.editor.practice.setValue(0.6)
    assert (stored(db, aid).purpose, stored(db, aid).practice) == (0.8, 0.6)
    target = page.view.scene().point("reading@target")
    assert (target.x, target.y) == (0.8, 0.6)


def test_drag_the_target_on_the_plane(qtbot, page, db, aid):
    page.model.apply(TargetSet(Target("reading", 0.5, 0.5)))
    view = page.view
    start, end = view.to_pixels(0.5, 0.5).toPoint(), view.to_pixels(0.2, 0.9).toPoint()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, view.to_pixels(0.3, 0.7).toPoint())
    assert page.editor.purpose.value() == pytest.approx(0.3, abs=0.01)  # follows the drag
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    t = stored(db, aid)
    assert (t.purpose, t.practice) == pytest.approx((0.2, 0.9), abs=0.01)
    assert page.editor.practice.value() == pytest.approx(t.practice)


def test_arrow_keys_move_the_target(qtbot, page, db, aid):
    page.model.apply(TargetSet(Target("reading", 0.5, 0.5)))
    view = page.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.focus_key() == "reading@target"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    t = stored(db, aid)
    assert (t.purpose, t.practice) == (0.6, 0.49)
    assert view.focus_key() == "reading@target"  # still on the target for the next key


def test_month_rationale_and_return_trip_are_stored(qtbot, page, db, aid):
    click(qtbot, page.editor.set_button)
    page.editor.by.setFocus()
    qtbot.keyClicks(page.editor.by, "2027-09")
    qtbot.keyClicks(page.editor.rationale, "Agree the purpose of reading first")
    qtbot.waitUntil(lambda: stored(db, aid).rationale == "Agree the purpose of reading first")
    assert stored(db, aid).by == "2027-09"
    click(qtbot, page.editor.return_trip)
    assert stored(db, aid).return_trip is True


def test_half_typed_month_is_not_stored(qtbot, page, db, aid):
    click(qtbot, page.editor.set_button)
    qtbot.keyClicks(page.editor.by, "2027-1")
    page.editor.flush()
    assert stored(db, aid).by == ""
    qtbot.keyClicks(page.editor.by, "2")
    page.editor.flush()
    assert stored(db, aid).by == "2027-12"


def test_add_edit_and_reorder_steps(qtbot, page, db, aid):
    page.model.apply(TargetSet(Target("reading", 0.5, 0.5, "2027-09")))
    click(qtbot, page.editor.add_button)
    click(qtbot, page.editor.add_button)
    steps = stored(db, aid).steps
    assert len(steps) == 2
    assert (steps[0].purpose, steps[0].practice) == (0.0, 0.0)  # halfway from now
    table = page.editor.steps
    qtbot.keyClicks(table.field(0, "action"), "Agree purpose")
    table.field(0, "purpose").setValue(0.5)
    qtbot.keyClicks(table.field(0, "by"), "2027-01")
    table.flush()
    first = stored(db, aid).steps[0]
    assert first == Step(0.5, 0.0, "2027-01", "Agree purpose")
    table.selectRow(0)
    click(qtbot, page.editor.down_button)
    assert stored(db, aid).steps[1] == first
    assert table.currentRow() == 1
    click(qtbot, page.editor.up_button)
    assert stored(db, aid).steps[0] == first
    table.selectRow(1)
    click(qtbot, page.editor.remove_button)
    assert stored(db, aid).steps == (first,)
    assert [p.kind for p in page.view.scene().points if p.referent == "reading"].count(
        PointKind.STEP
    ) == 1


def test_suggest_a_route_puts_purpose_first(qtbot, page, db, aid, dialogs):
    page.model.apply(TargetSet(Target("reading", 0.8, 0.8, "2027-09", steps=(Step(0, 0),))))
    dialogs.confirms.append(True)  # replace the step already there
    click(qtbot, page.editor.suggest_button)
    steps = stored(db, aid).steps
    assert [(s.purpose, s.practice) for s in steps] == [(0.8, -0.5), (0.8, 0.8)]
    assert steps[0].action == PURPOSE_FIRST
    assert page.editor.steps.rowCount() == 2


def test_clear_target_asks_when_there_is_a_route(qtbot, page, db, aid, dialogs):
    page.model.apply(TargetSet(Target("reading", 0.8, 0.8, steps=(Step(0, 0),))))
    dialogs.confirms.append(False)
    click(qtbot, page.editor.clear_button)
    assert stored(db, aid) is not None
    dialogs.confirms.append(True)
    click(qtbot, page.editor.clear_button)
    assert stored(db, aid) is None
    assert page.editor.set_button.isVisible()


def test_compare_with_an_earlier_assessment(qtbot, page):
    assert page.compare.count() == 2
    assert "First look" in page.compare.itemText(1)
    page.compare.setCurrentIndex(1)
    page.compare.activated.emit(1)
    earlier = [p for p in page.view.scene().points if p.kind == PointKind.EARLIER]
    assert [(p.referent, p.x, p.y) for p in earlier] == [("reading", -1.0, -1.0)]
    page.compare.activated.emit(0)
    assert not [p for p in page.view.scene().points if p.kind == PointKind.EARLIER]


def test_answers_elsewhere_move_the_point(qtbot, page, model):
    model.apply(AnswerChosen("finance_pu0", "own"))
    assert page.view.scene().point("finance") is not None
    assert page.areas.item(2).text().startswith("Finance: A")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_the_plane(qtbot, page, dialogs, tmp_path, suffix):
    page.model.apply(TargetSet(Target("behaviour", 0.8, 0.8, return_trip=True)))
    path = tmp_path / f"plane{suffix}"
    dialogs.save_paths.append(str(path))
    click(qtbot, page.export_button)
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(PNG_MAGIC)
    else:
        text = "".join(ET.fromstring(data).itertext())
        assert "Reading" in text and "Behaviour" in text
    assert str(path) in page.status.text()
    assert not dialogs.errors


def test_export_into_a_missing_folder_says_why(qtbot, page, dialogs, tmp_path):
    dialogs.save_paths.append(str(tmp_path / "nowhere" / "plane.png"))
    click(qtbot, page.export_button)
    assert dialogs.errors and "does not exist" in dialogs.errors[0]

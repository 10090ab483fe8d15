"""A growth lead prepares the board's part of an assessment in the app, from the keyboard
where a person would type: who is assessing and whose view it is, a finding with its cost,
a target agreed by both boards with a step's owner and who needs to know, and the decision
with a condition. The bundle exported through the app (format 2) carries every piece."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from .test_journeys import (  # noqa: F401 - the fixture, used by name
    answer_and_set_confidence,
    assessment_id,
    click,
    open_from_start_screen,
    run_in_background,
)
from .test_keyboard import activate


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focus(), key)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field writes it


def who_and_whose_view(qtbot, window) -> None:
    window.wizard.go("about")
    about = window.wizard.current_page()
    type_into(qtbot, about.role, "Director of school improvement")
    assert focus() is about.perspective
    press(qtbot, Qt.Key.Key_Down, 2)  # the trust's view


def a_finding_with_a_cost(qtbot, window) -> str:
    window.wizard.go("checklist")
    row = window.wizard.current_page().area_rows(0)[0]
    row.finding.level.setFocus()
    press(qtbot, Qt.Key.Key_Down, 3)  # serious
    type_into(qtbot, row.finding.text, "Share of the LGPS deficit")
    press(qtbot, Qt.Key.Key_Down, 2)  # estimated
    type_into(qtbot, row.finding.amount, "412,000")
    return row.item.id


def an_agreed_target_with_a_step_owner(qtbot, window, referent: str) -> None:
    window.wizard.go("plane")
    page = window.wizard.current_page()
    page.select(referent)
    editor = page.editor
    click(qtbot, editor.set_button)
    editor.status.setFocus()
    press(qtbot, Qt.Key.Key_Down, 2)  # agreed
    type_into(qtbot, editor.agreed_by, "Both boards")
    type_into(qtbot, editor.agreed_on.edit, "01/12/2026")
    page.editor_action("add_step")
    qtbot.keyClicks(focus(), "Agree shared purposes")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focus(), "Head of English")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focus(), "Staff, at the next INSET day")
    press(qtbot, Qt.Key.Key_Tab)


def the_decision(qtbot, window) -> None:
    window.wizard.go("decision")
    page = window.wizard.current_page()
    assert focus() is page.texts["question"].widget
    qtbot.keyClicks(focus(), "Should Hillside Primary join the trust?")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focus(), "20 Jan 2027")
    type_into(qtbot, page.joining_on.edit, "2027-04-01")
    type_into(qtbot, page.texts["recommendation"].widget, "Join, on one condition")
    page.conditions.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    type_into(qtbot, focus(), "The roof survey is done before joining")


def test_the_boards_part_recorded_in_the_app_is_in_the_bundle(
    assessment_id,  # noqa: F811
    qtbot,
    window,
    dialogs,
    tmp_path,
):
    activate(qtbot, window)
    open_from_start_screen(qtbot, window, assessment_id)
    referent = answer_and_set_confidence(qtbot, window)
    who_and_whose_view(qtbot, window)
    item = a_finding_with_a_cost(qtbot, window)
    an_agreed_target_with_a_step_owner(qtbot, window, referent)
    the_decision(qtbot, window)
    window.wizard.go("review")
    review = window.wizard.current_page()
    path = tmp_path / "bundle.json"
    dialogs.save_paths.append(str(path))
    button = next(b for b in review.findChildren(QPushButton) if "bundle" in b.text())
    run_in_background(qtbot, window, dialogs, button)

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == 2
    a = data["assessment"]
    assert (a["assessor_role"], a["perspective"]) == ("Director of school improvement", "trust")
    d = data["decision"]
    assert (d["question"], d["decide_by"], d["joining_on"]) == (
        "Should Hillside Primary join the trust?",
        "2027-01-20",
        "2027-04-01",
    )
    assert (d["recommendation"], d["conditions"]) == (
        "Join, on one condition",
        ["The roof survey is done before joining"],
    )
    [entry] = [e for e in data["due_diligence"] if e["item"] == item]
    assert entry["finding"]["level"] == "serious"
    assert entry["finding"]["text"] == "Share of the LGPS deficit"
    assert entry["finding"]["cost"] == {"amount": 412000, "basis": "estimated"}
    [target] = data["targets"]
    assert (target["status"], target["agreed_by"], target["agreed_on"]) == (
        "agreed",
        "Both boards",
        "2026-12-01",
    )
    [step] = target["steps"]
    assert (step["action"], step["owner"], step["tell"]) == (
        "Agree shared purposes",
        "Head of English",
        "Staff, at the next INSET day",
    )

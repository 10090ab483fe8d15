"""Re-assess in the app: it offers a newer questionnaire when one is here, and says what did
not come across."""

from __future__ import annotations

from pathlib import Path

from ddwizard import services
from ddwizard.core.assessment import Answer, Assessment, School, Trust

from .helpers import click

EXAMPLE = Path("tests/core/fixtures/example_questionnaire.yaml")


def with_two_versions(db, tmp_path) -> int:
    q1 = services.add_questionnaire(db, EXAMPLE)
    text = EXAMPLE.read_text().replace('version: "1"', 'version: "2"')
    text = text.replace("id: early-reading-aim", "id: early-reading-purpose")
    newer = tmp_path / "example-2.yaml"
    newer.write_text(text)
    services.add_questionnaire(db, newer)
    answers = (Answer("early-reading-aim", "own"), Answer("behaviour-routines", "close", "kept"))
    a = Assessment(
        "u1",
        School("Oak Primary"),
        Trust("Wenmoor"),
        q1.id,
        q1.version,
        label="Pre-join",
        answers=answers,
    )
    return db.create_assessment(a, q1)


def press_reassess(qtbot, window, aid):
    window.show_start()
    window.start.select(aid)
    click(qtbot, next(b for b in window.start._row_buttons if b.text() == "Re-assess"))


def test_reassess_offers_the_newer_questionnaire_and_lists_what_was_dropped(
    qtbot, make_window, dialogs, db, tmp_path
):
    old = with_two_versions(db, tmp_path)
    window = make_window(db)
    dialogs.choices = [0]  # use version 2
    press_reassess(qtbot, window, old)
    (asked,) = [text for kind, text in dialogs.asked if kind == "choose"]
    assert "version 2" in asked and "version 1" in asked
    new = window.model.assessment_id
    assert new != old
    b = db.load_assessment(new)
    assert b.questionnaire_version == "2"
    assert b.answers == (Answer("behaviour-routines", "close", "kept"),)
    (info,) = dialogs.infos
    assert "1 answers came across. 1 could not" in info
    assert "How far do leaders and staff see the aim of early reading" in info
    assert db.load_assessment(old).answers[0] == Answer("early-reading-aim", "own")


def test_reassess_can_keep_the_questionnaire_it_was_made_with(
    qtbot, make_window, dialogs, db, tmp_path
):
    old = with_two_versions(db, tmp_path)
    window = make_window(db)
    dialogs.choices = [1]  # keep version 1
    press_reassess(qtbot, window, old)
    b = db.load_assessment(window.model.assessment_id)
    assert b.questionnaire_version == "1" and len(b.answers) == 2
    assert dialogs.infos == []
    before = len(db.list_assessments())
    dialogs.choices = [None]  # dismissed: nothing is made
    press_reassess(qtbot, window, old)
    assert len(db.list_assessments()) == before

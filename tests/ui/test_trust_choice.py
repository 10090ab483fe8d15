"""The trust, explicitly: picking a trust already here, typing a new one, and renaming a
trust are different acts; a typo put right never moves an assessment to an empty trust."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddwizard import services
from ddwizard.core.assessment import Assessment, School, Trust, new_uid


def _two_against(db, trust: str) -> tuple[int, int]:
    q = db.get_questionnaire("default", db.questionnaires()[0].version)
    ids = tuple(
        db.create_assessment(Assessment(new_uid(), School(s), Trust(trust), q.id, q.version), q)
        for s in ("Hillside Primary", "Oakfield Academy")
    )
    return ids


def _about(qtbot, window, aid):
    window.open_assessment(aid)
    window.wizard.go("about")
    return window.wizard.current_page()


def _type_trust(qtbot, page, text: str) -> None:
    page.trust_name.setFocus()
    page.trust_name.lineEdit().selectAll()
    qtbot.keyClicks(page.trust_name.lineEdit(), text)
    qtbot.keyClick(page.trust_name.lineEdit(), Qt.Key.Key_Return)


def test_a_typo_put_right_renames_the_trust_for_every_assessment(qtbot, window, db, dialogs):
    services.ensure_default(db)
    first, second = _two_against(db, "Riverside Lerning Trust")
    page = _about(qtbot, window, first)
    dialogs.choices.append(1)  # Rename
    _type_trust(qtbot, page, "Riverside Learning Trust")
    assert dialogs.offered[-1] == [
        "A different trust: “Riverside Learning Trust”",
        "Rename “Riverside Lerning Trust” for all 2 assessments",
    ]
    for aid in (first, second):
        assert db.load_assessment(aid).trust.name == "Riverside Learning Trust"
    assert db.trust_names() == ["Riverside Learning Trust"]
    assert page.trust_name.currentText() == "Riverside Learning Trust"


def test_another_trust_moves_only_this_assessment_and_cancel_changes_nothing(
    qtbot, window, db, dialogs
):
    services.ensure_default(db)
    first, second = _two_against(db, "Riverside Learning Trust")
    page = _about(qtbot, window, first)
    dialogs.choices.append(None)  # Cancel
    _type_trust(qtbot, page, "Oak Trust")
    assert db.load_assessment(first).trust.name == "Riverside Learning Trust"
    assert page.trust_name.currentText() == "Riverside Learning Trust"

    dialogs.choices.append(0)  # a different trust
    _type_trust(qtbot, page, "Oak Trust")
    assert db.load_assessment(first).trust.name == "Oak Trust"
    assert db.load_assessment(second).trust.name == "Riverside Learning Trust"
    assert db.trust_names() == ["Oak Trust", "Riverside Learning Trust"]

    # Picked back from the list: a trust already here is chosen without a question.
    asked = len(dialogs.offered)
    index = page.trust_name.findText("Riverside Learning Trust")
    page.trust_name.setCurrentIndex(index)
    page.trust_name.activated.emit(index)
    assert len(dialogs.offered) == asked
    assert db.load_assessment(first).trust.name == "Riverside Learning Trust"
    assert db.trust_names() == ["Riverside Learning Trust"]  # Oak Trust held nothing: gone


def test_rename_trust_says_it_renames_for_every_assessment(qtbot, window, db, dialogs):
    services.ensure_default(db)
    first, second = _two_against(db, "Riverside")
    _two_against(db, "Oak Trust")
    page = _about(qtbot, window, first)
    dialogs.texts.append("Oak Trust")
    page.rename_trust.click()
    assert dialogs.asked[-1] == (
        "text",
        "A new name for “Riverside”, for all 2 assessments made against it:",
    )
    assert "already here" in dialogs.errors[-1]
    assert db.load_assessment(second).trust.name == "Riverside"

    dialogs.texts.append("  Riverside Schools Trust ")
    page.rename_trust.click()
    assert db.load_assessment(second).trust.name == "Riverside Schools Trust"
    assert page.trust_name.currentText() == "Riverside Schools Trust"
    assert page.rename_trust.hasFocus()
    history = [e for e in db.audit(second) if e.what == "trust_name"]
    assert [(e.old, e.new) for e in history] == [("Riverside", "Riverside Schools Trust")]

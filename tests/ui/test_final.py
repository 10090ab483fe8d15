"""Final means final: a final assessment opens read-only under a banner with a way back to
a draft, and reopening is recorded in the history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ddwizard.core.assessment import Status
from ddwizard.core.changes import StatusSet

from .test_keyboard import activate


def editable(page) -> list[str]:
    """The page's controls that would still take a change."""
    found = []
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit)
    for w in page.findChildren(QWidget):
        if not isinstance(w, kinds) or w.property("works_when_final") or not w.isVisibleTo(page):
            continue
        if isinstance(w.parentWidget(), QComboBox):
            continue
        if (
            isinstance(w, (QLineEdit, QPlainTextEdit))
            and not w.isReadOnly()
            or isinstance(w, (QAbstractButton, QComboBox))
            and w.isEnabled()
        ):
            found.append(f"{type(w).__name__} {w.accessibleName()!r}")
    return found


def test_a_final_assessment_opens_read_only_and_can_be_reopened(qtbot, window, db):
    activate(qtbot, window)
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)
    assessment_id = window.model.assessment_id
    window.model.apply(StatusSet(Status.FINAL))
    window.show_start()
    window.open_assessment(assessment_id)
    wizard = window.wizard
    assert wizard.final.isVisible() and "read-only" in wizard.final.text.text()
    area = next(s.key for s in wizard.steps if s.key.startswith("area:"))
    for key in ("about", area, "plane", "checklist", "decision", "review"):
        wizard.go(key)
        page = wizard.current_page()
        if hasattr(page, "build_rest"):
            page.build_rest()
        assert editable(page) == [], key
    wizard.go(area)
    box = next(iter(wizard.current_page().questions.values()))
    before = box.selected()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_1 if before != box.question.options[0].key else Qt.Key.Key_2)
    assert box.selected() == before  # keys 1 to 9 change nothing
    assert db.load_assessment(assessment_id).answer(box.question.id).option == before

    wizard.final.reopen_button.setFocus()
    qtbot.keyClick(wizard.final.reopen_button, Qt.Key.Key_Space)
    assert not wizard.final.isVisible()
    assert db.load_assessment(assessment_id).status == Status.DRAFT
    assert box.radios[0].isEnabled() and not box.note.isReadOnly()
    assert wizard.current_page().isAncestorOf(window.focusWidget())
    history = [(e.what, e.old, e.new) for e in db.audit(assessment_id)]
    assert history[-1] == ("status", "final", "draft")

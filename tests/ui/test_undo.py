"""Undo and redo (Edit menu, Ctrl+Z and Ctrl+Shift+Z): every edit can be put back, each undo
is stored at once and recorded in the history, and the page shows what was put back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ddwizard import services
from ddwizard.core.changes import AnswerNoted

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _open_area(qtbot, window, db):
    aid = services.create_demo(db)
    window.open_assessment(aid)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    key = next(s.key for s in window.wizard.steps if s.key.startswith("area:"))
    window.wizard.go(key)
    page = window.wizard.current_page()
    return aid, page, next(iter(page.questions.values()))


def test_undo_and_redo_an_answer_from_the_keyboard(qtbot, window, db):
    aid, page, box = _open_area(qtbot, window, db)
    before = box.selected()
    other = next(i for i, o in enumerate(box.question.options) if o.key != before)
    box.radios[0].setFocus()
    qtbot.keyClick(box.radios[0], Qt.Key.Key_1 + other)
    chosen = box.question.options[other].key
    assert db.load_assessment(aid).answer(box.question.id).option == chosen
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo answer"

    # Somewhere else entirely: undo brings the area back into view, with the old answer.
    window.wizard.go("checklist")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z, CTRL)
    referent = window.model.questionnaire.referent_of(box.question.id)
    assert window.wizard.current() == f"area:{referent.id}"
    assert window.wizard.current_page() is page
    assert box.selected() == before
    assert db.load_assessment(aid).answer(box.question.id).option == before
    assert not window.undo_action.isEnabled() and window.redo_action.isEnabled()

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert box.selected() == chosen
    assert db.load_assessment(aid).answer(box.question.id).option == chosen

    # Each undo and redo is an edit of its own in the history.
    moves = [e for e in db.audit(aid) if e.what == f"answer:{box.question.id}.option"]
    assert [(e.old, e.new) for e in moves] == [(before, chosen), (chosen, before), (before, chosen)]


def test_undo_puts_back_a_note_typed_and_a_new_edit_ends_redo(qtbot, window, db):
    aid, page, box = _open_area(qtbot, window, db)
    old_note = db.load_assessment(aid).answer(box.question.id).note
    box.note.setFocus()
    box.note.selectAll()
    qtbot.keyClicks(box.note, "Seen in <Year 2> & ")
    box.note.insertPlainText("🙂")  # QTest cannot type characters outside the BMP
    box.radios[0].setFocus()  # leaving the note stores it
    qtbot.waitUntil(lambda: not window.model.has_pending_edits())
    assert db.load_assessment(aid).answer(box.question.id).note == "Seen in <Year 2> & 🙂"

    qtbot.keyClick(box.radios[0], Qt.Key.Key_Z, CTRL)
    assert db.load_assessment(aid).answer(box.question.id).note == old_note
    assert box.note.toPlainText() == old_note
    assert window.redo_action.isEnabled()
    window.model.apply(AnswerNoted(box.question.id, "A different note"))
    assert not window.redo_action.isEnabled()
    assert not window.model.redo()


def test_nothing_to_undo_after_opening(qtbot, window, db):
    aid = services.create_demo(db)
    window.open_assessment(aid)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"
    assert not window.model.undo()


def test_history_from_the_edit_menu_shows_the_undo_too(qtbot, window, db):
    aid, page, box = _open_area(qtbot, window, db)
    before = box.selected()
    other = next(i for i, o in enumerate(box.question.options) if o.key != before)
    box.choose(other)
    window.model.undo()
    window.history_action.trigger()
    view = window.history_view
    qtbot.waitExposed(view)
    rows = [r for r in view.visible_rows() if r[1].endswith(": answer")]
    labels = {o.key: o.label for o in box.question.options}
    assert [r[2:] for r in rows[:2]] == [
        (labels[box.question.options[other].key], labels[before]),
        (labels[before], labels[box.question.options[other].key]),
    ]
    view.close()


def test_undo_after_marking_final_first_reopens_it(qtbot, window, db):
    from ddwizard.core.changes import StatusSet
    from ddwizard.core.statuses import Status

    aid, page, box = _open_area(qtbot, window, db)
    before = box.selected()
    other = next(i for i, o in enumerate(box.question.options) if o.key != before)
    box.choose(other)
    window.model.apply(StatusSet(Status.FINAL))
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo status"
    assert window.model.undo()  # the first undo reopens the assessment as a draft
    assert db.load_assessment(aid).status == Status.DRAFT
    assert window.undo_action.text() == "&Undo answer"
    assert window.model.undo()
    assert db.load_assessment(aid).answer(box.question.id).option == before
    statuses = [(e.old, e.new) for e in db.audit(aid) if e.what == "status"]
    assert statuses == [("draft", "final"), ("final", "draft")]

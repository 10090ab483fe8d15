"""Everything without a mouse: step shortcuts, options by number, tab order, and an
accessible name on every control of every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)
PARTS_OF_A_CONTROL = (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit, QMenuBar)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or isinstance(w, QScrollBar):
            continue
        if _inside(w, PARTS_OF_A_CONTROL):
            continue  # a combo's own line edit and list, a table's corner button: parts
        if not w.accessibleName().strip():
            missing.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}")
    return missing


def _inside(w: QWidget, kinds: tuple) -> bool:
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def new_and_next_step(qtbot, window) -> None:
    """A new assessment, typed into at once, then Ctrl+PageDown: on to its second step."""
    window.actions.new_assessment()
    activate(qtbot, window)
    page = window.wizard.current_page()
    page.school_name.setFocus()
    qtbot.keyClick(page.school_name, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def test_step_shortcuts(qtbot, window):
    new_and_next_step(qtbot, window)
    assert window.wizard.current() == "trust"
    focus = QApplication.focusWidget() or window.wizard
    qtbot.keyClick(focus, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.current() == "areas"
    focus = QApplication.focusWidget() or window.wizard
    qtbot.keyClick(focus, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        QApplication.focusWidget() or window.wizard,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.AltModifier,
    )
    assert window.wizard.current() == "about"


def test_arriving_at_the_areas_the_focus_is_on_the_first_area(qtbot, window):
    """Not on a group's Select all: Space there would choose every area of the group."""
    new_and_next_step(qtbot, window)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    areas = window.wizard.current_page()
    assert window.wizard.current() == "areas"
    first = next(iter(areas.boxes.values()))
    assert QApplication.focusWidget() is first
    before = areas.chosen()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    after = areas.chosen()
    assert set(before) ^ set(after) == {next(iter(areas.boxes))}  # that one area only


def test_choosing_an_option_by_number(qtbot, window, db):
    window.actions.new_assessment()
    window.wizard.go(next(s.key for s in window.wizard.steps if s.key.startswith("area:")))
    box = next(iter(window.wizard.current_page().questions.values()))
    box.radios[0].setFocus()
    qtbot.keyClick(box.radios[0], Qt.Key.Key_3)
    assert box.selected() == box.question.options[2].key
    stored = db.load_assessment(window.model.assessment_id).answer(box.question.id)
    assert stored.option == box.question.options[2].key
    qtbot.keyClick(box.radios[2], Qt.Key.Key_Delete)  # clears the answer
    assert box.selected() is None
    qtbot.keyClicks(box.note, "3 pupils")  # digits in the note are typed, not chosen
    assert box.note.toPlainText() == "3 pupils" and box.selected() is None


def test_tab_order_on_the_about_page(qtbot, window):
    window.actions.new_assessment()
    activate(qtbot, window)
    page = window.wizard.current_page()
    page.school_name.setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(11):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        order.append(
            focused.parentWidget()
            if isinstance(focused.parentWidget(), (QComboBox, QAbstractSpinBox))
            else focused
        )
    assert order == [
        page.school_name,
        page.urn,
        page.phase,
        page.local_authority,
        page.trust_name,
        page.assessor,
        page.role,
        page.perspective,
        page.date.edit,
        page.date.calendar_button,
        page.label,
        page.questionnaire,
    ]


def visit_every_step(qtbot, window, skip=()):
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)
    for step in list(window.wizard.steps):
        if step.key in skip:
            continue
        window.wizard.go(step.key)
        page = window.wizard.current_page()
        if hasattr(page, "build_rest"):  # an area page, built in two parts: all of it
            page.build_rest()
        if step.key == "checklist":
            for i in range(len(page.areas)):
                page.area_rows(i)
        yield step.key, page


def test_every_control_on_every_page_has_an_accessible_name(qtbot, window):
    assert unnamed_controls(window) == []  # the empty start screen
    for key, page in visit_every_step(qtbot, window, skip={"plane"}):
        assert unnamed_controls(page) == [], key
    window.show_start()
    assert unnamed_controls(window.start) == []  # the list
    window.show_framework_help()
    assert unnamed_controls(window._help) == []


def test_the_plane_page_names_its_controls_too(qtbot, window):
    for key, page in visit_every_step(qtbot, window):
        if key == "plane":
            assert unnamed_controls(page) == []

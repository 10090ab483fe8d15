"""A short site visit from the keyboard alone (no mouse event at all), checked afterwards in
the database through the `export` command; and focus where typing should go."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from ddwizard import services
from ddwizard.cli import main
from ddwizard.core.assessment import Finding, ItemStatus

from .test_keyboard import activate

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class MouseWatch(QObject):
    """Counts every mouse press the application sees."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.presses += 1
        return False


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focus(), key, modifier)


def type_in(qtbot, text: str) -> None:
    qtbot.keyClicks(focus(), text)


def next_step(qtbot, window) -> str:
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    return window.wizard.current()


def answer_area_by_numbers(qtbot, window) -> list[str]:
    page = window.wizard.current_page()
    boxes = list(page.questions.values())
    assert focus() is boxes[0].radios[0]  # the first unanswered question has the focus
    for box in boxes:
        assert box.isAncestorOf(focus())  # each answer moved on to the next question
        press(qtbot, Qt.Key.Key_2)
    assert focus() in page.confidence.buttons()  # past the last question: the confidence
    return [box.question.id for box in boxes]


def test_a_site_visit_from_the_keyboard_alone(qtbot, window, dialogs, db_path, tmp_path, capsys):
    watch = MouseWatch()
    QApplication.instance().installEventFilter(watch)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)  # File > New assessment
    qtbot.waitUntil(lambda: window.model.is_open())
    about = window.wizard.current_page()
    assert focus() is about.school_name
    type_in(qtbot, "Hillside Primary")
    press(qtbot, Qt.Key.Key_Tab, times=4)  # URN, phase, local authority, trust
    assert focus() is about.trust_name
    type_in(qtbot, "Riverside Learning Trust")

    while not next_step(qtbot, window).startswith("area:"):
        pass
    first = answer_area_by_numbers(qtbot, window)
    next_step(qtbot, window)
    second = answer_area_by_numbers(qtbot, window)

    while next_step(qtbot, window) != "plane":
        pass
    plane = window.wizard.current_page()
    assert focus() is plane.areas
    area = plane.selected
    press(qtbot, Qt.Key.Key_T, CTRL)  # Assessment > Set a target
    assert focus() is plane.editor.purpose
    start = plane.editor.purpose.value()
    press(qtbot, Qt.Key.Key_Up, times=3)  # three small steps towards the trust's purpose
    press(qtbot, Qt.Key.Key_T, CTRL | SHIFT)  # Assessment > Add a route step
    assert focus() is plane.editor.steps.field(0, "action")
    type_in(qtbot, "Agree shared purposes")

    assert next_step(qtbot, window) == "checklist"
    checklist = window.wizard.current_page()
    row = checklist.area_rows(0)[0]
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is row.status
    while row.status.currentData() != ItemStatus.IN_PROGRESS:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab, times=4)  # owner, due date, its calendar, note
    assert focus() is row.note
    type_in(qtbot, "Lease unsigned")
    press(qtbot, Qt.Key.Key_Tab)  # what was found, apart from the status
    assert focus() is row.finding.level
    press(qtbot, Qt.Key.Key_Down, times=2)  # a concern
    press(qtbot, Qt.Key.Key_Tab)
    type_in(qtbot, "The site lease lapses before joining")

    dialogs.confirms.append(True)  # "still open: ..." Mark it final anyway
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)  # Assessment > Mark as final
    assert window.wizard.current() == "review"
    assert any(kind == "confirm" and "Still open" in text for kind, text in dialogs.asked)
    pdf = tmp_path / "brief.pdf"
    dialogs.save_paths.append(str(pdf))
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=60_000, check_params_cb=lambda busy: not busy
    ):
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)  # File > Export brief
    assert pdf.read_bytes().startswith(b"%PDF") and not dialogs.errors
    assert watch.presses == 0
    QApplication.instance().removeEventFilter(watch)

    window.model.flush()
    bundle = tmp_path / "visit.json"
    assert (
        main(["--db", str(db_path), "export", str(window.model.assessment_id), "-o", str(bundle)])
        == 0
    )
    capsys.readouterr()
    a = json.loads(bundle.read_text(encoding="utf-8"))
    assert a["school"]["name"] == "Hillside Primary"
    assert a["trust"]["name"] == "Riverside Learning Trust"
    assert a["assessment"]["status"] == "final"
    chosen = {x["question"]: x["option"] for x in a["answers"] if x.get("option")}
    assert set(chosen) == set(first + second)
    (target,) = a["targets"]
    assert target["referent"] == area
    assert round(target["purpose"], 2) == round(start + 0.15, 2)
    assert [s["action"] for s in target["steps"]] == ["Agree shared purposes"]
    (entry,) = [e for e in a["due_diligence"] if e["item"] == row.item.id]
    assert entry["status"] == "in_progress" and entry["note"] == "Lease unsigned"
    with services.open_database(db_path) as again:
        found = again.load_assessment(window.model.assessment_id).entry_for(row.item.id)
    assert found.finding == Finding("concern", "The site lease lapses before joining")


def tab_stops(page) -> list:
    """What Tab should reach on a page: every visible, enabled control that takes Tab."""
    from PySide6.QtWidgets import QWidget

    wanted = []
    for w in page.findChildren(QWidget):
        takes_tab = (w.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
        if takes_tab and w.isVisible() and w.isEnabled() and w.focusProxy() is None:
            wanted.append(w)
    return wanted


def round_trip(qtbot, window, start, key=Qt.Key.Key_Tab, limit: int = 800) -> list:
    """Press Tab (or Shift+Tab) from `start` until the focus comes back to it."""
    start.setFocus()
    reached = [start]
    modifier = SHIFT if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier
    for _ in range(limit):
        qtbot.keyClick(focus(), key, modifier)
        if focus() is start:
            return reached
        reached.append(focus())
    raise AssertionError(f"the focus never came back to {start!r}: trapped near {focus()!r}")


def test_tab_goes_round_every_page_and_back(qtbot, window):
    activate(qtbot, window)
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)
    missed = {}
    for step in list(window.wizard.steps):
        window.wizard.go(step.key)
        page = window.wizard.current_page()
        if hasattr(page, "build_rest"):
            page.build_rest()
        first = page.first_field()
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if step.key == "plane":  # an area with a target and a route, to go through
                page.select(window.model.assessment.targets[0].referent)
            nav = [
                b for b in (window.wizard.back_button, window.wizard.next_button) if b.isEnabled()
            ]
            wanted = [*tab_stops(page), window.wizard.tree, *nav]
            reached = round_trip(qtbot, window, first, key)
            if key == Qt.Key.Key_Backtab:  # the plane's points, passed first, choose areas
                wanted = [*tab_stops(page), window.wizard.tree, *nav]
            # A table's cells stand for it: Tab goes into them.
            left = [w for w in wanted if not any(w is r or w.isAncestorOf(r) for r in reached)]
            if left:
                missed[(step.key, key.name)] = [
                    f"{type(w).__name__} {w.accessibleName()!r}" for w in left
                ]
    window.show_start()
    reached = round_trip(qtbot, window, window.start.search)
    assert window.start.table in reached
    missed["start"] = [w.accessibleName() for w in tab_stops(window.start) if w not in reached]
    bad = {k: v for k, v in missed.items() if v}
    assert not bad, "\n".join(f"{k}: {v}" for k, v in bad.items())


def test_opening_and_moving_put_the_focus_where_typing_goes(qtbot, window):
    activate(qtbot, window)
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)
    window.show_start()
    window.start.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # open the chosen assessment from the list
    assert window.wizard.current() == "about"
    assert focus() is window.wizard.current_page().school_name
    tree = window.wizard.tree
    tree.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # the arrows move through the steps, the list keeps focus
    assert window.wizard.current() == "trust" and focus() is tree
    press(qtbot, Qt.Key.Key_Return)  # Enter goes into the step
    assert window.wizard.current_page().isAncestorOf(focus())
    press(qtbot, Qt.Key.Key_F, CTRL)  # File > Find an assessment
    assert focus() is window.start.search and window.start.isVisible()


def test_the_focus_has_a_clear_ring_in_a_palette_colour(qtbot, window):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPalette

    from ddwizard.ui.focusring import WIDTH

    activate(qtbot, window)
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)
    window.wizard.go(next(s.key for s in window.wizard.steps if s.key.startswith("area:")))
    box = next(iter(window.wizard.current_page().questions.values()))
    box.clear.setEnabled(True)
    for control in (box.note, box.clear, box.radios[0], window.wizard.tree):
        control.setFocus()
        rings = window.focus_rings
        qtbot.waitUntil(lambda c=control, r=rings: r.target is c and r.ring.isVisible())
        ring = rings.ring
        shown = QRect(control.mapTo(ring.parentWidget(), QPoint(0, 0)), control.size())
        assert ring.geometry().contains(shown)
        assert ring.width() - control.width() >= 2 * WIDTH
        image = ring.grab().toImage()
        edge = image.pixelColor(0, ring.height() // 2)
        assert edge == ring.palette().color(QPalette.ColorRole.Highlight), control

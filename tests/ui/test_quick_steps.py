"""What keeps moving between steps quick, checked for what a person would notice: an area
page built in two parts is complete, loaded and in tab order once shown; the page stack
moves the focus with the page; panels draw in palette colours with no style sheet; the
plane is drawn once for a state and again when something changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ddwizard.core.changes import AnswerChosen, AnswerCleared
from ddwizard.ui import plane_view, theme
from ddwizard.ui.pages.area import CONFIDENCE, AreaPage


def open_demo(qtbot, window):
    window.actions.demo()
    qtbot.waitUntil(lambda: window.model.is_open(), timeout=10_000)


def longest_area(window) -> str:
    referents = window.model.selected_referents()
    return "area:" + max(referents, key=lambda r: len(r.questions)).id


def built(page: AreaPage) -> int:
    return sum(1 for _ in page.findChildren(type(next(iter(page._boxes.values())))))


def focus_order(start: QWidget, within: QWidget, count: int) -> list[QWidget]:
    """The next `count` controls Tab reaches from `start`, inside `within`."""
    order, widget = [], start
    while len(order) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and within.isAncestorOf(widget):
            order.append(widget)
    return order


def test_an_area_page_shows_its_first_questions_then_finishes_by_itself(qtbot, window):
    open_demo(qtbot, window)
    window.resize(1100, 760)
    key = longest_area(window)
    window.wizard.go(key)
    page = window.wizard.current_page()
    total = len(page.referent.questions)
    assert 1 <= built(page) < total  # what fills the window first, not the whole page
    qtbot.waitUntil(lambda: built(page) == total and not page._rest, timeout=5_000)
    a = window.model.assessment
    for qid, box in page.questions.items():  # every one loaded with what is stored
        assert box.selected() == a.answer(qid).option
        assert box.note.toPlainText() == a.answer(qid).note
    note = a.note_for(page.referent.id)
    assert note is not None and note.confidence is not None  # the demo's, to be shown
    assert page.note.toPlainText() == note.note
    assert CONFIDENCE[page.confidence.checkedId()][1] == note.confidence


def test_the_rest_of_an_area_page_comes_in_tab_order(qtbot, window):
    open_demo(qtbot, window)
    window.resize(1100, 760)
    window.wizard.go(longest_area(window))
    page = window.wizard.current_page()
    qtbot.waitUntil(lambda: not page._rest, timeout=5_000)
    expected = [c for box in page._boxes.values() for c in box.controls()]
    expected += page.view.controls()  # each axis's confidence, then the note
    expected = [c for c in expected if c.focusPolicy() & Qt.FocusPolicy.TabFocus]
    first = expected[0]
    assert focus_order(first, page, len(expected) - 1) == expected[1:]


def test_an_answer_stored_before_its_question_is_built_is_the_one_shown(qtbot, window):
    open_demo(qtbot, window)
    window.resize(1100, 760)
    key = longest_area(window)
    window.wizard.go(key)
    page = window.wizard.current_page()
    last = page.referent.questions[-1]
    assert last.id not in page._boxes
    option = last.options[-1].key
    assert window.model.apply(AnswerChosen(last.id, option))
    qtbot.waitUntil(lambda: not page._rest, timeout=5_000)
    assert page._boxes[last.id].selected() == option


def test_moving_on_part_way_leaves_the_rest_until_the_page_is_back(qtbot, window):
    open_demo(qtbot, window)
    window.resize(1100, 760)
    key = longest_area(window)
    window.wizard.go(key)
    page = window.wizard.current_page()
    window.wizard.go("about")  # before the event loop ran: the rest is not built
    before = built(page)
    qtbot.wait(150)
    assert built(page) == before and page._rest  # nothing built while hidden
    window.wizard.go(key)
    qtbot.waitUntil(lambda: not page._rest, timeout=5_000)
    assert built(page) == len(page.referent.questions)


def test_asking_for_every_question_builds_the_rest_at_once(qtbot, window):
    open_demo(qtbot, window)
    window.resize(1100, 760)
    window.wizard.go(longest_area(window))
    page = window.wizard.current_page()
    assert len(page.questions) == len(page.referent.questions)
    last = page.referent.questions[-1].id
    window.wizard.open_question(last)  # from the review: the focus goes to that question
    assert page._boxes[last].isAncestorOf(QApplication.focusWidget())


def test_the_focus_moves_with_the_page(qtbot, window):
    open_demo(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.wizard.go("about")
    about = window.wizard.current_page()
    about.school_name.setFocus()
    window.wizard.go("trust")
    trust = window.wizard.current_page()
    assert trust.isAncestorOf(QApplication.focusWidget())
    assert not about.isVisible() and trust.isVisible()


def test_the_focus_goes_straight_to_the_next_page(qtbot, window):
    """Never by way of the step list (which would draw itself again, and be announced)."""
    open_demo(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.wizard.go("about")
    window.wizard.current_page().school_name.setFocus()
    visited = []

    def moved(_old, new) -> None:
        visited.append(new)

    QApplication.instance().focusChanged.connect(moved)
    window.wizard.next()
    QApplication.instance().focusChanged.disconnect(moved)
    page = window.wizard.current_page()
    assert visited and all(page.isAncestorOf(w) for w in visited)


def test_no_style_sheet_and_panels_in_palette_colours(qtbot, window, app_look):
    assert QApplication.instance().styleSheet() == ""
    card = theme.Panel("card")
    card.resize(120, 60)
    qtbot.addWidget(card)
    image = card.grab().toImage()
    palette = card.palette()
    assert image.pixel(60, 30) == palette.color(QPalette.ColorRole.Base).rgb()  # the fill
    assert image.pixel(60, 0) == palette.color(QPalette.ColorRole.Mid).rgb()  # the outline
    help_text = theme.label("Where to look", "help")
    assert help_text.foregroundRole() == QPalette.ColorRole.PlaceholderText


def test_the_plane_is_drawn_once_for_a_state(qtbot, window, monkeypatch):
    open_demo(qtbot, window)
    window.wizard.go(longest_area(window))
    view = window.wizard.current_page().plane
    calls = []
    real = plane_view.paint_frame
    monkeypatch.setattr(plane_view, "paint_frame", lambda *a: (calls.append(1), real(*a)))
    first = view.grab().toImage()
    drawn = len(calls)
    assert drawn <= 1 and view.grab().toImage() == first
    assert len(calls) == drawn  # shown again: copied, not drawn again
    view.set_scene(view._scene)  # told of a change: drawn again, once
    assert view.grab().toImage() == first
    view.grab()
    assert len(calls) == drawn + 1


def test_what_is_built_first_fills_the_window_whatever_its_size(qtbot, window):
    open_demo(qtbot, window)
    for width, height in ((1093, 614), (1300, 1000)):
        window.resize(width, height)
        window.open_assessment(window.model.assessment_id, "areas")
        window.wizard.go(longest_area(window))  # shown and laid out, before the event loop
        page = window.wizard.current_page()
        assert page._rest  # not the whole page
        shown = [b for b in page._boxes.values() if b.isVisibleTo(page)]
        bottom = shown[-1].mapTo(page.scroll.viewport(), shown[-1].rect().bottomLeft()).y()
        assert bottom >= page.scroll.viewport().height()  # no empty space below, at first


def test_the_focus_going_further_down_builds_the_page_down_to_it(qtbot, window):
    open_demo(qtbot, window)
    window.resize(1093, 614)
    key = longest_area(window)
    page = window.wizard.page(key)
    assert len(page._boxes) < len(page.referent.questions)
    target = list(page.model.shown_questions(page.referent))[-2]
    for question in page.model.shown_questions(page.referent):  # all answered but one
        if question.id != target.id:
            window.model.apply(AnswerChosen(question.id, question.options[0].key))
    window.model.apply(AnswerCleared(target.id))
    window.wizard.go(key)
    box = page._boxes[target.id]
    assert box.isVisible() and QApplication.focusWidget() in box.radios
    top = box.mapTo(page.scroll.viewport(), box.radios[0].pos()).y()
    assert 0 <= top < page.scroll.viewport().height()  # scrolled to it

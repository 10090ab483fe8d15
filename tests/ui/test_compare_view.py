"""The Compare view, driven through the real window: chosen on the start screen (with the
keyboard) or with "Compare with…", its planes and table, and its export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ddwizard import services
from ddwizard.core.assessment import Answer, Trust, new_uid

from .helpers import click


def candidate_trusts(db) -> list[int]:
    """The demo school against three trusts; the third sees reading quite differently."""
    first = services.create_demo(db)
    base = db.load_assessment(first)
    q = db.questionnaire_for(first)
    reading = q.referents[0]
    ids = [first]
    for n, name in enumerate(("Fellside Schools Partnership", "Brookmere Academies Trust")):
        answers = base.answers
        if n == 1:  # every question of the first area answered at the other end
            other = {qq.id: [o for o in qq.options if o.score][-1].key for qq in reading.questions}
            answers = tuple(
                Answer(a.question, other[a.question]) if a.question in other else a for a in answers
            )
        a = base.with_changes(uid=new_uid(), trust=Trust(name), answers=answers)
        ids.append(db.create_assessment(a, q))
    return ids


def test_choose_several_on_the_start_screen_and_compare(qtbot, make_window, db):
    ids = candidate_trusts(db)
    window = make_window(db)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start = window.start
    assert not start.compare_button.isEnabled()
    start.table.setFocus()
    start.table.selectRow(0)
    qtbot.keyClick(start.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(start.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(start.selected_ids()) == sorted(ids)
    assert start.compare_button.isEnabled()
    click(qtbot, start.compare_button)

    view = window._compare
    assert window.views.currentWidget() is view
    assert view.comparison.kind.value == "trusts"
    assert "candidate trusts compared" in view.title.text()
    series = view.figure.series
    assert len({s.marker for s in series}) == 3  # shapes apart, not colour alone
    assert [s.tag for s in series] == ["1", "2", "3"]
    # The table: largest difference first, each trust's position in words, and the gap.
    table = view.table
    rows = view.rows()
    areas = view.comparison.by_gap()
    gaps = [a.largest_gap for a in areas]
    assert gaps == sorted(gaps, reverse=True) and gaps[0] > 0
    assert len(rows) == 4 * len(areas)  # a heading, then one row per trust
    heading, *first = rows[:4]
    assert heading[0].startswith(areas[0].title + "  (gap: purpose ") and heading[1] == ""
    trusts = [m.assessment.trust.name for m in view.comparison.members]
    assert [who for who, _ in first] == [f"{i + 1}  {name}" for i, name in enumerate(trusts)]
    assert all(("the trust's" in where or "other" in where) for _, where in first)
    assert table.item(1, 1).toolTip().startswith("Purpose ")
    # Painted: the canvas grows to hold every area's plane.
    qtbot.waitUntil(lambda: view.canvas.layout_ is not None)
    assert len(view.canvas.layout_.boxes) == len(view.comparison.areas)
    assert view.canvas.height() > view.scroll.viewport().height()
    # Moving down the table brings that area's plane into view.
    bar = view.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() >= view.canvas.height() - view.scroll.viewport().height())
    table.setCurrentCell(len(rows) - 4, 0)
    box = next(b for b in view.canvas.layout_.boxes if b.panel.referent == areas[-1].referent)
    shown = bar.value()
    assert shown > 0 and shown <= box.title_rect.top() < shown + view.scroll.viewport().height()
    # Keyboard: the table has the focus; Escape goes back to the list.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert window.views.currentWidget() is window.start


def test_export_the_comparison_as_png_and_svg(qtbot, make_window, db, dialogs, tmp_path):
    ids = candidate_trusts(db)
    window = make_window(db)
    assert window.show_compare(ids[:2])
    view = window._compare
    png = tmp_path / "trusts.png"
    dialogs.save_paths = [str(png)]
    click(qtbot, view.export_button)
    assert ("save", "Export the comparison") in dialogs.asked
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 1600
    dialogs.save_paths = [str(tmp_path / "trusts.svg")]
    view.export_picture()
    text = (tmp_path / "trusts.svg").read_text()
    assert "candidate trusts compared" in text and "Fellside Schools Partnership" in text
    dialogs.save_paths = [str(tmp_path / "no-suffix")]
    assert view.export_picture().name == "no-suffix.png"
    dialogs.save_paths = [None]  # cancelled: nothing written, nothing said
    assert view.export_picture() is None and dialogs.errors == []


def test_compare_with_from_an_open_assessment(qtbot, make_window, db):
    ids = candidate_trusts(db)
    window = make_window(db)
    window.open_assessment(ids[0])
    assert window.compare_action.isEnabled()
    chooser = window.compare_with()
    qtbot.waitUntil(chooser.isVisible)
    assert chooser.list.count() == 2 and not chooser.compare_button.isEnabled()
    chooser.list.setFocus()
    qtbot.keyClick(chooser.list, Qt.Key.Key_Space)  # ticks the current one
    assert chooser.compare_button.isEnabled()
    click(qtbot, chooser.compare_button)
    view = window._compare
    assert window.views.currentWidget() is view
    assert [m.id for m in view.comparison.members] == [ids[0], chooser.chosen()[0]]
    assert not window.model.is_open()


def test_perspectives_show_the_conversation_points(qtbot, make_window, db):
    first = services.create_demo(db)
    base = db.load_assessment(first)
    q = db.questionnaire_for(first)
    area = q.referents[0]
    purpose = [qq for qq in area.questions if qq.axis == "purpose"]

    def at(end):  # every purpose answer of the first area at one end of its scale
        pick = {qq.id: end(o for o in qq.options if o.score is not None) for qq in purpose}
        answers = [a for a in base.answers if a.question not in pick]
        answers += [Answer(qid, o.key) for qid, o in pick.items()]
        return tuple(answers)

    def lowest(options):
        return min(options, key=lambda o: o.score)

    def highest(options):
        return max(options, key=lambda o: o.score)

    ids = [  # no perspective recorded (the demo's is the trust's): assessors tell them apart
        db.create_assessment(
            base.with_changes(uid=new_uid(), assessor=who, perspective=None, answers=at(end)), q
        )
        for who, end in (("Headteacher", lowest), ("Trust lead", highest))
    ]
    window = make_window(db)
    window.show_compare(ids)
    view = window._compare
    assert view.comparison.kind.value == "perspectives"
    assert view.conversation.isVisibleTo(view)
    assert "no perspective" in view.about.text()
    assert view.conversation.text().startswith("Conversation points: ")
    assert "none is averaged" in view.conversation.text()
    heading = next(who for who, where in view.rows() if who.startswith(area.title))
    assert "talk about: purpose" in heading
    assert not any("average" in who + where for who, where in view.rows())


def test_a_comparison_that_cannot_be_made_is_said_in_words(qtbot, make_window, db, dialogs):
    window = make_window(db)
    first = services.create_demo(db)
    assert not window.show_compare([first])
    assert "two or more" in dialogs.errors[0]


def test_export_the_options_paper_for_candidate_trusts(qtbot, make_window, db, dialogs, tmp_path):
    from pypdf import PdfReader

    ids = candidate_trusts(db)
    window = make_window(db)
    assert window.show_compare(ids)
    view = window._compare
    assert view.paper_button.isVisibleTo(view)
    pdf = tmp_path / "options"  # no ending: a PDF
    dialogs.save_paths = [str(pdf)]
    with qtbot.waitSignal(view.message, timeout=30_000) as said:
        click(qtbot, view.paper_button)
    assert said.args == [f"Options paper saved to {pdf}.pdf."]
    first = PdfReader(f"{pdf}.pdf").pages[0].extract_text()
    assert "Options paper" in first and "Brookmere Academies Trust" in first
    dialogs.save_paths = [str(tmp_path / "options.docx")]
    with qtbot.waitSignal(view.message, timeout=30_000):
        view.export_paper()
    assert (tmp_path / "options.docx").read_bytes()[:2] == b"PK"
    assert not window.busy.isVisibleTo(window)
    dialogs.save_paths = [str(tmp_path / "missing" / "options.pdf")]  # no such folder
    with qtbot.waitSignal(view.busy, timeout=30_000, check_params_cb=lambda t: t == ""):
        view.export_paper()
    assert "does not exist" in dialogs.errors[-1]
    # One school and trust over time: no options to weigh, no button.
    later = db.create_assessment(
        db.load_assessment(ids[0]).with_changes(uid=new_uid(), assessed_on="2027-06-01"),
        db.questionnaire_for(ids[0]),
    )
    window.show_compare([ids[0], later])
    assert not view.paper_button.isVisibleTo(view) and view.export_paper() is None

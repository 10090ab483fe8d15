"""Review and export: unanswered questions are links, and the brief is written in the
background while the page shows that it is working."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ddwizard.core.assessment import School
from ddwizard.core.changes import SchoolSet
from ddwizard.ui.pages.review import QID_ROLE

from .helpers import click


def test_an_unanswered_question_is_a_link_to_it(qtbot, window):
    window.actions.new_assessment()
    window.wizard.go("review")
    review = window.wizard.current_page()
    area = review.missing.topLevelItem(0)
    second = area.child(1)
    review.missing.setCurrentItem(second)
    review.missing.itemClicked.emit(second, 0)
    page = window.wizard.current_page()
    assert window.wizard.current() == f"area:{window.model.selected_referents()[0].id}"
    question = second.data(0, QID_ROLE)
    box = page.questions[question]
    assert window.focusWidget() is box.radios[0]


def test_the_brief_is_written_in_the_background(qtbot, window, dialogs, tmp_path):
    window.actions.demo()
    qtbot.waitUntil(window.model.is_open, timeout=10_000)
    window.wizard.go("review")
    review = window.wizard.current_page()
    pdf = tmp_path / "brief.pdf"
    dialogs.save_paths = [str(pdf)]
    button = next(b for b in review.findChildren(QPushButton) if "brief" in b.text())
    shown = []
    window.actions.busy.connect(lambda text: shown.append((text, review.progress.isVisible())))
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=60_000, check_params_cb=lambda busy: not busy
    ):
        click(qtbot, button)
    qtbot.waitUntil(lambda: pdf.exists() or bool(dialogs.errors), timeout=10_000)
    assert not dialogs.errors, dialogs.errors
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert shown[0] == ("Writing the brief…", True)  # the page shows it is working
    assert shown[-1] == ("", False) and not review.progress.isVisible()


def test_marking_final_and_back(qtbot, window, db):
    window.actions.new_assessment()
    window.model.apply(SchoolSet(School("Hillside")))
    window.wizard.go("review")
    review = window.wizard.current_page()
    assert "question" in review.open_text.text()  # what is still open, before marking
    click(qtbot, review.status_button)  # the open items are listed: not now
    kind, text = review.dialogs.asked[-1]
    assert kind == "confirm" and "without an answer" in text and "not done" in text
    assert db.load_assessment(window.model.assessment_id).status == "draft"
    review.dialogs.confirms.append(True)
    click(qtbot, review.status_button)  # final anyway
    assert db.load_assessment(window.model.assessment_id).status == "final"
    assert review.status_button.text() == "Reopen as a draft"
    click(qtbot, review.status_button)
    assert db.load_assessment(window.model.assessment_id).status == "draft"
    history = [(e.what, e.old, e.new) for e in db.audit(window.model.assessment_id)]
    assert history[-2:] == [("status", "draft", "final"), ("status", "final", "draft")]


def test_export_brief_as_word_from_the_file_menu(qtbot, window, dialogs, tmp_path):
    import docx

    window.actions.demo()
    qtbot.waitUntil(window.model.is_open, timeout=10_000)
    chosen = tmp_path / "board paper"  # no suffix typed: .docx is added
    dialogs.save_paths = [str(chosen)]
    action = window.brief_word_action
    assert action.isEnabled() and action.text() == "Export brief as &Word…"
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=60_000, check_params_cb=lambda busy: not busy
    ):
        action.trigger()
    written = tmp_path / "board paper.docx"
    qtbot.waitUntil(lambda: written.exists() or bool(dialogs.errors), timeout=10_000)
    assert not dialogs.errors, dialogs.errors
    assert ("save", "Export the brief as Word") in dialogs.asked
    paragraphs = docx.Document(str(written)).paragraphs
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert "Summary" in headings and "Appendix A: Area by area" in headings


def test_the_review_shows_no_whole_school_quadrant(qtbot, window):
    from PySide6.QtWidgets import QLabel

    window.actions.demo()
    qtbot.waitUntil(window.model.is_open, timeout=10_000)
    window.wizard.go("review")
    review = window.wizard.current_page()
    words = [label.text() for label in review.findChildren(QLabel) if label.isVisible()]
    assert words and not [w for w in words if "Overall" in w or "weighted mean" in w]


def test_before_marking_final_the_findings_and_the_decision_are_listed(qtbot, window, db):
    from ddwizard.core.assessment import ChecklistEntry, Cost, Decision, Finding
    from ddwizard.core.changes import ChecklistEntrySet, DecisionSet

    window.actions.new_assessment()
    items = [i for area in window.model.questionnaire.due_diligence for i in area.items]
    findings = {
        items[0].id: Finding("concern", "Budget goes into deficit in 2028."),  # a sentence
        items[1].id: Finding("serious", "Pension deficit share.", Cost(412000, "estimated")),
        items[2].id: Finding("none", "Nothing here"),
    }
    for item, finding in findings.items():
        window.model.apply(ChecklistEntrySet(ChecklistEntry(item, finding=finding)))
    window.wizard.go("review")
    review = window.wizard.current_page()
    lines = review.open_text.text().splitlines()
    assert lines[0] == "Still open:"
    found = next(line for line in lines if "finding" in line)
    assert found == (
        "•  2 due-diligence findings (1 serious, 1 concern): "
        "Pension deficit share; Budget goes into deficit in 2028."
    )  # the gravest first, one stop each; a finding of level none is not one
    assert any("No decision recorded" in line for line in lines)
    click(qtbot, review.status_button)
    kind, text = review.dialogs.asked[-1]
    assert kind == "confirm" and "Pension deficit share" in text and "No decision" in text
    assert db.load_assessment(window.model.assessment_id).status == "draft"  # not now

    window.model.apply(DecisionSet(Decision("Join?", "2027-05-20", "2027-04-01")))
    window.wizard.go("decision")
    window.wizard.go("review")
    text = review.open_text.text()
    assert "No decision" not in text and "The decision still needs a recommendation" in text
    window.model.apply(
        DecisionSet(Decision("Join?", "2027-05-20", "2027-04-01", recommendation="Yes"))
    )
    review.load()
    assert "comes before the board decides" in review.open_text.text()


def test_the_brief_as_word_from_the_review_buttons_in_sight(qtbot, window, dialogs, tmp_path):
    """At the laptop size, arriving at Review and export shows how to export without
    scrolling; the Word button writes the same paper as a .docx."""
    import docx

    window.resize(1093, 614)
    window.actions.demo()
    qtbot.waitUntil(window.model.is_open, timeout=10_000)
    window.wizard.go("review")
    review = window.wizard.current_page()
    buttons = {b.text(): b for b in review.findChildren(QPushButton)}
    word = buttons["Export brief as Word…"]
    viewport = review.scroll.viewport()
    qtbot.waitUntil(word.isVisible)
    for text in ("Export brief (PDF)…", "Export brief as Word…", "Export bundle…"):
        shown = buttons[text]
        at = shown.mapTo(viewport, shown.rect().bottomRight())
        assert viewport.rect().contains(at), f"{text} is below the fold"
    paper = tmp_path / "brief.docx"
    dialogs.save_paths = [str(paper)]
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=60_000, check_params_cb=lambda busy: not busy
    ):
        click(qtbot, word)
    qtbot.waitUntil(lambda: paper.exists() or bool(dialogs.errors), timeout=10_000)
    assert not dialogs.errors, dialogs.errors
    text = "\n".join(p.text for p in docx.Document(str(paper)).paragraphs)
    assert window.model.assessment.school.name in text

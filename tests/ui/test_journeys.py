"""What a person does in one app session, end to end through the real window: open an
assessment, change it on several steps, and write each output the app makes (the brief, the
bundle, the plane) through the app's own actions and its background runner. Only the file
dialogs are scripted. Each output is read back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea

from ddwizard import services
from ddwizard.core.assessment import Assessment, ItemStatus, School, Status, Trust, new_uid
from ddwizard.ui.pages.area import AreaPage

from .helpers import click as click_on_screen
from .test_plane_samples import PNG_MAGIC

SCHOOL, TRUST = "Hillside Primary", "Riverside Learning Trust"
NOTE = "Lease renewal still unsigned"


@pytest.fixture
def assessment_id(db) -> int:
    q = services.ensure_default(db)
    a = Assessment(
        new_uid(),
        School(SCHOOL),
        Trust(TRUST),
        q.id,
        q.version,
        label="Pre-join visit",
        assessed_on="2026-11-22",
    )
    return db.create_assessment(a, q)


def click(qtbot, button) -> None:
    """Click once the button is on screen (laid out, and scrolled to as a person would,
    in every scrolling area it is in)."""
    scrolls, parent = [], button.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            scrolls.append(parent)
        parent = parent.parentWidget()

    def on_screen() -> bool:
        for scroll in scrolls:
            scroll.ensureWidgetVisible(button)
        return not button.visibleRegion().isEmpty()

    qtbot.waitUntil(on_screen)
    click_on_screen(qtbot, button)


def open_from_start_screen(qtbot, window, assessment_id) -> None:
    start = window.start
    start.select(assessment_id)
    start.table.setFocus()
    qtbot.keyClick(start.table, Qt.Key.Key_Return)
    assert window.model.assessment_id == assessment_id


def answer_and_set_confidence(qtbot, window) -> str:
    first = window.model.selected_referents()[0]
    assert window.wizard.go(f"area:{first.id}")
    page = window.wizard.current_page()
    assert isinstance(page, AreaPage)
    box = next(iter(page.questions.values()))
    click(qtbot, box.radios[0])
    click(qtbot, page.confidence.button(2))  # medium
    return first.id


def set_target_with_a_step(qtbot, window, referent: str) -> None:
    window.wizard.go("plane")
    page = window.wizard.current_page()
    page.select(referent)
    editor = page.editor
    click(qtbot, editor.set_button)
    editor.purpose.setValue(0.5)
    editor.practice.setValue(0.25)
    click(qtbot, editor.add_button)


def mark_in_progress(qtbot, window) -> str:
    window.wizard.go("checklist")
    row = window.wizard.current_page().area_rows(0)[0]
    row.status.setFocus()
    while row.status.currentData() != ItemStatus.IN_PROGRESS:
        qtbot.keyClick(row.status, Qt.Key.Key_Down)
    qtbot.keyClicks(row.note, NOTE)
    return row.item.text


def mark_final(qtbot, window):
    window.wizard.go("review")
    review = window.wizard.current_page()
    review.dialogs.confirms.append(True)  # what is still open is listed: final anyway
    click(qtbot, review.status_button)
    assert "Still open" in review.dialogs.asked[-1][1]
    return review


def run_in_background(qtbot, window, dialogs, button) -> None:
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=60_000, check_params_cb=lambda busy: not busy
    ):
        click(qtbot, button)
    assert not dialogs.errors, dialogs.errors


def edit_everything(qtbot, window, assessment_id) -> tuple[str, str]:
    open_from_start_screen(qtbot, window, assessment_id)
    referent = answer_and_set_confidence(qtbot, window)
    set_target_with_a_step(qtbot, window, referent)
    item_text = mark_in_progress(qtbot, window)
    return referent, item_text


def test_export_the_brief_after_editing_every_step(
    assessment_id, qtbot, window, dialogs, db, tmp_path
):
    referent, item_text = edit_everything(qtbot, window, assessment_id)
    review = mark_final(qtbot, window)
    pdf = tmp_path / "brief.pdf"
    dialogs.save_paths.append(str(pdf))
    brief = next(b for b in review.findChildren(QPushButton) if "brief" in b.text())
    run_in_background(qtbot, window, dialogs, brief)

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert SCHOOL in text and TRUST in text
    assert "In progress" in text.split(item_text, 1)[1][:200]
    assert NOTE in text
    assert "purpose +0.50, practice +0.25" in text
    stored = db.load_assessment(assessment_id)
    assert stored.status == Status.FINAL
    assert len(stored.target_for(referent).steps) == 1


def test_export_the_bundle_after_editing_every_step(
    assessment_id, qtbot, window, dialogs, db, tmp_path
):
    referent, _ = edit_everything(qtbot, window, assessment_id)
    review = mark_final(qtbot, window)
    path = tmp_path / "bundle.json"
    dialogs.save_paths.append(str(path))
    bundle = next(b for b in review.findChildren(QPushButton) if "bundle" in b.text())
    run_in_background(qtbot, window, dialogs, bundle)

    data = json.loads(path.read_text(encoding="utf-8"))
    with services.open_database(tmp_path / "other.db") as other:
        assessment, questionnaire = services.read_bundle_file(other, str(path))
    assert data["school"]["name"] == SCHOOL
    assert assessment.status == Status.FINAL
    assert assessment.target_for(referent).steps
    [entry] = assessment.due_diligence
    assert (entry.status, entry.note) == (ItemStatus.IN_PROGRESS, NOTE)
    assert assessment == db.load_assessment(assessment_id)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_the_plane_after_setting_a_target(
    assessment_id, qtbot, window, dialogs, tmp_path, suffix
):
    referent, _ = edit_everything(qtbot, window, assessment_id)
    window.wizard.go("plane")
    page = window.wizard.current_page()
    path = tmp_path / f"plane{suffix}"
    dialogs.save_paths.append(str(path))
    click(qtbot, page.export_button)

    assert not dialogs.errors, dialogs.errors
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(PNG_MAGIC)
    else:
        title = window.model.questionnaire.referent(referent).title
        assert title in "".join(ET.fromstring(data).itertext())

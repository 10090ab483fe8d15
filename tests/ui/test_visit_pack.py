"""File > Print visit pack: through the real window and its background runner, with only
the file dialog scripted; the written PDF (and Word file) read back."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ddwizard import services
from ddwizard.core.assessment import Assessment, School, Trust, new_uid

from .test_journeys import answer_and_set_confidence, open_from_start_screen

SCHOOL, TRUST = "Ysgol <b>Bryn</b> & 😀 שלום", "Riverside Learning Trust"


@pytest.fixture
def assessment_id(db) -> int:
    q = services.ensure_default(db)
    a = Assessment(
        new_uid(),
        School(SCHOOL, phase="Primary"),
        Trust(TRUST),
        q.id,
        q.version,
        assessor="Siân Roberts",
        assessed_on="2026-11-22",
        referents=("behaviour", "attendance"),
    )
    return db.create_assessment(a, q)


def print_pack(qtbot, window, dialogs, path) -> None:
    dialogs.save_paths.append(str(path))
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=60_000, check_params_cb=lambda busy: not busy
    ):
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_print_the_visit_pack_from_the_file_menu(
    assessment_id, qtbot, window, dialogs, db, tmp_path
):
    open_from_start_screen(qtbot, window, assessment_id)
    answer_and_set_confidence(qtbot, window)  # an answer on the first area, just now
    assert window.visit_pack_action.isEnabled()
    # The status bar says where the pack went; the start-up backup may say "Backup taken."
    # before or after, as it finishes: wait for the pack's own message, not the first.
    with qtbot.waitSignal(
        window.statusBar().messageChanged,
        timeout=60_000,
        check_params_cb=lambda text: text.startswith("Visit pack saved to"),
    ) as said:
        print_pack(qtbot, window, dialogs, tmp_path / "pack")  # no suffix: a PDF

    assert dialogs.asked[-1] == ("save", "Print the visit pack")
    assert not dialogs.errors, dialogs.errors
    reader = PdfReader(tmp_path / "pack.pdf")
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert SCHOOL in text and TRUST in text and "22 November 2026" in text
    assert "Documents to request" in text and "Behaviour policy" in text
    assert "Attendance policy" in text and "Staff structure chart" not in text  # other areas
    answered = db.load_assessment(assessment_id).answers[0]
    label = db.questionnaire_for(assessment_id).question(answered.question).options[0].label
    assert f"Recorded so far: {label}." in text
    assert said.args == [f"Visit pack saved to {tmp_path / 'pack.pdf'}."]


def test_word_and_a_wrong_name(assessment_id, qtbot, window, dialogs, tmp_path):
    open_from_start_screen(qtbot, window, assessment_id)
    print_pack(qtbot, window, dialogs, tmp_path / "pack.docx")
    document = docx.Document(io.BytesIO((tmp_path / "pack.docx").read_bytes()))
    assert document.paragraphs[0].text == f"Visit pack: {SCHOOL}"

    print_pack(qtbot, window, dialogs, tmp_path / "pack.odt")
    assert "ending in .pdf or .docx" in dialogs.errors[-1]
    assert sorted(p.name for p in tmp_path.iterdir() if "pack" in p.name) == ["pack.docx"]


def test_a_backup_taken_meanwhile_leaves_the_packs_message_showing(
    assessment_id, qtbot, window, dialogs, tmp_path
):
    """The status bar says where the pack went; a backup finishing a moment later (the
    start-up one, say) is noted only when nothing else is showing there."""
    open_from_start_screen(qtbot, window, assessment_id)
    answer_and_set_confidence(qtbot, window)  # changed since the last backup: one is taken
    window.actions.wait()
    print_pack(qtbot, window, dialogs, tmp_path / "pack.pdf")
    said = f"Visit pack saved to {tmp_path / 'pack.pdf'}."
    assert window.statusBar().currentMessage() == said
    with qtbot.waitSignal(window.actions.aside, timeout=60_000) as noted:
        window.actions.auto_backup()
    window.actions.wait()
    assert noted.args == ["Backup taken."]
    assert window.statusBar().currentMessage() == said
    window.statusBar().clearMessage()  # once the pack's message has gone, the note shows
    page = window.wizard.current_page()
    qtbot.mouseClick(next(iter(page.questions.values())).radios[1], Qt.MouseButton.LeftButton)
    window.model.flush()
    with qtbot.waitSignal(window.actions.aside, timeout=60_000):
        window.actions.auto_backup()
    assert window.statusBar().currentMessage() == "Backup taken."

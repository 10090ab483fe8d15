"""The assessment's values keep their enums, whatever a widget hands over."""

from __future__ import annotations

from ddwizard.core.assessment import ChecklistEntry, Confidence, ItemStatus, ReferentNote


def test_a_checklist_entry_keeps_the_status_itself_not_its_string():
    entry = ChecklistEntry("lease", "in_progress")  # what a combo box's data comes back as
    assert entry.status is ItemStatus.IN_PROGRESS
    assert entry.status.label == "In progress"


def test_concern_is_a_findings_level_not_a_status():
    assert "concern" not in {s.value for s in ItemStatus}


def test_a_referent_note_keeps_the_confidence_itself():
    assert ReferentNote.same("reading", "high").confidence is Confidence.HIGH
    assert ReferentNote("reading").confidence is None

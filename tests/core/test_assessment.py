"""The assessment's values keep their enums, whatever a widget hands over."""

from __future__ import annotations

from ddwizard.core.assessment import ChecklistEntry, Confidence, ItemStatus, ReferentNote


def test_a_checklist_entry_keeps_the_status_itself_not_its_string():
    entry = ChecklistEntry("lease", "concern")  # what a combo box's data comes back as
    assert entry.status is ItemStatus.CONCERN
    assert entry.status.label == "Concern"


def test_a_referent_note_keeps_the_confidence_itself():
    assert ReferentNote.same("reading", "high").confidence is Confidence.HIGH
    assert ReferentNote("reading").confidence is None

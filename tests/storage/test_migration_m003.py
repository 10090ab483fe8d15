"""Migration m003 (data version 2) on databases the m001 and m002 releases wrote: every
field of data version 2 has a place, and what was stored before reads as version 2 says."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ddwizard.core.assessment import (
    ChecklistEntry,
    Confidence,
    Finding,
    FindingLevel,
    ItemStatus,
    ReferentNote,
    TrustReference,
)
from ddwizard.core.changes import ChecklistEntrySet
from ddwizard.storage import Database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLDER = ["schema-m001.db", "schema-m002.db"]


@pytest.fixture(params=OLDER)
def upgraded(request, tmp_path) -> Path:
    copy = tmp_path / "dd.db"
    shutil.copyfile(FIXTURES / request.param, copy)
    with Database(copy):  # opening upgrades it, after a backup
        pass
    return copy


def test_a_concern_becomes_done_with_a_finding_whose_text_is_the_note(upgraded):
    with Database(upgraded) as db:
        [entry] = db.load_assessment(1).due_diligence
    finding = Finding(FindingLevel.CONCERN, "Deficit")
    assert entry == ChecklistEntry(
        "finance-accounts", ItemStatus.DONE, "Deficit", "CFO", "2026-12-15", finding
    )


def test_the_status_concern_is_refused_from_now_on(upgraded):
    conn = sqlite3.connect(upgraded)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE checklist_entries SET status = 'concern'")
    finally:
        conn.close()


def test_the_one_confidence_applies_to_both_axes(upgraded):
    with Database(upgraded) as db:
        [note] = db.load_assessment(1).referent_notes
        columns = [r[1] for r in db.conn.execute("PRAGMA table_info(referent_notes)")]
    assert note == ReferentNote("early-reading", Confidence.HIGH, Confidence.HIGH, note.note)
    assert "confidence" not in columns


def test_each_assessment_keeps_the_trusts_reference_as_of_its_creation(upgraded):
    with Database(upgraded) as db:
        trust = db.load_assessment(1).trust
        current = db.current_trust_reference("Fixture Trust")
        assert db.newer_trust_reference(1) is None
    assert trust.reference == (TrustReference("early-reading", "Our way", "Our why"),)
    assert trust.reference_as_of == "2026-11-22"
    assert current[0] == trust.reference


def test_new_fields_start_empty_and_take_values(upgraded):
    with Database(upgraded) as db:
        a = db.load_assessment(1)
        assert (a.assessor_role, a.perspective, a.decision) == ("", None, None)
        assert all(answer.flags == () for answer in a.answers)
        assert [s.owner for t in a.targets for s in t.steps] == [""]
        found = Finding(FindingLevel.SERIOUS, "Deficit of £85k")
        db.apply(1, ChecklistEntrySet(ChecklistEntry("finance-accounts", finding=found)))
        assert db.load_assessment(1).entry_for("finance-accounts").finding == found


def test_questionnaires_count_their_checklist_items(upgraded):
    with Database(upgraded) as db:
        q = db.get_questionnaire("example", "1")
        stored = db.conn.execute("SELECT checklist_items FROM questionnaires").fetchall()
    assert stored == [(len(q.checklist_items()),)] and stored[0][0] > 0

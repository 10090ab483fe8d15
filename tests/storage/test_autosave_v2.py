"""Data version 2's changes, each saved the moment it is made, in one transaction with its
audit rows (what, old, new, at), and read back as the change says."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ddwizard.core.assessment import (
    AnswerFlag,
    Axis,
    ChecklistEntry,
    Confidence,
    Cost,
    Decision,
    Finding,
    Perspective,
    ReferentNote,
    Step,
    Target,
    TargetStatus,
    TrustReference,
)
from ddwizard.core.changes import (
    AnswerFlagsSet,
    ChecklistEntrySet,
    ConfidenceSet,
    ConfidencesSet,
    DecisionSet,
    DetailSet,
    ReferenceTaken,
    RouteSet,
    TargetSet,
    TrustChosen,
    TrustReferenceSet,
)

AT = "2026-11-22T09:00:00.000Z"


@pytest.fixture
def aid(db, assessment, questionnaire):
    return db.create_assessment(assessment, questionnaire)


def audit_since(db, aid, before: int) -> list[tuple]:
    """Audit rows written after the first `before`, read through a second connection (only
    what is committed is there)."""
    other = sqlite3.connect(db.path)
    try:
        found = other.execute(
            "SELECT what, old, new FROM audit WHERE assessment = ? ORDER BY id", [aid]
        ).fetchall()
    finally:
        other.close()
    return found[before:]


def count(db, aid) -> int:
    return len(db.audit(aid))


def test_flags_are_saved_in_their_own_order_and_audited(db, aid):
    n = count(db, aid)
    db.apply(aid, AnswerFlagsSet("curriculum_practice_1", ["sources_disagree", "below_minimum"]))
    answer = db.load_assessment(aid).answer("curriculum_practice_1")
    assert answer.flags == (AnswerFlag.BELOW_MINIMUM, AnswerFlag.SOURCES_DISAGREE)
    assert audit_since(db, aid, n) == [
        ("answer:curriculum_practice_1.flags", "[]", '["below_minimum","sources_disagree"]')
    ]


def test_a_flag_alone_keeps_an_answer_and_clearing_it_drops_the_row(db, aid):
    db.apply(aid, AnswerFlagsSet("behaviour_purpose_1", [AnswerFlag.SOURCES_DISAGREE]))
    assert db.load_assessment(aid).answer("behaviour_purpose_1").option is None
    db.apply(aid, AnswerFlagsSet("behaviour_purpose_1", []))
    assert db.load_assessment(aid).answer("behaviour_purpose_1") is None


def test_confidence_is_set_per_axis_or_both(db, aid):
    n = count(db, aid)
    db.apply(aid, ConfidenceSet("behaviour", Confidence.LOW, Axis.PRACTICE))
    db.apply(aid, ConfidencesSet("curriculum", Confidence.HIGH, None))
    db.apply(aid, ConfidenceSet("behaviour", Confidence.MEDIUM))
    a = db.load_assessment(aid)
    assert a.note_for("behaviour") == ReferentNote("behaviour", "medium", "medium")
    assert a.note_for("curriculum") == ReferentNote("curriculum", "high", None, "no confidence yet")
    assert audit_since(db, aid, n) == [
        ("referent:behaviour.practice_confidence", None, "low"),
        ("referent:curriculum.purpose_confidence", None, "high"),
        ("referent:behaviour.purpose_confidence", None, "medium"),
        ("referent:behaviour.practice_confidence", "low", "medium"),
    ]


def test_the_decision_is_saved_whole_and_an_empty_one_is_none(db, aid):
    decision = Decision("Join?", "2027-02-01", conditions=("A plan", "A survey"))
    n = count(db, aid)
    db.apply(aid, DecisionSet(decision))
    assert db.load_assessment(aid).decision == decision
    [(what, old, new)] = audit_since(db, aid, n)
    assert what == "decision" and json.loads(new)["conditions"] == ["A plan", "A survey"]
    db.apply(aid, DecisionSet(Decision()))
    assert db.load_assessment(aid).decision is None
    assert audit_since(db, aid, n)[-1] == ("decision", new, None)


def test_assessor_role_and_perspective(db, aid):
    n = count(db, aid)
    db.apply(aid, DetailSet("assessor_role", "Head of Hillside"))
    db.apply(aid, DetailSet("perspective", "school"))
    a = db.load_assessment(aid)
    assert (a.assessor_role, a.perspective) == ("Head of Hillside", Perspective.SCHOOL)
    db.apply(aid, DetailSet("perspective", ""))
    assert db.load_assessment(aid).perspective is None
    assert [row[0] for row in audit_since(db, aid, n)] == [
        "assessor_role",
        "perspective",
        "perspective",
    ]
    assert audit_since(db, aid, n)[-1] == ("perspective", "school", None)


def test_a_perspective_outside_the_four_is_refused_and_nothing_is_written(db, aid):
    n = count(db, aid)
    with pytest.raises(ValueError):
        db.apply(aid, DetailSet("perspective", "governors"))
    assert count(db, aid) == n and db.load_assessment(aid).perspective is Perspective.JOINT


def test_a_target_keeps_who_agreed_it_and_its_steps_owner_and_who_to_tell(db, aid):
    steps = (Step(0.2, 0.1, "2027-01", "Share the plan", "Head", "Staff, at briefing"),)
    target = Target(
        "behaviour", 0.5, 0.5, "2027-09", steps=steps, status="agreed", agreed_by="Both boards"
    )
    db.apply(aid, TargetSet(target))
    assert db.load_assessment(aid).target_for("behaviour") == target
    later = Step(0.3, 0.3, "2027-03", "Review", "Chair", "Parents, by letter")
    db.apply(aid, RouteSet("behaviour", (*steps, later)))
    stored = db.load_assessment(aid).target_for("behaviour")
    assert stored.steps[-1] == later and stored.status is TargetStatus.AGREED
    what, old, new = db.audit(aid)[-1].what, db.audit(aid)[-1].old, db.audit(aid)[-1].new
    assert what == "target:behaviour"
    assert json.loads(new)["steps"][-1]["tell"] == "Parents, by letter"
    assert json.loads(old)["agreed_by"] == "Both boards"


def test_a_finding_is_saved_apart_from_the_status_with_its_cost(db, aid):
    finding = Finding("serious", "Roof at end of life", Cost(180_000, "estimated"))
    entry = ChecklistEntry("accounts", "done", "Seen", "CFO", "", finding)
    n = count(db, aid)
    db.apply(aid, ChecklistEntrySet(entry))
    assert db.load_assessment(aid).entry_for("accounts") == entry
    rows = dict((what, new) for what, _, new in audit_since(db, aid, n))
    assert json.loads(rows["checklist:accounts.finding"]) == {
        "level": "serious",
        "text": "Roof at end of life",
        "cost": {"amount": 180000, "basis": "estimated"},
    }
    db.apply(aid, ChecklistEntrySet(entry.__class__("accounts", "done", "Seen", "CFO")))
    assert db.load_assessment(aid).entry_for("accounts").finding is None
    assert audit_since(db, aid, n)[-1][0] == "checklist:accounts.finding"


def test_a_cost_not_yet_known_keeps_its_basis(db, aid):
    finding = Finding("note", "", Cost(None, "unknown"))
    db.apply(aid, ChecklistEntrySet(ChecklistEntry("budget", finding=finding)))
    assert db.load_assessment(aid).entry_for("budget").finding == finding


def test_the_trusts_reference_is_set_in_the_copy_and_the_trusts_current_one(db, aid):
    ref = TrustReference("behaviour", "Warm-strict", "Safety", "Rewards")
    n = count(db, aid)
    db.apply(aid, TrustReferenceSet(ref))
    assert db.load_assessment(aid).trust.reference_for("behaviour") == ref
    current, as_of = db.current_trust_reference("Oak & Ash Trust")
    assert ref in current and as_of == AT[:10]
    assert audit_since(db, aid, n) == [
        (
            "reference:behaviour",
            None,
            '{"practice":"Warm-strict","purpose":"Safety","school_decides":"Rewards"}',
        )
    ]


def test_reference_taken_replaces_the_copy_and_its_date(db, aid):
    refs = (TrustReference("finance", "Central", "Value", "Own budget lines"),)
    db.apply(aid, ReferenceTaken(refs, "2026-12-01"))
    trust = db.load_assessment(aid).trust
    assert (trust.reference, trust.reference_as_of) == (refs, "2026-12-01")
    whats = [e.what for e in db.audit(aid)[-3:]]
    assert whats == ["reference_as_of", "reference:curriculum", "reference:finance"]


def test_choosing_a_trust_brings_its_current_reference_as_of_its_date(db, aid, questionnaire):
    db.apply(aid, TrustChosen("Other Trust"))
    assert db.load_assessment(aid).trust.reference == ()
    db.apply(aid, TrustReferenceSet(TrustReference("finance", "Theirs", "Why")))
    db.apply(aid, TrustChosen("Oak & Ash Trust", *db.current_trust_reference("Oak & Ash Trust")))
    trust = db.load_assessment(aid).trust
    assert trust.reference_for("curriculum").practice == "Knowledge-rich <b>"
    assert trust.reference_as_of == AT[:10]


def test_a_change_to_a_missing_assessment_is_refused(db):
    from ddwizard.storage import NotFound

    for change in (
        DecisionSet(Decision("Join?")),
        ReferenceTaken((), ""),
        TrustReferenceSet(TrustReference("finance")),
        AnswerFlagsSet("q", ["below_minimum"]),
    ):
        with pytest.raises(NotFound):
            db.apply(99, change)

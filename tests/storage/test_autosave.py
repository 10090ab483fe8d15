"""Each set_* call is committed when it returns, with its audit row in the same transaction."""

from __future__ import annotations

import sqlite3

import pytest

from ddwizard.core.assessment import (
    Answer,
    ChecklistEntry,
    Confidence,
    ItemStatus,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
)
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AnswerNoted,
    AreasSelected,
    ChecklistEntrySet,
    ConfidenceSet,
    DetailSet,
    EvidenceSet,
    ReferentNoted,
    SchoolSet,
    StatusSet,
    TargetRemoved,
    TargetSet,
    TrustChosen,
)
from ddwizard.storage import UNSET
from ddwizard.storage.autosave import AuditEntry

from .storage_helpers import LONG


@pytest.fixture
def aid(db, assessment, questionnaire):
    return db.create_assessment(assessment, questionnaire)


def peek(db, sql, params=()):
    """Read through a second, independent connection: only committed data is visible."""
    other = sqlite3.connect(db.path)
    try:
        return other.execute(sql, params).fetchall()
    finally:
        other.close()


def last_audit(db, n=1):
    return peek(db, "SELECT what, old, new, at FROM audit ORDER BY id DESC LIMIT ?", [n])[::-1]


def test_set_answer_is_committed_with_its_audit_row(db, aid, clock):
    clock.advance(minutes=1)
    with db.atomic():
        db.apply(aid, AnswerChosen("finance_practice_2", "mostly"))
        db.apply(aid, AnswerNoted("finance_practice_2", "n"))
        db.apply(aid, EvidenceSet("finance_practice_2", ["staff"]))
    row = peek(
        db,
        "SELECT option, note, evidence FROM answers WHERE assessment=? AND question=?",
        [aid, "finance_practice_2"],
    )
    assert row == [("mostly", "n", '["staff"]')]
    at = "2026-11-22T09:01:00.000Z"
    assert last_audit(db, 3) == [
        ("answer:finance_practice_2.option", None, "mostly", at),
        ("answer:finance_practice_2.note", "", "n", at),
        ("answer:finance_practice_2.evidence", "[]", '["staff"]', at),
    ]
    assert peek(db, "SELECT updated FROM assessments WHERE id=?", [aid]) == [(at,)]


def test_set_answer_changes_only_what_is_given(db, aid):
    db.apply(aid, AnswerChosen("finance_purpose_2", "trust"))
    answer = db.load_assessment(aid).answer("finance_purpose_2")
    flags = ("below_minimum", "sources_disagree")
    assert answer == Answer("finance_purpose_2", "trust", LONG, ("documents", "leaders"), flags)
    assert last_audit(db) == [
        ("answer:finance_purpose_2.option", "other", "trust", "2026-11-22T09:00:00.000Z")
    ]
    db.apply(aid, AnswerCleared("finance_purpose_2"))  # not answered any more
    assert db.load_assessment(aid).answer("finance_purpose_2").option is None


def test_unchanged_values_write_nothing(db, aid):
    before = peek(db, "SELECT count(*) FROM audit")
    db.apply(aid, AnswerChosen("curriculum_practice_1", "trust"))
    db.apply(aid, ReferentNoted("curriculum", "no confidence yet"))
    db.apply(aid, AreasSelected(["finance", "curriculum"]))
    db.apply(aid, DetailSet("label", "Pre-join visit"))
    assert peek(db, "SELECT count(*) FROM audit") == before


def test_new_answers_keep_insertion_order_and_empty_ones_go(db, aid):
    db.apply(aid, AnswerChosen("behaviour_practice_1", "trust"))
    answers = db.load_assessment(aid).answers
    assert answers[-1] == Answer("behaviour_practice_1", "trust")
    db.apply(aid, AnswerCleared("behaviour_practice_1"))
    assert db.load_assessment(aid).answer("behaviour_practice_1") is None
    assert len(db.load_assessment(aid).answers) == len(answers) - 1


def test_set_referent_note(db, aid):
    db.apply(aid, ConfidenceSet("curriculum", "high"))
    db.apply(aid, ReferentNoted("behaviour", "New <&> 🙂"))
    notes = db.load_assessment(aid).referent_notes
    assert notes[1] == ReferentNote.same("curriculum", Confidence.HIGH, "no confidence yet")
    assert notes[2] == ReferentNote.same("behaviour", None, "New <&> 🙂")
    assert [row[:3] for row in last_audit(db, 3)[:2]] == [
        ("referent:curriculum.purpose_confidence", None, "high"),
        ("referent:curriculum.practice_confidence", None, "high"),
    ]


def test_set_selected_referents(db, aid):
    db.apply(aid, AreasSelected(["behaviour"]))
    assert peek(db, "SELECT referents FROM assessments") == [('["behaviour"]',)]
    assert db.load_assessment(aid).referents == ("behaviour",)
    assert last_audit(db)[0][:3] == ("referents", '["finance","curriculum"]', '["behaviour"]')


def test_set_target_replaces_its_steps_and_keeps_its_place(db, aid):
    new = Target("finance", -0.5, 0.5, "2028-01", False, "why", (Step(0.1, 0.2, "", "one"),))
    db.apply(aid, TargetSet(new))
    assert db.load_assessment(aid).targets[0] == new
    assert peek(db, "SELECT count(*) FROM steps WHERE referent='finance'") == [(1,)]
    what, old, after, _ = last_audit(db)[0]
    assert what == "target:finance" and '"return_trip":true' in old and '"one"' in after


def test_delete_target(db, aid):
    db.apply(aid, TargetRemoved("finance"))
    assert [t.referent for t in db.load_assessment(aid).targets] == ["curriculum"]
    assert peek(db, "SELECT count(*) FROM steps") == [(0,)]
    assert last_audit(db)[0][2] is None
    db.apply(aid, TargetRemoved("finance"))  # already gone: nothing to do


def test_set_checklist_entry(db, aid):
    entry = ChecklistEntry("accounts", ItemStatus.IN_PROGRESS, "Late", "Head", "2027-01-01")
    db.apply(aid, ChecklistEntrySet(entry))
    assert db.load_assessment(aid).entry_for("accounts") == entry
    assert [r[0] for r in last_audit(db, 5)] == [
        "checklist:accounts.status",
        "checklist:accounts.note",
        "checklist:accounts.owner",
        "checklist:accounts.due",
        "checklist:accounts.finding",
    ]


def test_set_details(db, aid):
    school = School("Renamed <&>", "999", "Secondary", "Leeds")
    db.apply(aid, DetailSet("label", "After a year"))
    db.apply(aid, StatusSet(Status.DRAFT))
    db.apply(aid, SchoolSet(school))
    db.apply(aid, TrustChosen("X"))  # a new trust, with no reference of its own
    a = db.load_assessment(aid)
    assert (a.label, a.status, a.school, a.trust.name) == ("After a year", "draft", school, "X")
    assert (a.trust.reference, a.trust.reference_as_of) == ((), "")
    whats = {r[0]: r for r in last_audit(db, 7)}
    assert set(whats) == {
        "label",
        "status",
        "school",
        "trust_name",
        "reference_as_of",
        "reference:curriculum",
        "reference:finance",
    }
    assert whats["status"][1:3] == ("final", "draft")


def test_audit_lists_changes_oldest_first(db, aid):
    db.apply(aid, AnswerChosen("finance_practice_2", "trust"))
    db.apply(aid, AnswerChosen("finance_practice_2", "other"))
    entries = db.audit(aid)
    assert entries[0] == AuditEntry("assessment", None, "created", "2026-11-22T09:00:00.000Z")
    assert [(e.old, e.new) for e in entries[-2:]] == [(None, "trust"), ("trust", "other")]


def test_atomic_groups_changes_and_rolls_back_together(db, aid):
    with pytest.raises(RuntimeError), db.atomic():
        db.apply(aid, AnswerChosen("finance_practice_2", "trust"))
        db.apply(aid, DetailSet("label", "half-done"))
        raise RuntimeError("stop")
    a = db.load_assessment(aid)
    assert a.answer("finance_practice_2") is None and a.label == "Pre-join visit"
    with db.atomic():
        db.apply(aid, AnswerChosen("finance_practice_2", "trust"))
        assert peek(db, "SELECT count(*) FROM answers WHERE question='finance_practice_2'") == [
            (0,)
        ]
    assert db.load_assessment(aid).answer("finance_practice_2").option == "trust"


def test_the_listed_count_follows_every_answer_change(db, aid, questionnaire):
    """The answered count is moved by one per change (not recounted): it must always agree
    with a full count, whatever the changes, including to questions of unselected areas."""
    import random

    rng = random.Random(3)
    questions = [q for r in questionnaire.referents for q in r.questions]
    db.apply(aid, AreasSelected([questionnaire.referents[0].id]))
    for _ in range(60):
        q = rng.choice(questions)
        option = rng.choice([None, *(o.key for o in q.options)])
        with db.atomic():
            db.apply(aid, AnswerChosen(q.id, option))
            db.apply(aid, AnswerNoted(q.id, rng.choice([UNSET, "", "seen"])))
        if rng.random() < 0.1:
            db.apply(aid, AreasSelected(rng.sample([r.id for r in questionnaire.referents], 1)))
        a = db.load_assessment(aid)
        chosen = set(a.selected_referents([r.id for r in questionnaire.referents]))
        counted = {q.id for r in questionnaire.referents if r.id in chosen for q in r.questions}
        expected = sum(1 for x in a.answers if x.option is not None and x.question in counted)
        info = db.assessment_info(aid)
        assert (info.answered, info.questions) == (expected, len(counted))

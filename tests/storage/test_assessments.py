"""Whole assessments and questionnaires: round trips, listing, comparison, deletion."""

from __future__ import annotations

import pytest

from ddwizard.core.assessment import Assessment, School, Status, Trust, TrustReference
from ddwizard.core.changes import (
    AnswerChosen,
    AreasSelected,
    DetailSet,
    ReferenceTaken,
    TrustReferenceSet,
)
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.storage import Database, DuplicateAssessment, NotFound

from .storage_helpers import LONG, make_assessment, make_questionnaire


def test_rich_assessment_round_trips(db, assessment, questionnaire):
    assert len(LONG) == 10_000
    aid = db.create_assessment(assessment, questionnaire)
    assert db.load_assessment(aid) == assessment


def test_round_trip_survives_reopening(db_path, clock, assessment, questionnaire):
    with Database(db_path, clock=clock) as first:
        aid = first.create_assessment(assessment, questionnaire)
    with Database(db_path, clock=clock) as again:
        assert again.load_assessment(aid) == assessment
        assert again.questionnaire_for(aid) == questionnaire


def test_minimal_assessment_round_trips(db, questionnaire):
    a = Assessment("u-1", School("Only a name"), Trust("T"), "test", "1")
    assert db.load_assessment(db.create_assessment(a, questionnaire)) == a


def test_in_memory_database_works(questionnaire, assessment):
    with Database(None) as mem:
        assert mem.path is None
        aid = mem.create_assessment(assessment, questionnaire)
        assert mem.load_assessment(aid) == assessment


def test_blank_uid_gets_a_new_one(db, questionnaire):
    aid = db.create_assessment(make_assessment(uid=""), questionnaire)
    assert len(db.load_assessment(aid).uid) == 36


def test_questionnaire_must_match(db):
    with pytest.raises(ValueError):
        db.create_assessment(make_assessment(), make_questionnaire("2"))


def test_duplicate_uid_is_refused_and_named(db, assessment, questionnaire):
    aid = db.create_assessment(assessment, questionnaire)
    with pytest.raises(DuplicateAssessment) as caught:
        db.create_assessment(assessment.with_changes(label="Other"), questionnaire)
    assert caught.value.existing_id == aid
    assert "Pre-join visit" in caught.value.existing_label
    assert "Pre-join visit" in str(caught.value)
    assert len(db.list_assessments()) == 1


def test_failed_create_leaves_nothing_behind(db, questionnaire):
    bad = make_assessment(answers=make_assessment().answers * 2)  # same question twice
    with pytest.raises(Exception):  # noqa: B017 - the database's own constraint
        db.create_assessment(bad, questionnaire)
    assert db.list_assessments() == []
    assert db.questionnaires() == []


def test_replace_assessment(db, assessment, questionnaire, clock):
    aid = db.create_assessment(assessment, questionnaire)
    created = db.list_assessments()[0].created
    clock.advance(minutes=5)
    changed = assessment.with_changes(label="After a term", answers=(), targets=())
    db.replace_assessment(aid, changed, questionnaire)
    assert db.load_assessment(aid) == changed
    info = db.list_assessments()[0]
    assert (info.created, info.updated) == (created, "2026-11-22T09:05:00.000Z")


def test_replace_refuses_another_assessments_uid(db, questionnaire):
    db.create_assessment(make_assessment(uid="a"), questionnaire)
    second = db.create_assessment(make_assessment(uid="b"), questionnaire)
    with pytest.raises(DuplicateAssessment):
        db.replace_assessment(second, make_assessment(uid="a"), questionnaire)
    assert db.load_assessment(second).uid == "b"


def test_missing_assessment_is_not_found(db):
    for call in (db.load_assessment, db.questionnaire_for, db.delete_assessment, db.audit):
        with pytest.raises(NotFound):
            call(99)
    with pytest.raises(NotFound):
        db.apply(99, AnswerChosen("q", "x"))


def test_find_uid_and_delete(db, assessment, questionnaire):
    aid = db.create_assessment(assessment, questionnaire)
    assert db.find_uid(assessment.uid) == aid
    db.delete_assessment(aid)
    assert db.find_uid(assessment.uid) is None
    counts = [
        db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("answers", "referent_notes", "targets", "steps", "checklist_entries", "audit")
    ]
    assert counts == [0] * 6


def test_list_counts_answers_over_selected_referents(db, assessment, questionnaire):
    aid = db.create_assessment(assessment, questionnaire)
    info = db.list_assessments()[0]
    # finance + curriculum selected: 8 questions; 3 have an option chosen.
    assert (info.id, info.questions, info.answered) == (aid, 8, 3)
    assert (info.school, info.trust, info.status) == (
        assessment.school.name,
        "Oak & Ash Trust",
        Status.FINAL,
    )
    db.apply(aid, AreasSelected([]))
    assert db.list_assessments()[0].questions == 12


def test_list_is_most_recently_changed_first(db, questionnaire, clock):
    first = db.create_assessment(make_assessment(uid="a"), questionnaire)
    clock.advance(seconds=1)
    second = db.create_assessment(make_assessment(uid="b"), questionnaire)
    assert [i.id for i in db.list_assessments()] == [second, first]
    clock.advance(seconds=1)
    db.apply(first, DetailSet("label", "touched"))
    assert [i.id for i in db.list_assessments()] == [first, second]


def test_previous_assessments_same_school_and_trust(db, questionnaire, clock):
    def add(uid, on, **changes):
        clock.advance(seconds=1)
        return db.create_assessment(make_assessment(uid, assessed_on=on, **changes), questionnaire)

    oldest = add("1", "2025-01-10")
    middle = add("2", "2025-09-01")
    latest = add("3", "2026-11-22")
    add("4", "2024-01-01", trust=Trust("Another trust"))
    add("5", "2024-01-01", school=School("Another school"))
    assert [i.id for i in db.previous_assessments(latest)] == [middle, oldest]
    assert [i.id for i in db.previous_assessments(oldest)] == []


def test_school_row_reused_by_name_and_urn(db, questionnaire):
    db.create_assessment(make_assessment(uid="a"), questionnaire)
    db.create_assessment(make_assessment(uid="b"), questionnaire)
    assert db.conn.execute("SELECT count(*) FROM schools").fetchone()[0] == 1


def test_a_new_assessment_starts_from_the_trusts_current_reference(db, questionnaire, clock):
    a = db.create_assessment(make_assessment(uid="a"), questionnaire)
    clock.advance(days=3)
    b = db.create_assessment(
        make_assessment(uid="b", trust=Trust("Oak & Ash Trust")), questionnaire
    )
    mine = db.load_assessment(a).trust
    theirs = db.load_assessment(b).trust
    assert theirs.reference == mine.reference
    assert (mine.reference_as_of, theirs.reference_as_of) == ("2026-11-01", "2026-11-25")
    assert db.current_trust_reference("Oak & Ash Trust") == (mine.reference, "2026-11-22")


def test_each_assessment_keeps_the_reference_as_it_stood(db, questionnaire, clock):
    a = db.create_assessment(make_assessment(uid="a"), questionnaire)
    b = db.create_assessment(
        make_assessment(uid="b", trust=Trust("Oak & Ash Trust")), questionnaire
    )
    kept = db.load_assessment(a).trust
    clock.advance(days=10)
    new = TrustReference("behaviour", "Warm-strict", "Safety", "Rewards")
    db.apply(b, TrustReferenceSet(new))
    assert db.load_assessment(a).trust == kept  # the earlier assessment does not move
    refs = db.load_assessment(b).trust.reference
    assert [r.referent for r in refs] == ["curriculum", "finance", "behaviour"]
    assert refs[-1] == new
    current, as_of = db.current_trust_reference("Oak & Ash Trust")
    assert (current[-1], as_of) == (new, "2026-12-02")
    assert db.newer_trust_reference(b) is None  # b wrote it: nothing newer to offer
    assert db.newer_trust_reference(a) == (current, "2026-12-02")
    db.apply(a, ReferenceTaken(current, as_of))
    assert db.load_assessment(a).trust == Trust(kept.name, current, "2026-12-02")
    assert db.newer_trust_reference(a) is None
    taken = [(e.what, e.old, e.new) for e in db.audit(a) if e.what.startswith("reference")]
    assert taken == [
        ("reference_as_of", "2026-11-01", "2026-12-02"),
        (
            "reference:behaviour",
            None,
            '{"practice":"Warm-strict","purpose":"Safety","school_decides":"Rewards"}',
        ),
    ]


def test_an_import_does_not_turn_the_trusts_reference_back(db, questionnaire, clock):
    db.create_assessment(make_assessment(uid="a"), questionnaire)
    older = Trust(
        "Oak & Ash Trust", (TrustReference("curriculum", "Old way", "Old why"),), "2025-01-01"
    )
    b = db.create_assessment(make_assessment(uid="b", trust=older), questionnaire)
    assert db.load_assessment(b).trust == older  # the bundle's copy is kept as it was
    current, _ = db.current_trust_reference("Oak & Ash Trust")
    assert current[0].practice == "Knowledge-rich <b>"
    assert db.newer_trust_reference(b) == (current, "2026-11-22")


def test_questionnaires_stored_and_listed(db, questionnaire):
    row = db.add_questionnaire(questionnaire, "format: ddwizard.questionnaire\n")
    assert db.add_questionnaire(questionnaire) == row  # upsert by id and version
    db.add_questionnaire(make_questionnaire("2"))
    infos = db.questionnaires()
    assert [(i.id, i.version, i.referents, i.questions) for i in infos] == [
        ("test", "1", 3, 12),
        ("test", "2", 3, 12),
    ]
    assert db.get_questionnaire("test", "2") == make_questionnaire("2")
    with pytest.raises(NotFound):
        db.get_questionnaire("test", "3")


def test_assessment_keeps_the_copy_it_was_made_with(db, assessment, questionnaire):
    aid = db.create_assessment(assessment, questionnaire)
    edited = Questionnaire(
        "test", "1", "Edited title", questionnaire.referents[:1], questionnaire.due_diligence
    )
    db.create_assessment(make_assessment(uid="other"), edited)  # same id+version: copy kept
    assert db.questionnaire_for(aid) == questionnaire


def test_app_state(db_path, clock):
    with Database(db_path, clock=clock) as first:
        assert first.get_state("current", "none") == "none"
        first.set_state("current", "3:answers")
    with Database(db_path, clock=clock) as again:
        assert again.get_state("current") == "3:answers"

"""Choosing another trust is not renaming one: a rename follows every assessment against
the trust and is recorded in each one's history; choosing moves one assessment; and no
trust that nothing refers to is left behind."""

import pytest

from ddwizard.core.assessment import Assessment, School, Trust, TrustReference
from ddwizard.core.changes import TrustChosen, TrustReferenceSet, TrustRenamed
from ddwizard.storage import Database
from ddwizard.storage.trusts import TrustNameTaken
from tests.core.builders import questionnaire, referent

Q = questionnaire(referent("reading"))


def _two_on(db: Database, trust: str) -> tuple[int, int]:
    a = Assessment("", School("Hillside"), Trust(trust), Q.id, Q.version)
    b = Assessment("", School("Oakfield"), Trust(trust), Q.id, Q.version)
    return db.create_assessment(a, Q), db.create_assessment(b, Q)


def test_a_rename_follows_every_assessment_and_keeps_the_reference(tmp_path):
    with Database(tmp_path / "dd.db") as db:
        first, second = _two_on(db, "Riverside Lerning Trust")
        db.apply(first, TrustReferenceSet(TrustReference("reading", "Phonics daily", "Fluency")))
        assert db.trust_use("Riverside Lerning Trust") == 2
        db.apply(first, TrustRenamed("Riverside Learning Trust"))
        for aid in (first, second):
            trust = db.load_assessment(aid).trust
            assert trust.name == "Riverside Learning Trust"
            renamed = [e for e in db.audit(aid) if e.what == "trust_name"]
            assert [(e.old, e.new) for e in renamed] == [
                ("Riverside Lerning Trust", "Riverside Learning Trust")
            ]
        # Each keeps its own copy of the reference; the trust's current one goes with it.
        assert db.load_assessment(first).trust.reference_for("reading").practice == "Phonics daily"
        assert db.load_assessment(second).trust.reference_for("reading") is None
        current, _ = db.current_trust_reference("Riverside Learning Trust")
        assert current[0].practice == "Phonics daily"
        assert db.newer_trust_reference(second)[0] == current
        assert db.trust_names() == ["Riverside Learning Trust"]


def test_a_rename_onto_another_trusts_name_is_refused_and_changes_nothing(tmp_path):
    with Database(tmp_path / "dd.db") as db:
        first, _ = _two_on(db, "Riverside")
        other = db.create_assessment(
            Assessment("", School("Elm"), Trust("Oak Trust"), Q.id, Q.version), Q
        )
        with pytest.raises(TrustNameTaken, match="Oak Trust"):
            db.apply(first, TrustRenamed("Oak Trust"))
        assert db.load_assessment(first).trust.name == "Riverside"
        assert db.load_assessment(other).trust.name == "Oak Trust"
        assert sorted(db.trust_names()) == ["Oak Trust", "Riverside"]


def test_choosing_another_trust_leaves_no_empty_trust_behind(tmp_path):
    with Database(tmp_path / "dd.db") as db:
        aid = db.create_assessment(
            Assessment("", School("Hillside"), Trust("Riverside Lerning"), Q.id, Q.version), Q
        )
        db.apply(aid, TrustChosen("Riverside Learning"))
        assert db.trust_names() == ["Riverside Learning"]
        # A trust whose reference someone wrote is kept, to be chosen again.
        db.apply(aid, TrustReferenceSet(TrustReference("reading", "Phonics daily")))
        db.apply(aid, TrustChosen("Oak Trust"))
        assert sorted(db.trust_names()) == ["Oak Trust", "Riverside Learning"]
        db.apply(aid, TrustChosen("Riverside Learning", db.trust_reference("Riverside Learning")))
        assert db.load_assessment(aid).trust.reference_for("reading").practice == "Phonics daily"

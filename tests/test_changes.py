"""Core owns change: any sequence of changes applied in memory equals the same changes applied
to the database and read back, and each change's inverse puts back what was there."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddwizard.core.assessment import (
    AnswerFlag,
    Assessment,
    Axis,
    ChecklistEntry,
    Confidence,
    Cost,
    CostBasis,
    Decision,
    Finding,
    FindingLevel,
    ItemStatus,
    Perspective,
    School,
    Status,
    Step,
    Target,
    TargetStatus,
    Trust,
    TrustReference,
)
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AnswerFlagsSet,
    AnswerNoted,
    AreasSelected,
    ChecklistEntrySet,
    ConfidenceSet,
    ConfidencesSet,
    DecisionSet,
    DetailSet,
    EvidenceSet,
    ReferenceTaken,
    ReferentNoted,
    RouteSet,
    SchoolSet,
    StatusSet,
    TargetRemoved,
    TargetSet,
    TrustChosen,
    TrustReferenceSet,
    TrustRenamed,
)
from ddwizard.storage import Database
from ddwizard.storage.trusts import TrustNameTaken
from tests.core.builders import questionnaire, referent

Q = questionnaire(referent("reading", 1, 1), referent("finance", 1, 1))
QUESTIONS = [q.id for r in Q.referents for q in r.questions]
REFERENTS = [r.id for r in Q.referents]

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
question = st.sampled_from(QUESTIONS)
area = st.sampled_from(REFERENTS)
position = st.sampled_from([-1.0, -0.5, 0.0, 0.25, 1.0])
step = st.builds(Step, position, position, st.sampled_from(["", "2027-01"]), text, text, text)
target = st.builds(
    Target,
    area,
    position,
    position,
    st.sampled_from(["", "2027-09"]),
    st.booleans(),
    text,
    st.lists(step, max_size=3).map(tuple),
    st.sampled_from(TargetStatus),
    text,
    st.sampled_from(["", "2026-12-01"]),
)
confidence = st.sampled_from([None, *Confidence])
cost = st.builds(Cost, st.sampled_from([None, 0, 412000, 1250.5]), st.sampled_from(CostBasis))
finding = st.none() | st.builds(Finding, st.sampled_from(FindingLevel), text, st.none() | cost)
decision = st.none() | st.builds(
    Decision,
    text,
    st.sampled_from(["", "2027-01-20"]),
    text,
    text,
    text,
    text,
    st.lists(text, max_size=3).map(tuple),
)
reference = st.builds(TrustReference, area, text, text, text)
references = st.lists(reference, max_size=3, unique_by=lambda r: r.referent).map(tuple)
change = st.one_of(
    st.builds(AnswerChosen, question, st.sampled_from(["own", "other", "unknown"])),
    st.builds(AnswerCleared, question),
    st.builds(AnswerNoted, question, text),
    st.builds(EvidenceSet, question, st.lists(st.sampled_from(["documents", "staff"]))),
    st.builds(ConfidenceSet, area, confidence, st.none() | st.sampled_from(Axis)),
    st.builds(ConfidencesSet, area, confidence, confidence),
    st.builds(AnswerFlagsSet, question, st.lists(st.sampled_from(AnswerFlag))),
    st.builds(ReferentNoted, area, text),
    st.builds(TargetSet, target),
    st.builds(TargetRemoved, area),
    st.builds(RouteSet, area, st.lists(step, max_size=3)),
    st.builds(
        ChecklistEntrySet,
        st.builds(
            ChecklistEntry,
            st.sampled_from(["lease", "accounts"]),
            st.sampled_from(ItemStatus),
            text,
            text,
            st.sampled_from(["", "2026-12-15"]),
            finding,
        ),
    ),
    st.builds(
        DetailSet, st.sampled_from(["label", "assessor", "assessed_on", "assessor_role"]), text
    ),
    st.builds(DetailSet, st.just("perspective"), st.sampled_from(["", *Perspective])),
    st.builds(DecisionSet, decision),
    st.builds(ReferenceTaken, references, st.sampled_from(["", "2026-11-01", "2026-12-05"])),
    st.builds(StatusSet, st.sampled_from(Status)),
    st.builds(SchoolSet, st.builds(School, st.sampled_from(["Hillside", "Oakfield"]), text)),
    st.builds(TrustChosen, st.sampled_from(["Riverside", "Oak & Ash"])),
    st.builds(TrustRenamed, st.sampled_from(["Riverside Trust", "Oak & Ash", "Riverside"])),
    st.builds(TrustReferenceSet, reference),
    st.builds(AreasSelected, st.lists(area, unique=True)),
)


def start() -> Assessment:
    return Assessment("", School("Hillside"), Trust("Riverside"), Q.id, Q.version)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(change, max_size=25))
def test_changes_in_memory_equal_changes_stored_and_read_back(changes):
    with Database(None) as db:
        aid = db.create_assessment(start(), Q)
        memory = db.load_assessment(aid)
        for c in changes:
            if isinstance(c, TrustChosen):  # that trust's current reference comes with it
                c = TrustChosen(c.name, *db.current_trust_reference(c.name))
            try:
                db.apply(aid, c)
            except TrustNameTaken:  # a rename onto another trust's name changes nothing
                continue
            memory = c.apply(memory)
        assert db.load_assessment(aid) == memory


def tidy(a: Assessment) -> Assessment:
    """The same assessment with its lists in one order, and no entry that says nothing."""
    return replace(
        a,
        answers=tuple(sorted(a.answers, key=lambda x: x.question)),
        referent_notes=tuple(sorted(a.referent_notes, key=lambda x: x.referent)),
        targets=tuple(sorted(a.targets, key=lambda x: x.referent)),
        due_diligence=tuple(
            sorted(
                (e for e in a.due_diligence if e != ChecklistEntry(e.item)), key=lambda x: x.item
            )
        ),
        trust=Trust(
            a.trust.name,
            tuple(
                sorted(
                    (r for r in a.trust.reference if r != TrustReference(r.referent)),
                    key=lambda x: x.referent,
                )
            ),
            a.trust.reference_as_of,
        ),
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(change, max_size=15), change)
def test_a_changes_inverse_puts_back_what_was_there(before_changes, c):
    before = start()
    for earlier in before_changes:
        before = earlier.apply(before)
    assert tidy(c.inverse(before).apply(c.apply(before))) == tidy(before)


@pytest.mark.parametrize(
    "c, key",
    [
        (AnswerChosen("q1", "own"), ("option", "q1")),
        (AnswerCleared("q1"), ("option", "q1")),
        (TargetSet(Target("reading", 0, 0)), ("target", "reading")),
        (RouteSet("reading", ()), ("target", "reading")),
        (ChecklistEntrySet(ChecklistEntry("lease")), ("checklist", "lease")),
        (StatusSet(Status.FINAL), ("status",)),
    ],
)
def test_a_later_change_to_the_same_thing_has_the_same_key(c, key):
    assert c.key == key

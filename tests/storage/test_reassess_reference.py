"""A re-assessment is a new look at the school against the trust's reference as it stands
now, not as it stood for the assessment it starts from."""

from __future__ import annotations

from ddwizard import services
from ddwizard.core.assessment import Trust, TrustReference
from ddwizard.core.changes import TrustReferenceSet

from .storage_helpers import make_assessment


def test_a_reassessment_starts_from_the_trusts_current_reference(db, questionnaire, clock):
    old = db.create_assessment(make_assessment(uid="a"), questionnaire)
    other = db.create_assessment(
        make_assessment(uid="b", trust=Trust("Oak & Ash Trust")), questionnaire
    )
    clock.advance(days=20)
    db.apply(other, TrustReferenceSet(TrustReference("behaviour", "Warm-strict", "Safety")))
    new, _ = services.reassess(db, old, None, "2026-12-12")
    trust = db.load_assessment(new).trust
    assert (trust.reference, trust.reference_as_of) == db.current_trust_reference("Oak & Ash Trust")
    assert trust.reference_as_of == "2026-12-12"
    assert db.load_assessment(old).trust.reference_as_of == "2026-11-01"  # the old one stays

"""Changes to the school, the trust and the assessment's own details (label, assessor,
date, status). Part of :mod:`ddwizard.core.changes`, which names them all."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from ddwizard.core.assessment import (
    Assessment,
    Decision,
    School,
    Status,
    Trust,
    TrustReference,
)
from ddwizard.core.change import Change, put

# --- the school, the trust and the assessment's own details ------------------------------------

Detail = Literal["label", "assessor", "assessed_on", "assessor_role", "perspective"]


@dataclass(frozen=True, slots=True)
class DetailSet(Change):
    """The assessment's label, assessor or date."""

    key_of: ClassVar = ("detail", "field")
    field: Detail
    value: str

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(**{self.field: self.value})

    def inverse(self, before: Assessment) -> Change:
        return DetailSet(self.field, getattr(before, self.field) or "")


@dataclass(frozen=True, slots=True)
class DecisionSet(Change):
    """The decision put to the governing board, as a whole (None: none recorded)."""

    key_of: ClassVar = ("decision", "")
    decision: Decision | None

    def apply(self, a: Assessment) -> Assessment:
        kept = None if self.decision is None or self.decision.is_empty() else self.decision
        return a.with_changes(decision=kept)

    def inverse(self, before: Assessment) -> Change:
        return DecisionSet(before.decision)


@dataclass(frozen=True, slots=True)
class StatusSet(Change):
    """Draft or final."""

    key_of: ClassVar = ("status", "")
    status: Status

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(status=self.status)

    def inverse(self, before: Assessment) -> Change:
        return StatusSet(before.status)


@dataclass(frozen=True, slots=True)
class SchoolSet(Change):
    """The school's name, URN, phase and local authority."""

    key_of: ClassVar = ("school", "")
    school: School

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(school=self.school)

    def inverse(self, before: Assessment) -> Change:
        return SchoolSet(before.school)


@dataclass(frozen=True, slots=True)
class TrustChosen(Change):
    """Assessed against another trust, by name. `reference` is that trust's own account
    of its referents, as stored (shared by all its assessments), which comes with it."""

    key_of: ClassVar = ("trust", "")
    name: str
    reference: tuple[TrustReference, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "reference", tuple(self.reference))

    reference_as_of: str = ""

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(trust=Trust(self.name, self.reference, self.reference_as_of))

    def inverse(self, before: Assessment) -> Change:
        t = before.trust
        return TrustChosen(t.name, t.reference, t.reference_as_of)


@dataclass(frozen=True, slots=True)
class TrustReferenceSet(Change):
    """The trust's account of one referent, as this assessment keeps it. Storage also makes
    it the trust's current account, which later assessments against the trust start from."""

    key_of: ClassVar = ("trust_reference", "reference.referent")
    reference: TrustReference

    def apply(self, a: Assessment) -> Assessment:
        refs = put(a.trust.reference, "referent", self.reference.referent, self.reference)
        return a.with_changes(trust=replace(a.trust, reference=refs))

    def inverse(self, before: Assessment) -> Change:
        rid = self.reference.referent
        return TrustReferenceSet(before.trust.reference_for(rid) or TrustReference(rid))


@dataclass(frozen=True, slots=True)
class ReferenceTaken(Change):
    """The trust's reference as it stands now (`as_of`) taken in place of the one this
    assessment kept from the day it was made."""

    key_of: ClassVar = ("trust_reference_all", "")
    reference: tuple[TrustReference, ...]
    as_of: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "reference", tuple(self.reference))

    def apply(self, a: Assessment) -> Assessment:
        trust = replace(a.trust, reference=self.reference, reference_as_of=self.as_of)
        return a.with_changes(trust=trust)

    def inverse(self, before: Assessment) -> Change:
        return ReferenceTaken(before.trust.reference, before.trust.reference_as_of)


@dataclass(frozen=True, slots=True)
class TrustRenamed(Change):
    """The trust itself renamed (a typo put right): every assessment against it follows,
    and its reference stays with it. Choosing another trust is `TrustChosen`."""

    key_of: ClassVar = ("trust", "")
    name: str

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(trust=replace(a.trust, name=self.name))

    def inverse(self, before: Assessment) -> Change:
        return TrustRenamed(before.trust.name)

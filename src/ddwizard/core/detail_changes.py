"""Changes to the school, the trust and the assessment's own details (label, assessor,
date, status). Part of :mod:`ddwizard.core.changes`, which names them all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from ddwizard.core.assessment import Assessment, School, Status, Trust, TrustReference
from ddwizard.core.change import Change, put

# --- the school, the trust and the assessment's own details ------------------------------------

Detail = Literal["label", "assessor", "assessed_on"]


@dataclass(frozen=True, slots=True)
class DetailSet(Change):
    """The assessment's label, assessor or date."""

    key_of: ClassVar = ("detail", "field")
    field: Detail
    value: str

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(**{self.field: self.value})

    def inverse(self, before: Assessment) -> Change:
        return DetailSet(self.field, getattr(before, self.field))


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

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(trust=Trust(self.name, self.reference))

    def inverse(self, before: Assessment) -> Change:
        return TrustChosen(before.trust.name, before.trust.reference)


@dataclass(frozen=True, slots=True)
class TrustReferenceSet(Change):
    """The trust's account of one referent (shared by every assessment against it)."""

    key_of: ClassVar = ("trust_reference", "reference.referent")
    reference: TrustReference

    def apply(self, a: Assessment) -> Assessment:
        refs = put(a.trust.reference, "referent", self.reference.referent, self.reference)
        return a.with_changes(trust=Trust(a.trust.name, refs))

    def inverse(self, before: Assessment) -> Change:
        rid = self.reference.referent
        return TrustReferenceSet(before.trust.reference_for(rid) or TrustReference(rid))


@dataclass(frozen=True, slots=True)
class TrustRenamed(Change):
    """The trust itself renamed (a typo put right): every assessment against it follows,
    and its reference stays with it. Choosing another trust is `TrustChosen`."""

    key_of: ClassVar = ("trust", "")
    name: str

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(trust=Trust(self.name, a.trust.reference))

    def inverse(self, before: Assessment) -> Change:
        return TrustRenamed(before.trust.name)

"""An assessment: one school, looked at against one trust, at one time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

# The statuses live in their own small module: the start screen's list needs them, not the
# rest of this one. Named here too, as they always were.
from ddwizard.core.statuses import (  # noqa: F401
    ITEM_STATUS_LABELS,
    AnswerFlag,
    Axis,
    Confidence,
    CostBasis,
    FindingLevel,
    ItemStatus,
    Perspective,
    Status,
    TargetStatus,
)

_CONFIDENCE_ORDER = (Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH)


def new_uid() -> str:
    """A fresh assessment uid: the same assessment keeps it in every database and bundle."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class School:
    name: str
    urn: str = ""
    phase: str = ""
    local_authority: str = ""


@dataclass(frozen=True, slots=True)
class TrustReference:
    """The trust's own account of one referent: the `+` end of both axes."""

    referent: str
    practice: str = ""
    purpose: str = ""
    school_decides: str = ""  # what the trust's schools decide for themselves here


@dataclass(frozen=True, slots=True)
class Trust:
    """The trust, with its reference as it stood when this assessment was made
    (`reference_as_of`, a date): a trust that later changes its own account does not
    silently move earlier assessments."""

    name: str
    reference: tuple[TrustReference, ...] = ()
    reference_as_of: str = ""

    def reference_for(self, referent_id: str) -> TrustReference | None:
        return next((r for r in self.reference if r.referent == referent_id), None)


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    option: str | None = None  # None: not answered yet (a note may still be kept)
    note: str = ""
    evidence: tuple[str, ...] = ()
    flags: tuple[AnswerFlag, ...] = ()  # below a legal or safety minimum; sources disagree

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", tuple(self.evidence))
        flags = {AnswerFlag(f) for f in self.flags}
        object.__setattr__(self, "flags", tuple(f for f in AnswerFlag if f in flags))

    def flagged(self, flag: AnswerFlag | str) -> bool:
        return AnswerFlag(flag) in self.flags


def _confidence(value: Confidence | str | None) -> Confidence | None:
    # A widget may hand over the plain string behind the enum: keep the enum itself.
    return None if value is None or value == "" else Confidence(value)


@dataclass(frozen=True, slots=True)
class ReferentNote:
    """An area's note, and how sure the assessor is of each axis's answers."""

    referent: str
    purpose_confidence: Confidence | None = None
    practice_confidence: Confidence | None = None
    note: str = ""

    def __post_init__(self) -> None:
        for axis in ("purpose_confidence", "practice_confidence"):
            object.__setattr__(self, axis, _confidence(getattr(self, axis)))

    @classmethod
    def same(
        cls, referent: str, confidence: Confidence | str | None = None, note: str = ""
    ) -> ReferentNote:
        """One confidence for both axes (as format 1 recorded it)."""
        return cls(referent, confidence, confidence, note)

    def confidence_on(self, axis: Axis | str) -> Confidence | None:
        return self.purpose_confidence if Axis(axis) is Axis.PURPOSE else self.practice_confidence

    @property
    def confidence(self) -> Confidence | None:
        """One word for the area: the lower of the axes' confidences that are set."""
        said = [c for c in (self.purpose_confidence, self.practice_confidence) if c]
        return min(said, key=_CONFIDENCE_ORDER.index) if said else None


@dataclass(frozen=True, slots=True)
class Step:
    """One dated waypoint on the route to a target, in plane units."""

    purpose: float
    practice: float
    by: str = ""
    action: str = ""
    owner: str = ""
    tell: str = ""  # who needs to know, and how


@dataclass(frozen=True, slots=True)
class Target:
    referent: str
    purpose: float
    practice: float
    by: str = ""
    return_trip: bool = False
    rationale: str = ""
    steps: tuple[Step, ...] = ()
    status: TargetStatus = TargetStatus.NOT_RECORDED
    agreed_by: str = ""
    agreed_on: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", TargetStatus(self.status))
        object.__setattr__(self, "steps", tuple(self.steps))


@dataclass(frozen=True, slots=True)
class Cost:
    """What a finding may cost: `amount` in pounds (None: not yet known)."""

    amount: float | None = None
    basis: CostBasis = CostBasis.UNKNOWN

    def __post_init__(self) -> None:
        object.__setattr__(self, "basis", CostBasis(self.basis))


@dataclass(frozen=True, slots=True)
class Finding:
    """What due diligence found, kept apart from how far the work has gone (the status)."""

    level: FindingLevel = FindingLevel.NONE
    text: str = ""
    cost: Cost | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "level", FindingLevel(self.level))

    @property
    def matters(self) -> bool:
        """A finding the board is told of (not level 'none')."""
        return self.level is not FindingLevel.NONE


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    item: str
    status: ItemStatus = ItemStatus.NOT_STARTED
    note: str = ""
    owner: str = ""
    due: str = ""
    finding: Finding | None = None

    def __post_init__(self) -> None:
        # A combo box hands back the plain string behind the enum: keep the enum itself,
        # which the brief asks for its label.
        object.__setattr__(self, "status", ItemStatus(self.status))


@dataclass(frozen=True, slots=True)
class Decision:
    """What the governing board is asked to decide, by when, and each side's reasons."""

    question: str = ""
    decide_by: str = ""
    joining_on: str = ""
    school_reasons: str = ""
    trust_reasons: str = ""
    recommendation: str = ""
    conditions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "conditions", tuple(self.conditions))

    def is_empty(self) -> bool:
        return self == Decision()


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything one assessment holds. `referents` empty means all of the questionnaire's."""

    uid: str
    school: School
    trust: Trust
    questionnaire_id: str
    questionnaire_version: str
    label: str = ""
    assessor: str = ""
    assessed_on: str = ""
    status: Status = Status.DRAFT
    assessor_role: str = ""
    perspective: Perspective | None = None  # whose view this is (None: not recorded)
    decision: Decision | None = None
    referents: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()
    referent_notes: tuple[ReferentNote, ...] = ()
    targets: tuple[Target, ...] = ()
    due_diligence: tuple[ChecklistEntry, ...] = ()
    _by_question: dict[str, Answer] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))
        if self.perspective is not None and self.perspective != "":
            object.__setattr__(self, "perspective", Perspective(self.perspective))
        else:
            object.__setattr__(self, "perspective", None)
        object.__setattr__(self, "_by_question", {a.question: a for a in self.answers})

    def answer(self, question_id: str) -> Answer | None:
        return self._by_question.get(question_id)

    def chosen(self) -> dict[str, str]:
        """question id -> chosen option key, for answered questions only."""
        return {a.question: a.option for a in self.answers if a.option is not None}

    def note_for(self, referent_id: str) -> ReferentNote | None:
        return next((n for n in self.referent_notes if n.referent == referent_id), None)

    def target_for(self, referent_id: str) -> Target | None:
        return next((t for t in self.targets if t.referent == referent_id), None)

    def entry_for(self, item_id: str) -> ChecklistEntry | None:
        return next((e for e in self.due_diligence if e.item == item_id), None)

    def selected_referents(self, all_ids: list[str] | tuple[str, ...]) -> list[str]:
        """The selected referent ids in questionnaire order (all of them if none chosen)."""
        if not self.referents:
            return list(all_ids)
        chosen = set(self.referents)
        return [r for r in all_ids if r in chosen]

    def with_changes(self, **changes) -> Assessment:
        return replace(self, **changes)

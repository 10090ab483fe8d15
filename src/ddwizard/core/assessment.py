"""An assessment: one school, looked at against one trust, at one time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

# The statuses live in their own small module: the start screen's list needs them, not the
# rest of this one. Named here too, as they always were.
from ddwizard.core.statuses import ITEM_STATUS_LABELS, Confidence, ItemStatus, Status  # noqa: F401


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


@dataclass(frozen=True, slots=True)
class Trust:
    name: str
    reference: tuple[TrustReference, ...] = ()

    def reference_for(self, referent_id: str) -> TrustReference | None:
        return next((r for r in self.reference if r.referent == referent_id), None)


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    option: str | None = None  # None: not answered yet (a note may still be kept)
    note: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReferentNote:
    referent: str
    confidence: Confidence | None = None
    note: str = ""

    def __post_init__(self) -> None:
        # A widget may hand over the plain string behind the enum: keep the enum itself.
        if self.confidence is not None:
            object.__setattr__(self, "confidence", Confidence(self.confidence))


@dataclass(frozen=True, slots=True)
class Step:
    """One dated waypoint on the route to a target, in plane units."""

    purpose: float
    practice: float
    by: str = ""
    action: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    referent: str
    purpose: float
    practice: float
    by: str = ""
    return_trip: bool = False
    rationale: str = ""
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    item: str
    status: ItemStatus = ItemStatus.NOT_STARTED
    note: str = ""
    owner: str = ""
    due: str = ""

    def __post_init__(self) -> None:
        # A combo box hands back the plain string behind the enum: keep the enum itself,
        # which the brief asks for its label.
        object.__setattr__(self, "status", ItemStatus(self.status))


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
    referents: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()
    referent_notes: tuple[ReferentNote, ...] = ()
    targets: tuple[Target, ...] = ()
    due_diligence: tuple[ChecklistEntry, ...] = ()
    _by_question: dict[str, Answer] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))
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

"""The questionnaire: referents (areas), their questions on two axes, and the checklist.

These are plain, immutable values. Reading them from YAML (with line-numbered problems)
lives in :mod:`ddwizard.core.qfile`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Axis(StrEnum):
    """The two axes of the plane. Purpose is x (across), practice is y (up)."""

    PRACTICE = "practice"
    PURPOSE = "purpose"


EVIDENCE_LABELS: dict[str, str] = {
    "documents": "Documents",
    "published_data": "Published data",
    "leaders": "Leaders",
    "governors": "Governors",
    "staff": "Staff",
    "pupils": "Pupils",
    "parents": "Parents",
    "trust_colleagues": "Trust colleagues",
    "observation": "Observation",
}
EVIDENCE_SOURCES: tuple[str, ...] = tuple(EVIDENCE_LABELS)
EVIDENCE_SOURCES_1: tuple[str, ...] = ("documents", "leaders", "staff", "pupils", "observation")
"""The sources a format 1 file may name; the others came with format 2."""

PHASES: tuple[str, ...] = (
    "nursery",
    "primary",
    "secondary",
    "all_through",
    "special",
    "alternative",
    "post16",
)
_PHASE_WORDS = {
    "allthrough": "all_through",
    "post_16": "post16",
    "16_plus": "post16",
    "sixth_form": "post16",
    "16_to_19": "post16",
    "pru": "alternative",
    "alternative_provision": "alternative",
}


def phase_key(label: str | None) -> str | None:
    """The phase a school's phase as written names ('All-through' -> 'all_through'), or None
    when it names none of PHASES (a middle school, say): then every area is asked."""
    word = "_".join((label or "").strip().lower().replace("-", " ").split())
    word = _PHASE_WORDS.get(word, word)
    return word if word in PHASES else None


WHEN: tuple[str, ...] = ("before", "visit", "after")
"""When a question is answered: before the visit (from documents), on it, or afterwards."""
FACETS: tuple[str, ...] = ("stated", "lived")
SIDES: tuple[str, ...] = ("school", "trust", "conversion")
"""Whose due diligence a checklist area is: on the school, on the trust, or the conversion's own
steps."""


class Means(StrEnum):
    """What an answer that does not count (a null score) says."""

    UNKNOWN = "unknown"  # not known yet
    TRUST_OPEN = "trust_open"  # the trust has no set way here: the school's call
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    label: str
    score: float | None  # None: not counted; `means` says why
    hint: str = ""  # what this answer looks like, where the label alone is not enough
    means: Means | None = None  # None on a scored option; UNKNOWN by default on a null one

    def __post_init__(self) -> None:
        if self.score is None and self.means is None:
            object.__setattr__(self, "means", Means.UNKNOWN)
        elif self.means is not None:
            object.__setattr__(self, "means", Means(self.means))

    @property
    def trust_open(self) -> bool:
        return self.means is Means.TRUST_OPEN


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    axis: Axis
    text: str
    options: tuple[Option, ...]
    help: str = ""
    weight: float = 1.0
    evidence: tuple[str, ...] = ()  # where to look, from EVIDENCE_SOURCES
    requests: tuple[str, ...] = ()  # documents to ask the school for before the visit
    core: bool = False  # in the short set for a first visit
    when: str | None = None  # one of WHEN, or not said
    facet: str | None = None  # one of FACETS, or not said
    phases: tuple[str, ...] = ()  # shown only for schools of these phases; () for all

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    def for_phase(self, phase: str | None) -> bool:
        """Whether the question is asked of a school of this phase (None: phase not known)."""
        return _for_phase(self.phases, phase)


@dataclass(frozen=True, slots=True)
class Referent:
    id: str
    title: str
    group: str
    questions: tuple[Question, ...]
    description: str = ""
    weight: float = 1.0
    phases: tuple[str, ...] = ()  # shown only for schools of these phases; () for all

    def on_axis(self, axis: Axis) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.axis == axis)

    def for_phase(self, phase: str | None) -> bool:
        """Whether the area is asked of a school of this phase (None: phase not known)."""
        return _for_phase(self.phases, phase)

    def questions_for(self, phase: str | None) -> tuple[Question, ...]:
        """The questions asked of a school of this phase, in order."""
        return tuple(q for q in self.questions if _for_phase(q.phases, phase))


def _for_phase(phases: tuple[str, ...], phase: str | None) -> bool:
    return not phases or phase is None or phase in phases


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    text: str
    help: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistArea:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]
    side: str = "school"  # one of SIDES: whose due diligence this is


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    version: str
    title: str
    referents: tuple[Referent, ...]
    due_diligence: tuple[ChecklistArea, ...] = ()
    description: str = ""
    _questions: dict[str, tuple[Referent, Question]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        index = {q.id: (r, q) for r in self.referents for q in r.questions}
        object.__setattr__(self, "_questions", index)

    def referent(self, referent_id: str) -> Referent | None:
        return next((r for r in self.referents if r.id == referent_id), None)

    def question(self, question_id: str) -> Question | None:
        found = self._questions.get(question_id)
        return found[1] if found else None

    def referent_of(self, question_id: str) -> Referent | None:
        found = self._questions.get(question_id)
        return found[0] if found else None

    def checklist_items(self) -> dict[str, tuple[ChecklistArea, ChecklistItem]]:
        return {i.id: (a, i) for a in self.due_diligence for i in a.items}

    @property
    def groups(self) -> list[str]:
        """The referent groups, in first-seen order."""
        return list(dict.fromkeys(r.group for r in self.referents))

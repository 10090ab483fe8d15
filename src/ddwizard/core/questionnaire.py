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


EVIDENCE_SOURCES: tuple[str, ...] = ("documents", "leaders", "staff", "pupils", "observation")
EVIDENCE_LABELS: dict[str, str] = {
    "documents": "Documents",
    "leaders": "Leaders",
    "staff": "Staff",
    "pupils": "Pupils",
    "observation": "Observation",
}


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    label: str
    score: float | None  # None: "don't know yet", not counted


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    axis: Axis
    text: str
    options: tuple[Option, ...]
    help: str = ""
    weight: float = 1.0
    evidence: tuple[str, ...] = ()  # where to look, from EVIDENCE_SOURCES

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True, slots=True)
class Referent:
    id: str
    title: str
    group: str
    questions: tuple[Question, ...]
    description: str = ""
    weight: float = 1.0

    def on_axis(self, axis: Axis) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.axis == axis)


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

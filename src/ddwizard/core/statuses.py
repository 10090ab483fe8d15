"""The statuses an assessment, an area's confidence and a checklist item can have, and the
other small closed sets of words an assessment uses: kept apart from `assessment` so that
the start screen's list of assessments needs only these."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ItemStatus(StrEnum):
    """How far the work on a due-diligence item has gone. What it found is its `Finding`
    (a concern is a finding's level, not a status)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return ITEM_STATUS_LABELS[self]


class Axis(StrEnum):
    PURPOSE = "purpose"
    PRACTICE = "practice"


class Perspective(StrEnum):
    """Whose view an assessment is."""

    SCHOOL = "school"
    TRUST = "trust"
    JOINT = "joint"
    INDEPENDENT = "independent"


class AnswerFlag(StrEnum):
    BELOW_MINIMUM = "below_minimum"  # below what law or statutory guidance requires
    SOURCES_DISAGREE = "sources_disagree"


class FindingLevel(StrEnum):
    NONE = "none"
    NOTE = "note"
    CONCERN = "concern"
    SERIOUS = "serious"


class CostBasis(StrEnum):
    KNOWN = "known"
    ESTIMATED = "estimated"
    UNKNOWN = "unknown"


class TargetStatus(StrEnum):
    NOT_RECORDED = ""
    PROPOSED = "proposed"
    AGREED = "agreed"


ITEM_STATUS_LABELS = {
    ItemStatus.NOT_STARTED: "Not started",
    ItemStatus.IN_PROGRESS: "In progress",
    ItemStatus.DONE: "Done",
    ItemStatus.NOT_APPLICABLE: "Not applicable",
}

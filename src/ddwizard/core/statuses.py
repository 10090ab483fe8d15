"""The statuses an assessment, an area's confidence and a checklist item can have: kept
apart from `assessment` so that the start screen's list of assessments needs only these."""

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
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CONCERN = "concern"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return ITEM_STATUS_LABELS[self]


ITEM_STATUS_LABELS = {
    ItemStatus.NOT_STARTED: "Not started",
    ItemStatus.IN_PROGRESS: "In progress",
    ItemStatus.DONE: "Done",
    ItemStatus.CONCERN: "Concern",
    ItemStatus.NOT_APPLICABLE: "Not applicable",
}

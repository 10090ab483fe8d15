"""The shape of a bundle, format 2 (docs/formats.md, "The assessment bundle"), as pydantic
models: types, required and unknown keys, ranges, dates and text limits. Format 1 has its
own shape (`bundle_v1`) and is read into this one. Cross-references (is that question in the
questionnaire?) are checked in `bundle`, after the shape.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ddwizard.core.bundle_checks import Day, Long, Month, Name, Short
from ddwizard.core.questionnaire import EVIDENCE_SOURCES
from ddwizard.core.statuses import (
    AnswerFlag,
    Confidence,
    CostBasis,
    FindingLevel,
    Perspective,
    Status,
    TargetStatus,
)

Text = Long  # notes, rationales, actions: see bundle_checks for the limits
Coord = Annotated[float, Field(ge=-1, le=1, allow_inf_nan=False)]
Evidence = Literal[EVIDENCE_SOURCES]  # type: ignore[valid-type]
# Pounds: a number (never `true`, never text), finite, not below nought.
Amount = Annotated[float, Field(ge=0, allow_inf_nan=False, strict=True)]
# A checklist item's progress. Format 1 also had `concern`, read as `done` with a finding.
Progress = Literal["not_started", "in_progress", "done", "not_applicable"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


class QRef(Model):
    id: Short
    version: Short
    definition: dict[str, Any] | None = None  # checked as `validate` checks a file


class SchoolM(Model):
    name: Name
    urn: Short = ""
    phase: Short = ""
    local_authority: Short = ""


class ReferenceM(Model):
    referent: Short
    practice: Text = ""
    purpose: Text = ""
    school_decides: Text = ""


class TrustM(Model):
    name: Name
    reference_as_of: Day = ""
    reference: list[ReferenceM] = []


class Meta(Model):
    uid: Short | None = None
    label: Short = ""
    assessor: Short = ""
    assessor_role: Short = ""
    perspective: Perspective | None = None
    assessed_on: Day = ""
    status: Status = Status.DRAFT


class DecisionM(Model):
    question: Text = ""
    decide_by: Day = ""
    joining_on: Day = ""
    school_reasons: Text = ""
    trust_reasons: Text = ""
    recommendation: Text = ""
    conditions: list[Text] = []


class AnswerM(Model):
    question: Short
    option: Short | None = None
    note: Text = ""
    evidence: list[Evidence] = []
    flags: list[AnswerFlag] = []


class Confidences(Model):
    purpose: Confidence | None = None
    practice: Confidence | None = None


class RNote(Model):
    referent: Short
    confidence: Confidences | None = None
    note: Text = ""


class StepM(Model):
    purpose: Coord
    practice: Coord
    by: Month = ""
    action: Text = ""
    owner: Short = ""
    tell: Text = ""


class TargetM(Model):
    referent: Short
    purpose: Coord
    practice: Coord
    by: Month = ""
    return_trip: bool = False
    rationale: Text = ""
    status: TargetStatus | None = None  # null or "": not recorded
    agreed_by: Short = ""
    agreed_on: Day = ""
    steps: list[StepM] = []


class CostM(Model):
    amount: Amount | None = None
    basis: CostBasis = CostBasis.UNKNOWN


class FindingM(Model):
    level: FindingLevel = FindingLevel.NONE
    text: Text = ""
    cost: CostM | None = None


class Entry(Model):
    item: Short
    status: Progress = "not_started"
    note: Text = ""
    owner: Short = ""
    due: Day = ""
    finding: FindingM | None = None


class BundleM(Model):
    format: Literal["ddwizard.assessment"]
    format_version: Literal[2]
    written_by: Text = ""  # who exported it; import ignores it
    questionnaire: QRef
    school: SchoolM
    trust: TrustM
    assessment: Meta = Meta()
    decision: DecisionM | None = None
    referents: list[Short] | None = None
    answers: list[AnswerM] = []
    referent_notes: list[RNote] = []
    targets: list[TargetM] = []
    due_diligence: list[Entry] = []

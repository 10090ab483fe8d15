"""Format 1 bundles: their own shape, checked as strictly as ever, then read into format 2
as docs/formats.md states: a single `confidence` applies to both axes; a checklist status
`concern` becomes `done` with a finding of level `concern` whose text is the note (the note
stays: storage's migration m003 reads an older database the same way).
"""

from __future__ import annotations

from typing import Literal

from ddwizard.core.bundle_checks import Day, Month, Name, Short
from ddwizard.core.bundle_models import BundleM, Coord, Evidence, Meta, Model, SchoolM, Text
from ddwizard.core.statuses import Confidence, Status


class _QRef(Model):
    id: Short
    version: Short


class _Reference(Model):
    referent: Short
    practice: Text = ""
    purpose: Text = ""


class _Trust(Model):
    name: Name
    reference: list[_Reference] = []


class _Meta(Model):
    uid: Short | None = None
    label: Short = ""
    assessor: Short = ""
    assessed_on: Day = ""
    status: Status = Status.DRAFT


class _Answer(Model):
    question: Short
    option: Short | None = None
    note: Text = ""
    evidence: list[Evidence] = []


class _RNote(Model):
    referent: Short
    confidence: Confidence | None = None
    note: Text = ""


class _Step(Model):
    purpose: Coord
    practice: Coord
    by: Month = ""
    action: Text = ""


class _Target(Model):
    referent: Short
    purpose: Coord
    practice: Coord
    by: Month = ""
    return_trip: bool = False
    rationale: Text = ""
    steps: list[_Step] = []


class _Entry(Model):
    item: Short
    status: Literal["not_started", "in_progress", "done", "concern", "not_applicable"] = (
        "not_started"
    )
    note: Text = ""
    owner: Short = ""
    due: Day = ""


class Bundle1(Model):
    format: Literal["ddwizard.assessment"]
    format_version: Literal[1]
    written_by: Text = ""  # 0.2.0 wrote it in format 1 bundles too
    questionnaire: _QRef
    school: SchoolM
    trust: _Trust
    assessment: _Meta = _Meta()
    referents: list[Short] | None = None
    answers: list[_Answer] = []
    referent_notes: list[_RNote] = []
    targets: list[_Target] = []
    due_diligence: list[_Entry] = []


def upgrade(b: Bundle1) -> BundleM:
    """A checked format 1 bundle as the format 2 bundle that says the same."""
    data = b.model_dump(mode="json")
    data["format_version"] = 2
    data["assessment"] = Meta(**data["assessment"]).model_dump(mode="json")
    for note in data["referent_notes"]:
        level = note["confidence"]
        note["confidence"] = {"purpose": level, "practice": level}
    data["due_diligence"] = [_entry(e) for e in data["due_diligence"]]
    return BundleM.model_validate(data)


def _entry(e: dict) -> dict:
    if e["status"] != "concern":
        return e
    finding = {"level": "concern", "text": e["note"]}
    return {**e, "status": "done", "finding": finding}  # the note stays, as storage keeps it

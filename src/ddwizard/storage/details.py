"""Autosave for the assessment's own details (label, assessor and role, date, perspective,
status), the school, the trust and its reference, and the decision put to the board. Each
function runs inside the caller's transaction and writes an audit row (what, old, new, at)
for every value it changes; a call that changes nothing writes nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from typing import Any

from ddwizard.core.assessment import Decision, Perspective, School, Status
from ddwizard.core.changes import (
    Change,
    DecisionSet,
    DetailSet,
    ReferenceTaken,
    SchoolSet,
    StatusSet,
    TrustChosen,
    TrustReferenceSet,
    TrustRenamed,
)

from . import assessments, references, rows, trusts
from .rows import dumps
from .unset import UNSET
from .values import decision_json

_COLUMNS = ("label", "assessor", "assessed_on", "status", "assessor_role", "perspective")


def changes(old: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The given values that differ from the old ones (UNSET means not given)."""
    return {k: v for k, v in given.items() if v is not UNSET and v != old[k]}


def record(conn, assessment_id: int, prefix: str, old: dict, new: dict, now: str) -> None:
    for key, value in new.items():
        rows.audit(conn, assessment_id, f"{prefix}{key}", _text(old[key]), _text(value), now)
    rows.touch(conn, assessment_id, now)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, tuple | list):
        return dumps(list(value))
    return dumps(value)


def set_details(conn, assessment_id: int, given: dict, now: str) -> None:
    """Any of `_COLUMNS`, `school` (a School) and `trust_name`."""
    head = rows.require_assessment(conn, assessment_id)
    if given.get("status", UNSET) is not UNSET:
        given["status"] = str(Status(given["status"]))
    perspective = given.get("perspective", UNSET)
    if perspective is not UNSET:  # "" is none recorded
        given["perspective"] = str(Perspective(perspective)) if perspective else None
    old = {k: head[k] for k in _COLUMNS}
    old["school"] = assessments.read_school(conn, head["school"])
    old["trust_name"] = assessments.read_trust(conn, head["trust"]).name
    changed = changes(old, given)
    if not changed:
        return
    values = {k: v for k, v in changed.items() if k not in ("school", "trust_name")}
    if "school" in changed:
        values["school"] = rows.school_id(conn, changed["school"])
    if "trust_name" in changed:
        values["trust"] = rows.trust_id(conn, changed["trust_name"])
    assignments = ", ".join(f"{k} = ?" for k in values)
    conn.execute(
        f"UPDATE assessments SET {assignments} WHERE id = ?", [*values.values(), assessment_id]
    )
    old["school"] = _school_json(old["school"])
    changed = {k: _school_json(v) if k == "school" else v for k, v in changed.items()}
    record(conn, assessment_id, "", old, changed, now)
    if "trust_name" in changed:
        trusts.drop_if_unused(conn, head["trust"])


def _school_json(school: School) -> str:
    return dumps(asdict(school))


def set_decision(conn, assessment_id: int, decision: Decision | None, now: str) -> None:
    old = rows.require_assessment(conn, assessment_id)["decision"]
    new = decision_json(decision)
    if old == new:
        return
    conn.execute("UPDATE assessments SET decision = ? WHERE id = ?", [new, assessment_id])
    rows.audit(conn, assessment_id, "decision", old, new, now)
    rows.touch(conn, assessment_id, now)


def choose_trust(conn, assessment_id: int, change: TrustChosen, now: str) -> None:
    """Another trust by name, with the reference the change brings (that trust's own,
    as of its date) as this assessment's copy."""
    set_details(conn, assessment_id, {"trust_name": change.name}, now)
    references.take(conn, assessment_id, change.reference, change.reference_as_of, now)


def apply(conn: sqlite3.Connection, aid: int, change: Change, now: str) -> None:
    """Store one change to the details, the school, the trust or the decision."""
    match change:
        case DetailSet(field, value):
            set_details(conn, aid, {field: value}, now)
        case StatusSet(status):
            set_details(conn, aid, {"status": status}, now)
        case SchoolSet(school):
            set_details(conn, aid, {"school": school}, now)
        case DecisionSet(decision):
            set_decision(conn, aid, decision, now)
        case TrustChosen():
            choose_trust(conn, aid, change, now)
        case TrustRenamed(name):
            trusts.rename(conn, aid, name, now)
        case TrustReferenceSet(reference):
            references.set_one(conn, aid, reference, now)
        case ReferenceTaken(reference, as_of):
            rows.require_exists(conn, aid)
            references.take(conn, aid, reference, as_of, now)
        case _:
            raise TypeError(f"storage does not apply {type(change).__name__} here")

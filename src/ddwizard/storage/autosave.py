"""Fine-grained changes, as the wizard makes them (there is no Save button).

Each function here runs inside one transaction the caller opens, and writes an audit row
(what, old, new, at) for every value it changes. A call that changes nothing writes nothing.
An answer or referent note emptied of everything is removed rather than kept blank.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, replace
from typing import Any

from ddwizard.core.assessment import (
    ChecklistEntry,
    Confidence,
    ItemStatus,
    School,
    Status,
    Target,
    TrustReference,
)
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AnswerNoted,
    AreasSelected,
    Change,
    ChecklistEntrySet,
    ConfidenceSet,
    DetailSet,
    EvidenceSet,
    ReferentNoted,
    RouteSet,
    SchoolSet,
    StatusSet,
    TargetRemoved,
    TargetSet,
    TrustChosen,
    TrustReferenceSet,
    TrustRenamed,
)

from . import assessments, rows, trusts
from .rows import dicts, dumps
from .unset import UNSET  # noqa: F401 - named here too


@dataclass(frozen=True, slots=True)
class AuditEntry:
    what: str  # e.g. "answer:q_reading.option", "target:reading", "status"
    old: str | None
    new: str | None
    at: str


def _changes(old: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The given values that differ from the old ones (UNSET means not given)."""
    return {k: v for k, v in given.items() if v is not UNSET and v != old[k]}


def _record(conn, assessment_id: int, prefix: str, old: dict, new: dict, now: str) -> None:
    for key, value in new.items():
        rows.audit(conn, assessment_id, f"{prefix}{key}", _text(old[key]), _text(value), now)
    rows.touch(conn, assessment_id, now)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, tuple | list):
        return dumps(list(value))
    return dumps(value)


# --- answers and referent notes ------------------------------------------------------------


def set_answer(
    conn, assessment_id: int, question: str, given: dict, now: str
) -> tuple[str | None, str | None] | None:
    """Returns the option before and after (None when nothing changed)."""
    rows.require_exists(conn, assessment_id)
    if given.get("evidence", UNSET) is not UNSET:
        given["evidence"] = tuple(given["evidence"])
    found = dicts(
        conn,
        "SELECT option, note, evidence FROM answers WHERE assessment = ? AND question = ?",
        [assessment_id, question],
    )
    old = found[0] if found else {"option": None, "note": "", "evidence": "[]"}
    old["evidence"] = tuple(json.loads(old["evidence"]))
    changed = _changes(old, given)
    if not changed:
        return None
    new = old | changed
    if new == {"option": None, "note": "", "evidence": ()}:
        conn.execute(
            "DELETE FROM answers WHERE assessment = ? AND question = ?", [assessment_id, question]
        )
    else:
        _put_answer(conn, assessment_id, question, new, now, exists=bool(found))
    _record(conn, assessment_id, f"answer:{question}.", old, changed, now)
    return old["option"], new["option"]


def _put_answer(
    conn, assessment_id: int, question: str, new: dict, now: str, exists: bool = False
) -> None:
    # A row already there keeps its place: only a new one needs the next position.
    position = 0 if exists else rows.next_position(conn, "answers", assessment_id)
    conn.execute(
        "INSERT INTO answers (assessment, question, option, note, evidence, position, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment, question) DO UPDATE SET "
        "option = excluded.option, note = excluded.note, evidence = excluded.evidence, "
        "updated = excluded.updated",
        [
            assessment_id,
            question,
            new["option"],
            new["note"],
            dumps(list(new["evidence"])),
            position,
            now,
        ],
    )


def set_referent_note(conn, assessment_id: int, referent: str, given: dict, now: str) -> None:
    rows.require_exists(conn, assessment_id)
    if given.get("confidence", UNSET) not in (UNSET, None):
        given["confidence"] = Confidence(given["confidence"])
    found = dicts(
        conn,
        "SELECT confidence, note FROM referent_notes WHERE assessment = ? AND referent = ?",
        [assessment_id, referent],
    )
    old = found[0] if found else {"confidence": None, "note": ""}
    changed = _changes(old, given)
    if not changed:
        return
    new = old | changed
    if new == {"confidence": None, "note": ""}:
        conn.execute(
            "DELETE FROM referent_notes WHERE assessment = ? AND referent = ?",
            [assessment_id, referent],
        )
    else:
        _put_note(conn, assessment_id, referent, new, now)
    _record(conn, assessment_id, f"referent:{referent}.", old, changed, now)


def _put_note(conn, assessment_id: int, referent: str, new: dict, now: str) -> None:
    position = rows.next_position(conn, "referent_notes", assessment_id)
    confidence = None if new["confidence"] is None else str(new["confidence"])
    conn.execute(
        "INSERT INTO referent_notes (assessment, referent, confidence, note, position, updated) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment, referent) DO UPDATE SET "
        "confidence = excluded.confidence, note = excluded.note, updated = excluded.updated",
        [assessment_id, referent, confidence, new["note"], position, now],
    )


def set_selected_referents(conn, assessment_id: int, referents: list[str], now: str) -> None:
    head = rows.require_assessment(conn, assessment_id)
    old, new = head["referents"], dumps(list(referents))
    if old == new:
        return
    conn.execute("UPDATE assessments SET referents = ? WHERE id = ?", [new, assessment_id])
    rows.audit(conn, assessment_id, "referents", old, new, now)
    rows.touch(conn, assessment_id, now)


# --- targets and the checklist -------------------------------------------------------------


def _target_json(target: Target | None) -> str | None:
    if target is None:
        return None
    data = asdict(target)
    del data["referent"]
    return dumps(data)


def set_target(conn, assessment_id: int, target: Target, now: str) -> None:
    rows.require_exists(conn, assessment_id)
    old = _current_target(conn, assessment_id, target.referent)
    if _target_json(old) == _target_json(target):
        return
    position = rows.next_position(conn, "targets", assessment_id)
    t = target
    conn.execute(
        "DELETE FROM steps WHERE assessment = ? AND referent = ?", [assessment_id, t.referent]
    )
    assessments.insert_target(conn, assessment_id, t, position, now)
    what = f"target:{t.referent}"
    rows.audit(conn, assessment_id, what, _target_json(old), _target_json(t), now)
    rows.touch(conn, assessment_id, now)


def delete_target(conn, assessment_id: int, referent: str, now: str) -> None:
    rows.require_exists(conn, assessment_id)
    old = _current_target(conn, assessment_id, referent)
    if old is None:
        return
    conn.execute(
        "DELETE FROM targets WHERE assessment = ? AND referent = ?", [assessment_id, referent]
    )
    rows.audit(conn, assessment_id, f"target:{referent}", _target_json(old), None, now)
    rows.touch(conn, assessment_id, now)


def _current_target(conn, assessment_id: int, referent: str) -> Target | None:
    found = dicts(
        conn,
        "SELECT * FROM targets WHERE assessment = ? AND referent = ?",
        [assessment_id, referent],
    )
    return assessments.read_target(conn, found[0]) if found else None


def set_checklist_entry(conn, assessment_id: int, entry: ChecklistEntry, now: str) -> None:
    rows.require_exists(conn, assessment_id)
    found = dicts(
        conn,
        "SELECT status, note, owner, due FROM checklist_entries WHERE assessment = ? AND item = ?",
        [assessment_id, entry.item],
    )
    old = found[0] if found else {"status": None, "note": "", "owner": "", "due": ""}
    given = {k: getattr(entry, k) for k in old}
    given["status"] = str(ItemStatus(given["status"]))
    changed = _changes(old, given)
    if not changed:
        return
    position = rows.next_position(conn, "checklist_entries", assessment_id)
    conn.execute(
        "INSERT INTO checklist_entries (assessment, item, status, note, owner, due, position, "
        "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment, item) DO UPDATE SET "
        "status = excluded.status, note = excluded.note, owner = excluded.owner, "
        "due = excluded.due, updated = excluded.updated",
        [
            assessment_id,
            entry.item,
            given["status"],
            entry.note,
            entry.owner,
            entry.due,
            position,
            now,
        ],
    )
    _record(conn, assessment_id, f"checklist:{entry.item}.", old, changed, now)


# --- details and the trust's reference ----------------------------------------------------


def set_details(conn, assessment_id: int, given: dict, now: str) -> None:
    head = rows.require_assessment(conn, assessment_id)
    if given.get("status", UNSET) is not UNSET:
        given["status"] = str(Status(given["status"]))
    old = {k: head[k] for k in ("label", "assessor", "assessed_on", "status")}
    old["school"] = assessments.read_school(conn, head["school"])
    old["trust_name"] = assessments.read_trust(conn, head["trust"]).name
    changed = _changes(old, given)
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
    _record(conn, assessment_id, "", old, changed, now)
    if "trust_name" in changed:
        trusts.drop_if_unused(conn, head["trust"])


def _school_json(school: School) -> str:
    return dumps(asdict(school))


def set_trust_reference(conn, trust_name: str, ref: TrustReference, now: str) -> None:
    trust = rows.trust_id(conn, trust_name)
    old = next((r for r in rows.trust_references(conn, trust) if r.referent == ref.referent), None)
    if old == ref:
        return
    rows.put_trust_references(conn, trust, [ref], now)
    what = f"trust_reference:{trust_name}/{ref.referent}"
    rows.audit(conn, None, what, _ref_json(old), _ref_json(ref), now)
    rows.bump_revision(conn)


def _ref_json(ref: TrustReference | None) -> str | None:
    return None if ref is None else dumps({"practice": ref.practice, "purpose": ref.purpose})


def audit_entries(conn: sqlite3.Connection, assessment_id: int) -> list[AuditEntry]:
    rows.require_exists(conn, assessment_id)
    found = conn.execute(
        "SELECT what, old, new, at FROM audit WHERE assessment = ? ORDER BY id", [assessment_id]
    )
    return [AuditEntry(*row) for row in found]


# --- one change, as core describes it ------------------------------------------------------


def apply(conn, assessment_id: int, change: Change, now: str) -> tuple | None:
    """Store one change with its audit rows (inside the caller's transaction). Returns the
    option before and after when an answer's option changed, else None."""
    aid = assessment_id
    match change:
        case AnswerChosen(question, option):
            return set_answer(conn, aid, question, {"option": option}, now)
        case AnswerCleared(question):
            return set_answer(conn, aid, question, {"option": None}, now)
        case AnswerNoted(question, note):
            set_answer(conn, aid, question, {"note": note}, now)
        case EvidenceSet(question, evidence):
            set_answer(conn, aid, question, {"evidence": evidence}, now)
        case ConfidenceSet(referent, confidence):
            set_referent_note(conn, aid, referent, {"confidence": confidence}, now)
        case ReferentNoted(referent, note):
            set_referent_note(conn, aid, referent, {"note": note}, now)
        case TargetSet(target):
            set_target(conn, aid, target, now)
        case TargetRemoved(referent):
            delete_target(conn, aid, referent, now)
        case RouteSet(referent, steps):
            old = _current_target(conn, aid, referent)
            if old is not None:
                set_target(conn, aid, replace(old, steps=steps), now)
        case ChecklistEntrySet(entry):
            set_checklist_entry(conn, aid, entry, now)
        case DetailSet(field, value):
            set_details(conn, aid, {field: value}, now)
        case StatusSet(status):
            set_details(conn, aid, {"status": status}, now)
        case SchoolSet(school):
            set_details(conn, aid, {"school": school}, now)
        case TrustChosen(name):
            set_details(conn, aid, {"trust_name": name}, now)
        case TrustRenamed(name):
            trusts.rename(conn, aid, name, now)
        case TrustReferenceSet(reference):
            trust = rows.require_assessment(conn, aid)["trust"]
            name = assessments.read_trust(conn, trust).name
            set_trust_reference(conn, name, reference, now)
        case AreasSelected(referents):
            set_selected_referents(conn, aid, list(referents), now)
        case _:
            raise TypeError(f"storage does not apply {type(change).__name__} here")
    return None

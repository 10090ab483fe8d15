"""Fine-grained changes, as the wizard makes them (there is no Save button).

Each function here runs inside one transaction the caller opens, and writes an audit row
(what, old, new, at) for every value it changes. A call that changes nothing writes nothing.
An answer or referent note emptied of everything is removed rather than kept blank.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, replace

from ddwizard.core.assessment import Answer, ChecklistEntry, Confidence, ItemStatus, Target
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AnswerFlagsSet,
    AnswerNoted,
    AreasSelected,
    Change,
    ChecklistEntrySet,
    ConfidenceSet,
    ConfidencesSet,
    EvidenceSet,
    ReferentNoted,
    RouteSet,
    TargetRemoved,
    TargetSet,
)

from . import assessments, details, rows, values
from .details import changes as _changes
from .details import record as _record
from .rows import dicts, dumps
from .unset import UNSET  # noqa: F401 - named here too
from .values import flags_json


@dataclass(frozen=True, slots=True)
class AuditEntry:
    what: str  # e.g. "answer:q_reading.option", "target:reading", "status"
    old: str | None
    new: str | None
    at: str


# --- answers and referent notes ------------------------------------------------------------


def set_answer(
    conn, assessment_id: int, question: str, given: dict, now: str
) -> tuple[str | None, str | None] | None:
    """Returns the option before and after (None when nothing changed)."""
    rows.require_exists(conn, assessment_id)
    if given.get("evidence", UNSET) is not UNSET:
        given["evidence"] = tuple(given["evidence"])
    if given.get("flags", UNSET) is not UNSET:
        given["flags"] = Answer(question, flags=given["flags"]).flags
    found = dicts(
        conn,
        "SELECT option, note, evidence, flags FROM answers WHERE assessment = ? AND question = ?",
        [assessment_id, question],
    )
    old = found[0] if found else {"option": None, "note": "", "evidence": "[]", "flags": "[]"}
    old["evidence"] = tuple(json.loads(old["evidence"]))
    old["flags"] = Answer(question, flags=json.loads(old["flags"])).flags
    changed = _changes(old, given)
    if not changed:
        return None
    new = old | changed
    if new == _EMPTY_ANSWER:
        conn.execute(
            "DELETE FROM answers WHERE assessment = ? AND question = ?", [assessment_id, question]
        )
    else:
        _put_answer(conn, assessment_id, question, new, now, exists=bool(found))
    _record(conn, assessment_id, f"answer:{question}.", old, changed, now)
    return old["option"], new["option"]


_EMPTY_ANSWER = {"option": None, "note": "", "evidence": (), "flags": ()}


def _put_answer(
    conn, assessment_id: int, question: str, new: dict, now: str, exists: bool = False
) -> None:
    # A row already there keeps its place: only a new one needs the next position.
    position = 0 if exists else rows.next_position(conn, "answers", assessment_id)
    conn.execute(
        "INSERT INTO answers (assessment, question, option, note, evidence, flags, position, "
        "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment, question) DO UPDATE "
        "SET option = excluded.option, note = excluded.note, evidence = excluded.evidence, "
        "flags = excluded.flags, updated = excluded.updated",
        [
            assessment_id,
            question,
            new["option"],
            new["note"],
            dumps(list(new["evidence"])),
            flags_json(new["flags"]),
            position,
            now,
        ],
    )


_EMPTY_NOTE = {"purpose_confidence": None, "practice_confidence": None, "note": ""}


def set_referent_note(conn, assessment_id: int, referent: str, given: dict, now: str) -> None:
    """`given` holds any of `_EMPTY_NOTE`'s keys (a confidence per axis, and the note)."""
    rows.require_exists(conn, assessment_id)
    for axis in ("purpose_confidence", "practice_confidence"):
        if given.get(axis, UNSET) not in (UNSET, None):
            given[axis] = Confidence(given[axis])
    found = dicts(
        conn,
        "SELECT purpose_confidence, practice_confidence, note FROM referent_notes "
        "WHERE assessment = ? AND referent = ?",
        [assessment_id, referent],
    )
    old = found[0] if found else dict(_EMPTY_NOTE)
    changed = _changes(old, given)
    if not changed:
        return
    new = old | changed
    if new == _EMPTY_NOTE:
        conn.execute(
            "DELETE FROM referent_notes WHERE assessment = ? AND referent = ?",
            [assessment_id, referent],
        )
    else:
        _put_note(conn, assessment_id, referent, new, now)
    _record(conn, assessment_id, f"referent:{referent}.", old, changed, now)


def _put_note(conn, assessment_id: int, referent: str, new: dict, now: str) -> None:
    position = rows.next_position(conn, "referent_notes", assessment_id)
    purpose, practice = (
        None if new[k] is None else str(new[k])
        for k in ("purpose_confidence", "practice_confidence")
    )
    conn.execute(
        "INSERT INTO referent_notes (assessment, referent, purpose_confidence, "
        "practice_confidence, note, position, updated) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (assessment, referent) DO UPDATE SET "
        "purpose_confidence = excluded.purpose_confidence, "
        "practice_confidence = excluded.practice_confidence, note = excluded.note, "
        "updated = excluded.updated",
        [assessment_id, referent, purpose, practice, new["note"], position, now],
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
    """An item's status, note, owner, date and finding (one audit row for each that changed;
    the finding's as one JSON value)."""
    rows.require_exists(conn, assessment_id)
    found = dicts(
        conn,
        "SELECT status, note, owner, due, finding_level, finding_text, cost_amount, cost_basis "
        "FROM checklist_entries WHERE assessment = ? AND item = ?",
        [assessment_id, entry.item],
    )
    old = {"status": None, "note": "", "owner": "", "due": "", "finding": None}
    if found:
        row = found[0]
        finding = values.read_finding(*(row.pop(k) for k in _FINDING_COLUMNS))
        old = row | {"finding": values.finding_json(finding)}
    given = {k: getattr(entry, k) for k in ("status", "note", "owner", "due")}
    given["status"] = str(ItemStatus(given["status"]))
    given["finding"] = values.finding_json(entry.finding)
    changed = _changes(old, given)
    if not changed:
        return
    position = rows.next_position(conn, "checklist_entries", assessment_id)
    conn.execute(
        "INSERT INTO checklist_entries (assessment, item, status, note, owner, due, "
        "finding_level, finding_text, cost_amount, cost_basis, position, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment, item) DO UPDATE "
        "SET status = excluded.status, note = excluded.note, owner = excluded.owner, "
        "due = excluded.due, finding_level = excluded.finding_level, "
        "finding_text = excluded.finding_text, cost_amount = excluded.cost_amount, "
        "cost_basis = excluded.cost_basis, updated = excluded.updated",
        [
            assessment_id,
            entry.item,
            given["status"],
            entry.note,
            entry.owner,
            entry.due,
            *values.finding_values(entry.finding),
            position,
            now,
        ],
    )
    _record(conn, assessment_id, f"checklist:{entry.item}.", old, changed, now)


_FINDING_COLUMNS = ("finding_level", "finding_text", "cost_amount", "cost_basis")


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
        case AnswerFlagsSet(question, flags):
            set_answer(conn, aid, question, {"flags": flags}, now)
        case ConfidenceSet(referent, confidence, axis):
            axes = [axis] if axis else ["purpose", "practice"]
            given = {f"{a}_confidence": confidence for a in axes}
            set_referent_note(conn, aid, referent, given, now)
        case ConfidencesSet(referent, purpose, practice):
            given = {"purpose_confidence": purpose, "practice_confidence": practice}
            set_referent_note(conn, aid, referent, given, now)
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
        case AreasSelected(referents):
            set_selected_referents(conn, aid, list(referents), now)
        case _:
            details.apply(conn, aid, change, now)
    return None

"""Writing and reading whole assessments.

Order: answers, referent notes, targets (and their steps) and checklist entries come back in
the order they were given (a `position` column), so `load(create(a)) == a`. Rows added
later by the autosave calls go after the others.
"""

from __future__ import annotations

import json
import sqlite3

from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    ItemStatus,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
    Trust,
)

from . import references, rows
from .rows import dicts, dumps
from .values import decision_json, finding_values, flags_json, read_decision, read_finding

# --- writing ------------------------------------------------------------------------------


def insert(conn: sqlite3.Connection, a: Assessment, questionnaire_row: int, now: str) -> int:
    """Insert the assessment and everything it holds. The caller provides the transaction."""
    cursor = conn.execute(
        f"INSERT INTO assessments (uid, {', '.join(_HEADER)}, created, updated) "
        f"VALUES ({', '.join('?' * (len(_HEADER) + 3))})",
        [a.uid, *_header_values(conn, a, questionnaire_row, now), now, now],
    )
    assessment_id = cursor.lastrowid
    assert assessment_id is not None
    references.start_copy(conn, assessment_id, a.trust, now)
    insert_children(conn, assessment_id, a, now)
    rows.audit(conn, assessment_id, "assessment", None, "created", now)
    rows.bump_revision(conn)
    return assessment_id


def replace(
    conn: sqlite3.Connection, assessment_id: int, a: Assessment, questionnaire_row: int, now: str
) -> None:
    """Replace everything the assessment holds; its id and creation time stay."""
    assignments = ", ".join(f"{column} = ?" for column in ("uid", *_HEADER, "updated"))
    conn.execute(
        f"UPDATE assessments SET {assignments} WHERE id = ?",
        [a.uid, *_header_values(conn, a, questionnaire_row, now), now, assessment_id],
    )
    for table in rows.ORDERED_CHILDREN:  # steps go with their targets (ON DELETE CASCADE)
        conn.execute(f"DELETE FROM {table} WHERE assessment = ?", [assessment_id])
    references.start_copy(conn, assessment_id, a.trust, now)
    insert_children(conn, assessment_id, a, now)
    rows.audit(conn, assessment_id, "assessment", None, "replaced", now)
    rows.bump_revision(conn)


_HEADER = (
    "school",
    "trust",
    "questionnaire",
    "label",
    "assessor",
    "assessed_on",
    "status",
    "referents",
    "assessor_role",
    "perspective",
    "decision",
)


def _header_values(conn: sqlite3.Connection, a: Assessment, qrow: int, now: str) -> list:
    """The values of the `_HEADER` columns."""
    return [
        rows.school_id(conn, a.school),
        rows.trust_id(conn, a.trust.name),
        qrow,
        a.label,
        a.assessor,
        a.assessed_on,
        str(a.status),
        dumps(list(a.referents)),
        a.assessor_role,
        None if a.perspective is None else str(a.perspective),
        decision_json(a.decision),
    ]


def insert_children(conn: sqlite3.Connection, assessment_id: int, a: Assessment, now: str):
    for position, answer in enumerate(a.answers):
        insert_answer(conn, assessment_id, answer, position, now)
    for position, note in enumerate(a.referent_notes):
        insert_note(conn, assessment_id, note, position, now)
    for position, target in enumerate(a.targets):
        insert_target(conn, assessment_id, target, position, now)
    for position, entry in enumerate(a.due_diligence):
        insert_entry(conn, assessment_id, entry, position, now)


def insert_answer(conn, assessment_id: int, answer: Answer, position: int, now: str) -> None:
    conn.execute(
        "INSERT INTO answers (assessment, question, option, note, evidence, flags, position, "
        "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            assessment_id,
            answer.question,
            answer.option,
            answer.note,
            dumps(list(answer.evidence)),
            flags_json(answer.flags),
            position,
            now,
        ],
    )


def insert_note(conn, assessment_id: int, note: ReferentNote, position: int, now: str) -> None:
    purpose, practice = (None if c is None else str(c) for c in _confidences(note))
    conn.execute(
        "INSERT INTO referent_notes (assessment, referent, purpose_confidence, "
        "practice_confidence, note, position, updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [assessment_id, note.referent, purpose, practice, note.note, position, now],
    )


def _confidences(note: ReferentNote) -> tuple:
    return note.purpose_confidence, note.practice_confidence


def insert_target(conn, assessment_id: int, t: Target, position: int, now: str) -> None:
    """Add an area's target with its steps, or update one already there (which keeps its
    place; its old steps must be gone first)."""
    conn.execute(
        "INSERT INTO targets (assessment, referent, purpose, practice, by_when, return_trip, "
        "rationale, status, agreed_by, agreed_on, position, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (assessment, referent) DO UPDATE SET purpose = excluded.purpose, "
        "practice = excluded.practice, by_when = excluded.by_when, "
        "return_trip = excluded.return_trip, rationale = excluded.rationale, "
        "status = excluded.status, agreed_by = excluded.agreed_by, "
        "agreed_on = excluded.agreed_on, updated = excluded.updated",
        [
            assessment_id,
            t.referent,
            t.purpose,
            t.practice,
            t.by,
            int(t.return_trip),
            t.rationale,
            str(t.status),
            t.agreed_by,
            t.agreed_on,
            position,
            now,
        ],
    )
    insert_steps(conn, assessment_id, t)


def insert_steps(conn, assessment_id: int, t: Target) -> None:
    conn.executemany(
        "INSERT INTO steps (assessment, referent, position, purpose, practice, by_when, action, "
        "owner, tell) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [assessment_id, t.referent, i, s.purpose, s.practice, s.by, s.action, s.owner, s.tell]
            for i, s in enumerate(t.steps)
        ],
    )


def insert_entry(conn, assessment_id: int, e: ChecklistEntry, position: int, now: str) -> None:
    conn.execute(
        "INSERT INTO checklist_entries (assessment, item, status, note, owner, due, "
        "finding_level, finding_text, cost_amount, cost_basis, position, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            assessment_id,
            e.item,
            str(e.status),
            e.note,
            e.owner,
            e.due,
            *finding_values(e.finding),
            position,
            now,
        ],
    )


# --- reading ------------------------------------------------------------------------------


def read(conn: sqlite3.Connection, assessment_id: int) -> Assessment:
    head = rows.require_assessment(conn, assessment_id)
    q = conn.execute(
        "SELECT qid, version FROM questionnaires WHERE id = ?", [head["questionnaire"]]
    ).fetchone()
    return Assessment(
        uid=head["uid"],
        school=read_school(conn, head["school"]),
        trust=references.read_trust(conn, head),
        questionnaire_id=q[0],
        questionnaire_version=q[1],
        label=head["label"],
        assessor=head["assessor"],
        assessed_on=head["assessed_on"],
        status=Status(head["status"]),
        assessor_role=head["assessor_role"],
        perspective=head["perspective"],
        decision=read_decision(head["decision"]),
        referents=tuple(json.loads(head["referents"])),
        answers=read_answers(conn, assessment_id),
        referent_notes=read_notes(conn, assessment_id),
        targets=read_targets(conn, assessment_id),
        due_diligence=read_entries(conn, assessment_id),
    )


def read_school(conn: sqlite3.Connection, school: int) -> School:
    row = conn.execute(
        "SELECT name, urn, phase, local_authority FROM schools WHERE id = ?", [school]
    ).fetchone()
    return School(*row)


def read_trust(conn: sqlite3.Connection, trust: int) -> Trust:
    """The trust by name with its current reference (not an assessment's copy of it)."""
    name = conn.execute("SELECT name FROM trusts WHERE id = ?", [trust]).fetchone()[0]
    return Trust(name, rows.trust_references(conn, trust))


def read_answers(conn: sqlite3.Connection, assessment_id: int) -> tuple[Answer, ...]:
    found = conn.execute(
        "SELECT question, option, note, evidence, flags FROM answers WHERE assessment = ? "
        "ORDER BY position",
        [assessment_id],
    )
    return tuple(
        Answer(q, o, n, tuple(json.loads(e)), tuple(json.loads(f))) for q, o, n, e, f in found
    )


def read_notes(conn: sqlite3.Connection, assessment_id: int) -> tuple[ReferentNote, ...]:
    found = conn.execute(
        "SELECT referent, purpose_confidence, practice_confidence, note FROM referent_notes "
        "WHERE assessment = ? ORDER BY position",
        [assessment_id],
    )
    return tuple(ReferentNote(*row) for row in found)


def read_targets(conn: sqlite3.Connection, assessment_id: int) -> tuple[Target, ...]:
    found = dicts(
        conn, "SELECT * FROM targets WHERE assessment = ? ORDER BY position", [assessment_id]
    )
    return tuple(read_target(conn, row) for row in found)


def read_target(conn: sqlite3.Connection, row: dict) -> Target:
    steps = conn.execute(
        "SELECT purpose, practice, by_when, action, owner, tell FROM steps "
        "WHERE assessment = ? AND referent = ? ORDER BY position",
        [row["assessment"], row["referent"]],
    )
    return Target(
        referent=row["referent"],
        purpose=row["purpose"],
        practice=row["practice"],
        by=row["by_when"],
        return_trip=bool(row["return_trip"]),
        rationale=row["rationale"],
        steps=tuple(Step(*s) for s in steps),
        status=row["status"],
        agreed_by=row["agreed_by"],
        agreed_on=row["agreed_on"],
    )


def read_entries(conn: sqlite3.Connection, assessment_id: int) -> tuple[ChecklistEntry, ...]:
    found = conn.execute(
        "SELECT item, status, note, owner, due, finding_level, finding_text, cost_amount, "
        "cost_basis FROM checklist_entries WHERE assessment = ? ORDER BY position",
        [assessment_id],
    )
    return tuple(
        ChecklistEntry(i, ItemStatus(s), n, o, d, read_finding(*finding))
        for i, s, n, o, d, *finding in found
    )

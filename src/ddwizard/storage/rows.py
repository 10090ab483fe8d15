"""Small row-level helpers shared by the whole-assessment and the autosave code."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import NotFound

if TYPE_CHECKING:
    from ddwizard.core.assessment import School, TrustReference

# Tables whose rows belong to one assessment and keep the order they were given in.
ORDERED_CHILDREN = ("answers", "referent_notes", "targets", "checklist_entries")


def nfc(text: str) -> str:
    import unicodedata  # loaded with the first school or trust written

    return unicodedata.normalize("NFC", text)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def next_position(conn: sqlite3.Connection, table: str, assessment_id: int) -> int:
    """Where a new row goes: after the others, so insertion order is kept."""
    row = conn.execute(
        f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE assessment = ?",
        [assessment_id],
    ).fetchone()
    return row[0]


def dicts(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict]:
    cursor = conn.execute(sql, list(params))
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor]


def require_assessment(conn: sqlite3.Connection, assessment_id: int) -> dict:
    rows = dicts(conn, "SELECT * FROM assessments WHERE id = ?", [assessment_id])
    if not rows:
        raise NotFound(f"There is no assessment number {assessment_id} in this database.")
    return rows[0]


def require_exists(conn: sqlite3.Connection, assessment_id: int) -> None:
    """As `require_assessment`, for a caller that needs no column of the row."""
    if conn.execute("SELECT 1 FROM assessments WHERE id = ?", [assessment_id]).fetchone() is None:
        raise NotFound(f"There is no assessment number {assessment_id} in this database.")


def school_id(conn: sqlite3.Connection, school: School) -> int:
    """The row for this school. Name and URN identify it; phase and LA take the latest.
    Names are matched and stored as NFC: two spellings that look the same are one school."""
    school = school.__class__(nfc(school.name), school.urn, school.phase, school.local_authority)
    conn.execute(
        "INSERT INTO schools (name, urn, phase, local_authority) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name, urn) DO UPDATE SET phase = excluded.phase, "
        "local_authority = excluded.local_authority",
        [school.name, school.urn, school.phase, school.local_authority],
    )
    return conn.execute(
        "SELECT id FROM schools WHERE name = ? AND urn = ?", [school.name, school.urn]
    ).fetchone()[0]


def trust_id(conn: sqlite3.Connection, name: str) -> int:
    name = nfc(name)  # as schools' names
    conn.execute("INSERT OR IGNORE INTO trusts (name) VALUES (?)", [name])
    return conn.execute("SELECT id FROM trusts WHERE name = ?", [name]).fetchone()[0]


def put_trust_references(
    conn: sqlite3.Connection, trust: int, refs: Iterable[TrustReference], now: str
) -> None:
    """Add or update the trust's account of each referent; others it has are kept."""
    for ref in refs:
        position = conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM trust_references WHERE trust = ?",
            [trust],
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO trust_references (trust, referent, practice, purpose, school_decides, "
            "position, updated) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trust, referent) "
            "DO UPDATE SET practice = excluded.practice, purpose = excluded.purpose, "
            "school_decides = excluded.school_decides, updated = excluded.updated",
            [trust, ref.referent, ref.practice, ref.purpose, ref.school_decides, position, now],
        )


def trust_references(conn: sqlite3.Connection, trust: int) -> tuple[TrustReference, ...]:
    """The trust's current reference (each assessment keeps its own copy: `references`)."""
    rows = conn.execute(
        "SELECT referent, practice, purpose, school_decides FROM trust_references "
        "WHERE trust = ? ORDER BY position",
        [trust],
    ).fetchall()
    from ddwizard.core.assessment import TrustReference

    return tuple(TrustReference(*row) for row in rows)


def audit(
    conn: sqlite3.Connection,
    assessment_id: int | None,
    what: str,
    old: str | None,
    new: str | None,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO audit (assessment, what, old, new, at) VALUES (?, ?, ?, ?, ?)",
        [assessment_id, what, old, new, now],
    )


def touch(conn: sqlite3.Connection, assessment_id: int, now: str) -> None:
    """Mark the assessment as changed now, and the database as changed since its backup."""
    conn.execute("UPDATE assessments SET updated = ? WHERE id = ?", [now, assessment_id])
    bump_revision(conn)


def bump_revision(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def replaced_mark(conn: sqlite3.Connection, assessment_id: int) -> str:
    """Changes each time the assessment is replaced as a whole (kept in `meta`)."""
    return get_meta(conn, f"replaced.{assessment_id}") or "0"


def mark_replaced(conn: sqlite3.Connection, assessment_id: int) -> None:
    set_meta(conn, f"replaced.{assessment_id}", str(int(replaced_mark(conn, assessment_id)) + 1))

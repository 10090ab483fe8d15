"""Trusts as rows of their own: renaming one (every assessment against it follows), and
letting go of a trust nothing refers to any more, so no empty trust is left behind."""

from __future__ import annotations

import sqlite3

from . import rows
from .errors import StorageError


class TrustNameTaken(StorageError):
    """A rename to the name of another trust already in the database."""


def rename(conn: sqlite3.Connection, assessment_id: int, name: str, now: str) -> None:
    """Rename the trust of an assessment, for every assessment against it. Each of them
    records the rename in its history."""
    trust = rows.require_assessment(conn, assessment_id)["trust"]
    old = conn.execute("SELECT name FROM trusts WHERE id = ?", [trust]).fetchone()[0]
    if old == name:
        return
    taken = conn.execute("SELECT 1 FROM trusts WHERE name = ? AND id != ?", [name, trust])
    if taken.fetchone():
        raise TrustNameTaken(
            f"A trust called “{name}” is already here. To look at this school against it, "
            "choose it in the Trust field; renaming would make two trusts one."
        )
    conn.execute("UPDATE trusts SET name = ? WHERE id = ?", [name, trust])
    for (other,) in conn.execute("SELECT id FROM assessments WHERE trust = ?", [trust]).fetchall():
        rows.audit(conn, other, "trust_name", old, name, now)
        rows.touch(conn, other, now)


def assessments_of(conn: sqlite3.Connection, name: str) -> int:
    """How many assessments are made against the trust of this name."""
    found = conn.execute(
        "SELECT count(*) FROM assessments JOIN trusts ON trusts.id = assessments.trust "
        "WHERE trusts.name = ?",
        [name],
    )
    return found.fetchone()[0]


def drop_if_unused(conn: sqlite3.Connection, trust: int) -> None:
    """Remove a trust no assessment is made against and whose reference says nothing (a
    reference someone wrote is kept, with its trust, to be chosen again)."""
    used = conn.execute("SELECT 1 FROM assessments WHERE trust = ? LIMIT 1", [trust]).fetchone()
    written = conn.execute(
        "SELECT 1 FROM trust_references WHERE trust = ? "
        "AND (practice != '' OR purpose != '' OR school_decides != '') LIMIT 1",
        [trust],
    ).fetchone()
    if used or written:
        return
    conn.execute("DELETE FROM trust_references WHERE trust = ?", [trust])
    conn.execute("DELETE FROM trusts WHERE id = ?", [trust])

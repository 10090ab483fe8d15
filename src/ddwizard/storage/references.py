"""The trust's reference, twice: the trust's current account of each referent
(`trust_references`, shared by its assessments), and each assessment's own copy as it stood
when it was made (`assessment_references`, dated by `assessments.reference_as_of`). A trust
that later changes its account does not move earlier assessments; the app offers the
current one (`newer`) and `take` puts it in place of the copy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ddwizard.core.assessment import Trust, TrustReference

from . import rows
from .rows import dumps


def _day(now: str) -> str:
    return now[:10]


def current(conn: sqlite3.Connection, trust: int) -> tuple[tuple[TrustReference, ...], str]:
    """The trust's current reference, and the day it last changed ("" when it has none)."""
    refs = rows.trust_references(conn, trust)
    last = conn.execute("SELECT max(updated) FROM trust_references WHERE trust = ?", [trust])
    when = last.fetchone()[0]
    return refs, _day(when) if refs and when else ""


def current_by_name(conn: sqlite3.Connection, name: str) -> tuple[tuple[TrustReference, ...], str]:
    found = conn.execute("SELECT id FROM trusts WHERE name = ?", [rows.nfc(name)]).fetchone()
    return current(conn, found[0]) if found else ((), "")


def copy_of(conn: sqlite3.Connection, assessment_id: int) -> tuple[TrustReference, ...]:
    found = conn.execute(
        "SELECT referent, practice, purpose, school_decides FROM assessment_references "
        "WHERE assessment = ? ORDER BY position",
        [assessment_id],
    )
    return tuple(TrustReference(*row) for row in found)


def read_trust(conn: sqlite3.Connection, head: dict) -> Trust:
    """An assessment's trust (`head` is its row): the name, and its copy of the reference."""
    name = conn.execute("SELECT name FROM trusts WHERE id = ?", [head["trust"]]).fetchone()[0]
    return Trust(name, copy_of(conn, head["id"]), head["reference_as_of"])


def start_copy(conn: sqlite3.Connection, assessment_id: int, trust: Trust, now: str) -> None:
    """A new (or wholly replaced) assessment's copy: the reference it comes with, which the
    trust's current one takes where that says less or is older; with none, the trust's
    current reference as of today."""
    trust_row = rows.trust_id(conn, trust.name)
    refs, as_of = trust.reference, trust.reference_as_of
    if refs or as_of:
        _offer_to_trust(conn, trust_row, refs, as_of, now)
    else:
        refs, as_of = rows.trust_references(conn, trust_row), ""
        as_of = _day(now) if refs else ""
    put_copy(conn, assessment_id, refs, as_of)


def _offer_to_trust(
    conn: sqlite3.Connection, trust: int, refs: Iterable[TrustReference], as_of: str, now: str
) -> None:
    """The trust's current account of a referent follows a copy that is newer than it, or
    that says something where it says nothing (an import must not turn the trust's
    account back to an older one)."""
    for ref in refs:
        found = conn.execute(
            "SELECT practice, purpose, school_decides, updated FROM trust_references "
            "WHERE trust = ? AND referent = ?",
            [trust, ref.referent],
        ).fetchone()
        blank = found is None or not any(found[:3])
        if blank or (as_of and as_of > _day(found[3])):
            rows.put_trust_references(conn, trust, [ref], now)


def put_copy(
    conn: sqlite3.Connection, assessment_id: int, refs: Iterable[TrustReference], as_of: str
) -> None:
    """Replace an assessment's copy of the reference, and its date."""
    conn.execute("DELETE FROM assessment_references WHERE assessment = ?", [assessment_id])
    conn.executemany(
        "INSERT INTO assessment_references (assessment, referent, practice, purpose, "
        "school_decides, position) VALUES (?, ?, ?, ?, ?, ?)",
        [
            [assessment_id, r.referent, r.practice, r.purpose, r.school_decides, i]
            for i, r in enumerate(refs)
        ],
    )
    conn.execute("UPDATE assessments SET reference_as_of = ? WHERE id = ?", [as_of, assessment_id])


def take(
    conn: sqlite3.Connection,
    assessment_id: int,
    refs: tuple[TrustReference, ...],
    as_of: str,
    now: str,
) -> bool:
    """Put `refs` (as of `as_of`) in place of the assessment's copy, with audit rows for
    the date and each referent that changed. Returns whether anything did."""
    old_refs = copy_of(conn, assessment_id)
    old_as_of = conn.execute(
        "SELECT reference_as_of FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()[0]
    if (old_refs, old_as_of) == (tuple(refs), as_of):
        return False
    put_copy(conn, assessment_id, refs, as_of)
    if old_as_of != as_of:
        rows.audit(conn, assessment_id, "reference_as_of", old_as_of, as_of, now)
    before = {r.referent: r for r in old_refs}
    after = {r.referent: r for r in refs}
    for rid in dict.fromkeys([*before, *after]):
        if before.get(rid) != after.get(rid):
            old, new = ref_json(before.get(rid)), ref_json(after.get(rid))
            rows.audit(conn, assessment_id, f"reference:{rid}", old, new, now)
    rows.touch(conn, assessment_id, now)
    return True


def set_one(conn: sqlite3.Connection, assessment_id: int, ref: TrustReference, now: str) -> None:
    """One referent of the reference, written by hand: into this assessment's copy and the
    trust's current account (which later assessments against the trust start from)."""
    head = rows.require_assessment(conn, assessment_id)
    copy = copy_of(conn, assessment_id)
    old = next((r for r in copy if r.referent == ref.referent), None)
    if old != ref:
        position = next((i for i, r in enumerate(copy) if r.referent == ref.referent), len(copy))
        conn.execute(
            "INSERT INTO assessment_references (assessment, referent, practice, purpose, "
            "school_decides, position) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
            "(assessment, referent) DO UPDATE SET practice = excluded.practice, "
            "purpose = excluded.purpose, school_decides = excluded.school_decides",
            [assessment_id, ref.referent, ref.practice, ref.purpose, ref.school_decides, position],
        )
        what = f"reference:{ref.referent}"
        rows.audit(conn, assessment_id, what, ref_json(old), ref_json(ref), now)
        rows.touch(conn, assessment_id, now)
    _set_trusts(conn, head["trust"], ref, now)


def _set_trusts(conn: sqlite3.Connection, trust: int, ref: TrustReference, now: str) -> None:
    old = next((r for r in rows.trust_references(conn, trust) if r.referent == ref.referent), None)
    if old == ref:
        return
    rows.put_trust_references(conn, trust, [ref], now)
    name = conn.execute("SELECT name FROM trusts WHERE id = ?", [trust]).fetchone()[0]
    rows.audit(
        conn, None, f"trust_reference:{name}/{ref.referent}", ref_json(old), ref_json(ref), now
    )
    rows.bump_revision(conn)


def newer(
    conn: sqlite3.Connection, assessment_id: int
) -> tuple[tuple[TrustReference, ...], str] | None:
    """The trust's current reference and its date, when it says something other than the
    assessment's copy (referents that say nothing left aside); None when they agree."""
    head = rows.require_assessment(conn, assessment_id)
    refs, as_of = current(conn, head["trust"])
    if _said(refs) == _said(copy_of(conn, assessment_id)):
        return None
    return refs, as_of


def _said(refs: Iterable[TrustReference]) -> dict[str, TrustReference]:
    return {r.referent: r for r in refs if r != TrustReference(r.referent)}


def ref_json(ref: TrustReference | None) -> str | None:
    if ref is None:
        return None
    fields = {"practice": ref.practice, "purpose": ref.purpose}
    if ref.school_decides:
        fields["school_decides"] = ref.school_decides
    return dumps(fields)

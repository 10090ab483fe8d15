"""Many assessments at once, as far as a comparison reads them.

A comparison places every assessment and names it: it needs the school, the trust, the
label, assessor (and role), perspective and date, the decision (a portfolio sets joining
schools apart by its joining date), the selected areas, each chosen option,
each area's confidence on each axis, and each area's target (a portfolio counts the schools
far from theirs), not the notes, routes or checklist. Reading just those for all the
assessments in a few queries keeps comparing a trust's hundred schools close to the cost of
comparing two (the benchmark row `compare`)."""

from __future__ import annotations

import json

from ddwizard.core.assessment import Answer, Assessment, ReferentNote, School, Target, Trust
from ddwizard.core.statuses import Status
from ddwizard.storage.errors import NotFound, translated
from ddwizard.storage.values import read_decision

HEADS = (
    "SELECT a.id, a.uid, a.label, a.assessor, a.assessed_on, a.status, a.referents, "
    "a.assessor_role, a.perspective, a.decision, "
    "s.name, s.urn, s.phase, s.local_authority, t.name, q.qid, q.version "
    "FROM assessments a JOIN schools s ON s.id = a.school JOIN trusts t ON t.id = a.trust "
    "JOIN questionnaires q ON q.id = a.questionnaire WHERE a.id IN ({})"
)


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def load_for_comparison(db, ids: list[int]):
    """[(id, assessment, questionnaire)] in the order of `ids`; the assessments hold what a
    comparison reads (answers without their notes; targets without their steps; no
    checklist)."""
    with translated(db.path):
        conn = db.conn
        heads = {row[0]: row for row in conn.execute(HEADS.format(_marks(ids)), ids)}
        missing = [i for i in ids if i not in heads]
        if missing:
            raise NotFound(f"There is no assessment number {missing[0]} in this database.")
        answers: dict[int, list[Answer]] = {i: [] for i in ids}
        found = conn.execute(
            f"SELECT assessment, question, option FROM answers WHERE assessment IN "
            f"({_marks(ids)}) ORDER BY assessment, position",
            ids,
        )
        for aid, question, option in found:
            answers[aid].append(Answer(question, option))
        notes: dict[int, list[ReferentNote]] = {i: [] for i in ids}
        found = conn.execute(
            f"SELECT assessment, referent, purpose_confidence, practice_confidence "
            f"FROM referent_notes WHERE assessment IN ({_marks(ids)}) "
            f"ORDER BY assessment, position",
            ids,
        )
        for aid, referent, purpose, practice in found:
            notes[aid].append(ReferentNote(referent, purpose, practice))
        targets = _targets(conn, ids)
    out = []
    for i in ids:
        _, uid, label, assessor, on, status, referents, role, perspective, decision, *rest = heads[
            i
        ]
        *school, trust, qid, version = rest
        a = Assessment(
            uid,
            School(*school),
            Trust(trust),
            qid,
            version,
            label=label,
            assessor=assessor,
            assessed_on=on,
            status=Status(status),
            assessor_role=role,
            perspective=perspective,
            decision=read_decision(decision),
            referents=tuple(json.loads(referents)),
            answers=tuple(answers[i]),
            referent_notes=tuple(notes[i]),
            targets=tuple(targets[i]),
        )
        out.append((i, a, db.get_questionnaire(qid, version)))
    return out


def _targets(conn, ids: list[int]) -> dict[int, list[Target]]:
    """Each assessment's targets, without the steps of their routes."""
    out: dict[int, list[Target]] = {i: [] for i in ids}
    found = conn.execute(
        f"SELECT assessment, referent, purpose, practice, by_when FROM targets "
        f"WHERE assessment IN ({_marks(ids)}) ORDER BY assessment, position",
        ids,
    )
    for aid, referent, purpose, practice, by in found:
        out[aid].append(Target(referent, purpose, practice, by))
    return out

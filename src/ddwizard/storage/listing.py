"""Summaries of assessments for lists and comparisons, without loading each one whole."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ddwizard.core.assessment import Status
from ddwizard.core.questionnaire import Questionnaire

from .rows import dicts


@dataclass(frozen=True, slots=True)
class AssessmentInfo:
    id: int
    uid: str
    school: str
    trust: str
    label: str
    assessor: str
    assessed_on: str
    status: Status
    created: str
    updated: str
    answered: int  # questions with a chosen option, over the selected referents
    questions: int  # questions in the selected referents
    questionnaire_id: str = ""
    questionnaire_version: str = ""


_SUMMARY = """
SELECT a.id, a.uid, s.name AS school, t.name AS trust, a.label, a.assessor, a.assessed_on,
       a.status, a.created, a.updated, a.referents, a.questionnaire, a.answered,
       q.qid AS questionnaire_id, q.version AS questionnaire_version,
       a.school AS school_row, a.trust AS trust_row
FROM assessments a
JOIN schools s ON s.id = a.school
JOIN trusts t ON t.id = a.trust
JOIN questionnaires q ON q.id = a.questionnaire
"""

Loader = Callable[[int], Questionnaire]


def summaries(conn: sqlite3.Connection, load: Loader, where: str = "", params=()) -> list[dict]:
    """Summary rows, newest change first, with `answered` and `questions` filled in."""
    found = dicts(conn, f"{_SUMMARY} {where} ORDER BY a.updated DESC, a.id DESC", params)
    uncounted = [row["id"] for row in found if row["answered"] is None]
    answered = _answered_questions(conn, uncounted)
    for row in found:
        counted = _selected_questions(load(row["questionnaire"]), row["referents"])
        row["questions"] = len(counted)
        if row["answered"] is None:
            row["answered"] = sum(1 for q in answered.get(row["id"], ()) if q in counted)
    return found


def store_progress(conn: sqlite3.Connection, load: Loader, assessment_id: int) -> None:
    """Recount one assessment's answered questions (inside the caller's transaction)."""
    head = conn.execute(
        "SELECT questionnaire, referents FROM assessments WHERE id = ?", [assessment_id]
    ).fetchone()
    if head is None:
        return
    counted = _selected_questions(load(head[0]), head[1])
    chosen = _answered_questions(conn, [assessment_id]).get(assessment_id, ())
    answered = sum(1 for q in chosen if q in counted)
    conn.execute("UPDATE assessments SET answered = ? WHERE id = ?", [answered, assessment_id])


def info(row: dict) -> AssessmentInfo:
    return AssessmentInfo(
        id=row["id"],
        uid=row["uid"],
        school=row["school"],
        trust=row["trust"],
        label=row["label"],
        assessor=row["assessor"],
        assessed_on=row["assessed_on"],
        status=Status(row["status"]),
        created=row["created"],
        updated=row["updated"],
        answered=row["answered"],
        questions=row["questions"],
        questionnaire_id=row["questionnaire_id"],
        questionnaire_version=row["questionnaire_version"],
    )


def list_all(conn: sqlite3.Connection, load: Loader) -> list[AssessmentInfo]:
    return [info(row) for row in summaries(conn, load)]


def previous(conn: sqlite3.Connection, load: Loader, assessment_id: int) -> list[AssessmentInfo]:
    """Earlier assessments of the same school against the same trust, newest first.

    "Earlier" goes by the date assessed (the creation date when none was given), then by
    creation time.
    """
    found = summaries(
        conn,
        load,
        "WHERE (a.school, a.trust) = (SELECT school, trust FROM assessments WHERE id = ?)",
        [assessment_id],
    )
    this = next((row for row in found if row["id"] == assessment_id), None)
    if this is None:
        return []
    earlier = [row for row in found if _when(row) < _when(this)]
    return [info(row) for row in sorted(earlier, key=_when, reverse=True)]


def _when(row: dict) -> tuple[str, str, int]:
    return (row["assessed_on"] or row["created"][:10], row["created"], row["id"])


def _answered_questions(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found: dict[int, list[str]] = {}
    for assessment, question in conn.execute(
        f"SELECT assessment, question FROM answers "
        f"WHERE option IS NOT NULL AND assessment IN ({marks})",
        ids,
    ):
        found.setdefault(assessment, []).append(question)
    return found


def _selected_questions(q: Questionnaire, selected_json: str) -> frozenset[str]:
    """The questions counted for a selection (JSON list of referent ids; [] is all)."""
    key = (id(q), selected_json)
    found = _COUNTED.get(key)
    if found is None or found[0] is not q:  # keyed by identity: hashing q would cost more
        if len(_COUNTED) > 64:
            _COUNTED.clear()
        found = _COUNTED[key] = (q, _counted(q, selected_json))
    return found[1]


_COUNTED: dict[tuple[int, str], tuple[Questionnaire, frozenset[str]]] = {}


def _counted(q: Questionnaire, selected_json: str) -> frozenset[str]:
    chosen = set(json.loads(selected_json))
    return frozenset(
        {
            question.id
            for referent in q.referents
            if not chosen or referent.id in chosen
            for question in referent.questions
        }
    )

"""Summaries of assessments for lists and comparisons, without loading each one whole."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ddwizard.core.statuses import Status
from ddwizard.storage import counting
from ddwizard.storage.counting import Loader


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
    checklist_items: int = 0  # due-diligence items in the questionnaire
    checklist_done: int = 0  # of them done or not applicable
    findings: int = 0  # items with a finding the board is told of (level note or above)


# An assessment's checklist counts (`a` is its row), as `store_checklist` stores them.
_DONE = """SELECT count(*) FROM checklist_entries c WHERE c.assessment = a.id
    AND c.status IN ('done', 'not_applicable')"""
_FOUND = """SELECT count(*) FROM checklist_entries c WHERE c.assessment = a.id
    AND c.finding_level IN ('note', 'concern', 'serious')"""

_SUMMARY = """
SELECT a.id, a.uid, s.name AS school, t.name AS trust, a.label, a.assessor, a.assessed_on,
       a.status, a.created, a.updated, a.referents, a.questionnaire, a.answered, a.questions,
       q.qid AS questionnaire_id, q.version AS questionnaire_version,
       q.added AS questionnaire_added, coalesce(q.checklist_items, 0) AS checklist_items,
       a.checklist_done, a.findings
FROM assessments a
JOIN schools s ON s.id = a.school
JOIN trusts t ON t.id = a.trust
JOIN questionnaires q ON q.id = a.questionnaire
"""


def summaries(
    conn: sqlite3.Connection, load: Loader, where: str = "", params=()
) -> list[AssessmentInfo]:
    """The assessments (those `where` picks), newest change first, with `answered` and
    `questions`, and the checklist's progress. The question counts are stored with each
    assessment (a row from before they were is counted here); the checklist's are counted
    by SQLite from its entries, with the questionnaire's stored number of items. Rows go
    straight from tuples to AssessmentInfo: this runs for every assessment each time the
    list is read, so it does as little per row as it can."""
    found = conn.execute(
        f"{_SUMMARY} {where} ORDER BY a.updated DESC, a.id DESC", list(params)
    ).fetchall()
    checklist = _checklist_counts(conn, [row[0] for row in found if None in row[18:20]])
    infos, status = [], {s.value: s for s in Status}
    for (
        aid,
        uid,
        school,
        trust,
        label,
        assessor,
        assessed_on,
        state,
        created,
        updated,
        _referents,
        _questionnaire,
        done,
        total,
        qid,
        qversion,
        _added,
        items,
        items_done,
        findings,
    ) in found:
        if items_done is None or findings is None:
            items_done, findings = checklist[aid]
        if done is None or total is None:  # never counted (a row from before they were)
            done, total = counting.count(conn, load, aid)
        infos.append(
            AssessmentInfo(
                aid,
                uid,
                school,
                trust,
                label,
                assessor,
                assessed_on,
                status[state],
                created,
                updated,
                done,
                total,
                qid,
                qversion,
                items,
                items_done,
                findings,
            )
        )
    return infos


# `list --json`, one object per row in the database's own JSON (see `json_rows`). The keys
# and their order are the contract of DESIGN.md, as `commands.info_json` writes them.
_JSON_ROW = """
SELECT a.answered IS NULL OR a.questions IS NULL, json_object(
    'id', a.id, 'uid', a.uid, 'school', s.name, 'trust', t.name, 'label', a.label,
    'assessor', a.assessor, 'assessed_on', a.assessed_on, 'status', a.status,
    'created', a.created, 'updated', a.updated, 'answered', a.answered,
    'questions', a.questions)
FROM assessments a
JOIN schools s ON s.id = a.school
JOIN trusts t ON t.id = a.trust
ORDER BY a.updated DESC, a.id DESC
"""


def json_rows(conn: sqlite3.Connection) -> list[str] | None:
    """Every assessment as the text of one JSON object, newest change first, written by
    SQLite (no Python object per field: `list --json` stays quick however many there are).
    None when a row has no stored counts (from before they were stored): use `summaries`."""
    found = conn.execute(_JSON_ROW).fetchall()
    if any(uncounted for uncounted, _ in found):
        return None
    return [text for _, text in found]


def store_checklist(conn: sqlite3.Connection, assessment_id: int) -> None:
    """Recount one assessment's checklist items done and its findings (inside the caller's
    transaction), so listing reads no checklist entry."""
    conn.execute(
        f"UPDATE assessments AS a SET checklist_done = ({_DONE}), findings = ({_FOUND}) "
        "WHERE a.id = ?",
        [assessment_id],
    )


def list_all(conn: sqlite3.Connection, load: Loader) -> list[AssessmentInfo]:
    return summaries(conn, load)


def previous(conn: sqlite3.Connection, load: Loader, assessment_id: int) -> list[AssessmentInfo]:
    """Earlier assessments of the same school against the same trust from the same view
    (`core.compare.over_time`: the same perspective), newest first: what movement over time
    is read against. Another perspective at any date is a view side by side, not a change.

    "Earlier" goes by the date assessed (the creation date when none was given), then by
    creation time.
    """
    where = "WHERE (a.school, a.trust) = (SELECT school, trust FROM assessments WHERE id = ?)"
    params = [assessment_id]
    found = summaries(conn, load, where, params)
    this = next((i for i in found if i.id == assessment_id), None)
    if this is None:
        return []
    from ddwizard.core.compare import over_time

    views = dict(conn.execute(f"SELECT a.id, a.perspective FROM assessments a {where}", params))
    view = (views[assessment_id], this.assessor)
    earlier = [
        i for i in found if _when(i) < _when(this) and over_time([view, (views[i.id], i.assessor)])
    ]
    return sorted(earlier, key=_when, reverse=True)


def _when(i: AssessmentInfo) -> tuple[str, str, int]:
    return (i.assessed_on or i.created[:10], i.created, i.id)


def _checklist_counts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[int, int]]:
    """Items done and findings, counted now, for rows from before they were stored."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found = conn.execute(
        f"SELECT a.id, ({_DONE}), ({_FOUND}) FROM assessments a WHERE a.id IN ({marks})", ids
    )
    return {aid: (done, findings) for aid, done, findings in found}

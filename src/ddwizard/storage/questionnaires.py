"""Stored copies of questionnaires, in the canonical JSON form of `ddwizard.core.qfile`.

Each assessment points at the copy it was made with, so editing or removing a YAML file
never changes an assessment already made. A copy is read back with the rules of a file
(`ddwizard.core.qcanonical` for the form stored here; `ddwizard.core.qfile`, imported only
when that cannot, for anything else); listing assessments needs only the question ids,
read straight from the JSON.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import NotFound, StorageError
from .rows import dicts

if TYPE_CHECKING:  # counting questions for the list of assessments needs neither
    from ddwizard.core.questionnaire import Questionnaire


@dataclass(frozen=True, slots=True)
class QuestionnaireInfo:
    id: str
    version: str
    title: str
    referents: int
    questions: int
    added: str


def row_id(conn: sqlite3.Connection, qid: str, version: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM questionnaires WHERE qid = ? AND version = ?", [qid, version]
    ).fetchone()
    return row[0] if row else None


def store(conn: sqlite3.Connection, q: Questionnaire, source: str, now: str) -> int:
    """Add a copy, or replace the copy with the same id and version. Returns its row id."""
    from ddwizard.core.qfile import questionnaire_to_dict

    body = json.dumps(questionnaire_to_dict(q), ensure_ascii=False, separators=(",", ":"))
    questions = sum(len(r.questions) for r in q.referents)
    items = len(q.checklist_items())
    conn.execute(
        "INSERT INTO questionnaires (qid, version, title, body, source, referents, questions, "
        "checklist_items, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (qid, version) "
        "DO UPDATE SET title = excluded.title, body = excluded.body, source = excluded.source, "
        "referents = excluded.referents, questions = excluded.questions, "
        "checklist_items = excluded.checklist_items, added = excluded.added",
        [q.id, q.version, q.title, body, source, len(q.referents), questions, items, now],
    )
    found = row_id(conn, q.id, q.version)
    assert found is not None
    return found


def ensure(conn: sqlite3.Connection, q: Questionnaire, now: str) -> int:
    """The row id of the stored copy of `q`, storing it first if there is none.

    An existing copy with the same id and version is kept as it is: assessments already made
    with it must not change under them.
    """
    found = row_id(conn, q.id, q.version)
    return found if found is not None else store(conn, q, "", now)


def load(conn: sqlite3.Connection, row: int) -> Questionnaire:
    """A stored copy: read directly when it is exactly as stored (`qcanonical`), else read
    as strictly as a file, which says what is wrong with it."""
    body = _body(conn, row)
    try:
        from ddwizard.core.qcanonical import read_canonical

        found = read_canonical(json.loads(body))
    except (ValueError, RecursionError):
        found = None
    if found is not None:
        return found
    from ddwizard.core.qfile import QuestionnaireError, questionnaire_from_json

    try:
        return questionnaire_from_json(body)
    except QuestionnaireError as e:
        raise StorageError(f"The stored copy of a questionnaire cannot be read: {e}") from e


def _body(conn: sqlite3.Connection, row: int) -> str:
    found = conn.execute("SELECT body FROM questionnaires WHERE id = ?", [row]).fetchone()
    if found is None:
        raise NotFound("That questionnaire is not in this database.")
    return found[0]


def get(conn: sqlite3.Connection, qid: str, version: str) -> Questionnaire:
    found = row_id(conn, qid, version)
    if found is None:
        raise NotFound(f"The questionnaire '{qid}' version {version} is not in this database.")
    return load(conn, found)


def infos(conn: sqlite3.Connection) -> list[QuestionnaireInfo]:
    rows = dicts(
        conn,
        "SELECT qid AS id, version, title, referents, questions, added FROM questionnaires "
        "ORDER BY qid, id",
    )
    return [QuestionnaireInfo(**row) for row in rows]

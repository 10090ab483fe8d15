"""The question counts stored with each assessment (questions answered, of those asked), so
listing assessments reads no questionnaire and no answer.

Which questions count is core's one rule (`core.asked.asked_of`): the selected areas, for the
school's phase, and whatever area or question has something recorded on it. Counting runs
inside the caller's transaction, from the rows it holds."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ddwizard.core.questionnaire import Questionnaire

# A stored questionnaire by its row id and the time that row was stored (which names its
# version: see `Database._stored`).
Loader = Callable[[int, str], "Questionnaire"]

_HEAD = (
    "SELECT a.questionnaire, q.added, a.referents, s.phase, a.answered, a.questions "
    "FROM assessments a JOIN questionnaires q ON q.id = a.questionnaire "
    "JOIN schools s ON s.id = a.school WHERE a.id = ?"
)


def count(conn: sqlite3.Connection, load: Loader, assessment_id: int) -> tuple[int, int] | None:
    """(questions answered, questions asked) for one assessment; None when there is none."""
    from ddwizard.core.asked import asked_of, recorded
    from ddwizard.core.questionnaire import phase_key
    from ddwizard.storage.assessments import read_answers

    head = conn.execute(_HEAD, [assessment_id]).fetchone()
    if head is None:
        return None
    answers = {a.question: a for a in read_answers(conn, assessment_id)}
    asked = asked_of(
        load(head[0], head[1]),
        phase_key(head[3]),
        json.loads(head[2]),
        lambda question: recorded(answers.get(question)),
    )
    ids = [q.id for r in asked.referents for q in r.questions]
    chosen = sum(1 for i in ids if i in answers and answers[i].option is not None)
    return chosen, len(ids)


def store_progress(conn: sqlite3.Connection, load: Loader, assessment_id: int) -> None:
    """Recount one assessment's questions, and those answered."""
    counted = count(conn, load, assessment_id)
    if counted is not None:
        conn.execute(
            "UPDATE assessments SET answered = ?, questions = ? WHERE id = ?",
            [*counted, assessment_id],
        )


def answer_moved(
    conn: sqlite3.Connection,
    load: Loader,
    assessment_id: int,
    question: str,
    delta: int = 0,
) -> None:
    """Something was recorded on one question (`delta`: +1 an option now chosen, -1 no longer
    chosen). A question asked whatever is recorded moves the answered count by `delta`, rather
    than counting every answer again; any other (outside the school's phase, or an area not
    selected) may change which questions are asked, so everything is counted again."""
    head = conn.execute(_HEAD, [assessment_id]).fetchone()
    if head is None:
        return
    uncounted = head[4] is None or head[5] is None
    if uncounted or question not in _steady(load(head[0], head[1]), head[2], head[3]):
        store_progress(conn, load, assessment_id)
    elif delta:
        conn.execute(
            "UPDATE assessments SET answered = answered + ? WHERE id = ?", [delta, assessment_id]
        )


def _steady(q: Questionnaire, selected_json: str, phase: str) -> frozenset[str]:
    """The questions asked of a selection and phase with nothing recorded anywhere: what is
    recorded on one of these changes no other question's place in the count."""
    key = (id(q), selected_json, phase)
    found = _STEADY.get(key)
    if found is None or found[0] is not q:  # keyed by identity: hashing q would cost more
        from ddwizard.core.asked import asked_of
        from ddwizard.core.questionnaire import phase_key

        if len(_STEADY) > 64:
            _STEADY.clear()
        asked = asked_of(q, phase_key(phase), json.loads(selected_json), lambda _: False)
        ids = frozenset(x.id for r in asked.referents for x in r.questions)
        found = _STEADY[key] = (q, ids)
    return found[1]


_STEADY: dict[tuple[int, str, str], tuple[Questionnaire, frozenset[str]]] = {}

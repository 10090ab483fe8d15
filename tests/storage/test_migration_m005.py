"""m005: the question counts stored with each assessment follow the school's phase. A file
from the release before counted every question of the selected areas; opening it with this
one counts each assessment again, by the rule every write now uses."""

from __future__ import annotations

import json
import sqlite3

from ddwizard.storage import Database, list_backups

from ..cli.test_phase_areas import ANSWERS, phased_questionnaire, secondary


def as_the_release_before_left_it(path) -> None:
    """The counts as m004's release stored them (every question of the selected areas), and
    m005 not applied yet."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE assessments SET answered = 3, questions = 13")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_phase_counts'")
        conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_opening_counts_every_assessment_again_by_the_schools_phase(tmp_path):
    path = tmp_path / "data" / "dd.db"
    path.parent.mkdir()
    with Database(path) as db:
        aid = db.create_assessment(secondary(*ANSWERS), phased_questionnaire())
        assert (db.assessment_info(aid).answered, db.assessment_info(aid).questions) == (3, 8)
    as_the_release_before_left_it(path)
    with Database(path) as db:
        info = db.assessment_info(aid)
        [row] = [json.loads(r) for r in db.list_json()]  # `list --json`: stored counts only
    assert (info.answered, info.questions) == (3, 8)
    assert (row["answered"], row["questions"]) == (3, 8)
    assert len(list_backups(path)) == 1  # taken before the migration ran

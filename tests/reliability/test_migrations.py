"""Promise 7: a database written by any earlier release opens with this one and is upgraded
in place, after a backup, with its data whole.

tests/fixtures/ keeps one database per released schema, as that release wrote it
(tests/fixtures/make_fixtures.py makes the newest; older ones are never remade).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

from ddwizard.core import bundle
from ddwizard.core.changes import AnswerNoted
from ddwizard.storage import Database, list_backups
from ddwizard.storage.schema import MIGRATIONS, known_names

from ..fixtures.make_fixtures import as_json
from ..later_release import LATER_VERSION, ours_then
from .helpers import integrity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KNOWN = known_names(MIGRATIONS)


def _applied(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid").fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


# m001 and m002's fixtures hold a format 1 bundle, read by the bundle's own rules for it:
# one confidence for both axes, a checklist "concern" done with a finding of that level. m003
# dates each assessment's copy of the trust's reference by the day it was created.
CREATED = "2026-11-22"


def _expected(fixture: Path, db: Database) -> dict:
    data = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    if data.get("format") != "ddwizard.assessment":
        return data  # m003 on: the assessment's own fields
    a, _, _ = bundle.read_bundle(data, db.get_questionnaire)
    return as_json(a.with_changes(trust=replace(a.trust, reference_as_of=CREATED)))


def _holds(db: Database, fixture: Path) -> bool:
    return as_json(db.load_assessment(1)) == _expected(fixture, db)


def test_there_is_a_fixture_for_the_newest_schema():
    newest = KNOWN[-1].split("_")[0]
    assert (FIXTURES / f"schema-{newest}.db").exists(), (
        "a migration was added: run `uv run python tests/fixtures/make_fixtures.py` and "
        "commit the new fixture"
    )


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.stem)
def test_each_released_schema_opens_and_is_upgraded_in_place(fixture, tmp_path):
    copy = tmp_path / "dd.db"
    shutil.copyfile(fixture, copy)
    before = _applied(copy)
    assert before == KNOWN[: len(before)]
    with Database(copy) as db:
        assert [i.id for i in db.list_assessments()] == [1]
        assert as_json(db.load_assessment(1)) == _expected(fixture, db)
        assert db.get_state("page") == "review"
        assert [e.what for e in db.audit(1)][0] == "assessment"
        db.apply(1, AnswerNoted("new-after-upgrade", "and it takes changes"))
    assert _applied(copy) == KNOWN and integrity(copy) == "ok"
    backups = list_backups(copy)
    if before == KNOWN:
        assert backups == []  # nothing to upgrade, nothing to back up
    else:
        [backup] = backups  # the file as the older release left it
        assert _applied(backup) == before


# --- a second migration, simulated on the fixture ------------------------------------------


def _later(m_later) -> Migrations:
    return ours_then(m_later, "m_later")


@pytest.fixture
def released(tmp_path) -> Path:
    """A copy of the m001 fixture: a database as the first release wrote it."""
    copy = tmp_path / "data" / "dd.db"
    copy.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema-m001.db", copy)
    return copy


def test_a_later_migration_runs_after_a_backup_and_keeps_the_data(released):
    seen = []

    def m002(db):
        # By now the backup must exist, and hold the database as it was before.
        [backup] = list_backups(released)
        seen.append(backup)
        assert _applied(backup) == ["m001_initial"]
        db.execute("ALTER TABLE schools ADD COLUMN website TEXT NOT NULL DEFAULT ''")
        db.execute("CREATE TABLE later (x TEXT)")

    with Database(released, migrations=_later(m002)) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == LATER_VERSION
        assert _holds(db, FIXTURES / "schema-m001.db")
        assert db.conn.execute("SELECT website FROM schools").fetchall() == [("",)]
    assert seen, "the migration did not run"
    with Database(seen[0]) as old:  # the backup opens with this release, data whole
        assert _holds(old, FIXTURES / "schema-m001.db")
    with pytest.raises(Exception, match="newer version"):
        Database(released)  # and this release now knows the file is newer than it


def test_a_failing_migration_leaves_the_file_as_it_was(released):
    def m002(db):
        db.execute("CREATE TABLE later (x TEXT)")
        db.execute("UPDATE schools SET name = 'half-migrated'")
        raise RuntimeError("this migration has a bug")

    with pytest.raises(RuntimeError, match="bug"):
        Database(released, migrations=_later(m002))
    assert _applied(released) == ["m001_initial"]
    assert len(list_backups(released)) == 1  # the one taken before trying
    with Database(released) as db:  # still opens with this release, data whole
        assert _holds(db, FIXTURES / "schema-m001.db")
        assert not db.db["later"].exists()

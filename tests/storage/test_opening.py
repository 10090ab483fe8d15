"""Opening: pragmas, permissions, refusing bad files untouched, migrations, a busy database."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlite_utils.migrations import Migrations

from ddwizard.storage import (
    Database,
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseTooNew,
    NotADatabase,
    StorageError,
    list_backups,
)
from ddwizard.storage.identity import MIGRATION_NAMES
from ddwizard.storage.schema import MIGRATION_SET

from ..later_release import LATER_VERSION, ours_then
from .storage_helpers import make_assessment, make_questionnaire


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def filled_database(path) -> None:
    """A real, closed database with a few pages of data in it."""
    with Database(path) as db:
        for n in range(5):
            db.create_assessment(make_assessment(uid=str(n)), make_questionnaire())


def test_pragmas(db):
    pragma = {
        name: db.conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "user_version")
    }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "user_version": len(MIGRATION_NAMES),
    }


def test_files_are_private_whatever_the_umask(tmp_path, questionnaire, assessment):
    old = os.umask(0)
    try:
        path = tmp_path / "new" / "ddwizard.db"
        with Database(path) as db:
            db.create_assessment(assessment, questionnaire)
            wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
            backup = db.backup()
            assert mode(path.parent) == 0o700
            assert [mode(p) for p in (path, wal, shm)] == [0o600] * 3
            assert (mode(backup), mode(backup.parent)) == (0o600, 0o700)
    finally:
        os.umask(old)


def test_existing_loose_file_is_tightened(db_path):
    filled_database(db_path)
    db_path.chmod(0o644)
    Database(db_path).close()
    assert mode(db_path) == 0o600


def assert_refused_untouched(path, error):
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        Database(path)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not (path.parent / "backups").exists()
    assert str(path) in str(caught.value)
    return caught.value


def test_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Dear governors, <&> 🙂\n" * 100)
    error = assert_refused_untouched(path, NotADatabase)
    assert "not a SQLite file" in str(error)


def test_another_programs_database(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (x)")
    other.commit()
    other.close()
    assert "another program" in str(assert_refused_untouched(path, NotADatabase))


def test_garbage_in_the_middle_is_damaged(db_path):
    filled_database(db_path)
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 2
    data[4096:middle] = os.urandom(middle - 4096)
    db_path.write_bytes(bytes(data))
    error = assert_refused_untouched(db_path, DatabaseDamaged)
    assert "backup" in str(error)


def test_truncated_file_is_damaged(db_path):
    filled_database(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(db_path, DatabaseDamaged)


def test_too_new_by_user_version(db_path):
    filled_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert "newer version" in str(assert_refused_untouched(db_path, DatabaseTooNew))


def test_too_new_by_migration_name(db_path):
    filled_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "m999_from_the_future", "2030-01-01"],
    )
    conn.commit()
    conn.close()
    assert_refused_untouched(db_path, DatabaseTooNew)


def test_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Database(path) as db:
        assert db.list_assessments() == []


def test_folder_is_not_a_database(tmp_path):
    with pytest.raises(NotADatabase):
        Database(tmp_path)


def _two_migrations() -> Migrations:
    def m_extra(db):
        db.execute("CREATE TABLE extra (x TEXT)")

    return ours_then(m_extra)


def test_backup_taken_before_a_migration(db_path, clock, assessment, questionnaire):
    with Database(db_path, clock=clock) as db:
        aid = db.create_assessment(assessment, questionnaire)
    clock.advance(days=1)
    with Database(db_path, clock=clock, migrations=_two_migrations()) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == LATER_VERSION
        assert db.db["extra"].exists()
        assert db.load_assessment(aid) == assessment
    [backup] = list_backups(db_path)
    assert backup.name == "ddwizard-20261123-090000.db"
    with Database(backup, clock=clock) as old:  # the state before the migration
        assert not old.db["extra"].exists()
        assert old.load_assessment(aid) == assessment


def test_no_backup_for_a_new_database_or_no_migration(db_path):
    Database(db_path).close()
    Database(db_path).close()
    assert list_backups(db_path) == []


def test_older_ddwizard_refuses_a_migrated_file(db_path):
    Database(db_path, migrations=_two_migrations()).close()
    assert_refused_untouched(db_path, DatabaseTooNew)


def test_busy_database_is_reported_within_the_timeout(db_path):
    with Database(db_path, busy_timeout=0.2) as db:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            started = time.monotonic()
            with pytest.raises(DatabaseInUse) as caught:
                db.set_state("page", "3")
            assert 0.15 < time.monotonic() - started < 3
            assert "another" in str(caught.value)
        finally:
            other.execute("ROLLBACK")
            other.close()
        db.set_state("page", "3")  # free again: works
        assert db.get_state("page") == "3"


def test_busy_rollback_journal_file_on_open(db_path):
    filled_database(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseInUse):
            Database(db_path, busy_timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_storage_errors_share_a_base():
    for error in (DatabaseDamaged, DatabaseInUse, DatabaseTooNew, NotADatabase):
        assert issubclass(error, StorageError)


def test_unreadable_place_is_a_storage_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Cannot use"):
        Database(blocker / "sub" / "ddwizard.db")


def test_the_light_list_of_migrations_is_the_real_one():
    """Opening an up-to-date file compares against `identity.MIGRATION_NAMES` rather than
    importing sqlite-utils: the two lists must agree."""
    from ddwizard.storage import identity
    from ddwizard.storage.schema import MIGRATIONS, known_names

    assert known_names(MIGRATIONS) == list(identity.MIGRATION_NAMES)


def test_two_processes_making_the_same_new_database_at_once_both_open_it(tmp_path):
    """On a first run, the app and a command in a terminal may both find no database and
    no folder for it: each makes what is missing, neither fails because the other was
    quicker, and both then use the one file."""
    for n in range(20):  # the race is in the making of the folder: try it many times
        db_path = tmp_path / f"first-run-{n}" / "data" / "ddwizard.db"

        def open_it(path=db_path) -> int:
            with Database(path) as d:
                return len(d.list_assessments())

        with ThreadPoolExecutor(2) as pool:
            counts = [run.result() for run in [pool.submit(open_it) for _ in range(2)]]
        assert counts == [0, 0]
        assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700

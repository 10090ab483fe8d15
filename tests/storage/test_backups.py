"""Backups (SQLite backup API), restore, listing, auto-backup and rolling retention."""

from __future__ import annotations

import os
import sqlite3
import stat
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from ddwizard.core.changes import AnswerChosen, DetailSet
from ddwizard.storage import (
    Database,
    DatabaseDamaged,
    NotADatabase,
    copies,
    list_backups,
    places,
    restore,
)
from ddwizard.storage.backups import prune
from ddwizard.storage.errors import StorageError
from ddwizard.storage.identity import APPLICATION_ID

from .storage_helpers import make_assessment


def test_backup_is_a_private_standalone_database(db, db_path, assessment, questionnaire):
    aid = db.create_assessment(assessment, questionnaire)
    taken = db.backup()
    assert taken == db_path.parent / "backups" / "ddwizard-20261122-090000.db"
    assert stat.S_IMODE(os.stat(taken).st_mode) == 0o600
    assert taken.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: one file, no -wal
    with Database(taken) as copy:
        assert copy.load_assessment(aid) == assessment


def test_backups_in_the_same_second_get_numbered(db):
    names = [db.backup().name for _ in range(3)]
    assert names == [
        "ddwizard-20261122-090000.db",
        "ddwizard-20261122-090000-1.db",
        "ddwizard-20261122-090000-2.db",
    ]


def test_backup_to_a_chosen_path_and_never_over_a_file(db, tmp_path):
    dest = tmp_path / "elsewhere" / "copy.db"
    assert db.backup(dest) == dest
    with pytest.raises(Exception, match="already exists"):
        db.backup(dest)


def test_backup_dir_can_be_chosen(db_path, tmp_path, clock):
    with Database(db_path, backup_dir=tmp_path / "mine", clock=clock) as db:
        assert db.backup().parent == tmp_path / "mine"


def test_list_backups_newest_first(db, db_path, clock):
    taken = []
    for _ in range(3):
        taken.append(db.backup())
        clock.advance(hours=1)
    (db_path.parent / "backups" / "unrelated.txt").write_text("x")
    assert list_backups(db_path) == taken[::-1]
    assert list_backups(db_path.parent / "backups") == taken[::-1]
    assert list_backups(db_path.parent / "nowhere" / "x.db") == []


def test_auto_backup_only_when_changed(db, assessment, questionnaire, clock):
    assert db.changed_since_last_backup() is False  # a new, empty database
    aid = db.create_assessment(assessment, questionnaire)
    assert db.changed_since_last_backup() is True
    first = db.auto_backup()
    assert first is not None
    clock.advance(hours=1)
    assert db.auto_backup() is None
    db.set_state("page", "2")  # app state is not worth a backup
    assert db.auto_backup() is None
    db.apply(aid, AnswerChosen("finance_practice_2", "trust"))
    second = db.auto_backup()
    assert second is not None and second != first


def test_auto_backup_remembers_across_reopening(db_path, clock, assessment, questionnaire):
    with Database(db_path, clock=clock) as db:
        db.create_assessment(assessment, questionnaire)
        assert db.auto_backup() is not None
    with Database(db_path, clock=clock) as db:
        assert db.auto_backup() is None


def _daily_backups(folder, first: date, last: date) -> None:
    """A backup a day, each a small file marked as ddwizard's (pruning deletes no other)."""
    folder.mkdir(parents=True)
    made = sqlite3.connect(":memory:")
    made.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    made.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    data = made.serialize()
    made.close()
    day = first
    while day <= last:
        (folder / f"ddwizard-{day:%Y%m%d}-090000.db").write_bytes(data)
        day += timedelta(days=1)


def test_retention_keeps_7_daily_4_weekly_6_monthly(tmp_path):
    folder = tmp_path / "backups"
    _daily_backups(folder, date(2026, 5, 1), date(2026, 11, 22))  # 22 Nov 2026 is a Sunday
    prune(folder, "ddwizard")
    kept = sorted(p.name[9:17] for p in list_backups(folder))
    daily = [f"202611{d}" for d in range(16, 23)]
    weekly = ["20261101", "20261108", "20261115"]  # with 20261122, already kept
    monthly = ["20260630", "20260731", "20260831", "20260930", "20261031"]
    assert kept == sorted(daily + weekly + monthly)


def test_retention_by_auto_backup(db_path, clock, assessment, questionnaire):
    with Database(db_path, clock=clock) as db:
        aid = db.create_assessment(assessment, questionnaire)  # Sunday 22 Nov 2026
        for n in range(20):
            clock.advance(days=1)
            db.apply(aid, DetailSet("label", f"day {n}"))
            db.auto_backup()
    kept = [p.name[9:17] for p in list_backups(db_path)]
    # 7 days to Sat 12 Dec, the newest of November (Mon 30) and of ISO week 48 (Sun 29).
    assert kept == [f"202612{d:02}" for d in range(12, 5, -1)] + ["20261130", "20261129"]


def test_restore_puts_a_backup_back_and_keeps_the_current_file(
    db_path, clock, assessment, questionnaire
):
    with Database(db_path, clock=clock) as db:
        aid = db.create_assessment(assessment, questionnaire)
        backup = db.backup()
        db.apply(aid, DetailSet("label", "changed after the backup"))
    clock.advance(minutes=30)
    aside = restore(db_path, backup, clock=clock)
    assert aside == db_path.with_name("ddwizard.db.replaced-20261122-093000")
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    with Database(db_path, clock=clock) as db:
        assert db.load_assessment(aid) == assessment
    with Database(aside, clock=clock) as kept:
        assert kept.load_assessment(aid).label == "changed after the backup"


def test_restore_with_no_current_file(tmp_path, db, clock):
    backup = db.backup()
    target = tmp_path / "fresh" / "ddwizard.db"
    assert restore(target, backup, clock=clock) is None
    Database(target).close()


def test_restore_refuses_a_bad_backup_and_changes_nothing(db, db_path, tmp_path):
    good = db.backup()
    bad = tmp_path / "bad.db"
    data = bytearray(good.read_bytes())
    data[len(data) // 2 :] = os.urandom(len(data) - len(data) // 2)
    bad.write_bytes(bytes(data))
    db.close()
    before = db_path.read_bytes()
    not_db = tmp_path / "letter.db"
    not_db.write_text("hello")
    for backup, error in ((bad, DatabaseDamaged), (not_db, NotADatabase)):
        with pytest.raises(error):
            restore(db_path, backup)
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir() if "replaced" in p.name] == []


def test_backup_refused_inside_a_transaction(db):
    with pytest.raises(Exception, match="middle of a change"), db.atomic():
        db.backup()


def test_backup_of_in_memory_database_needs_a_place(tmp_path):
    with Database(None) as mem:
        with pytest.raises(Exception, match="backup folder"):
            mem.backup()
        assert mem.backup(tmp_path / "m.db").exists()


def test_make_assessment_is_usable():  # keeps the helper import honest for this module
    assert make_assessment().uid


# --- databases that share a folder keep their backups apart ----------------------------------


def test_two_databases_in_one_folder_keep_their_backups_apart(
    db_path, clock, assessment, questionnaire
):
    other_path = db_path.with_name("other trust.db")
    with Database(db_path, clock=clock) as mine, Database(other_path, clock=clock) as other:
        aid = mine.create_assessment(assessment, questionnaire)
        other.create_assessment(assessment.with_changes(uid="", label="the other"), questionnaire)
        ours = mine.backup()
        clock.advance(hours=1)
        theirs = other.backup()
    assert (ours.name, theirs.name) == (
        "ddwizard-20261122-090000.db",
        "other trust-20261122-100000.db",
    )
    assert list_backups(db_path) == [ours] and list_backups(other_path) == [theirs]
    assert list_backups(db_path.parent / "backups") == [theirs, ours]
    data = bytearray(db_path.read_bytes())  # damage ours: the way back must be our backup,
    data[4096:] = os.urandom(len(data) - 4096)  # not the other database's newer one
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged, match=ours.name):
        Database(db_path, clock=clock)
    with Database(ours) as copy:
        assert copy.load_assessment(aid) == assessment


def test_retention_counts_each_database_apart(tmp_path):
    folder = tmp_path / "backups"
    _daily_backups(folder, date(2026, 5, 1), date(2026, 11, 22))
    lone = folder / "other-20260101-090000.db"  # the other database's only backup, old
    lone.touch()
    removed = prune(folder, "ddwizard")
    assert lone.exists() and lone not in removed
    assert len(list_backups(folder, "ddwizard")) == 15  # as when it is alone (above)


def test_copies_a_crash_cut_off_are_removed_later_and_only_those(
    db, db_path, assessment, questionnaire
):
    db.create_assessment(assessment, questionnaire)
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    old = folder / ".ddwizard-20261121-090000.db.1a2b3c4d.part"
    fresh = folder / ".ddwizard-20261122-085959.db.5e6f7a8b.part"  # another backup, under way
    beside = db_path.with_name(f".{db_path.name}.9c0d1e2f.part")  # a restore's, cut off
    for path in (old, fresh, beside):
        path.write_bytes(b"half a copy")
    # Not their age but whether a live process holds them: `fresh` is being written (here,
    # held as the writing process holds it), the others were cut off moments ago.
    with places.claimed(fresh):
        db.auto_backup()
    assert not old.exists() and not beside.exists()
    assert fresh.exists() and len(list_backups(db_path)) == 1


def test_a_name_taken_before_the_copy_is_named_is_never_replaced(db, db_path):
    folder = db_path.parent / "kept"
    folder.mkdir()
    (folder / "taken.db").write_bytes(b"another process's backup")
    with places.Folder(folder, private=False) as held:
        assert copies.write(db.conn, held, ["taken.db", "next.db"], {}) == folder / "next.db"
        with pytest.raises(StorageError, match="already exists"):
            copies.write(db.conn, held, ["taken.db"], {})
    assert (folder / "taken.db").read_bytes() == b"another process's backup"
    assert sorted(p.name for p in folder.iterdir()) == ["next.db", "taken.db"]  # no part left


def test_two_processes_backing_up_in_the_same_second_each_keep_their_backup(db_path, clock):
    """Two databases open on one file (as the app and `ddwizard backup` are) back up at
    once, again and again, with their clocks in the same second: every backup is taken,
    each under a name of its own, and neither tidies away the other's unfinished copy."""

    def fifteen() -> list:
        with Database(db_path, clock=clock) as d:  # its own connection, in its own thread
            return [d.backup() for _ in range(15)]

    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(fifteen) for _ in range(2)]
        taken = [path for run in runs for path in run.result()]
    assert len(set(taken)) == 30 and all(p.exists() for p in taken)
    assert {p.name[: len("ddwizard-20261122-090000")] for p in taken} == {
        "ddwizard-20261122-090000"
    }

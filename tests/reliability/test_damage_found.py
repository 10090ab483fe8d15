"""Promise 3, whatever the file's times say: damage is found before anything is written,
and a damaged file is never written, not even by a connection that opened it sound.

A pass of the integrity check is remembered only while nothing has changed the file: damage
can keep a file's size and modification time, never its change time (storage/checked.py).
The check is SQLite's full `integrity_check`: `quick_check` does not compare an index with
its table, and a write through a damaged index changes the data.

A pass is not remembered while the file's times are within a tick of the file system's clock
of it (a change in the same tick could keep them); `LATER` is the clock of a person opening
the file a minute on, so these tests remember their passes without waiting.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.core.changes import AnswerNoted
from ddwizard.storage import Database, DatabaseDamaged

from .helpers import ddwizard, full_assessment, tree, write_bundles


def LATER() -> datetime:  # noqa: N802 - a clock, as Database takes one
    return datetime.now(UTC) + timedelta(minutes=1)


@pytest.fixture
def filled(tmp_path) -> Path:
    """A database with an assessment and one good backup of it, opened and checked once, the
    pass remembered."""
    path = tmp_path / "data" / "dd.db"
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
        db.backup()
    with Database(path, clock=LATER):
        pass
    return path


def checks_run(path: Path, clock=LATER) -> int:
    """How many times opening the file (and checking it on its own connection, as the app
    does) runs SQLite's `integrity_check`."""
    seen: list[str] = []
    with Database(path, check_later=True, clock=clock) as db:
        db.conn.set_trace_callback(seen.append)
        db.check_integrity()
    return sum("integrity_check" in sql for sql in seen)


def garble_keeping_size_and_times(path: Path) -> None:
    before = os.stat(path)
    with path.open("r+b") as f:  # in place: same file, same size
        f.seek(before.st_size - 4096)
        f.write(b"\x55" * 4096)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


def hide_an_index_entry(path: Path) -> None:
    """Damage only `integrity_check` finds: the index on assessments (school, trust) is
    hidden while a row changes, so its entry no longer matches the row."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        index = conn.execute(
            "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
            "WHERE name = 'assessments_school_trust'"
        ).fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("DELETE FROM sqlite_master WHERE name = ?", [index[1]])
    finally:
        conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE assessments SET school = school + 1000")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", index)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    check.close()


WRITES = (["demo"], ["backup"], ["list"])


@pytest.mark.parametrize("damage", [garble_keeping_size_and_times, hide_an_index_entry])
def test_damage_is_found_before_any_command_writes(filled, tmp_path, damage):
    damage(filled)
    bundles = write_bundles(tmp_path / "in", 1)
    before = tree(filled.parent)
    for argv in (*WRITES, ["import", *map(str, (tmp_path / "in").glob("*.json"))]):
        done = ddwizard(*argv, db=filled)
        assert done.returncode == 1, (argv, done.stdout)
        assert "damaged" in done.stderr and "newest good backup" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert tree(filled.parent) == before
    assert bundles


@pytest.mark.parametrize("damage", [garble_keeping_size_and_times, hide_an_index_entry])
def test_a_check_put_off_still_runs_before_the_first_write(filled, damage):
    damage(filled)
    before = filled.read_bytes()
    with pytest.raises(DatabaseDamaged), Database(filled, check_later=True) as db:
        db.set_state("ui.last", "{}")  # (a file not in WAL mode is checked on opening)
    assert filled.read_bytes() == before


def test_damage_met_while_working_stops_every_later_write(filled):
    with Database(filled) as db:  # opened sound, then damaged under it
        garble_keeping_size_and_times(filled)
        before = filled.read_bytes()
        with pytest.raises(DatabaseDamaged):
            db.load_assessment(1)  # its checklist rows are on the garbled last page
        with pytest.raises(DatabaseDamaged, match="newest good backup"):
            db.set_state("ui.last", "{}")
        with pytest.raises(DatabaseDamaged):
            db.apply(1, AnswerNoted("x", "lost?"))
    assert filled.read_bytes() == before


def test_a_pass_is_remembered_while_the_file_is_unchanged(filled):
    assert checks_run(filled) == 0
    with Database(filled, clock=LATER) as db:  # a change through SQLite
        db.set_state("ui.last", "{}")
    assert checks_run(filled) == 1
    assert checks_run(filled) == 0


def test_no_pass_is_remembered_within_a_tick_of_the_files_times(filled):
    with Database(filled, clock=LATER) as db:
        db.set_state("ui.last", "{}")
    now = lambda: datetime.now(UTC)  # noqa: E731
    assert checks_run(filled, clock=now) == 1
    assert checks_run(filled, clock=now) == 1  # a same-tick change could have kept it all


@pytest.mark.parametrize("damage", [garble_keeping_size_and_times, hide_an_index_entry])
def test_damage_after_a_remembered_pass_is_found_before_any_write(filled, damage):
    damage(filled)
    before = filled.read_bytes()
    with pytest.raises(DatabaseDamaged, match="newest good backup"):
        Database(filled, clock=LATER)
    with pytest.raises(DatabaseDamaged), Database(filled, check_later=True, clock=LATER) as db:
        db.set_state("ui.last", "{}")
    assert filled.read_bytes() == before

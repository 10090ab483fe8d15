"""Promise 3, whatever the file's times say: damage is found before anything is written,
and a damaged file is never written, not even by a connection that opened it sound.

No pass of the integrity check is remembered from one opening to the next (damage can keep a
file's size and times), and the check is SQLite's full `integrity_check`: `quick_check` does
not compare an index with its table, and a write through a damaged index changes the data.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.core.changes import AnswerNoted
from ddwizard.storage import Database, DatabaseDamaged

from .helpers import ddwizard, full_assessment, tree, write_bundles


@pytest.fixture
def filled(tmp_path) -> Path:
    """A database with an assessment and one good backup of it, opened and checked once."""
    path = tmp_path / "data" / "dd.db"
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
        db.backup()
    with Database(path):  # a pass, which a shortcut could remember
        pass
    return path


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

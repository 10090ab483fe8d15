"""Promise 2 ("Back up and restore"), against the clock and other users: backups are
ordered by what they hold, a backup just taken is never pruned, only the user's own files
are offered, restored or pruned, no link is followed, unfinished copies are removed once no
process owns them, and every command ddwizard suggests pastes into the shell as it is."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.storage import Database, list_backups, restore

from .helpers import ddwizard, mode

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="links and owners as on POSIX")


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def demo_db(path: Path, clock=None) -> Database:
    db = Database(path, clock=clock or Clock(NOW))
    services.create_demo(db)
    return db


def test_backups_are_ordered_by_what_they_hold_not_the_clock(tmp_path):
    path = tmp_path / "dd.db"
    with demo_db(path) as db:
        first = db.backup()
        db._clock = Clock(NOW - timedelta(days=30))  # the clock put back a month
        services.create_demo(db)
        newer = db.backup()  # named a month before `first`, holds more
        assert newer.name < first.name
        assert list_backups(path) == [newer, first]
        assert db.newest_good_backup() == newer


def test_a_backup_just_taken_is_never_pruned(tmp_path):
    path = tmp_path / "dd.db"
    with demo_db(path) as db:
        for _ in range(10):  # ten days of backups
            services.create_demo(db)
            db.backup()
            db._clock = Clock(db._clock.moment + timedelta(days=1))
        db._clock = Clock(NOW - timedelta(days=365))  # a clock a year behind
        services.create_demo(db)
        taken = db.auto_backup()
        assert taken is not None and taken.exists()
        assert list_backups(path)[0] == taken


@POSIX
def test_a_backups_folder_that_is_a_link_is_not_followed(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    theirs = [victim / f"dd-2025010{n}-090000.db" for n in range(1, 9)]
    for p in theirs:
        p.write_bytes(b"the victim's own file")
    path = tmp_path / "data" / "dd.db"
    with demo_db(path):
        pass
    (path.parent / "backups").symlink_to(victim)
    done = ddwizard("backup", db=path)
    assert done.returncode == 1 and "is a link" in done.stderr, done.stderr
    with Database(path) as db, pytest.raises(Exception, match="is a link"):
        db.auto_backup()
    assert list_backups(path) == []  # nothing offered from there
    assert sorted(victim.iterdir()) == theirs
    assert all(p.read_bytes() == b"the victim's own file" for p in theirs)


@POSIX
def test_a_backups_folder_open_to_others_is_made_private(tmp_path):
    path = tmp_path / "data" / "dd.db"
    with demo_db(path):
        pass
    folder = path.parent / "backups"
    folder.mkdir()
    folder.chmod(0o777)
    assert ddwizard("backup", db=path).returncode == 0
    assert mode(folder) == 0o700


@POSIX
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_another_users_folder_and_files_are_never_used_offered_or_pruned(tmp_path):
    path = tmp_path / "data" / "dd.db"
    with demo_db(path) as db:
        mine = db.backup()
    planted = mine.with_name("dd-20991231-235959.db")  # future-dated, another user's
    planted.write_bytes(mine.read_bytes())
    os.chown(planted, 12345, 12345)
    assert list_backups(path) == [mine]
    with pytest.raises(Exception, match="another user"):
        restore(path, planted)
    os.chown(mine.parent, 12345, 12345)
    done = ddwizard("backup", db=path)
    assert done.returncode == 1 and "belongs to another user" in done.stderr, done.stderr


@POSIX
def test_restore_through_a_linked_database_path_keeps_the_link(tmp_path):
    real = tmp_path / "real" / "dd.db"
    with demo_db(real) as db:
        backup = db.backup()
        services.create_demo(db)
    link = tmp_path / "dd.db"
    link.symlink_to(real)
    done = ddwizard("restore", str(backup), db=link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    with Database(link) as db:
        assert len(db.list_assessments()) == 1


def test_unfinished_copies_no_process_owns_are_removed_by_the_next_command(tmp_path):
    from ddwizard.storage import places

    path = tmp_path / "data" / "dd.db"
    with demo_db(path) as db:
        db.backup()
    folder = path.parent / "backups"
    cut_off = folder / ".dd-20261122-090000.db.1a2b3c4d.part"  # moments ago, its writer gone
    under_way = folder / ".dd-20261122-090001.db.5e6f7a8b.part"
    beside = path.with_name(f".{path.name}.9c0d1e2f.part")  # a restore's, cut off
    for p in (cut_off, under_way, beside):
        p.write_bytes(b"half a copy")
    with places.claimed(under_way):  # its writer still at work
        assert ddwizard("backup", db=path).returncode == 0
        done = ddwizard("restore", str(list_backups(path)[0]), db=path)
        assert done.returncode == 0, done.stderr
        assert not cut_off.exists() and not beside.exists() and under_way.exists()


@POSIX
@pytest.mark.parametrize("folder", ["St Mary's", "a $(touch pwned) `touch pwned2` b"])
def test_the_restore_command_suggested_pastes_into_the_shell(tmp_path, folder):
    path = tmp_path / folder / "dd.db"
    with demo_db(path) as db:
        db.backup()
    data = bytearray(path.read_bytes())
    data[-4096:] = b"\x55" * 4096
    path.write_bytes(bytes(data))
    told = ddwizard("list", db=path)
    assert told.returncode == 1 and "damaged" in told.stderr
    command = re.search(r"`(ddwizard --db .*? restore .*?)`\.", told.stderr, re.S).group(1)
    python = f"{shlex.quote(sys.executable)} -m ddwizard"
    done = subprocess.run(
        command.replace("ddwizard", python, 1),
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert done.returncode == 0, (command, done.stderr)
    assert not list(tmp_path.glob("pwned*"))
    assert ddwizard("list", db=path).returncode == 0


def test_after_a_restore_backups_from_before_never_count_as_newer(tmp_path):
    path = tmp_path / "dd.db"
    with demo_db(path) as db:
        early = db.backup()
        for _ in range(3):
            services.create_demo(db)
        late = db.backup()  # counts more changes than anything after the restore will
    restore(path, early)
    with Database(path, clock=Clock(NOW + timedelta(hours=1))) as db:
        assert len(db.list_assessments()) == 1
        services.create_demo(db)
        after = db.backup()  # two assessments: fewer changes than `late`, yet newer
        assert list_backups(path)[0] == after
        assert db.newest_good_backup() == after
    assert late in list_backups(path)


@POSIX
def test_pruning_deletes_only_this_databases_own_backups(tmp_path):
    shared = tmp_path / "backups"
    other = Database(tmp_path / "b" / "dd.db", backup_dir=shared, clock=Clock(NOW))
    with other:  # a database of the same name, backed up into the same folder a year ago
        services.create_demo(other)
        other._clock = Clock(NOW - timedelta(days=365))
        theirs = [other.backup() for _ in range(3)]
    planted = shared / "dd-20250101-090000.db"  # the person's own file, named like a backup
    planted.write_bytes(b"my own notes")
    clock = Clock(NOW)
    with Database(tmp_path / "a" / "dd.db", backup_dir=shared, clock=clock) as db:
        for _ in range(40):  # forty days of backups: retention prunes
            services.create_demo(db)
            db.auto_backup()
            clock.moment += timedelta(days=1)
        assert len(list_backups(shared, "dd")) < 40 + 4
    assert all(p.exists() for p in theirs) and planted.read_bytes() == b"my own notes"


@POSIX
def test_a_backups_folder_swapped_for_a_link_while_in_use_is_not_followed(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    path = tmp_path / "data" / "dd.db"
    folder = path.parent / "backups"
    with demo_db(path) as db:
        db.backup()

        def swapping_clock() -> datetime:  # asked for the new backup's name, mid-way
            if not folder.is_symlink():
                folder.rename(folder.with_name("moved"))
                folder.symlink_to(victim)
            return NOW + timedelta(hours=1)

        services.create_demo(db)
        db._clock = swapping_clock
        try:
            db.backup()
        except Exception as e:  # refused in words is as good as written in the right place
            assert "link" in str(e)
    assert list(victim.iterdir()) == []
    assert len(list_backups(folder.with_name("moved"), "dd")) in (1, 2)

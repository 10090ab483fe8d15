"""Promise 1: a process killed outright (SIGKILL) at any moment leaves a sound database
holding every change it reported saved, and no half-made assessment.

Random moments come from a seeded generator; the seed is in every failure message (set
DDWIZARD_TEST_SEED to replay one). Moments that matter but are too short to hit at random
(the creation of a new file, a migration, a restore's renames) are hit on purpose by a
process that kills itself there.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

from ddwizard import services
from ddwizard.core.changes import AnswerChosen, AnswerNoted, ReferentNoted
from ddwizard.storage import Database, list_backups, restore
from ddwizard.storage.schema import MIGRATION_SET, m001_initial

from ..later_release import ours_then
from .helpers import Forked, Running, as_imported, assert_sound, full_assessment, write_bundles

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SEED = int(os.environ.get("DDWIZARD_TEST_SEED", time.time_ns() % 1_000_000))


# --- import ----------------------------------------------------------------------------------


def _import_round(db, folder, expected, start, rng, why) -> None:
    """Import a folder of bundles, kill the importer, check the database."""
    proc = start("import", *map(str, sorted(folder.iterdir())), db=db)
    if start is Forked.cli and rng.random() < 0.3:  # opening, creating, the first imports
        time.sleep(rng.uniform(0.0, 0.08))
    else:  # in the middle of importing
        assert proc.reported.wait(60), proc.err
        time.sleep(rng.uniform(0.0, 0.15))
    code = proc.kill()
    why = f"{why}, exit {code}: {proc.err}"
    assert code in (0, -signal.SIGKILL), why
    if db.exists():
        ids = assert_sound(db, expected)
        assert {int(line) for line in proc.lines} <= ids, why


def test_import_killed_at_random_moments(tmp_path):
    """Mostly children forked from this process (they start importing at once, so many
    kills take little time), and two real `python -m ddwizard import` processes."""
    rng = random.Random(SEED)
    db = tmp_path / "data" / "dd.db"  # new: the first rounds also hit its creation
    expected = {}
    for r in range(10):
        folder = tmp_path / f"round{r}"
        expected |= write_bundles(folder, 40)
        start = Running.cli if r in (2, 3) else Forked.cli
        _import_round(db, folder, expected, start, rng, f"seed {SEED}, round {r}")


# --- autosave --------------------------------------------------------------------------------


def _autosave(db_path: Path, aid: int, prefix: str) -> None:
    db = Database(db_path)
    for n in range(100_000):
        with db.atomic():
            db.apply(aid, AnswerChosen(f"{prefix}{n}", "trust"))
            db.apply(aid, AnswerNoted(f"{prefix}{n}", f"note {n}" * 20))
        if n % 7 == 0:
            db.apply(aid, ReferentNoted(f"{prefix}{n}", f"area note {n}"))
        print(n, flush=True)


def test_autosaves_reported_saved_survive_kills_at_random_moments(tmp_path):
    rng = random.Random(SEED + 1)
    db = tmp_path / "data" / "dd.db"
    with Database(db) as store:
        q = services.ensure_default(store)
        aid = store.create_assessment(full_assessment(q), q)
    reported: list[str] = []
    for r in range(12):
        proc = Forked(_autosave, db, aid, f"kill{r}-")
        assert proc.reported.wait(60), proc.err
        time.sleep(rng.uniform(0.0, 0.1))
        proc.kill()
        reported += [f"kill{r}-{line}" for line in proc.lines]
        _assert_autosaves(db, aid, reported, f"seed {SEED}, round {r}")


def _assert_autosaves(db_path: Path, aid: int, reported: list[str], why: str) -> None:
    with Database(db_path) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], why
        saved = {a.question for a in db.load_assessment(aid).answers}
        missing = [q for q in reported if q not in saved]
        assert not missing, f"{why}: reported saved but missing: {missing[:5]}"
        # Each change and its audit row are one transaction: never one without the other.
        audited = {
            what.removeprefix("answer:").removesuffix(".option")
            for (what,) in db.conn.execute("SELECT what FROM audit WHERE what LIKE 'answer:kill%'")
            if what.endswith(".option")
        }
        ours = {q for q in saved if q.startswith("kill")}
        assert ours == audited, f"{why}: answers and audit rows disagree"


# --- moments too short to hit at random: the process kills itself there ----------------------


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _die_at_call(k: int, *names: str) -> None:
    """SIGKILL just before the k-th call to any of these `os` functions (in a child only)."""
    count = [0]
    for name in names:
        setattr(os, name, _counted(getattr(os, name), count, k))


def _counted(real, count: list[int], k: int):
    def wrapper(*a, **kw):
        count[0] += 1
        if count[0] == k:
            _die()
        return real(*a, **kw)

    return wrapper


FILE_STEPS = ("fsync", "link", "replace", "unlink")


def _create_and_die(path: Path) -> None:
    later = Migrations(MIGRATION_SET)

    @later(name="m001_initial")
    def m001(db):
        m001_initial(db)
        _die()  # the schema is made, not yet committed

    Database(path, migrations=later)


def _migrate_and_die(path: Path) -> None:
    def m_extra(db):
        db.execute("CREATE TABLE extra (x TEXT)")
        db.execute("UPDATE schools SET name = 'half-migrated'")
        _die()

    Database(path, migrations=ours_then(m_extra))


def _restore_and_die(db_path: Path, backup: Path, k: int) -> None:
    _die_at_call(k, *FILE_STEPS)
    restore(db_path, backup)
    print("finished")


def _backup_and_die(db_path: Path, k: int) -> None:
    db = Database(db_path)
    _die_at_call(k, *FILE_STEPS)
    db.backup()
    print("finished")


def _filled(path: Path) -> dict:
    with Database(path) as db:
        q = services.ensure_default(db)
        a = full_assessment(q)
        db.create_assessment(a, q)
    return {a.uid: as_imported(a)}


def test_killed_while_creating_a_new_database(tmp_path):
    path = tmp_path / "new" / "dd.db"
    proc = Forked(_create_and_die, path)
    assert proc.finish() == -signal.SIGKILL, proc.err
    with Database(path) as db:  # not "made by another program": as if never created
        assert db.list_assessments() == []
    assert _filled(path)


def test_killed_in_the_middle_of_a_migration(tmp_path):
    path = tmp_path / "dd.db"
    expected = _filled(path)
    proc = Forked(_migrate_and_die, path)
    assert proc.finish() == -signal.SIGKILL, proc.err
    assert_sound(path, expected)  # as it was: the migration is all or nothing
    with Database(path) as db:
        assert not db.db["extra"].exists()
    [backup] = list_backups(path)  # taken before the migration started
    assert_sound(backup, expected)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 1000])
def test_restore_killed_at_each_step_leaves_old_or_restored(tmp_path, k):
    """Before the copy is flushed (1), before the current file is given its second name (2),
    before the copy takes its place (3), while cleaning up (4), and not at all."""
    db_path = tmp_path / "dd.db"
    restored = _filled(db_path)
    with Database(db_path) as db:
        backup = db.backup()
    before = restored | _filled(db_path)  # a second assessment, after the backup
    proc = Forked(_restore_and_die, db_path, backup, k)
    code = proc.finish()
    why = f"killed before call {k}: {proc.err}"
    assert code == -signal.SIGKILL or proc.lines == ["finished"], why
    ids = assert_sound(db_path, before)
    assert len(ids) in (len(before), len(restored)), why
    if len(ids) == len(restored):  # restored: the old file is kept aside, whole
        [aside] = db_path.parent.glob("dd.db.replaced-*[0-9]")
        assert len(assert_sound(aside, before)) == len(before), why
    if k == 1000:
        assert code == 0 and len(ids) == len(restored), why


def test_backup_killed_before_it_is_named_leaves_no_half_backup(tmp_path):
    db_path = tmp_path / "dd.db"
    expected = _filled(db_path)
    for k in (1, 2):  # before the flush, before the name
        proc = Forked(_backup_and_die, db_path, k)
        assert proc.finish() == -signal.SIGKILL, proc.err
    assert list_backups(db_path) == []  # a backup's name is only ever on a whole backup
    with Database(db_path) as db:
        taken = db.backup()
    assert_sound(taken, expected)

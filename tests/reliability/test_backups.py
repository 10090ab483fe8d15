"""Promise 2: backups are whole databases the app can open, taken before anything risky;
restore keeps the replaced file and never touches a damaged one.

tests/storage/test_backups.py covers naming, retention, auto_backup's skipping and the
storage-level restore; these add what a school relies on from outside.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.cli import main
from ddwizard.core.changes import AnswerChosen
from ddwizard.storage import Database, DatabaseInUse, list_backups, restore
from ddwizard.storage.backups import newest_good
from ddwizard.storage.identity import MIGRATION_NAMES

from .helpers import Forked, assert_sound, full_assessment, integrity, write_bundles


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "data" / "dd.db"
    monkeypatch.setenv("DDWIZARD_DB", str(path))
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_backup_is_a_sound_database_the_app_opens(db_path, capsys):
    expected = write_bundles(db_path.parent / "in", 3)
    run(capsys, "import", *map(str, sorted((db_path.parent / "in").iterdir())))
    code, out, _ = run(capsys, "backup")
    backup = Path(out.strip())
    assert code == 0 and backup.parent == db_path.parent / "backups"
    assert integrity(backup) == "ok"
    assert not backup.with_name(backup.name + "-wal").exists()  # one self-contained file
    assert len(assert_sound(backup, expected)) == 3


def test_replace_import_backs_up_the_version_it_replaces(db_path, tmp_path, capsys):
    expected = write_bundles(tmp_path / "in", 1)
    [(uid, original)] = expected.items()
    run(capsys, "import", str(tmp_path / "in" / f"{uid}.json"))
    changed = tmp_path / "changed.json"
    data = json.loads((tmp_path / "in" / f"{uid}.json").read_text())
    data["assessment"]["label"] = "Second visit"
    changed.write_text(json.dumps(data))
    assert list_backups(db_path) == []
    code, out, _ = run(capsys, "import", "--replace", str(changed))
    assert code == 0 and out.strip() == "1"
    [backup] = list_backups(db_path)
    assert_sound(backup, expected)  # the version before the replace
    with Database(db_path) as db:
        assert db.load_assessment(1).label == "Second visit"


def test_a_backup_taken_while_another_process_saves_is_consistent(db_path, tmp_path):
    with Database(db_path) as db:
        q = services.ensure_default(db)
        aid = db.create_assessment(full_assessment(q), q)
    writer = Forked(_keep_saving, db_path, aid)
    try:
        assert writer.reported.wait(60), writer.err
        with Database(db_path) as db:
            backups = [db.backup() for _ in range(3)]
    finally:
        writer.kill()  # never leave the writer running, whatever happened
    questions = sum(len(r.questions) for r in q.referents)
    for backup in backups:
        assert integrity(backup) == "ok"
        with Database(backup) as copy:  # every saved answer has its audit row: no torn copy
            answers = copy.conn.execute("SELECT count(*) FROM answers").fetchone()[0]
            audited = copy.conn.execute(
                "SELECT count(*) FROM audit WHERE what LIKE 'answer:w%.option'"
            ).fetchone()[0]
            assert answers == questions + audited > questions


def _keep_saving(db_path: Path, aid: int) -> None:
    db = Database(db_path)
    for n in range(100_000):
        db.apply(aid, AnswerChosen(f"w{n}", "trust"))
        print(n, flush=True)
        # A person saves a few times a second, not in a tight loop: a writer that takes the
        # lock back the instant it lets go can starve SQLite's busy handler in the other
        # process, which is not the promise under test.
        time.sleep(0.002)


def test_restore_keeps_the_replaced_file_and_the_restored_one_opens(db_path, capsys):
    run(capsys, "demo")
    _, out, _ = run(capsys, "backup")
    backup = out.strip()
    run(capsys, "demo")
    code, _, err = run(capsys, "restore", backup)
    assert code == 0
    [aside] = db_path.parent.glob("dd.db.replaced-*")
    assert str(aside) in err
    assert integrity(aside) == "ok" and integrity(db_path) == "ok"
    with Database(aside) as kept, Database(db_path) as now:  # each demo adds two
        assert len(kept.list_assessments()) == 4
        assert len(now.list_assessments()) == 2


def test_restore_over_a_damaged_database_keeps_it_byte_for_byte(db_path, capsys):
    run(capsys, "demo")
    _, out, _ = run(capsys, "backup")
    damaged = bytearray(db_path.read_bytes())
    damaged[4096:8192] = b"\xff" * 4096
    db_path.write_bytes(bytes(damaged))
    code, _, err = run(capsys, "restore", out.strip())
    assert code == 0, err
    [aside] = db_path.parent.glob("dd.db.replaced-*")
    assert aside.read_bytes() == bytes(damaged)
    with Database(db_path) as db:
        assert len(db.list_assessments()) == 2  # the demo's two


def test_restore_refuses_while_the_database_is_open_elsewhere(db_path, capsys):
    run(capsys, "demo")
    _, out, _ = run(capsys, "backup")
    holder = sqlite3.connect(db_path)  # as the app would have it: open, idle
    holder.execute("SELECT count(*) FROM assessments").fetchall()
    try:
        before = db_path.read_bytes()
        with pytest.raises(DatabaseInUse, match=str(db_path)):
            restore(db_path, out.strip())
        assert db_path.read_bytes() == before
        assert list(db_path.parent.glob("*.replaced-*")) == []
    finally:
        holder.close()
    assert restore(db_path, out.strip()) is not None  # closed there: it works


def test_newest_good_backup_skips_a_damaged_one(db_path, filled_db):
    db = filled_db
    good = db.backup()
    bad = db.backup()
    bad.write_bytes(bad.read_bytes()[:2048])
    assert newest_good(db_path.parent / "backups", list(MIGRATION_NAMES)) == good


@pytest.fixture
def filled_db(db_path):
    with Database(db_path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
        yield db

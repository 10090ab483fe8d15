"""Promise 5: two (or more) processes on one database: each waits its turn, all of their
work arrives whole, and the file stays sound.

A command meeting a write that lasts too long says the database is in use
(test_damaged.py), and one meeting a short write waits for it (also there).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ddwizard import services
from ddwizard.core.changes import AnswerChosen, AnswerNoted
from ddwizard.storage import Database

from .helpers import Forked, Running, assert_sound, full_assessment, integrity, write_bundles

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork")


def test_several_imports_at_once_on_a_new_database(tmp_path):
    """Four at once on a database that does not exist yet: two real processes, and two
    forked ones, which start at the same instant (so they also race to create it)."""
    db = tmp_path / "data" / "dd.db"
    expected, procs = {}, []
    for n in range(4):
        folder = tmp_path / f"in{n}"
        expected |= write_bundles(folder, 10)
        start = Running.cli if n < 2 else Forked.cli
        procs.append(start("import", *map(str, sorted(folder.iterdir())), db=db))
    for proc in procs:
        assert proc.finish() == 0, proc.err
    ids = assert_sound(db, expected)
    assert len(ids) == 40 == len({line for p in procs for line in p.lines})


def test_the_same_bundles_copied_by_several_at_once(tmp_path):
    """Each process checks for the uid and adds the assessment in one transaction, so none
    is refused as a duplicate of what another added in between."""
    db = tmp_path / "dd.db"
    with Database(db) as store:
        services.ensure_default(store)
    folder = tmp_path / "in"
    write_bundles(folder, 12)
    files = [str(p) for p in sorted(folder.iterdir())]
    procs = [Forked.cli("import", "--copy", *files, db=db) for _ in range(4)]
    for proc in procs:
        assert proc.finish() == 0, proc.err
    assert integrity(db) == "ok"
    with Database(db) as store:
        infos = store.list_assessments()
        assert len(infos) == 48 and len({i.uid for i in infos}) == 48
        assert all(i.answered == i.questions for i in infos)


def test_imports_autosaves_and_backups_at_once(tmp_path):
    """The app saving answers, two imports and a backup, all on one database."""
    db = tmp_path / "dd.db"
    with Database(db) as store:
        q = services.ensure_default(store)
        base = full_assessment(q)
        aid = store.create_assessment(base, q)
    expected = {}
    folders = [tmp_path / f"in{n}" for n in range(2)]
    for folder in folders:
        expected |= write_bundles(folder, 15)
    saver = Forked(_save_answers, db, aid, 150)
    importers = [
        Forked.cli("import", *map(str, sorted(folder.iterdir())), db=db) for folder in folders
    ]
    assert importers[0].reported.wait(60) and saver.reported.wait(60)
    backup = Forked.cli("backup", db=db)  # while they are all at work
    for proc in [saver, *importers, backup]:
        assert proc.finish() == 0, proc.err
    assert len(saver.lines) == 150
    with Database(db) as store:
        saved = store.load_assessment(aid)
    expected[base.uid] = saved  # checked below: every reported answer is in it
    assert {f"app{n}" for n in saver.lines} <= {a.question for a in saved.answers}
    assert len(assert_sound(db, expected)) == 31
    backup_path = Path(backup.lines[0])
    assert integrity(backup_path) == "ok"
    with Database(backup_path) as copy:  # a moment's snapshot, of whole assessments only
        for info in copy.list_assessments():
            if info.id != aid:
                assert copy.load_assessment(info.id) == expected[info.uid]


def _save_answers(db_path: Path, aid: int, count: int) -> None:
    db = Database(db_path)
    for n in range(count):
        with db.atomic():
            db.apply(aid, AnswerChosen(f"app{n}", "trust"))
            db.apply(aid, AnswerNoted(f"app{n}", json.dumps({"n": n})))
        print(n, flush=True)

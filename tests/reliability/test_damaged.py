"""Promise 3: a damaged, foreign, too new or busy database is reported in words that name
the file and the way back, from every command, and the file is left byte for byte as it was.

tests/storage/test_opening.py proves the storage errors; these prove what a person at the
command line sees, and that the way back it names works.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ddwizard import paths, services
from ddwizard.cli import main
from ddwizard.storage import Database, DatabaseDamaged

from .helpers import ddwizard, full_assessment, tree, write_bundles

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "core" / "fixtures" / "example_questionnaire.yaml"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 1 and out == "", (code, out, err)
    lines = err.splitlines()
    assert lines and all(line.startswith("ddwizard: error: ") for line in lines), err
    assert "Traceback" not in err
    for w in words:
        assert w in err, (w, err)


@pytest.fixture
def filled(tmp_path) -> Path:
    """A database with an assessment and one good backup of it."""
    path = tmp_path / "data" / "dd.db"
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
        db.backup()
    return path


def _garbage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 : len(data) // 2] = os.urandom(len(data) // 2 - 4096)
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _not_sqlite(path: Path) -> None:
    path.write_text("Minutes of the governing board <b>{{ x }}</b>\n" * 200)


def _too_new(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (x)")
    conn.commit()
    conn.close()


CASES = {
    "damaged": (_garbage, ["damaged", "newest good backup"]),
    "truncated": (_truncated, ["damaged", "newest good backup"]),
    "not sqlite": (_not_sqlite, ["not a SQLite file", "newest good backup"]),
    "another program's": (_foreign, ["another program", "newest good backup"]),
    "too new": (_too_new, ["newer version", "Update ddwizard"]),
}


def _commands(tmp_path: Path, bundle: Path) -> list[list[str]]:
    return [
        ["list"],
        ["list", "--json"],
        ["demo"],
        ["import", str(bundle)],
        ["export", "1", "-o", str(tmp_path / "out.json")],
        ["place", "1", "--json"],
        ["questionnaire", "list"],
        ["questionnaire", "add", str(EXAMPLE)],
        ["backup"],
    ]


@pytest.mark.parametrize("case", CASES)
def test_every_command_reports_a_bad_file_in_words_and_leaves_it(case, filled, tmp_path, capsys):
    spoil, words = CASES[case]
    spoil(filled)
    [backup] = (filled.parent / "backups").iterdir()
    bundle = next(iter(write_bundles(tmp_path / "in", 1))) + ".json"
    before = tree(filled.parent)
    for argv in _commands(tmp_path, tmp_path / "in" / bundle):
        code, out, err = run(capsys, "--db", str(filled), *argv)
        assert_error(code, out, err, str(filled), *words)
        if "newest good backup" in words:
            assert str(backup) in err  # named, so a person can put it back
        assert tree(filled.parent) == before, argv  # byte for byte, nothing added
    assert not (tmp_path / "out.json").exists()
    if "newest good backup" in words:  # and the way back it names works
        assert run(capsys, "--db", str(filled), "restore", str(backup))[0] == 0
        assert run(capsys, "--db", str(filled), "place", "1")[0] == 0


def test_no_backup_yet_still_says_what_to_do(tmp_path, capsys):
    path = tmp_path / "dd.db"
    Database(path).close()
    _garbage_small(path)
    code, out, err = run(capsys, "--db", str(path), "list")
    assert_error(code, out, err, str(path), "damaged", "backup")


def _garbage_small(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:] = b"\x00\xff" * ((len(data) - 100) // 2)
    path.write_bytes(bytes(data))


def test_a_real_process_says_it_in_words(filled):
    _garbage(filled)
    before = filled.read_bytes()
    r = ddwizard("list", db=filled)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith("ddwizard: error: ") and "Traceback" not in r.stderr
    assert str(filled) in r.stderr and "newest good backup" in r.stderr
    assert filled.read_bytes() == before


# --- held by another process --------------------------------------------------------------

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":  # another program, rollback journal, an EXCLUSIVE lock
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN EXCLUSIVE")
else:  # a long write transaction (another ddwizard, a script)
    conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO state (key, value) VALUES ('held', 'yes')")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


class Holder:
    def __init__(self, path: Path, how: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(path), how],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline().strip() == "holding"

    def release(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
        self.proc.wait(10)


@pytest.fixture
def short_wait(monkeypatch):
    """The commands give up after 0.3 s instead of 5 (the wait itself is tested below)."""
    monkeypatch.setattr(
        services, "open_database", lambda p=None: Database(paths.database_path(p), busy_timeout=0.3)
    )


@pytest.mark.parametrize(
    ("how", "argv"),
    [("exclusive", ["list"]), ("exclusive", ["backup"]), ("write", ["demo"])],
)
def test_busy_database_is_reported_and_left(how, argv, filled, short_wait, capsys):
    holder = Holder(filled, how)
    try:
        before = filled.read_bytes()
        backups = sorted((filled.parent / "backups").iterdir())
        code, out, err = run(capsys, "--db", str(filled), *argv)
        assert_error(code, out, err, str(filled), "busy", "another")
        assert filled.read_bytes() == before
        assert sorted((filled.parent / "backups").iterdir()) == backups
    finally:
        holder.release()


def test_a_command_waits_for_a_short_write_elsewhere(filled, capsys):
    holder = Holder(filled, "write")
    timer = threading.Timer(0.5, holder.release)
    started = time.monotonic()
    timer.start()
    try:
        code, out, err = run(capsys, "--db", str(filled), "demo")
    finally:
        timer.join()
    assert code == 0, err
    assert time.monotonic() - started >= 0.4  # it waited, then saved


# --- newer files than this version reads -------------------------------------------------


def test_newer_bundle_and_questionnaire_formats_are_named(filled, tmp_path, capsys):
    bundle = next(iter(write_bundles(tmp_path / "in", 1)))
    source = tmp_path / "in" / f"{bundle}.json"
    data = json.loads(source.read_text())
    data["format_version"] = 3
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))
    yaml = tmp_path / "newer.yaml"
    yaml.write_text(EXAMPLE.read_text().replace("format_version: 1", "format_version: 3"))
    before = tree(filled.parent)
    for argv, version in ((["import", str(newer)], 3), (["questionnaire", "add", str(yaml)], 3)):
        code, out, err = run(capsys, "--db", str(filled), *argv)
        assert_error(code, out, err, "newer version", f"format_version {version}")
    assert tree(filled.parent) == before
    code, out, _ = run(capsys, "validate", str(yaml))
    assert code == 1 and f"{yaml}:" in out and "newer version" in out


# --- the app's check, put off until its window is up ----------------------------------------


def _last_page_garbled(path: Path) -> None:
    """Damage only the data at the end of the file: it opens, but does not pass a check."""
    data = bytearray(path.read_bytes())
    data[-4096:] = b"\x55" * 4096
    path.write_bytes(bytes(data))


def test_a_check_put_off_still_finds_the_damage_and_names_a_backup(filled):
    _last_page_garbled(filled)
    before = filled.read_bytes()
    with Database(filled, check_later=True) as db:  # opens: the check is to come
        assert db.unchecked is not None
        with pytest.raises(DatabaseDamaged, match="newest good backup"):
            db.check_integrity()
        assert db.unchecked is not None
    assert filled.read_bytes() == before
    with pytest.raises(DatabaseDamaged):
        Database(filled)  # the damage was not remembered as a pass


def test_a_check_put_off_runs_before_the_first_write_and_damage_stops_writing(filled):
    _last_page_garbled(filled)
    before = filled.read_bytes()
    with Database(filled, check_later=True) as db:
        assert db.unchecked is not None
        for _ in range(2):  # refused, and still refused after the damage is known
            with pytest.raises(DatabaseDamaged, match="newest good backup"):
                db.set_state("ui.last", "{}")
    assert filled.read_bytes() == before


def test_commands_never_put_the_check_off(filled, capsys):
    _last_page_garbled(filled)
    code, out, err = run(capsys, "--db", str(filled), "list")
    assert_error(code, out, err, "damaged", "backup")

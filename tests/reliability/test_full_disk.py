"""Promise 4: on a full disk or in a place that cannot be written, saving, importing,
backing up, restoring and exporting either succeed or fail in words, leaving everything as
it was (no half-written file, no half-made change).

A real full disk is a small tmpfs (needs root to mount: skipped otherwise); the same
failures are also made without root, at the boundary where they arrive: SQLite's own
"database or disk is full" (a page limit) and ENOSPC from a file write or flush.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ddwizard import fileio, paths, services
from ddwizard.cli import main
from ddwizard.core.changes import AnswerChosen, AnswerNoted, DetailSet
from ddwizard.storage import Database, StorageError, list_backups

from .helpers import assert_sound, full_assessment, integrity, tree, write_bundles

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file systems")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 1, (code, out, err)
    assert err.startswith("ddwizard: error: ") and "Traceback" not in err, err
    for w in words:
        assert w in err, (w, err)


def no_leftovers(folder: Path) -> None:
    """No temporary or partial file anywhere: only whole files under their own names."""
    stray = [p for p in folder.rglob("*") if p.name.endswith(".part") or "journal" in p.name]
    assert stray == []


# --- a real, small file system --------------------------------------------------------------


@contextlib.contextmanager
def mounted(folder: Path, size: str = "3m") -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        r = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
        )
    except OSError as e:
        r = subprocess.CompletedProcess([], 1, "", str(e))
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small file system here ({r.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_read_only(folder: Path) -> None:
    r = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot remount read-only here")


def fill(folder: Path) -> Path:
    """Fill the file system to the last byte; returns the file to delete to free it."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as f:
        for chunk in (1 << 16, 1 << 12, 1 << 8, 1):
            with contextlib.suppress(OSError):
                while True:
                    f.write(b"\0" * chunk)
    return filler


@pytest.fixture
def disk(tmp_path) -> Iterator[Path]:
    with mounted(tmp_path / "disk") as folder:
        yield folder


@pytest.fixture
def on_disk(disk, monkeypatch) -> Path:
    """A database with an assessment (and a backup) on the small file system."""
    path = disk / "dd.db"
    monkeypatch.setenv("DDWIZARD_DB", str(path))
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
    return path


@contextlib.contextmanager
def filled_while_open(db_path: Path) -> Iterator[None]:
    """The disk fills up while the app has the database open (so its -wal and -shm files
    are already there, and a command's writes are what meets the full disk)."""
    with Database(db_path):
        filler = fill(db_path.parent)
        try:
            yield
        finally:
            filler.unlink()


def test_autosave_on_a_full_disk(on_disk):
    saved = []
    with Database(on_disk) as db, pytest.raises(StorageError) as caught:
        filler = fill(on_disk.parent)  # while it is open, as in the app
        for n in range(10_000):
            with db.atomic():
                db.apply(1, AnswerChosen(f"full{n}", "trust"))
                db.apply(1, AnswerNoted(f"full{n}", "x" * 2000))
            saved.append(f"full{n}")
    assert "full" in str(caught.value) and str(on_disk) in str(caught.value)
    filler.unlink()
    with Database(on_disk) as db:
        assert integrity(on_disk) == "ok"
        answers = {a.question for a in db.load_assessment(1).answers}
        assert set(saved) <= answers and f"full{len(saved)}" not in answers
        db.apply(1, AnswerChosen("after", "trust"))  # space again: saving works again


def test_import_on_a_full_disk(on_disk, tmp_path, capsys):
    expected = write_bundles(tmp_path / "in", 3, note="y" * 3000)
    with Database(on_disk) as db:
        first = db.load_assessment(1)
    with filled_while_open(on_disk):
        code, out, err = run(capsys, "import", *map(str, sorted((tmp_path / "in").iterdir())))
    assert_error(code, out, err, "The disk holding", "is full")
    ids = assert_sound(on_disk, expected | {first.uid: first})
    assert {int(x) for x in out.split()} <= ids


def test_backup_on_a_full_disk(on_disk, capsys):
    with filled_while_open(on_disk):
        code, out, err = run(capsys, "backup")
    assert_error(code, out, err, "The disk holding", "is full")
    assert list_backups(on_disk) == []
    no_leftovers(on_disk.parent)
    assert run(capsys, "backup")[0] == 0


def test_export_on_a_full_disk_keeps_the_earlier_export(on_disk, capsys):
    out_file = on_disk.parent / "visit.json"
    assert run(capsys, "export", "1", "-o", str(out_file))[0] == 0
    earlier = out_file.read_bytes()
    with Database(on_disk) as db:
        db.apply(1, DetailSet("label", "changed since the export"))
    with filled_while_open(on_disk):
        code, out, err = run(capsys, "export", "1", "-o", str(out_file))
    assert_error(code, out, err, str(out_file), "No space left")
    assert out_file.read_bytes() == earlier
    no_leftovers(on_disk.parent)


def test_opening_on_a_full_disk_says_so(on_disk, capsys):
    filler = fill(on_disk.parent)
    code, out, err = run(capsys, "list")  # SQLite has no room to make its -shm file
    assert_error(code, out, err, "The disk holding", "is full")
    filler.unlink()


def test_restore_on_a_full_disk_changes_nothing(on_disk, capsys):
    _, out, _ = run(capsys, "backup")
    with Database(on_disk) as db:
        db.apply(1, DetailSet("label", "after the backup"))
    filler = fill(on_disk.parent)
    code, _, err = run(capsys, "restore", out.strip())
    assert_error(code, "", err, "full")
    assert list(on_disk.parent.glob("*.replaced-*")) == []
    no_leftovers(on_disk.parent)
    filler.unlink()
    with Database(on_disk) as db:
        assert db.load_assessment(1).label == "after the backup"


def test_a_new_database_on_a_full_disk(disk, capsys):
    filler = fill(disk)
    code, out, err = run(capsys, "--db", str(disk / "new.db"), "list")
    assert_error(code, out, err, str(disk / "new.db"))
    filler.unlink()
    with Database(disk / "new.db") as db:  # nothing half-made is in the way
        assert db.list_assessments() == []


def test_a_database_on_a_read_only_disk(on_disk, capsys):
    before = tree(on_disk.parent)
    remount_read_only(on_disk.parent)
    for argv in (["list"], ["demo"], ["backup"]):
        code, out, err = run(capsys, *argv)
        assert_error(code, out, err, str(on_disk))
    assert tree(on_disk.parent) == before


# --- the same failures without root, where they arrive ---------------------------------------


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data" / "dd.db"
    monkeypatch.setenv("DDWIZARD_DB", str(path))
    with Database(path) as db:
        q = services.ensure_default(db)
        db.create_assessment(full_assessment(q), q)
    return path


def _no_more_pages(db: Database) -> Database:
    """SQLite answers "database or disk is full" once the file would have to grow."""
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")
    return db


def test_autosave_when_sqlite_says_the_disk_is_full(db_path):
    with _no_more_pages(Database(db_path)) as db:
        with pytest.raises(StorageError, match="full") as caught:
            for n in range(10_000):
                with db.atomic():
                    db.apply(1, AnswerChosen(f"q{n}", "trust"))
                    db.apply(1, AnswerNoted(f"q{n}", "x" * 4000))
        failed = f"q{n}"
        assert "Free some space" in str(caught.value)
        assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        answers = {a.question for a in db.load_assessment(1).answers}
        audited = {e.what for e in db.audit(1)}
        assert failed not in answers and f"answer:{failed}.option" not in audited
        assert {f"q{i}" for i in range(n)} <= answers  # the ones before it are all there


def test_import_when_sqlite_says_the_disk_is_full(db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(
        services,
        "open_database",
        lambda p=None: _no_more_pages(Database(paths.database_path(p))),
    )
    write_bundles(tmp_path / "in", 2)
    before = tree(db_path.parent)
    code, out, err = run(capsys, "import", *map(str, sorted((tmp_path / "in").iterdir())))
    assert_error(code, out, err, "full", str(db_path))
    assert out == ""
    with Database(db_path) as db:
        assert len(db.list_assessments()) == 1
    assert tree(db_path.parent).keys() == before.keys()


def _enospc(*args, **kw):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_backup_when_the_flush_finds_the_disk_full(db_path, monkeypatch, capsys):
    monkeypatch.setattr(os, "fsync", _enospc)  # where a delayed write's failure shows
    code, out, err = run(capsys, "backup")
    assert_error(code, out, err, "No space left")
    assert list_backups(db_path) == []
    no_leftovers(db_path.parent)


def test_replace_import_stops_when_the_backup_fails(db_path, tmp_path, monkeypatch, capsys):
    expected = write_bundles(tmp_path / "in", 1)
    [bundle] = (tmp_path / "in").iterdir()
    assert run(capsys, "import", str(bundle))[0] == 0
    text = bundle.read_text().replace("Pre-join visit", "Second visit")
    bundle.write_text(text)
    monkeypatch.setattr(os, "fsync", _enospc)
    code, out, err = run(capsys, "import", "--replace", str(bundle))
    assert_error(code, out, err, "No space left")
    monkeypatch.undo()
    with Database(db_path) as db:  # no backup, so no replace: the assessment is as it was
        assert db.load_assessment(2) == next(iter(expected.values()))


def test_restore_when_the_flush_finds_the_disk_full(db_path, monkeypatch, capsys):
    _, out, _ = run(capsys, "backup")
    before = tree(db_path.parent)
    monkeypatch.setattr(os, "fsync", _enospc)
    code, _, err = run(capsys, "restore", out.strip())
    assert_error(code, "", err, "No space left")
    monkeypatch.undo()
    assert tree(db_path.parent).keys() == before.keys()  # nothing kept aside, nothing added
    no_leftovers(db_path.parent)
    assert integrity(db_path) == "ok"
    with Database(db_path) as db:
        assert len(db.list_assessments()) == 1


class _HalfWrites:
    """A file whose writes stop half-way with ENOSPC, as on a disk that fills up."""

    def __init__(self, f) -> None:
        self._f = f

    def write(self, data: bytes) -> int:
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        _enospc()

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._f.close()


def test_export_that_fails_half_way_keeps_the_earlier_export(
    db_path, tmp_path, monkeypatch, capsys
):
    out_file = tmp_path / "exports" / "visit.json"
    out_file.parent.mkdir()
    assert run(capsys, "export", "1", "-o", str(out_file))[0] == 0
    earlier = out_file.read_bytes()
    with Database(db_path) as db:
        db.apply(1, DetailSet("label", "changed since the export"))
    real_fdopen = os.fdopen
    monkeypatch.setattr(fileio.os, "fdopen", lambda *a, **k: _HalfWrites(real_fdopen(*a, **k)))
    code, out, err = run(capsys, "export", "1", "-o", str(out_file))
    assert_error(code, out, err, str(out_file), "No space left")
    assert out_file.read_bytes() == earlier
    assert [p.name for p in out_file.parent.iterdir()] == ["visit.json"]


# --- places an export cannot go -----------------------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path) -> Iterator[Path]:
    """A folder this process cannot write to: by its mode, or (root ignores modes) by
    mounting it read-only."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    with mounted(tmp_path / "ro", "64k") as folder:
        remount_read_only(folder)
        yield folder


def test_export_to_places_it_cannot_write(db_path, tmp_path, read_only_folder, capsys):
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("keep me")
    a_folder = tmp_path / "a-folder"
    a_folder.mkdir()
    places = {
        read_only_folder / "visit.json": "could not write",
        tmp_path / "missing" / "visit.json": "does not exist",
        a_file / "visit.json": "is a file, not a folder",
        a_folder: "is a folder",
    }
    for target, words in places.items():
        code, out, err = run(capsys, "export", "1", "-o", str(target))
        assert_error(code, out, err, words)
    assert a_file.read_text() == "keep me"
    assert list(read_only_folder.iterdir()) == [] and list(a_folder.iterdir()) == []
    assert not (tmp_path / "missing").exists()


def test_a_new_database_in_a_read_only_folder(read_only_folder, capsys):
    path = read_only_folder / "sub" / "dd.db"
    code, out, err = run(capsys, "--db", str(path), "list")
    assert_error(code, out, err, str(path))
    assert list(read_only_folder.iterdir()) == []

"""Opening a database file safely: check it read-only first, then connect with our pragmas.

A file that is damaged, foreign or too new is reported and never written to, so the person
can still take it elsewhere or put back a backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from . import checked
from .errors import (
    DatabaseTooNew,
    NotADatabase,
    StorageError,
    damaged,
    is_busy,
    translated,
)
from .identity import APPLICATION_ID, MIGRATION_SET

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """UTC ISO-8601 to the millisecond, e.g. 2026-11-22T14:30:05.123Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# --- files and permissions --------------------------------------------------------------


def is_new(path: Path) -> bool:
    """No file yet, or an empty one (SQLite treats a 0-byte file as an empty database)."""
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def make_private_dir(folder: Path) -> None:
    """Create a folder readable by its owner only. An existing folder is left as it is,
    also one made meanwhile (the app and a command starting at once on a first run)."""
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        if folder.is_dir():
            return
        raise
    folder.chmod(0o700)  # mkdir's mode is filtered by the umask


def make_private_file(path: Path) -> None:
    """Create an empty file that only its owner can read, before SQLite opens it."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    tighten(path)


def tighten(path: Path) -> None:
    """No one but the owner may read the database or the files SQLite keeps beside it.
    Only others' permissions are taken away: a file its owner made read-only stays so."""
    for p in (path, sidecar(path, "-wal"), sidecar(path, "-shm")):
        try:
            mode = stat.S_IMODE(os.lstat(p).st_mode)
            if mode & 0o077 and not stat.S_ISLNK(os.lstat(p).st_mode):
                p.chmod(mode & 0o700)
        except OSError:
            pass  # gone, or not ours to change (e.g. another owner): leave it


def folder_warnings(path: Path | None) -> list[str]:
    """What the person should know about where the database is: a folder other users can
    write in lets them replace or remove the file (it is named, never changed: it is theirs
    to move the database from)."""
    if path is None:
        return []
    try:
        writable = stat.S_IMODE(os.stat(path.parent).st_mode) & 0o022
    except OSError:
        return []
    if not writable or os.name == "nt":
        return []
    return [
        f"the folder '{path.parent}' can be changed by other users, who could replace or "
        "remove the database in it; move the database to a folder only you can write in."
    ]


def made_read_only(path: Path | None) -> bool:
    """The owner took away their own permission to write the file (e.g. `chmod 400`): it
    is opened read-only, even by a user the system would let write it."""
    try:
        return path is not None and not os.stat(path).st_mode & stat.S_IWUSR
    except OSError:
        return False


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


# --- checking a file without writing to it ----------------------------------------------
#
# Only SQLite ever opens a database file (or its -wal and -shm) in ddwizard. POSIX locks
# belong to the process, and closing *any* descriptor on a file drops all of them
# ("How To Corrupt An SQLite Database File", 2.2): a stray `open()` and `close()` of the
# file beside a live connection would let another process delete that connection's -wal.
# SQLite's own connections in one process share their locks and close safely.


def check_file(
    path: Path,
    known: list[str],
    timeout: float,
    *,
    integrity: bool = True,
    now: float | None = None,
) -> list[str]:
    """Check an existing file is a healthy ddwizard database we can read, on a read-only
    connection of its own. Returns the names of the migrations already applied ([] for an
    empty SQLite file). Raises NotADatabase, DatabaseDamaged, DatabaseTooNew or
    DatabaseInUse. `integrity=False` leaves `integrity_check` to the caller; `now` (the
    time, in seconds): a pass is remembered, and not repeated while the file is unchanged."""
    conn = open_read_only(path, timeout)
    try:
        with translated(path):
            sniff(conn, path)
            if integrity:
                check_integrity(conn, path, now)
            return check_ours(conn, path, known)
    finally:
        conn.close()


def sniff(conn: sqlite3.Connection, path: Path) -> None:
    """Is it SQLite at all? Asked of SQLite itself (it reads the header), never by reading
    the file's bytes beside the connection."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as e:
        if "not a database" not in str(e).lower():
            raise
        raise NotADatabase(
            f"'{path}' is not a ddwizard database (it is not a SQLite file at all). "
            "It has been left as it is."
        ) from None


def refuse_folder(path: Path) -> None:
    if path.is_dir():
        raise NotADatabase(f"'{path}' is a folder, not a database file.")


def open_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that cannot write to the file.

    A file with no -wal beside it is open nowhere in WAL mode (an open WAL database always
    has its -wal), so `immutable` reads it without making a -wal or -shm that a read-only
    connection could not remove. Otherwise `mode=ro` takes the usual locks and reads
    committed pages still in the WAL.
    """
    refuse_folder(path)
    flag = "mode=ro" if sidecar(path, "-wal").exists() else "immutable=1"
    uri = f"{path.resolve().as_uri()}?{flag}"
    with translated(path):
        return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)


def check_integrity(conn: sqlite3.Connection, path: Path, now: float | None = None) -> None:
    """The full `integrity_check`: `quick_check` does not compare indexes with their
    tables, and a write through a damaged unique index can add a duplicate row. Given `now`
    (seconds), a pass is remembered and not repeated while the file is unchanged (see
    `checked`)."""
    found = None if now is None else checked.fingerprint(conn, path, now)
    if found is not None and found == checked.recalled(path):
        return
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        raise damaged(path)
    if found is not None:
        checked.remember(path, found)


def check_ours(conn: sqlite3.Connection, path: Path, known: list[str]) -> list[str]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and tables == 0:
        return []
    if app_id != APPLICATION_ID:
        raise NotADatabase(
            f"'{path}' is a database made by another program, not by ddwizard. "
            "It has been left as it is."
        )
    applied = applied_names(conn)
    unknown = [name for name in applied if name not in known]
    if version > len(known) or unknown:
        raise DatabaseTooNew(
            f"The database '{path}' was written by a newer version of ddwizard. "
            "Update ddwizard to open it; the file has been left as it is."
        )
    return applied


def applied_names(conn: sqlite3.Connection) -> list[str]:
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        ).fetchall()
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return []
        raise
    return [r[0] for r in rows]


# --- the working connection --------------------------------------------------------------


def connect(
    path: Path | None, timeout: float, *, unchecked: bool = False, read_only: bool = False
) -> sqlite3.Connection:
    """Open for reading and writing, with the pragmas our durability promise rests on.

    `isolation_level=None`: the driver never opens a transaction behind our back; every
    write happens inside an explicit `atomic()` block and is committed when it ends.
    `unchecked`: the file's integrity check is put off; a file not in WAL mode (a restored
    backup) is checked now, as switching it to WAL writes to it. `read_only`: a connection
    that cannot write, in whatever journal mode the file is.
    """
    if read_only and path is not None:
        return open_read_only(path, timeout)
    target = ":memory:" if path is None else str(path)
    with translated(path):
        conn = sqlite3.connect(target, timeout=timeout, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if unchecked and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                check_integrity(conn, path)
            set_pragmas(conn, timeout)
        except BaseException:
            conn.close()
            raise
    return conn


def set_pragmas(conn: sqlite3.Connection, timeout: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    mode = _to_wal(conn, timeout)
    if mode not in ("wal", "memory"):
        raise StorageError(f"The database could not be switched to WAL mode (it is {mode}).")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _to_wal(conn: sqlite3.Connection, timeout: float) -> str:
    """Switch to WAL mode, waiting up to `timeout` while another connection holds the file.
    SQLite answers "busy" at once here, without waiting as it does for a write, when the
    other connection is switching the same new file (two processes on a first run)."""
    end = time.monotonic() + timeout
    while True:
        try:
            return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as e:
            if not is_busy(e) or time.monotonic() >= end:
                raise
            time.sleep(0.005)

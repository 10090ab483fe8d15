"""Opening a database file safely: check it read-only first, then connect with our pragmas.

A file that is damaged, foreign or too new is reported and never written to, so the person
can still take it elsewhere or put back a backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from .errors import DatabaseTooNew, NotADatabase, StorageError, damaged, translated
from .identity import APPLICATION_ID, MIGRATION_SET

HEADER = b"SQLite format 3\x00"
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
    """Create a folder readable by its owner only. An existing folder is left as it is."""
    if folder.exists():
        return
    folder.mkdir(parents=True, mode=0o700)
    folder.chmod(0o700)  # mkdir's mode is filtered by the umask


def make_private_file(path: Path) -> None:
    """Create an empty file that only its owner can read, before SQLite opens it."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    tighten(path)


def tighten(path: Path) -> None:
    """0600 on the database and the files SQLite keeps beside it."""
    for p in (path, sidecar(path, "-wal"), sidecar(path, "-shm")):
        try:
            if p.exists():
                p.chmod(0o600)
        except OSError:
            pass  # not ours to change (e.g. another owner): leave it


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


# --- checking a file without writing to it ----------------------------------------------


def check_file(
    path: Path,
    known: list[str],
    timeout: float,
    stamp_file: Path | None = None,
    *,
    integrity: bool = True,
) -> list[str]:
    """Check an existing file is a healthy ddwizard database we can read.

    Returns the names of the migrations already applied ([] for an empty SQLite file).
    Raises NotADatabase, DatabaseDamaged, DatabaseTooNew or DatabaseInUse.

    `quick_check` reads the whole file, so its cost grows with the data. When `stamp_file`
    records that this very file (same inode, size and modification time, and the same -wal)
    passed the check and has not been written since, the check is not repeated. Damage
    SQLite meets while reading is still reported as damage (see `translated`).
    `integrity=False` leaves `quick_check` to the caller (see `check_due`, `check_now`).
    """
    check_header(path)
    fingerprint = _fingerprint(path)
    conn = open_read_only(path, timeout)
    try:
        with translated(path):
            fresh = integrity and (stamp_file is None or _read_stamp(stamp_file) != fingerprint)
            if fresh:
                check_integrity(conn, path)
            applied = check_ours(conn, path, known)
            if fresh and stamp_file is not None and applied:  # only for our own files
                _write_stamp(stamp_file, fingerprint)
            return applied
    finally:
        conn.close()


def check_due(path: Path, stamp_file: Path) -> str | None:
    """The file's fingerprint when its integrity is to be checked (it has changed since it
    last passed), else None."""
    fingerprint = _fingerprint(path)
    return None if _read_stamp(stamp_file) == fingerprint else fingerprint


def check_now(path: Path, timeout: float, stamp_file: Path, fingerprint: str) -> None:
    """`quick_check` on a connection of its own (so it may run on another thread); a pass
    is remembered for the file as `fingerprint` found it. Raises DatabaseDamaged."""
    conn = open_read_only(path, timeout)
    try:
        with translated(path):
            check_integrity(conn, path)
    finally:
        conn.close()
    _write_stamp(stamp_file, fingerprint)


def _fingerprint(path: Path) -> str:
    parts = []
    for p in (path, sidecar(path, "-wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


def _read_stamp(stamp_file: Path) -> str | None:
    try:
        return stamp_file.read_text(encoding="utf-8")  # ASCII; utf-8 is already loaded.strip()
    except (OSError, UnicodeDecodeError):
        return None


def _write_stamp(stamp_file: Path, fingerprint: str) -> None:
    """Best effort: without the stamp the next open simply checks again."""
    with contextlib.suppress(OSError):
        make_private_dir(stamp_file.parent)
        fd = os.open(stamp_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(fingerprint)


def check_header(path: Path) -> None:
    if path.is_dir():
        raise NotADatabase(f"'{path}' is a folder, not a database file.")
    with path.open("rb") as f:
        header = f.read(len(HEADER))
    if header != HEADER:
        raise NotADatabase(
            f"'{path}' is not a ddwizard database (it is not a SQLite file at all). "
            "It has been left as it is."
        )


def open_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that cannot write to the file.

    A WAL-mode file with no -wal beside it is complete and open nowhere (an open WAL
    database always has its -wal), so `immutable` reads it without creating -wal or -shm
    files. Otherwise `mode=ro` takes the usual locks and reads committed pages still in
    the WAL.
    """
    quiet = _wal_header(path) and not sidecar(path, "-wal").exists()
    flag = "immutable=1" if quiet else "mode=ro"
    uri = f"{path.resolve().as_uri()}?{flag}"
    with translated(path):
        return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)


def _wal_header(path: Path) -> bool:
    """Bytes 18 and 19 of the header are 2 for a database in WAL mode."""
    with path.open("rb") as f:
        header = f.read(20)
    return header[18:20] == b"\x02\x02"


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        raise damaged(path)


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


def connect(path: Path | None, timeout: float) -> sqlite3.Connection:
    """Open for reading and writing, with the pragmas our durability promise rests on.

    `isolation_level=None`: the driver never opens a transaction behind our back; every
    write happens inside an explicit `atomic()` block and is committed when it ends.
    """
    target = ":memory:" if path is None else str(path)
    with translated(path):
        conn = sqlite3.connect(target, timeout=timeout, isolation_level=None)
        try:
            set_pragmas(conn, timeout)
        except BaseException:
            conn.close()
            raise
    return conn


def set_pragmas(conn: sqlite3.Connection, timeout: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode not in ("wal", "memory"):
        raise StorageError(f"The database could not be switched to WAL mode (it is {mode}).")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")

"""A passed integrity check, remembered until the file changes in any way.

SQLite's full `integrity_check` reads and cross-checks the whole file, so its cost grows with
the data; every command and every start of the app would pay it. A pass is remembered by
what no change to the file can keep:

- the file system's change time (`st_ctime`) of the database and of a non-empty -wal, with
  their identity and size: any write, by any program, sets it to the time of the write, and
  unlike the modification time no program can set it back;
- through the connection, SQLite's own counters of the content (the schema cookie, the
  page and free-page counts).

Nothing here opens the database file or its -wal (`os.stat` opens nothing), so no lock of
the connection that holds it is touched. A change in the same tick of the file system's clock
as the check would keep them all, so no pass is remembered while the file's times are within
a tick of the check (git's "racily clean" rule): `TICK` where the file system keeps whole
seconds (FAT keeps two), `FINE_TICK` where its times have parts of a second (they move in
steps of a few milliseconds). On Windows `os.stat` has no change time (its `st_ctime` is the
creation time): nothing is remembered, every open checks.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import zlib
from pathlib import Path

from .places import owned

TICK = 2.0  # seconds: the coarsest time a common file system keeps (FAT keeps 2 s)
FINE_TICK = 0.1  # seconds, well past the few milliseconds a finer file system's time moves by


def fingerprint(conn: sqlite3.Connection, path: Path, now: float) -> str | None:
    """What the file is now, as far as a pass can be remembered for it; None when it
    cannot be (Windows, or a file changed within `TICK` of `now`). Taken before the check,
    so a change made while it runs is never remembered as checked."""
    if os.name == "nt":
        return None
    parts = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            info = os.stat(p)
        except FileNotFoundError:
            info = None
        if info is None or (p is not path and info.st_size == 0):
            parts.append("-")  # no -wal, or one with no frames: the same content
            continue
        if now - max(info.st_mtime, info.st_ctime) < _tick(info):
            return None
        parts.append(
            f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"
        )
    counters = [
        conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("schema_version", "page_count", "freelist_count")
    ]
    return " ".join(parts + [":".join(map(str, counters))])


def _tick(info: os.stat_result) -> float:
    whole = info.st_mtime_ns % 1_000_000_000 == 0 and info.st_ctime_ns % 1_000_000_000 == 0
    return TICK if whole else FINE_TICK


def recalled(path: Path) -> str | None:
    """The fingerprint of the last pass remembered for the file at `path`, if any."""
    try:
        fd = os.open(_stamp_path(path), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not owned(info):
            return None  # not a stamp this user wrote
        return os.read(fd, 4096).decode("ascii", "replace")
    finally:
        os.close(fd)


def remember(path: Path, found: str) -> None:
    """Best effort: without the stamp the next open simply checks again."""
    stamp = _stamp_path(path)
    with contextlib.suppress(OSError):
        stamp.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(stamp, flags, 0o600)
        try:
            os.write(fd, found.encode("ascii"))
        finally:
            os.close(fd)


def _stamp_path(path: Path) -> Path:
    """In the user's cache folder, named after the database's real path. The name is not a
    secret and may collide: the stamp itself names the file (device and inode)."""
    from platformdirs import user_cache_dir

    raw = os.path.realpath(path).encode("utf-8", "surrogateescape")
    name = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
    return Path(user_cache_dir("ddwizard", appauthor=False)) / "checked" / name

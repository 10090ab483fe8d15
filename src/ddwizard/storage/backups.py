"""Backups with SQLite's backup API (never a copy of a live file), retention, and restore.

Backups are named after their database, `<name>-YYYYmmdd-HHMMSS[-n].db` (`ddwizard-…` for
`ddwizard.db`; UTC, from the database's clock), so databases that share a folder keep their
backups apart: each is listed, suggested and pruned only with its own. They are ordinary
single-file databases (rollback journal, not WAL), readable by their owner only.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from . import places
from .errors import (
    StorageError,
    file_problem,
    translated,
)
from .opening import (
    check_file,
    make_private_dir,
    make_private_file,
    open_read_only,
    sidecar,
    tighten,
)

NAME = re.compile(r"^(.+)-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
DEFAULT_NAME = "ddwizard"  # of the backups of a database with no file (in memory)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6


def default_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_name(db_path: Path | None) -> str:
    """What a database's backups are named after: its file's name without `.db`."""
    return DEFAULT_NAME if db_path is None else db_path.stem


def new_backup_path(folder: Path, moment: datetime, name: str = DEFAULT_NAME) -> Path:
    """A fresh name in `folder` for a backup of the database `name` taken at `moment`."""
    base = f"{name}-{moment.astimezone(UTC):%Y%m%d-%H%M%S}"
    return _free(folder / f"{base}.db", lambda n: folder / f"{base}-{n}.db")


def _free(first: Path, numbered: Callable[[int], Path]) -> Path:
    candidate, n = first, 0
    while candidate.exists():
        n += 1
        candidate = numbered(n)
    return candidate


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent snapshot of `source` to `dest` (which must not exist yet).

    The snapshot is written beside `dest` under a temporary name and renamed into place
    only when complete, so a crash or a full disk never leaves half a backup under a
    backup's name.
    """
    if dest.exists():
        raise StorageError(f"Cannot back up to '{dest}': a file with that name already exists.")
    with snapshot(source, dest) as staged:
        try:
            _publish(staged, dest)
        except OSError as e:
            raise file_problem(dest, e) from e
    tighten(dest)
    return dest


@contextlib.contextmanager
def snapshot(source: sqlite3.Connection, dest: Path) -> Iterator[Path]:
    """A complete private copy of `source` in a temporary file beside `dest`, locked as
    this process's own until the block ends; then, and on any failure, nothing is left
    behind. Errors name `dest`, the file the person asked for."""
    staged = dest.with_name(f".{dest.name}.{os.urandom(4).hex()}.part")
    try:
        make_private_dir(dest.parent)
        make_private_file(staged)
        with places.claimed(staged):
            _fill(source, staged, dest)
            yield staged
    except OSError as e:
        raise file_problem(dest, e) from e
    finally:
        discard(staged)


def _fill(source: sqlite3.Connection, staged: Path, dest: Path) -> None:
    with translated(dest):
        target = sqlite3.connect(staged, isolation_level=None)
        try:
            source.backup(target)
            # A single self-contained file: no -wal beside it to lose when it is moved.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    _sync_file(staged)


def _publish(staged: Path, dest: Path) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(staged, dest)
    except FileExistsError:
        raise StorageError(
            f"Cannot back up to '{dest}': a file with that name already exists."
        ) from None
    except OSError:  # a file system without hard links
        if dest.exists():
            raise
        os.replace(staged, dest)
    _sync_dir(dest.parent)


def discard(path: Path) -> None:
    """Remove a temporary database file and anything SQLite kept beside it."""
    for p in (path, *(sidecar(path, s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def _sync_file(path: Path) -> None:
    """Flush a file to disk. A failure here (a full disk, a failing one) is an error."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk; best effort where that is not possible."""
    with contextlib.suppress(OSError):
        _sync_file(folder)


# --- finding backups and rolling retention --------------------------------------------------


def _stamp(path: Path) -> tuple[str, datetime, int] | None:
    """A backup's database name, time and number; None for any other file."""
    found = NAME.match(path.name)
    if not found:
        return None
    name, day, time, n = found.groups()
    digits = day + time  # YYYYmmddHHMMSS; read by hand: strptime costs the start-up 3 ms
    fields = [int(digits[i:j]) for i, j in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))]
    try:
        return name, datetime(*fields, tzinfo=UTC), int(n or 0)
    except ValueError:  # not a real date: not one of ours
        return None


def list_backups(db_path_or_dir: str | os.PathLike, name: str | None = None) -> list[Path]:
    """Backups newest first: a database's own (in its default backup folder), or those in a
    folder (of the database `name`, else of any)."""
    where = Path(db_path_or_dir)
    if where.is_dir():
        folder = where
    else:
        folder, name = default_dir(where), backup_name(where)
    if not _usable(folder):
        return []
    found = [
        p
        for p in folder.iterdir()
        if (s := _stamp(p)) is not None and (name is None or s[0] == name) and places.is_ours(p)
    ]
    return sorted(found, key=_held_order, reverse=True)


def _usable(folder: Path) -> bool:
    """A real folder of this user's: one that is a link, or another's, is never read."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and places.owned(info)


def _held_order(path: Path) -> tuple[int, tuple, str]:
    """Newest is what holds the most: the database's revision copied inside it (every
    change counts it up, whatever the clock says), then the name's time; a file that cannot
    be read comes last."""
    return (_revision_inside(path), (_stamp(path) or ("", 0, 0))[1:], path.name)


def _revision_inside(path: Path) -> int:
    try:
        conn = open_read_only(path, 0.5)
    except (StorageError, OSError):
        return -1
    try:
        found = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(found[0]) if found else -1
    except (sqlite3.Error, ValueError, TypeError):
        return -1
    finally:
        conn.close()


def newest_good(
    folder: Path, known: list[str], timeout: float = 1.0, name: str | None = None
) -> Path | None:
    """The newest backup in `folder` (of the database `name`, else of any) that this version
    can open (each checked read-only)."""
    for path in list_backups(folder, name):
        try:
            if check_file(path, known, timeout):
                return path
        except (StorageError, OSError):
            continue
    return None


def to_keep(backups: list[Path]) -> set[Path]:
    """The newest backup (by what it holds: `backups` come newest first), plus the newest
    of each of the last 7 days, 4 weeks and 6 months that have any, by their names' dates
    (a backup can count for several of these)."""
    stamped = [(s[1:], p) for p in backups if (s := _stamp(p)) is not None]
    dated = [(p, m[0]) for m, p in sorted(stamped, reverse=True)]
    keep = set(backups[:1])
    keep |= _newest_per(dated, lambda d: d.date(), KEEP_DAILY)
    keep |= _newest_per(dated, lambda d: d.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _newest_per(dated, lambda d: (d.year, d.month), KEEP_MONTHLY)
    return keep


def _newest_per(
    dated: Iterable[tuple[Path, datetime]], period: Callable[[datetime], Hashable], count: int
) -> set[Path]:
    seen: set[Hashable] = set()
    kept: set[Path] = set()
    for path, moment in dated:  # newest first
        key = period(moment)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(path)
    return kept


def prune(folder: Path, keep: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups in `folder` that retention does not keep, each database's counted
    apart from the others', and any unfinished copy no process owns. Only this user's own
    files are ever deleted, never through a link, and never those in `keep` (a backup just
    taken). Returns the backups deleted."""
    if not _usable(folder):
        return []
    for part in places.unowned_parts(folder):
        discard(part)
    by_name: dict[str, list[Path]] = {}
    for path in list_backups(folder):
        by_name.setdefault(_stamp(path)[0], []).append(path)
    removed = []
    for found in by_name.values():
        kept = to_keep(found) | set(keep)
        removed += [p for p in found if p not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed

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
import time
from collections.abc import Callable, Hashable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from . import identity
from .errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    NotADatabase,
    StorageError,
    file_problem,
    translated,
)
from .opening import (
    Clock,
    check_file,
    make_private_dir,
    make_private_file,
    open_read_only,
    sidecar,
    tighten,
    utc_now,
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
    staged = snapshot(source, dest)
    try:
        _publish(staged, dest)
    except OSError as e:
        raise file_problem(dest, e) from e
    finally:
        discard(staged)
    tighten(dest)
    return dest


def snapshot(source: sqlite3.Connection, dest: Path) -> Path:
    """A complete private copy of `source` in a temporary file beside `dest`; on any failure
    nothing is left behind. Errors name `dest`, the file the person asked for."""
    staged = dest.with_name(f".{dest.name}.{os.urandom(4).hex()}.part")
    try:
        make_private_dir(dest.parent)
        make_private_file(staged)
        with translated(dest):
            target = sqlite3.connect(staged, isolation_level=None)
            try:
                source.backup(target)
                # A single self-contained file: no -wal beside it to lose when it is moved.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        _sync_file(staged)
    except OSError as e:
        discard(staged)
        raise file_problem(dest, e) from e
    except BaseException:
        discard(staged)
        raise
    return staged


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
    if not folder.is_dir():
        return []
    found = [
        (s[1:], p)
        for p in folder.iterdir()
        if (s := _stamp(p)) is not None and (name is None or s[0] == name) and p.is_file()
    ]
    return [p for _, p in sorted(found, reverse=True)]


def newest_good(folder: Path, known: list[str], timeout: float = 1.0,
                name: str | None = None) -> Path | None:  # fmt: skip
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
    """The newest backup, plus the newest of each of the last 7 days, 4 weeks and 6 months
    that have any (a backup can count for several of these)."""
    stamped = [(s[1:], p) for p in backups if (s := _stamp(p)) is not None]
    dated = [(p, m[0]) for m, p in sorted(stamped, reverse=True)]
    keep = {dated[0][0]} if dated else set()
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


PART_STALE_S = 3600  # a copy still unfinished after an hour was cut off (a crash, a kill)


def stale_parts(folder: Path, now: float | None = None) -> list[Path]:
    """Unfinished copies (`snapshot` files) in `folder` that nothing is writing any more:
    a crash or a kill in the middle of a backup or a restore leaves one behind."""
    now = time.time() if now is None else now
    found = []
    with contextlib.suppress(OSError):
        for path in folder.glob(".*.part"):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > PART_STALE_S:
                    found.append(path)
    return found


def prune(folder: Path) -> list[Path]:
    """Delete the backups in `folder` that retention does not keep, each database's counted
    apart from the others', and any unfinished copy left there. Returns the backups."""
    for part in stale_parts(folder):
        discard(part)
    by_name: dict[str, list[Path]] = {}
    for path in list_backups(folder):
        by_name.setdefault(_stamp(path)[0], []).append(path)
    removed = []
    for found in by_name.values():
        keep = to_keep(found)
        removed += [p for p in found if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# --- restore ---------------------------------------------------------------------------------


def restore(
    db_path: str | os.PathLike,
    backup_path: str | os.PathLike,
    *,
    clock: Clock = utc_now,
    timeout: float = 5.0,
) -> Path | None:
    """Put a backup in place of the database.

    The backup is checked first (a healthy ddwizard database this version can open) and
    copied, complete, beside the database. Only then is the current file, with its -wal and
    -shm, kept aside as `<name>.replaced-YYYYmmdd-HHMMSS` (never deleted) and the copy renamed
    into its place, so a crash at any moment leaves either the old or the restored database
    under the database's name. Returns the kept path (None when there was no current file).
    Close any open `Database` on `db_path` first.
    """
    db_path, backup_path = Path(db_path).absolute(), Path(backup_path)
    if not backup_path.is_file():
        raise StorageError(f"There is no backup file '{backup_path}'.")
    if not check_file(backup_path, identity.known(), timeout):
        raise NotADatabase(f"'{backup_path}' is an empty database, not a ddwizard backup.")
    _settle(db_path, timeout)
    staged = _stage(backup_path, db_path, timeout)
    try:
        aside, linked = _keep_aside(db_path, clock())
        try:
            os.replace(staged, db_path)
        except BaseException:
            _undo_aside(db_path, aside, linked)
            raise
    except OSError as e:
        raise file_problem(db_path, e) from e
    finally:
        discard(staged)
    _sync_dir(db_path.parent)
    tighten(db_path)
    return aside


def _settle(db_path: Path, timeout: float) -> None:
    """Make sure nothing else has a healthy current database open (its changes would go on
    into the file kept aside), and fold its -wal into it so it is kept as one file.
    A damaged, foreign or newer file is kept exactly as it is."""
    if not db_path.exists():
        return
    try:
        check_file(db_path, identity.known(), timeout)
    except (DatabaseDamaged, NotADatabase, DatabaseTooNew):
        return
    with translated(db_path):
        conn = sqlite3.connect(db_path, timeout=timeout, isolation_level=None)
        try:
            # Leaving WAL mode needs the only connection: "locked" if the app has it open.
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()


def _stage(backup_path: Path, db_path: Path, timeout: float) -> Path:
    source = open_read_only(backup_path, timeout)
    try:
        with translated(backup_path):
            return snapshot(source, db_path)
    finally:
        source.close()


def _keep_aside(db_path: Path, moment: datetime) -> tuple[Path | None, bool]:
    """Give the current file a second name (a hard link, so it stays in place until the
    copy replaces it in one step) and move its -wal and -shm to match. Returns the new name
    and whether it is a link (False: the file itself was moved, where links are not possible).
    """
    if not db_path.exists():
        return None, False
    base = f"{db_path.name}.replaced-{moment.astimezone(UTC):%Y%m%d-%H%M%S}"
    aside = _free(db_path.with_name(base), lambda n: db_path.with_name(f"{base}-{n}"))
    try:
        os.link(db_path, aside)
        linked = True
    except OSError:
        linked = False
    for suffix in ("-wal", "-shm"):  # keep the pair readable together under the new name
        if sidecar(db_path, suffix).exists():
            os.replace(sidecar(db_path, suffix), sidecar(aside, suffix))
    if not linked:
        os.replace(db_path, aside)
    return aside, linked


def _undo_aside(db_path: Path, aside: Path | None, linked: bool) -> None:
    if aside is None:
        return
    for suffix in ("-wal", "-shm"):
        if sidecar(aside, suffix).exists():
            os.replace(sidecar(aside, suffix), sidecar(db_path, suffix))
    if linked:
        aside.unlink(missing_ok=True)
    else:
        os.replace(aside, db_path)

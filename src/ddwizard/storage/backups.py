"""Backups with SQLite's backup API (never a copy of a live file), retention, and restore.

Backups are named `ddwizard-YYYYmmdd-HHMMSS[-n].db` (UTC, from the database's clock) and
are ordinary single-file databases (rollback journal, not WAL), readable by their owner only.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Hashable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from .errors import NotADatabase, StorageError, file_problem, translated
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
from .schema import MIGRATIONS, known_names

NAME = re.compile(r"^ddwizard-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6


def default_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def new_backup_path(folder: Path, moment: datetime) -> Path:
    """A fresh name in `folder` for a backup taken at `moment`."""
    base = f"ddwizard-{moment.astimezone(UTC):%Y%m%d-%H%M%S}"
    return _free(folder / f"{base}.db", lambda n: folder / f"{base}-{n}.db")


def _free(first: Path, numbered: Callable[[int], Path]) -> Path:
    candidate, n = first, 0
    while candidate.exists():
        n += 1
        candidate = numbered(n)
    return candidate


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent snapshot of `source` to `dest` (which must not exist yet)."""
    if dest.exists():
        raise StorageError(f"Cannot back up to '{dest}': a file with that name already exists.")
    try:
        make_private_dir(dest.parent)
        make_private_file(dest)
    except OSError as e:
        raise file_problem(dest, e) from e
    with translated(dest):
        target = sqlite3.connect(dest, isolation_level=None)
        try:
            source.backup(target)
            # A single self-contained file: no -wal beside it to lose when it is moved.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    tighten(dest)
    return dest


# --- finding backups and rolling retention --------------------------------------------------


def _moment(path: Path) -> tuple[datetime, int] | None:
    found = NAME.match(path.name)
    if not found:
        return None
    day, time, n = found.groups()
    return datetime.strptime(day + time, "%Y%m%d%H%M%S").replace(tzinfo=UTC), int(n or 0)


def list_backups(db_path_or_dir: str | os.PathLike) -> list[Path]:
    """Backups in a folder (or in a database's default backup folder), newest first."""
    where = Path(db_path_or_dir)
    folder = where if where.is_dir() else default_dir(where)
    if not folder.is_dir():
        return []
    found = [(m, p) for p in folder.iterdir() if (m := _moment(p)) is not None and p.is_file()]
    return [p for _, p in sorted(found, reverse=True)]


def to_keep(backups: list[Path]) -> set[Path]:
    """The newest backup, plus the newest of each of the last 7 days, 4 weeks and 6 months
    that have any (a backup can count for several of these)."""
    stamped = [(m, p) for p in backups if (m := _moment(p)) is not None]
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


def prune(folder: Path) -> list[Path]:
    """Delete the backups in `folder` that retention does not keep. Returns them."""
    backups = list_backups(folder)
    keep = to_keep(backups)
    removed = [p for p in backups if p not in keep]
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

    The backup is checked first (a healthy ddwizard database this version can open). The
    current file, with its -wal and -shm, is moved aside to `<name>.replaced-YYYYmmdd-HHMMSS`
    rather than deleted. Returns that path (None when there was no current file).
    Close any open `Database` on `db_path` first.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    if not backup_path.is_file():
        raise StorageError(f"There is no backup file '{backup_path}'.")
    if not check_file(backup_path, known_names(MIGRATIONS), timeout):
        raise NotADatabase(f"'{backup_path}' is an empty database, not a ddwizard backup.")
    aside = _move_aside(db_path, clock())
    try:
        _put_in_place(backup_path, db_path, timeout)
    except BaseException:
        _undo_move(db_path, aside)
        raise
    return aside


def _move_aside(db_path: Path, moment: datetime) -> Path | None:
    if not db_path.exists():
        return None
    base = f"{db_path.name}.replaced-{moment.astimezone(UTC):%Y%m%d-%H%M%S}"
    aside = _free(db_path.with_name(base), lambda n: db_path.with_name(f"{base}-{n}"))
    for suffix in ("-wal", "-shm"):  # keep the pair readable together under the new name
        if sidecar(db_path, suffix).exists():
            os.replace(sidecar(db_path, suffix), sidecar(aside, suffix))
    os.replace(db_path, aside)
    return aside


def _undo_move(db_path: Path, aside: Path | None) -> None:
    db_path.unlink(missing_ok=True)
    if aside is None:
        return
    os.replace(aside, db_path)
    for suffix in ("-wal", "-shm"):
        if sidecar(aside, suffix).exists():
            os.replace(sidecar(aside, suffix), sidecar(db_path, suffix))


def _put_in_place(backup_path: Path, db_path: Path, timeout: float) -> None:
    source = open_read_only(backup_path, timeout)
    try:
        with translated(backup_path):
            copy_database(source, db_path)
    finally:
        source.close()

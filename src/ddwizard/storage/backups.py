"""Backups with SQLite's backup API (never a copy of a live file), retention, and restore.

Backups are named after their database, `<name>-YYYYmmdd-HHMMSS[-n].db` (`ddwizard-…` for
`ddwizard.db`; UTC, from the database's clock), so databases that share a folder keep their
backups apart: each is listed, suggested and pruned only with its own. Each is one
self-contained file, readable by its owner only, written by `copies` with what it holds
recorded inside it: when it was taken, the database's identity, its revision (every change
counts it up) and its generation (every restore counts it up). Those, not the names or the
clock, say which backup is newest, and which files are this database's to prune.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
import stat
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import places
from .errors import StorageError
from .identity import APPLICATION_ID
from .opening import check_file, open_read_only

NAME = re.compile(r"^(.+)-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
DEFAULT_NAME = "ddwizard"  # of the backups of a database with no file (in memory)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6


def default_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_name(db_path: Path | None) -> str:
    """What a database's backups are named after: its file's name without `.db`."""
    return DEFAULT_NAME if db_path is None else db_path.stem


def new_names(folder: places.Folder, moment: datetime, name: str = DEFAULT_NAME) -> Iterator[str]:
    """Names for a backup of the database `name` taken at `moment`, each not used in `folder`
    when offered: `<name>-<time>.db`, then `-1`, `-2`… (another process backing up the same
    database in the same second may take one before this backup is named: then the next)."""
    base = f"{name}-{moment.astimezone(UTC):%Y%m%d-%H%M%S}"
    for n in itertools.count():
        candidate = f"{base}-{n}.db" if n else f"{base}.db"
        if folder.info(candidate) is None:
            yield candidate


def _free(first: Path, numbered: Callable[[int], Path]) -> Path:
    candidate, n = first, 0
    while candidate.exists():
        n += 1
        candidate = numbered(n)
    return candidate


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


@dataclass(frozen=True)
class Held:
    """What a backup says about itself, read through SQLite (backups are closed files)."""

    ours: bool  # made by ddwizard (its application id)
    identity: str  # the database it is a backup of ("" from a release before identities)
    order: tuple  # (generation, revision, time taken): the larger, the newer

    @classmethod
    def of(cls, path: Path) -> Held:
        try:
            conn = open_read_only(path, 0.5)
        except (StorageError, OSError):
            return UNREADABLE
        try:
            ours = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            found = dict(
                conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?, ?, ?)", INSIDE)
            )
        except sqlite3.Error:
            return UNREADABLE
        finally:
            conn.close()
        order = (
            _int(found.get("generation")),
            _int(found.get("revision")),
            found.get("backup.taken", ""),
        )
        return cls(ours, found.get("database.id") or "", order)


INSIDE = ("generation", "revision", "backup.taken", "database.id")
UNREADABLE = Held(False, "", (-1, -1, ""))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


def _held_order(path: Path) -> tuple:
    """Newest is what holds the newest state: the generation (a restore starts a new one),
    then the revision and the time recorded inside; the name's time only between equals. A
    file that cannot be read comes last."""
    return (Held.of(path).order, (_stamp(path) or ("", 0, 0))[1:], path.name)


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


def prune(folder: Path, name: str, identity: str = "", keep: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups of the database `name` in `folder` that retention does not keep,
    and any unfinished copy no process owns. Only files ddwizard made of this database are
    deleted: named as its backups, the user's own regular files (never through a link),
    made by ddwizard (read inside), of the database `identity` (or from before identities).
    Those in `keep` (a backup just taken) never are. Returns the backups deleted."""
    if not _usable(folder):
        return []
    found = list_backups(folder, name)
    kept = to_keep(found) | set(keep)
    removed = []
    with places.secure_dir(folder) as held:
        places.discard_parts(held)
        for path in found:
            if path not in kept and _of_this_database(held, path, identity):
                held.remove(path.name)
                removed.append(path)
    return removed


def _of_this_database(folder: places.Folder, path: Path, identity: str) -> bool:
    """Read through SQLite by its path, and only trusted if the path still names the very
    file found in the folder held open (no file was swapped in between)."""
    before = folder.info(path.name)
    inside = Held.of(path)
    after = folder.info(path.name)
    same = before is not None and after is not None and _same_file(before, after)
    same = same and _same_file(before, os.stat(path, follow_symlinks=False))
    return same and inside.ours and inside.identity in ("", identity) and folder.is_ours(path.name)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns) == (
        b.st_dev,
        b.st_ino,
        b.st_size,
        b.st_mtime_ns,
    )

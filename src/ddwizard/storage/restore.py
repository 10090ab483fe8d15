"""Restore: put a backup back in place of the database, keeping the current file aside."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from . import backups, copies, identity, places
from .backups import _free, list_backups
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
    open_read_only,
    sidecar,
    tighten,
    utc_now,
)


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
    Close any open `Database` on `db_path` first. A database path that is a link keeps the
    link: the file it points to is the one replaced. A backup that is not this user's own
    regular file is refused.
    """
    db_path = Path(os.path.realpath(Path(db_path).absolute()))
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise StorageError(f"There is no backup file '{backup_path}'.")
    if not places.is_ours(backup_path):
        raise StorageError(
            f"'{backup_path}' is a link or belongs to another user: ddwizard restores only "
            "your own backup files."
        )
    if not check_file(backup_path, identity.known(), timeout):
        raise NotADatabase(f"'{backup_path}' is an empty database, not a ddwizard backup.")
    data = _restored_image(db_path, backup_path, timeout)
    try:
        make_private_dir(db_path.parent)
        folder = places.Folder(db_path.parent, private=False)
    except OSError as e:
        raise file_problem(db_path, e) from e
    with folder:
        places.discard_parts(folder, f".{db_path.name}.")  # an earlier restore's, cut off
        _settle(db_path, timeout)
        with copies.staged(folder, db_path.name, data) as part:
            aside = _swap(folder.path / part, db_path, clock())
        folder.sync()
    tighten(db_path)
    return aside


def _restored_image(db_path: Path, backup_path: Path, timeout: float) -> bytes:
    """The backup as it will be put back: in a generation after every state this database
    was in before (its current file's and every backup's), so backups taken before the
    restore, which may count more changes, never count as newer than what comes after it."""
    held = [backups.Held.of(p) for p in (db_path, backup_path, *list_backups(db_path))]
    facts = {"generation": str(1 + max(h.order[0] for h in held))}
    chosen, current = held[1], held[0]
    if not chosen.identity and current.identity:  # a backup from before identities
        facts["database.id"] = current.identity
    source = open_read_only(backup_path, timeout)
    try:
        return copies.image(source, facts, backup_path)
    finally:
        source.close()


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


def _swap(staged: Path, db_path: Path, moment: datetime) -> Path | None:
    """Keep the current file aside, then rename the complete copy into its place."""
    try:
        aside, linked = _keep_aside(db_path, moment)
        try:
            os.replace(staged, db_path)
        except BaseException:
            _undo_aside(db_path, aside, linked)
            raise
    except OSError as e:
        raise file_problem(db_path, e) from e
    return aside


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

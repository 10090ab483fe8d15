"""`Database`: the one object the app and the command line talk to for anything stored."""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import backups, copies, identity, opening, places, rows
from .errors import (
    DatabaseDamaged,
    NotADatabase,
    ReadOnlyDatabase,
    StorageError,
    file_problem,
    translated,
    with_backup,
)
from .records import Records, describe

if TYPE_CHECKING:
    from ddwizard.core.questionnaire import Questionnaire


if TYPE_CHECKING:  # sqlite-utils is imported only when there are migrations to apply
    from sqlite_utils import Database as SqlDatabase
    from sqlite_utils.migrations import Migrations


class Database(Records):
    """A ddwizard database file (or an in-memory one, with `path=None`).

    Opening checks an existing file read-only before anything writes to it, then applies
    pending migrations after taking a backup. Each `set_*` call is committed when it
    returns; wrap several in `atomic()` to make them one transaction.
    """

    def __init__(
        self,
        path: str | os.PathLike | None,
        *,
        backup_dir: str | os.PathLike | None = None,
        clock: opening.Clock = opening.utc_now,
        busy_timeout: float = 5.0,
        migrations: Migrations | None = None,  # None: ours (schema.MIGRATIONS)
        check_later: bool = False,
    ) -> None:
        """Open (creating, checking and migrating as needed) the database at `path`.

        `check_later`: an existing file is opened without its integrity check (which reads
        the whole file); `check_integrity()` runs it afterwards, and the first write runs it
        if nothing has yet. Everything else is still checked here. A pass is remembered
        only while nothing at all has changed the file since (see `checked`): damage can
        keep a file's size and modification time, never its change time."""
        self.path = None if path is None else Path(path).expanduser().absolute()
        self.backup_dir = self._backup_dir(backup_dir)
        self._clock = clock
        self._timeout = busy_timeout
        self._migrations = migrations
        if migrations is None:
            self._known = identity.known()
        else:
            from .schema import known_names

            self._known = known_names(migrations)
        self._questionnaire_cache: dict[tuple[int, str], Questionnaire] = {}
        self._sql_db: SqlDatabase | None = None
        # True while the integrity check is put off (see check_later); the damage found.
        self.unchecked: bool | None = None
        self._damage: StorageError | None = None
        # Told once, with the error naming the way back, when damage is first met (the app
        # stops writing and offers the newest good backup).
        self.on_damage: Callable[[StorageError], None] | None = None
        self._seen: dict[int, str] = {}  # assessment id -> its replaced mark when last read
        applied = self._prepare_file(check_later)
        # Made read-only by its owner: read, never written, its mode never changed.
        self.read_only = opening.made_read_only(self.path)
        self.warnings = opening.folder_warnings(self.path)  # for the person, in words
        try:
            self.conn = opening.connect(
                self.path, busy_timeout, unchecked=bool(self.unchecked), read_only=self.read_only
            )
        except DatabaseDamaged as e:
            raise self._with_way_back(e) from e
        try:
            self._migrate(applied)
        except BaseException:
            self.close()
            raise

    def _backup_dir(self, given: str | os.PathLike | None) -> Path | None:
        if given is not None:
            return Path(given).expanduser().absolute()
        return None if self.path is None else backups.default_dir(self.path)

    def _prepare_file(self, check_later: bool) -> list[str]:
        """Create a new file privately, or check an existing one without writing to it."""
        if self.path is None:
            return []
        try:
            if opening.is_new(self.path):
                opening.make_private_dir(self.path.parent)
                opening.make_private_file(self.path)
                return []
            now = self._clock().timestamp()
            applied = opening.check_file(
                self.path, self._known, self._timeout, integrity=not check_later, now=now
            )
            if check_later and applied != self._known:  # migrations write: check first
                opening.check_file(self.path, self._known, self._timeout, now=now)
            elif check_later:
                self.unchecked = True
        except OSError as e:
            raise file_problem(self.path, e) from e
        except (DatabaseDamaged, NotADatabase) as e:
            raise self._with_way_back(e) from e
        opening.tighten(self.path)
        return applied

    def _with_way_back(self, error: StorageError) -> StorageError:
        backup = self.newest_good_backup()
        return error if backup is None else with_backup(error, self.path, backup)

    def check_integrity(self) -> None:
        """The integrity check put off when opening (`check_later`), if it was, on this
        connection. It runs before the first write at the latest; damage raises
        DatabaseDamaged, naming the newest good backup, and nothing is written after."""
        if self._damage is not None:
            raise self._damage
        if self.unchecked is None or self.path is None:
            return
        with self._guarded():
            opening.check_integrity(self.conn, self.path, self._clock().timestamp())
        self.unchecked = None

    def newest_good_backup(self) -> Path | None:
        """The newest backup of this database that opens and passes its check, if any."""
        if self.backup_dir is None:
            return None
        return backups.newest_good(
            self.backup_dir, self._known, self._timeout, backups.backup_name(self.path)
        )

    @property
    def db(self) -> SqlDatabase:
        """The sqlite-utils view of the connection (for migrations), made when first used."""
        if self._sql_db is None:
            from sqlite_utils import Database as SqlDatabase

            self._sql_db = SqlDatabase(self.conn, execute_plugins=False)
        return self._sql_db

    def _migrate(self, applied: list[str]) -> None:
        if self.path is not None and self._migrations is None and applied == self._known:
            # Up to date (the read-only check listed every migration as applied): nothing
            # to apply, so sqlite-utils and the migrations are not even imported.
            with translated(self.path):
                self._set_user_version()
            opening.tighten(self.path)
            return
        if self._migrations is None:
            from .schema import MIGRATIONS

            self._migrations = MIGRATIONS
        with translated(self.path):
            pending = self._migrations.pending(self.db)
            if pending and self.read_only:
                raise self._read_only_error()
            if pending and applied and self.path is not None:
                self._write_copy(None, self._identity(make=False))
            if pending and all(m.transactional for m in pending):
                # All or nothing: a crash (or another process creating the same new file)
                # never leaves a half-made schema, which would read as a foreign database.
                with self.atomic():
                    self._migrations.apply(self.db)
                    self._set_user_version()
            else:
                if pending:  # one of them cannot run inside a transaction (e.g. VACUUM)
                    self._migrations.apply(self.db)
                self._set_user_version()
        if self.path is not None:
            opening.tighten(self.path)

    def _read_only_error(self) -> ReadOnlyDatabase:
        return ReadOnlyDatabase(
            f"The database '{self.path}' is read-only (its owner made it so), so nothing can "
            "be changed in it; ddwizard leaves it that way. Nothing was written."
        )

    def _set_user_version(self) -> None:
        if self.read_only:
            return
        if self.conn.execute("PRAGMA user_version").fetchone()[0] != len(self._known):
            self.conn.execute(f"PRAGMA user_version = {len(self._known)}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions --------------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested). Takes the write lock at the start, so a
        busy database is reported before any work is done. Once damage is met, nothing more
        is written through this connection."""
        if self.conn.in_transaction:
            with self._guarded(), self._savepoint():
                yield self
            return
        if self.read_only:
            raise self._read_only_error()
        self.check_integrity()  # a file not yet checked, or found damaged, is not written
        with self._guarded():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # an error may already have ended it
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """SQLite's errors in words; damage met here stops every later write."""
        try:
            with translated(self.path):
                yield
        except DatabaseDamaged as e:
            first = self._damage is None
            self._damage = self._damage or self._with_way_back(e)
            if first and self.on_damage is not None:
                self.on_damage(self._damage)
            if self._damage is e:
                raise
            raise self._damage from e

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested transaction (as sqlite-utils' `atomic()` makes one)."""
        name = f"ddwizard_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # a RAISE(ROLLBACK) ends savepoints too
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def _now(self) -> str:
        return opening.stamp(self._clock())

    # --- app state -----------------------------------------------------------------------

    def get_state(self, key: str, default: str | None = None) -> str | None:
        with self._guarded():
            row = self.conn.execute("SELECT value FROM state WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # --- backups -------------------------------------------------------------------------

    def backup(self, dest: str | os.PathLike | None = None) -> Path:
        """Take a backup now (into the backup folder unless `dest` is given)."""
        if self.conn.in_transaction:
            raise StorageError("A backup cannot be taken in the middle of a change.")
        with self._guarded():
            revision = rows.get_meta(self.conn, "revision")
        taken = self._write_copy(None if dest is None else Path(dest), self._identity())
        if not self.read_only:  # a backup only reads: a read-only file is backed up too
            with self.atomic():
                rows.set_meta(self.conn, "backup.revision", revision or "0")
        return taken

    def _identity(self, make: bool = True) -> str:
        """Which database this is: kept inside it, made with its first backup, and copied
        into each backup, so that pruning deletes only this database's own backups."""
        with self._guarded():
            found = rows.get_meta(self.conn, "database.id") or ""
        if found or not make or self.read_only:
            return found
        found = os.urandom(16).hex()
        with self.atomic():
            rows.set_meta(self.conn, "database.id", found)
        return found

    def _write_copy(self, dest: Path | None, identity: str) -> Path:
        """A backup as `dest`, or under a new name in the backup folder once the folder is
        known to be the user's own, private and not a link (held open while it is written;
        unfinished copies no process owns are removed from it)."""
        folder = self._require_backup_dir() if dest is None else dest.parent
        try:
            if dest is None:
                held = places.secure_dir(folder)
            else:
                opening.make_private_dir(folder)
                held = places.Folder(folder, private=False)
        except OSError as e:
            raise file_problem(folder, e) from e
        with held, self._guarded():
            facts = {"backup.taken": self._now()} | ({"database.id": identity} if identity else {})
            if dest is not None:
                return copies.write(self.conn, held, [dest.name], facts)
            places.discard_parts(held)
            names = backups.new_names(held, self._clock(), backups.backup_name(self.path))
            return copies.write(self.conn, held, names, facts)

    def _require_backup_dir(self) -> Path:
        if self.backup_dir is None:
            raise StorageError("An in-memory database has no backup folder; give one.")
        return self.backup_dir

    def changed_since_last_backup(self) -> bool:
        with self._guarded():
            revision = rows.get_meta(self.conn, "revision")
            return revision != rows.get_meta(self.conn, "backup.revision")

    def auto_backup(self) -> Path | None:
        """Back up if anything changed since the last backup, then prune this database's
        old backups (keeping the newest of each of 7 days, 4 weeks and 6 months) and remove
        unfinished copies a crash left behind."""
        taken = self.backup() if self.changed_since_last_backup() else None
        if self.backup_dir is not None:
            name = backups.backup_name(self.path)
            backups.prune(
                self.backup_dir, name, self._identity(make=False), [taken] if taken else []
            )
        if self.path is not None:  # a restore's unfinished copy, cut off, beside the file
            with contextlib.suppress(OSError), places.Folder(self.path.parent, private=False) as f:
                places.discard_parts(f, f".{self.path.name}.")
        return taken


_SAVEPOINTS = itertools.count(1)  # names unique in the process (savepoints nest by name)


__all__ = ["Database", "describe"]

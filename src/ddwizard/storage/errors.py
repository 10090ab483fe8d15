"""Storage errors. Every message is written for the person using the app, in plain words."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ddwizard.core.errors import UserError

RESTORE_HINT = (
    "If you have a backup of it, you can put that back "
    "(File > Restore a backup…, or `ddwizard restore BACKUP`)."
)


class StorageError(UserError):
    """Base class: something went wrong with the database file."""


class DatabaseDamaged(StorageError):
    """The file is SQLite but fails its integrity check."""


class NotADatabase(StorageError):
    """The file exists but is not a SQLite database, or is not a ddwizard one."""


class DatabaseTooNew(StorageError):
    """Written by a newer ddwizard than this one."""


class DatabaseInUse(StorageError):
    """Another program holds the database locked for longer than we wait."""


class NotFound(StorageError):
    """No such assessment or questionnaire."""


class ReadOnlyDatabase(StorageError):
    """The file's owner made it read-only: it is read, never written."""


class AssessmentReplaced(StorageError):
    """The assessment read here was replaced as a whole (by an import) since."""


class DuplicateAssessment(StorageError):
    """An assessment with this uid is already in the database."""

    def __init__(self, message: str, existing_id: int, existing_label: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id
        self.existing_label = existing_label


def damaged(path: Path | None) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"The database {_name(path)} is damaged and cannot be used. "
        f"It has been left as it is. {RESTORE_HINT}"
    )


def with_backup(error: StorageError, path: Path, backup: Path) -> StorageError:
    """The same error, with the way back naming a backup that opens."""
    text = str(error).replace(RESTORE_HINT, "").rstrip()
    command = pasteable("ddwizard", "--db", str(path), "restore", str(backup))
    return type(error)(
        f"{text} The newest good backup is '{backup}': put it back with File > Restore a "
        f"backup…, or `{command}`."
    )


def pasteable(*words: str) -> str:
    """A command to paste into this system's shell, each word quoted for it: an apostrophe
    or a `$(...)` in a path stays part of the path."""
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline(words)
    import shlex

    return shlex.join(words)


def in_use(path: Path | None) -> DatabaseInUse:
    return DatabaseInUse(
        f"The database {_name(path)} is busy: another copy of ddwizard (or another program) "
        "is using it. Close it there and try again."
    )


def file_problem(path: Path | None, e: OSError) -> StorageError:
    return StorageError(f"Cannot use {_name(path)}: {e.strerror or e}.")


def _disk_full(path: Path | None) -> bool:
    try:
        return path is not None and shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _name(path: Path | None) -> str:
    return f"'{path}'" if path is not None else "in memory"


@contextmanager
def translated(path: Path | None) -> Iterator[None]:
    """Turn sqlite3's low-level errors into StorageErrors a person can act on."""
    try:
        yield
    except sqlite3.OperationalError as e:
        raise _operational(path, e) from e
    except sqlite3.Error as e:
        message = str(e).lower()
        if "malformed" in message or "not a database" in message or "corrupt" in message:
            raise damaged(path) from e
        raise unexpected(path, e) from e


def unexpected(path: Path | None, e: Exception) -> StorageError:
    """An SQLite error with no plainer words: still a StorageError, never a raw one."""
    return StorageError(f"The database {_name(path)} could not be used ({e}).")


def is_busy(e: sqlite3.OperationalError) -> bool:
    """Another connection holds the file (SQLite's "locked" or "busy")."""
    message = str(e).lower()
    return "locked" in message or "busy" in message


def _operational(path: Path | None, e: sqlite3.OperationalError) -> Exception:
    message = str(e).lower()
    if is_busy(e):
        return in_use(path)
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return damaged(path)
    if "disk is full" in message or ("disk i/o" in message and _disk_full(path)):
        # A full disk can also show as an I/O error (e.g. making the -shm file on opening).
        return StorageError(f"The disk holding {_name(path)} is full. Free some space and retry.")
    if "readonly" in message or "read-only" in message:
        return StorageError(f"The database {_name(path)} cannot be written to (read-only).")
    if "unable to open" in message:
        return StorageError(f"The database {_name(path)} cannot be opened: {e}.")
    if "disk i/o" in message:
        return StorageError(f"Reading or writing {_name(path)} failed (disk error).")
    return unexpected(path, e)

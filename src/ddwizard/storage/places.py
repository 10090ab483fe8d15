"""The folders and files ddwizard writes beside a database, made so that another user cannot
aim it elsewhere: no link is followed, a folder must be the user's own and private, and a
file is only ever removed when it is the user's own regular file.

Unfinished copies (`.part` files) are locked by the process writing them; the next command
that touches the folder removes those no live process holds any more.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import StorageError

try:  # POSIX: a lock held for as long as a copy is being written
    import fcntl
except ImportError:  # Windows: an unfinished copy is known by its age instead
    fcntl = None

PART_STALE_S = 3600  # without locks: a copy still unfinished after an hour was cut off


def secure_dir(folder: Path) -> None:
    """Make `folder` (0700), or accept an existing one only if it is a real folder (not a
    link) of this user's; others' permission to write in it is taken away."""
    try:
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)  # mkdir's mode is filtered by the umask
        return
    except FileExistsError:
        pass
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        raise StorageError(
            f"The folder '{folder}' is a link to another place; ddwizard does not follow it. "
            "Remove the link (or use another folder) and try again."
        )
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(f"'{folder}' is a file, not a folder; ddwizard needs a folder there.")
    if not owned(info):
        raise StorageError(
            f"The folder '{folder}' belongs to another user; ddwizard keeps nothing in it. "
            "Move it away (or use another folder) and try again."
        )
    if stat.S_IMODE(info.st_mode) & 0o077:
        folder.chmod(0o700)  # ours, but open to others: made private


def owned(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def is_ours(path: Path) -> bool:
    """A regular file (not a link) that belongs to this user."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and owned(info)


@contextlib.contextmanager
def claimed(part: Path) -> Iterator[None]:
    """Hold a lock on an unfinished copy while it is written (see `unowned_parts`)."""
    if fcntl is None:
        yield
        return
    fd = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


def unowned_parts(folder: Path, prefix: str = ".") -> list[Path]:
    """Unfinished copies in `folder` (names starting with `prefix`) that no live process is
    writing: a crash or a kill in the middle of a backup or a restore leaves one."""
    found = []
    with contextlib.suppress(OSError):
        for path in folder.glob(".*.part"):
            if path.name.startswith(prefix) and is_ours(path) and not _held(path):
                found.append(path)
    return found


def _held(path: Path) -> bool:
    if fcntl is None:
        with contextlib.suppress(OSError):
            return time.time() - path.stat().st_mtime <= PART_STALE_S
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return True  # cannot look: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)

"""The folders and files ddwizard writes beside a database, made so that another user cannot
aim it elsewhere: no link is followed, a folder must be the user's own and private, and a
file is only ever removed when it is the user's own regular file.

A folder is held open while ddwizard works in it (`Folder`): every file in it is made, read,
linked and removed relative to that descriptor, so a link put in place of the folder, or of
one above it, after it was checked cannot send a file elsewhere. Where the platform has no
descriptors for folders (Windows), names are joined to the folder's path, checked as before.

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
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
HELD = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


class Folder:
    """A folder held open; names are resolved from it, never from its path again.

    `private`: the backups folder, which ddwizard makes and keeps: it must not be a link,
    must be the user's own, and is made private if others could open it. Otherwise (a
    database's own folder, or one the person named) the folder is taken as it is."""

    def __init__(self, path: Path, *, private: bool) -> None:
        self.path = path
        self.fd: int | None = None
        if private:
            _refuse_unsafe(path)
        if HELD:
            flags = os.O_RDONLY | os.O_DIRECTORY | (NOFOLLOW if private else 0)
            try:
                self.fd = os.open(path, flags)
            except OSError as e:
                if private and _is_link(path):  # raced into a link since it was checked
                    raise _link_error(path) from e
                raise
            if private:
                self._own()

    def _own(self) -> None:
        info = os.fstat(self.fd)
        if not owned(info):
            self.close()
            raise _others_error(self.path)
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.fchmod(self.fd, 0o700)  # ours, but open to others: made private

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _at(self) -> dict:
        return {} if self.fd is None else {"dir_fd": self.fd}

    def _name(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def names(self) -> list[str]:
        return os.listdir(self.fd if self.fd is not None else self.path)

    def info(self, name: str) -> os.stat_result | None:
        """What `name` is (a link is not followed); None when there is nothing there."""
        try:
            return os.stat(self._name(name), follow_symlinks=False, **self._at())
        except FileNotFoundError:
            return None

    def is_ours(self, name: str) -> bool:
        """A regular file (not a link) that belongs to this user."""
        info = self.info(name)
        return info is not None and stat.S_ISREG(info.st_mode) and owned(info)

    def create(self, name: str) -> int:
        """A new file, private from the start; never an existing one, never through a link."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | getattr(os, "O_BINARY", 0)
        return os.open(self._name(name), flags, 0o600, **self._at())

    def open_ours(self, name: str) -> int:
        """An existing file of this user's, for reading, never through a link."""
        fd = os.open(self._name(name), os.O_RDONLY | NOFOLLOW, **self._at())
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) and owned(info)):
            os.close(fd)
            raise StorageError(f"'{self.path / name}' is not your own file.")
        return fd

    def link(self, name: str, new: str) -> None:
        """Give a file a second name, never replacing a file already there."""
        kw = {} if self.fd is None else {"src_dir_fd": self.fd, "dst_dir_fd": self.fd}
        if os.link in os.supports_follow_symlinks:  # not on Windows, which links no link
            kw["follow_symlinks"] = False
        os.link(self._name(name), self._name(new), **kw)

    def rename(self, name: str, new: str) -> None:
        kw = {} if self.fd is None else {"src_dir_fd": self.fd, "dst_dir_fd": self.fd}
        os.rename(self._name(name), self._name(new), **kw)

    def remove(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._name(name), **self._at())

    def sync(self) -> None:
        """Flush the folder's entries (a new name) to disk, where that is possible."""
        with contextlib.suppress(OSError):
            if self.fd is not None:
                os.fsync(self.fd)


def secure_dir(folder: Path) -> Folder:
    """Make `folder` (0700) if it is missing, and hold it (see `Folder`, `private`)."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)  # mkdir's mode is filtered by the umask
    return Folder(folder, private=True)


def _refuse_unsafe(folder: Path) -> None:
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        raise _link_error(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(f"'{folder}' is a file, not a folder; ddwizard needs a folder there.")
    if not owned(info):
        raise _others_error(folder)
    if not HELD and stat.S_IMODE(info.st_mode) & 0o077:
        folder.chmod(0o700)


def _is_link(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return stat.S_ISLNK(os.lstat(path).st_mode)
    return False


def _link_error(folder: Path) -> StorageError:
    return StorageError(
        f"The folder '{folder}' is a link to another place; ddwizard does not follow it. "
        "Remove the link (or use another folder) and try again."
    )


def _others_error(folder: Path) -> StorageError:
    return StorageError(
        f"The folder '{folder}' belongs to another user; ddwizard keeps nothing in it. "
        "Move it away (or use another folder) and try again."
    )


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
    """Hold a lock on an unfinished copy while it is written (see `discard_parts`)."""
    fd = os.open(part, os.O_RDONLY | NOFOLLOW)
    try:
        lock(fd)
        yield
    finally:
        os.close(fd)


def lock(fd: int) -> None:
    """Mark an unfinished copy, open as `fd`, as this process's own until it is closed.
    Waits while another process holds it for the moment it takes to look (`_held`)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def _parts(folder: Folder, prefix: str = ".") -> list[str]:
    """The names of unfinished copies in `folder` (starting with `prefix`): a crash or a
    kill in the middle of a backup or a restore leaves one."""
    with contextlib.suppress(OSError):
        names = folder.names()
        return [n for n in names if n.startswith(prefix) and n.endswith(".part")]
    return []


def discard_parts(folder: Folder, prefix: str = ".") -> None:
    """Remove the unfinished copies no live process is writing. Each is removed while it is
    locked here: a writer that has just made one, and not yet locked it, waits, then finds
    it gone and makes another (see `copies`)."""
    for name in _parts(folder, prefix):
        if not folder.is_ours(name):
            continue
        with _unless_held(folder, name) as free:
            if free:
                for suffix in ("", "-journal", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        folder.remove(name + suffix)


@contextlib.contextmanager
def _unless_held(folder: Folder, name: str) -> Iterator[bool]:
    """Whether no live process holds an unfinished copy; if none does, it is held here
    until the block ends."""
    if fcntl is None:
        info = folder.info(name)
        yield info is not None and time.time() - info.st_mtime > PART_STALE_S
        return
    try:
        fd = folder.open_ours(name)
    except (OSError, StorageError):
        yield False  # cannot look: leave it
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
        else:
            yield True
    finally:
        os.close(fd)

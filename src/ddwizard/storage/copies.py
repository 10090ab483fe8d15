"""Copies of a database written as files: backups, and the copy a restore puts in place.

A copy is a consistent snapshot taken with SQLite's backup API into memory, with a few facts
recorded inside it (when it was taken, which database it is, which generation), then written
by ddwizard itself: under a temporary name made for it in a folder held open (no link is
followed, no existing file is ever opened), flushed to disk, and given its name only when
complete, so a crash or a full disk never leaves half a copy under a copy's name. SQLite
never opens a path in the folder: nothing there can redirect what it writes.

A copy is one self-contained file (a rollback journal, never a -wal), readable by its owner
only.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import places
from .errors import StorageError, file_problem, translated
from .identity import APPLICATION_ID


def image(source: sqlite3.Connection, facts: dict[str, str], path: Path | None = None) -> bytes:
    """The whole database as bytes, as of one moment, with `facts` set in its `meta` table
    (a file made by ddwizard has one; anything else is copied as it is)."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        with translated(path):
            source.backup(copy)
            if facts and copy.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
                copy.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    list(facts.items()),
                )
            data = bytearray(copy.serialize())
    finally:
        copy.close()
    # The header's file format numbers (bytes 18 and 19) are 2 for a database in WAL mode,
    # 1 for one with a rollback journal (sqlite.org/fileformat.html, 1.3.3). The snapshot
    # holds every committed page, so as 1 it is one file that never grows a -wal beside it:
    # what `PRAGMA journal_mode = DELETE` would write, had SQLite a path to open here.
    data[18:20] = b"\x01\x01"
    return bytes(data)


@contextlib.contextmanager
def staged(folder: places.Folder, name: str, data: bytes) -> Iterator[str]:
    """`data` written to a new private file beside `name` in `folder`, flushed to disk and
    locked as this process's own until the block ends; then, and on any failure, it is
    removed. Yields the temporary name. Errors name the file the person asked for."""
    dest = folder.path / name
    try:
        part, fd = _new_part(folder, name)
    except OSError as e:
        raise file_problem(dest, e) from e
    try:
        _write_all(fd, data)
        os.fsync(fd)  # a full or failing disk shows here, before the copy is named
        yield part
    except OSError as e:
        raise file_problem(dest, e) from e
    finally:
        os.close(fd)
        folder.remove(part)


def _new_part(folder: places.Folder, name: str) -> tuple[str, int]:
    """A new private file for a copy of `name`, open and locked as this process's own.
    Another process tidying the folder may remove it in the moment before it is locked (it
    looked unowned): then it is made again."""
    while True:
        part = f".{name}.{os.urandom(4).hex()}.part"
        fd = folder.create(part)
        try:
            places.lock(fd)  # waits while another process looks whether it is held
            if os.fstat(fd).st_nlink:  # still in the folder
                return part, fd
        except BaseException:
            os.close(fd)
            folder.remove(part)
            raise
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class NameTaken(StorageError):
    """The name a copy was to be given was taken meanwhile (by another process)."""


def publish(folder: places.Folder, part: str, name: str) -> None:
    """Give the finished copy its name, never replacing a file that appeared meanwhile."""
    dest = folder.path / name
    taken = f"Cannot back up to '{dest}': a file with that name already exists."
    try:
        folder.link(part, name)
    except FileExistsError:
        raise NameTaken(taken) from None
    except OSError as e:  # a file system without hard links: a new name, never a replace
        if folder.info(name) is not None:
            raise NameTaken(taken) from e
        folder.rename(part, name)
    folder.sync()


def write(
    source: sqlite3.Connection, folder: places.Folder, names: Iterable[str], facts: dict
) -> Path:
    """A complete copy of `source` in `folder`, under the first of `names` still free when
    the copy is named: a file already there, or one that appears meanwhile, is never
    replaced; the next name is tried. Given one name, the copy has that name or none."""
    names = iter(names)
    name = next(names)
    data = image(source, facts, folder.path / name)
    with staged(folder, name, data) as part:
        while True:
            try:
                publish(folder, part, name)
                return folder.path / name
            except NameTaken:
                name = next(names, None)
                if name is None:
                    raise

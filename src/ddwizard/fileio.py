"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ddwizard.core.errors import UserError


class WriteError(UserError):
    """A file could not be written; the message says where and why, in words."""


def atomic_write(path: str | os.PathLike, data: bytes, mode: int = 0o600) -> Path:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it
    into place. On any failure the temporary file is removed and the target is untouched."""
    target = Path(path)
    if target.is_dir():
        raise WriteError(f"{target} is a folder; give a file name to write to")
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"cannot write {target}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise WriteError(f"the folder {folder} does not exist")
    fd = None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            fd = None
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        tmp = None
        _fsync_dir(folder)
    except OSError as e:
        raise WriteError(f"could not write {target}: {e.strerror or e}") from e
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

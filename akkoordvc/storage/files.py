"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile

from ..errors import AkkoordError


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename."""
    path = os.fspath(path)
    if not path:
        raise AkkoordError("no file name given to write to; give a path")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".akkoord-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AkkoordError(
            f"{path}: cannot write here: {exc.strerror}; check the folder exists and is writable"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):  # a name too long, a directory in the way, a full disk, ...
            raise AkkoordError(f"{path}: cannot write: {exc.strerror or exc}; nothing was written") from None
        raise

"""Atomic file writes: a reader sees the old file or the new one, never half of either.

A write goes to a temporary file beside its target (`.akkoord-XXXX.tmp`, or with the prefix the caller gives)
that is renamed over the target once complete. A process killed in between leaves that temporary file behind;
the repository's recovery removes the ones it made (see storage.gitrepo), and `.git/info/exclude` keeps all of
them out of `git add`.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable

from ..errors import AkkoordError
from ..messages import Message

TEMP_PREFIX = ".akkoord-"
TEMP_SUFFIX = ".tmp"


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    prefix: str = TEMP_PREFIX,
    before_replace: Callable[[], None] | None = None,
    durable: bool = True,
) -> None:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename.

    `before_replace` runs once the temporary file is complete, just before the rename (a crash test's step).
    `durable=False` skips the fsync, for a file whose loss or damage after a crash does no harm (a cache that
    checks itself).
    """
    path = os.fspath(path)
    if not path:
        raise AkkoordError.keyed("store.no_file_name")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise AkkoordError.keyed("store.cannot_write_here", path=path, why=why(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):  # a name too long, a directory in the way, a full disk, ...
            raise AkkoordError.keyed("store.cannot_write", path=path, why=why(exc)) from None
        raise


def why(exc: OSError) -> str | Message:
    """An operating-system error in a few words, naming a full disk as such."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Message("store.why.disk_full")
    if exc.errno == errno.EFBIG:
        return Message("store.why.too_large")
    if exc.errno == errno.EISDIR:
        return Message("store.why.folder")
    return exc.strerror or str(exc)

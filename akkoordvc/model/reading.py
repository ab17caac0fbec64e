"""Reading an input file named by a user, with one clear line for each way the read can fail."""

from __future__ import annotations

import os

from ..errors import AkkoordError
from ..messages import Message

_FILE = Message("input.kind.file")
_CHECK_PATH = Message("input.hint.check_path")
_SMALLER = Message("input.hint.smaller")


def read_input(
    path: str | os.PathLike[str],
    *,
    kind: str | Message = _FILE,
    hint: str | Message = _CHECK_PATH,
    error: type[AkkoordError] = AkkoordError,
    label: str | None = None,
    limit: int | None = None,
    over_limit: str | Message = _SMALLER,
) -> bytes:
    """The bytes of the file at `path`, or `error` with one line: `label` (default: the path), what went wrong
    and what to do (`hint` when the path is wrong; `over_limit` when the file is over `limit` bytes).
    `kind` names what the path should have been (`Message("input.kind.xml")`)."""
    source = os.fspath(path)
    where = source if label is None else label
    try:
        with open(source, "rb") as handle:
            if limit is not None:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    raise error.keyed(
                        "input.read.too_large", where=where, size=f"{size:,}", limit=f"{limit:,}", advice=over_limit
                    )
            return handle.read()
    except FileNotFoundError:
        raise error.keyed("input.read.missing", where=where, hint=hint) from None
    except IsADirectoryError:
        raise error.keyed("input.read.directory", where=where, kind=kind) from None
    except PermissionError:
        raise error.keyed("input.read.denied", where=where) from None
    except OSError as exc:  # e.g. a file name too long
        raise error.keyed("input.read.failed", where=where, reason=exc.strerror or str(exc), hint=hint) from None

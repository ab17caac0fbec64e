"""Reading an input file named by a user, with one clear line for each way the read can fail."""

from __future__ import annotations

import os

from ..errors import AkkoordError


def read_input(
    path: str | os.PathLike[str],
    *,
    kind: str = "a file",
    hint: str = "check the path",
    error: type[AkkoordError] = AkkoordError,
    label: str | None = None,
    limit: int | None = None,
    over_limit: str = "use a smaller file",
) -> bytes:
    """The bytes of the file at `path`, or `error` with one line: `label` (default: the path), what went wrong
    and what to do (`hint` when the path is wrong; `over_limit` when the file is over `limit` bytes).
    `kind` names what the path should have been ("an XML file")."""
    source = os.fspath(path)
    where = source if label is None else label
    try:
        with open(source, "rb") as handle:
            if limit is not None:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    raise error(f"{where}: file is {size:,} bytes, over the limit of {limit:,} bytes; {over_limit}")
            return handle.read()
    except FileNotFoundError:
        raise error(f"{where}: no such file; {hint}") from None
    except IsADirectoryError:
        raise error(f"{where}: is a directory, not {kind}") from None
    except PermissionError:
        raise error(f"{where}: permission denied; check the file's permissions") from None
    except OSError as exc:  # e.g. a file name too long
        raise error(f"{where}: cannot read: {exc.strerror or exc}; {hint}") from None
